// Hardware words beyond catalog ids: generic devices by memory ("24gb gpu", "a 48gb mac"), chips sold in
// several sizes ("m3 max", answered per size, never silently the largest) and Mac product names
// ("macbook air", "mac studio 96gb"). The request keeps the canonical word (`gpu-24gb`, `mac-48gb`,
// `m3-max`, `macbook-air-24gb`); this module turns it back into devices for the fit.
import { findGpu, gpuVariants, MAC_PRODUCT_CHIPS } from './gpus.ts';
import type { GpuSpec } from './types.ts';
import { dict } from '../dict.ts';

/** One device, or a chip/product sold in several memory sizes (the reply answers per size). */
export type Hardware =
  { kind: 'one'; gpu: GpuSpec } | { kind: 'sizes'; label: string; options: readonly GpuSpec[] };

// Metal's default working set (see gpus.ts and gpus_notes.md): the same budget for a Mac we know only by size.
const MAC_FRACTION = 0.75;
const GENERIC_ID = /^(gpu|mac)-(\d+(?:\.\d+)?)gb$/;
const PRODUCT_SIZE = /^(.+)-(\d+(?:\.\d+)?)gb$/;
/** Marketed memory sizes we accept for a generic device, in GB. */
const GB_LIMIT = { min: 1, max: 2048 } as const;

const PRODUCT_NAMES = dict<string>({
  mac: 'Mac',
  macbook: 'MacBook',
  'macbook-air': 'MacBook Air',
  'macbook-pro': 'MacBook Pro',
  'mac-mini': 'Mac mini',
  'mac-studio': 'Mac Studio',
  imac: 'iMac',
  'mac-pro': 'Mac Pro',
});

/** A device known only by its memory: usable memory follows its kind, no bandwidth (so no speed ceiling). */
export function genericDevice(kind: 'gpu' | 'mac', gb: number, label?: string): GpuSpec {
  const mac = kind === 'mac';
  return {
    id: `${kind}-${gb}gb`,
    vendor: mac ? 'Apple' : 'NVIDIA',
    name: label ?? (mac ? `a Mac with ${gb} GB` : `a ${gb} GB GPU`),
    memoryGiB: gb,
    usableFraction: mac ? MAC_FRACTION : 1,
    bandwidthGBs: 0,
    kind: mac ? 'unified' : 'discrete',
    category: mac ? 'apple' : 'consumer',
    year: 0,
    aliases: [],
    generic: true,
    source: mac
      ? 'generic: unified memory with the Metal working-set budget (~75% of RAM)'
      : 'generic: the stated memory, all of it usable (the CUDA context is counted as overhead)',
  };
}

/** A Mac product word (`macbook-air`), if `word` is one. */
export function macProduct(word: string): string | undefined {
  return PRODUCT_NAMES[word] !== undefined ? word : undefined;
}

/** Every configuration of the chips a product is sold with, one per memory size (smallest first). */
function productSizes(product: string): GpuSpec[] {
  // "mac" and "macbook" name no product line: every chip of the lines they cover.
  const lines =
    product === 'mac'
      ? Object.keys(MAC_PRODUCT_CHIPS)
      : product === 'macbook'
        ? ['macbook-air', 'macbook-pro']
        : [product];
  const chips = new Set(lines.flatMap((l) => MAC_PRODUCT_CHIPS[l] ?? []));
  const bySize = new Map<number, GpuSpec>();
  for (const chip of chips) {
    for (const v of gpuVariants(chip)) {
      if (!bySize.has(v.memoryGiB))
        bySize.set(
          v.memoryGiB,
          genericDevice('mac', v.memoryGiB, `${PRODUCT_NAMES[product]} ${v.memoryGiB} GB`),
        );
    }
  }
  return [...bySize.values()].sort((a, b) => a.memoryGiB - b.memoryGiB);
}

function validGb(raw: string): number | undefined {
  const gb = Number(raw);
  return Number.isFinite(gb) && gb >= GB_LIMIT.min && gb <= GB_LIMIT.max ? gb : undefined;
}

/** The hardware a canonical word names, if any (see the module comment for the forms). */
export function resolveHardware(word: string): Hardware | undefined {
  const gpu = findGpu(word);
  if (gpu) return { kind: 'one', gpu };
  const key = word.toLowerCase();
  const generic = GENERIC_ID.exec(key);
  if (generic) {
    const gb = validGb(generic[2]!);
    return gb === undefined
      ? undefined
      : { kind: 'one', gpu: genericDevice(generic[1] as 'gpu' | 'mac', gb) };
  }
  const family = gpuVariants(key);
  if (family.length > 0) {
    const variants = [...family].sort((a, b) => a.memoryGiB - b.memoryGiB);
    return { kind: 'sizes', label: chipLabel(variants), options: variants };
  }
  if (PRODUCT_NAMES[key] !== undefined) {
    const options = productSizes(key);
    return options.length > 0 ? { kind: 'sizes', label: PRODUCT_NAMES[key]!, options } : undefined;
  }
  const sized = PRODUCT_SIZE.exec(key);
  if (sized && PRODUCT_NAMES[sized[1]!] !== undefined) {
    const gb = validGb(sized[2]!);
    if (gb === undefined) return undefined;
    return { kind: 'one', gpu: genericDevice('mac', gb, `${PRODUCT_NAMES[sized[1]!]} ${gb} GB`) };
  }
  return undefined;
}

/** "Apple M3 Max" from its configurations' names ("Apple M3 Max 36 GB"). */
function chipLabel(variants: readonly GpuSpec[]): string {
  return variants[0]!.name.replace(/\s+\d+(\.\d+)?\s*GB$/i, '');
}

/** The configuration of a chip or product with `gb` of memory, as a canonical word, if it exists. */
export function sizedHardware(word: string, gb: number): string | undefined {
  const hw = resolveHardware(word);
  if (!hw) return undefined;
  // A name that is both a row and a family ("strix halo" is the 128 GB row, and sold with 64 GB too).
  if (hw.kind === 'one')
    return hw.gpu.memoryGiB === gb ? word : gpuVariants(word).find((o) => o.memoryGiB === gb)?.id;
  const hit = hw.options.find((o) => o.memoryGiB === gb);
  if (!hit) return undefined;
  return hit.generic ? `${word}-${gb}gb` : hit.id;
}
