import { describe, it, expect } from 'vitest';
import {
  ampereOrNewer,
  GPUS,
  GPU_FAMILY_NAMES,
  GPU_NAMES,
  MAC_PRODUCT_CHIPS,
  findGpu,
  gpuVariants,
} from '../src/catalog/gpus.ts';

// Segments of letters and digits ('+' and '.' allowed: `ai-max+-395`) joined by single dashes.
const KEBAB = /^[a-z0-9+.]+(?:-[a-z0-9+.]+)*$/;

function gpu(id: string) {
  const found = GPUS.find((g) => g.id === id);
  if (!found) throw new Error(`no GPU ${id}`);
  return found;
}

describe('GPU catalog shape', () => {
  it('has at least 150 accelerators', () => {
    expect(GPUS.length).toBeGreaterThanOrEqual(150);
  });

  it('has unique kebab-case ids', () => {
    const ids = GPUS.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('writes aliases in the normalized form the parser produces', () => {
    for (const g of GPUS) {
      for (const alias of g.aliases) {
        expect(alias, `${g.id}: ${alias}`).toBe(alias.trim().toLowerCase());
        expect(alias, `${g.id}: ${alias}`).not.toMatch(/[\s_]/);
        expect(alias, `${g.id}: ${alias}`).toMatch(KEBAB);
      }
    }
  });

  it('never lets an alias name two GPUs or shadow another id', () => {
    const owner = new Map<string, string>();
    for (const g of GPUS) owner.set(g.id, g.id);
    for (const g of GPUS) {
      for (const alias of g.aliases) {
        const previous = owner.get(alias);
        expect(previous === undefined || previous === g.id, `${alias}: ${previous} and ${g.id}`).toBe(true);
        expect(alias, `${g.id} lists its own id as an alias`).not.toBe(g.id);
        owner.set(alias, g.id);
      }
    }
    expect(new Set(GPU_NAMES).size).toBe(GPU_NAMES.length);
    expect(GPU_NAMES.length).toBe(owner.size);
  });

  it('has positive sizes, bandwidths and a source on every row', () => {
    for (const g of GPUS) {
      expect(g.memoryGiB, g.id).toBeGreaterThan(0);
      expect(g.bandwidthGBs, g.id).toBeGreaterThan(0);
      expect(g.source.trim().length, g.id).toBeGreaterThan(0);
      // Every row names where its numbers were read: a URL or a repo:path.
      expect(g.source, g.id).toMatch(/https?:\/\/|\$?\{?[\w.-]+\/[\w.-]+:[\w./-]+/);
      expect(g.usableFraction, g.id).toBeGreaterThan(0);
      expect(g.usableFraction, g.id).toBeLessThanOrEqual(1);
      expect(g.year, g.id).toBeGreaterThanOrEqual(2016);
      expect(g.year, g.id).toBeLessThanOrEqual(2026);
    }
  });

  it('budgets Apple at the Metal default and discrete cards at the full card', () => {
    for (const g of GPUS) {
      if (g.vendor === 'Apple') {
        expect(g.kind, g.id).toBe('unified');
        expect(g.category, g.id).toBe('apple');
        expect(g.usableFraction, g.id).toBeLessThanOrEqual(0.85);
        expect(g.notes, g.id).toContain('iogpu.wired_limit_mb');
      }
      if (g.kind === 'discrete') expect(g.usableFraction, g.id).toBe(1);
    }
    for (const id of ['ryzen-ai-max-395', 'dgx-spark', 'jetson-agx-orin-64gb']) {
      expect(gpu(id).kind, id).toBe('unified');
      expect(gpu(id).usableFraction, id).toBeLessThan(1);
    }
    for (const g of GPUS.filter((x) => x.category === 'edge')) {
      expect(g.kind, g.id).toBe('unified');
      expect(g.usableFraction, g.id).toBeLessThan(1);
    }
  });

  it('has laptop GPUs, with their own (smaller) memory, and Jetson edge modules', () => {
    const laptops = GPUS.filter((g) => g.category === 'laptop');
    expect(laptops.length).toBeGreaterThanOrEqual(12);
    for (const g of laptops) {
      expect(g.kind, g.id).toBe('discrete');
      expect(g.name, g.id).toContain('Laptop');
      expect(g.id, g.id).toMatch(/-laptop$/);
    }
    expect(gpu('rtx-4090-laptop').memoryGiB).toBeLessThan(gpu('rtx-4090').memoryGiB);
    expect(gpu('rtx-3060-laptop').memoryGiB).toBeLessThan(gpu('rtx-3060-12gb').memoryGiB);
    const edge = GPUS.filter((g) => g.category === 'edge').map((g) => g.id);
    expect(edge).toEqual(
      expect.arrayContaining(['jetson-agx-orin-64gb', 'jetson-orin-nano-super', 'jetson-thor-t5000']),
    );
  });

  it('keeps vendor/category groups together, largest memory first', () => {
    const seen = new Set<string>();
    let previous: (typeof GPUS)[number] | undefined;
    for (const g of GPUS) {
      const group = `${g.vendor}/${g.category}`;
      const previousGroup = previous && `${previous.vendor}/${previous.category}`;
      if (group === previousGroup) {
        expect(g.memoryGiB, `${previous?.id} before ${g.id}`).toBeLessThanOrEqual(previous!.memoryGiB);
      } else {
        expect(seen.has(group), `group ${group} is split`).toBe(false);
        seen.add(group);
      }
      previous = g;
    }
  });

  it('marks the common choices, about one card in eight (headlines prefer them)', () => {
    const common = GPUS.filter((g) => g.common);
    expect(common.length).toBeGreaterThanOrEqual(10);
    expect(common.length).toBeLessThanOrEqual(Math.ceil(GPUS.length / 8));
  });

  it('includes the cards the bot must know', () => {
    const required = [
      'rtx-5090',
      'rtx-5080',
      'rtx-5070-ti',
      'rtx-5070',
      'rtx-5060-ti-16gb',
      'rtx-5060-ti-8gb',
      'rtx-4090',
      'rtx-4080-super',
      'rtx-4080',
      'rtx-4070-ti-super',
      'rtx-4070-ti',
      'rtx-4070',
      'rtx-4060-ti-16gb',
      'rtx-4060-ti-8gb',
      'rtx-4060',
      'rtx-3090-ti',
      'rtx-3090',
      'rtx-3080-10gb',
      'rtx-3080-12gb',
      'rtx-3070',
      'rtx-3060-12gb',
      'rtx-a6000',
      'rtx-6000-ada',
      'rtx-pro-6000-blackwell',
      'rtx-a5000',
      'rtx-4000-ada',
      'a100-40gb-pcie',
      'a100-40gb-sxm',
      'a100-80gb-pcie',
      'a100-80gb-sxm',
      'h100-pcie',
      'h100-sxm',
      'h100-nvl',
      'h200-sxm',
      'h200-nvl',
      'b200',
      'gb200',
      'l4',
      'l40s',
      't4',
      'a10',
      'a10g',
      'v100-16gb-sxm2',
      'v100-32gb-sxm2',
      'mi300x',
      'mi325x',
      'mi250x',
      'rx-7900-xtx',
      'radeon-pro-w7900',
      'ryzen-ai-max-395',
      'dgx-spark',
      'jetson-agx-orin-64gb',
      'arc-a770-16gb',
      'arc-b580',
      'gaudi3',
      'apple-m1-max-32gb',
      'apple-m1-max-64gb',
      'apple-m1-ultra-64gb',
      'apple-m1-ultra-128gb',
      'apple-m2-max-32gb',
      'apple-m2-max-64gb',
      'apple-m2-max-96gb',
      'apple-m2-ultra-64gb',
      'apple-m2-ultra-128gb',
      'apple-m2-ultra-192gb',
      'apple-m3-max-36gb',
      'apple-m3-max-48gb',
      'apple-m3-max-64gb',
      'apple-m3-max-96gb',
      'apple-m3-max-128gb',
      'apple-m3-ultra-96gb',
      'apple-m3-ultra-256gb',
      'apple-m3-ultra-512gb',
      'apple-m4-max-36gb',
      'apple-m4-max-48gb',
      'apple-m4-max-64gb',
      'apple-m4-max-128gb',
      'apple-m4-pro-24gb',
      'apple-m4-pro-48gb',
      'apple-m4-pro-64gb',
      'apple-m4-16gb',
      'apple-m4-24gb',
      'apple-m4-32gb',
      // Added with the 150+ catalog.
      'rtx-2060',
      'rtx-2060-super',
      'rtx-2060-12gb',
      'rtx-2070',
      'rtx-2070-super',
      'rtx-2080',
      'rtx-2080-super',
      'rtx-2080-ti',
      'titan-rtx',
      'gtx-1080-ti',
      'gtx-1660',
      'rtx-3050',
      'rtx-3060-8gb',
      'rtx-3060-ti',
      'rtx-3070-ti',
      'rtx-3080-ti',
      'rtx-4070-super',
      'rtx-5060',
      'rtx-5050',
      'rtx-3060-laptop',
      'rtx-3070-laptop',
      'rtx-3080-laptop',
      'rtx-4050-laptop',
      'rtx-4060-laptop',
      'rtx-4070-laptop',
      'rtx-4080-laptop',
      'rtx-4090-laptop',
      'rtx-5070-laptop',
      'rtx-5080-laptop',
      'rtx-5090-laptop',
      'p40',
      'p100-pcie-16gb',
      'a2',
      'a16',
      'a30',
      'a40',
      'l40',
      'rtx-a4000',
      'rtx-4500-ada',
      'rtx-5000-ada',
      'rtx-pro-4000-blackwell',
      'rtx-pro-4500-blackwell',
      'rtx-pro-5000-blackwell',
      'rtx-pro-6000-blackwell-max-q',
      'rtx-pro-6000-blackwell-server',
      'h20',
      'b300',
      'gb300',
      'gh200-96gb',
      'gh200-144gb',
      'jetson-agx-orin-32gb',
      'jetson-orin-nano-super',
      'jetson-thor-t5000',
      'rx-6800',
      'rx-6800-xt',
      'rx-6900-xt',
      'rx-6950-xt',
      'rx-7600-xt',
      'rx-7700-xt',
      'rx-7800-xt',
      'rx-7900-gre',
      'rx-7900-xt',
      'rx-9060-xt-16gb',
      'rx-9070',
      'rx-9070-xt',
      'radeon-pro-w7800',
      'radeon-ai-pro-r9700',
      'mi100',
      'mi210',
      'mi300a',
      'mi350x',
      'mi355x',
      'arc-a750',
      'arc-b570',
      'arc-pro-b50',
      'arc-pro-b60',
      'gaudi2',
      'max-1100',
      'max-1550',
      'tpu-v4',
      'tpu-v5e',
      'tpu-v5p',
      'tpu-v6e',
      'tpu-v7',
      'apple-m1-8gb',
      'apple-m1-16gb',
      'apple-m1-pro-16gb',
      'apple-m1-pro-32gb',
      'apple-m2-8gb',
      'apple-m2-16gb',
      'apple-m2-24gb',
      'apple-m2-pro-16gb',
      'apple-m2-pro-32gb',
      'apple-m3-8gb',
      'apple-m3-16gb',
      'apple-m3-24gb',
      'apple-m3-pro-18gb',
      'apple-m3-pro-36gb',
      'apple-m5-16gb',
      'apple-m5-24gb',
      'apple-m5-32gb',
      'apple-m5-pro-64gb',
      'apple-m5-max-128gb',
    ];
    const ids = new Set(GPUS.map((g) => g.id));
    for (const id of required) expect(ids.has(id), id).toBe(true);
  });
});

describe('facts checked against gpus.csv', () => {
  it.each([
    ['rtx-4090', 24, 1008],
    ['mi300x', 192, 5300],
    ['mi325x', 256, 6000],
    ['h100-sxm', 80, 3350],
    ['a100-80gb-sxm', 80, 2039],
    ['b200', 180, 8000],
    ['h200-sxm', 141, 4800],
    ['rtx-5090', 32, 1790],
    ['ryzen-ai-max-395', 128, 256],
    ['dgx-spark', 128, 273],
    ['apple-m2-ultra-192gb', 192, 800],
    ['apple-m4-max-128gb', 128, 546],
    ['apple-m3-max-36gb', 36, 300],
    // Rows added with the 150+ catalog, as read from their sources.
    ['rtx-2080-ti', 11, 616],
    ['rtx-4090-laptop', 16, 576],
    ['rtx-5090-laptop', 24, 896],
    ['p40', 24, 347.1],
    ['b300', 270, 8000],
    ['gb300', 279, 8000],
    ['gh200-96gb', 96, 4000],
    ['h20', 96, 4000],
    ['jetson-thor-t5000', 128, 273.2],
    ['mi355x', 288, 8000],
    ['mi300a', 128, 5300],
    ['rx-9070-xt', 16, 644.6],
    ['arc-pro-b60', 24, 456],
    ['gaudi2', 96, 2460],
    ['tpu-v5p', 95, 2765],
    ['tpu-v6e', 32, 1638],
    ['tpu-v7', 192, 7380],
    ['apple-m1-8gb', 8, 68.25],
    ['apple-m3-pro-18gb', 18, 150],
    ['apple-m5-32gb', 32, 153],
    ['apple-m5-max-128gb', 128, 614],
  ])('%s: %d GiB, %d GB/s', (id, memoryGiB, bandwidthGBs) => {
    expect(gpu(id).memoryGiB).toBe(memoryGiB);
    expect(gpu(id).bandwidthGBs).toBe(bandwidthGBs);
  });

  it('copies the csv source for csv rows', () => {
    expect(gpu('rtx-4090').source).toContain('techpowerup.com/gpu-specs/geforce-rtx-4090');
    expect(gpu('mi300x').source).toContain('stas00/ml-engineering');
  });
});

describe('findGpu', () => {
  it.each([
    ['RTX 4090', 'rtx-4090'],
    ['4090', 'rtx-4090'],
    ['NVIDIA GeForce RTX 4090', 'rtx-4090'],
    ['a100', 'a100-80gb-sxm'],
    ['A100-80GB', 'a100-80gb-sxm'],
    ['a100_40gb', 'a100-40gb-sxm'],
    ['h100', 'h100-sxm'],
    ['v100', 'v100-32gb-sxm2'],
    ['rtx 3080', 'rtx-3080-10gb'],
    ['4060 ti', 'rtx-4060-ti-16gb'],
    ['mi300', 'mi300x'],
    ['7900xtx', 'rx-7900-xtx'],
    ['m2 ultra 192gb', 'apple-m2-ultra-192gb'],
    ['m2ultra192', 'apple-m2-ultra-192gb'],
    ['Apple M2 Ultra 192GB', 'apple-m2-ultra-192gb'],
    ['m4 max 128gb', 'apple-m4-max-128gb'],
    ['  M3 Max 36GB  ', 'apple-m3-max-36gb'],
    ['m1 16gb', 'apple-m1-16gb'],
    ['3060', 'rtx-3060-12gb'],
    ['RTX 4090 Laptop', 'rtx-4090-laptop'],
    ['4090m', 'rtx-4090-laptop'],
    ['rtx 3060 mobile', 'rtx-3060-laptop'],
    ['7900 xt', 'rx-7900-xt'],
    ['2080 ti', 'rtx-2080-ti'],
    ['tpu v6e', 'tpu-v6e'],
    ['ironwood', 'tpu-v7'],
    ['jetson orin nano super', 'jetson-orin-nano-super'],
    ['Intel Arc Pro B60', 'arc-pro-b60'],
    ['Ryzen AI Max+ 395', 'ryzen-ai-max-395'],
    ['amd mi300x', 'mi300x'],
  ])('%j -> %s', (word, id) => {
    expect(findGpu(word)?.id).toBe(id);
  });

  it('resolves every id and alias to its own GPU', () => {
    for (const g of GPUS) {
      expect(findGpu(g.id)).toBe(g);
      for (const alias of g.aliases) expect(findGpu(alias), alias).toBe(g);
    }
  });

  it('returns undefined for unknown names', () => {
    expect(findGpu('zzz')).toBeUndefined();
    expect(findGpu('')).toBeUndefined();
    expect(findGpu('nvidia-')).toBeUndefined();
  });
});

describe('gpuVariants', () => {
  const ids = (word: string) => gpuVariants(word).map((g) => g.id);

  it('lists every configuration of an Apple chip, and the bare chip resolves to no row', () => {
    expect(ids('m3-max')).toEqual([
      'apple-m3-max-128gb',
      'apple-m3-max-96gb',
      'apple-m3-max-64gb',
      'apple-m3-max-48gb',
      'apple-m3-max-36gb',
    ]);
    expect(findGpu('m3-max')).toBeUndefined();
    for (const word of ['M3 Max', 'apple m3 max', 'm3max', 'Apple_M3_Max'])
      expect(ids(word), word).toEqual(ids('m3-max'));
    expect(ids('m2 ultra')).toEqual(['apple-m2-ultra-192gb', 'apple-m2-ultra-128gb', 'apple-m2-ultra-64gb']);
    expect(ids('m4')).toEqual(['apple-m4-32gb', 'apple-m4-24gb', 'apple-m4-16gb']);
  });

  it('never lets a bare Apple chip name resolve through findGpu', () => {
    const chips = new Set(
      GPUS.filter((g) => g.vendor === 'Apple').map((g) => /^apple-(.+)-\d+gb$/.exec(g.id)![1]!),
    );
    expect(chips.size).toBeGreaterThanOrEqual(15);
    for (const chip of chips) {
      expect(findGpu(chip), chip).toBeUndefined();
      expect(findGpu(chip.replaceAll('-', '')), chip).toBeUndefined();
      expect(gpuVariants(chip).length, chip).toBeGreaterThanOrEqual(1);
    }
  });

  it('puts every Apple row in its chip family, largest memory first', () => {
    for (const g of GPUS.filter((x) => x.vendor === 'Apple')) {
      const chip = /^apple-(.+)-\d+gb$/.exec(g.id)![1]!;
      expect(gpuVariants(chip), g.id).toContain(g);
    }
    for (const name of GPU_FAMILY_NAMES) {
      const sizes = gpuVariants(name).map((g) => g.memoryGiB);
      expect(sizes, name).toEqual([...sizes].sort((a, b) => b - a));
    }
  });

  it('lists cards sold in several sizes, keeping the bare name on the common size', () => {
    expect(ids('3060')).toEqual(['rtx-3060-12gb', 'rtx-3060-8gb']);
    expect(findGpu('3060')?.id).toBe('rtx-3060-12gb');
    expect(ids('RTX 4060 Ti')).toEqual(['rtx-4060-ti-16gb', 'rtx-4060-ti-8gb']);
    expect([...ids('a100')].sort()).toEqual([
      'a100-40gb-pcie',
      'a100-40gb-sxm',
      'a100-80gb-pcie',
      'a100-80gb-sxm',
    ]);
    expect(ids('gh200')).toEqual(['gh200-144gb', 'gh200-96gb']);
    expect(findGpu('gh200')).toBeUndefined();
  });

  it('returns [] for a sized name or an unknown word', () => {
    expect(gpuVariants('m3-max-36gb')).toEqual([]);
    expect(gpuVariants('rtx-4090')).toEqual([]);
    expect(gpuVariants('zzz')).toEqual([]);
    expect(gpuVariants('')).toEqual([]);
  });
});

describe('MAC_PRODUCT_CHIPS', () => {
  it('maps each Mac product to chips the catalog knows', () => {
    expect(Object.keys(MAC_PRODUCT_CHIPS).sort()).toEqual(
      ['imac', 'mac-mini', 'mac-pro', 'mac-studio', 'macbook-air', 'macbook-pro'].sort(),
    );
    for (const [product, chips] of Object.entries(MAC_PRODUCT_CHIPS)) {
      expect(chips!.length, product).toBeGreaterThan(0);
      for (const chip of chips!) expect(gpuVariants(chip).length, `${product}: ${chip}`).toBeGreaterThan(0);
    }
    // The current lineup leads; earlier generations sold under the name follow.
    expect(MAC_PRODUCT_CHIPS['mac-studio']!.slice(0, 2)).toEqual(['m4-max', 'm3-ultra']);
    expect(MAC_PRODUCT_CHIPS['macbook-air']).toContain('m1');
    expect(findGpu('mac-studio')).toBeUndefined();
  });
});

describe('ampereOrNewer: the cards with bf16 (and vLLM FP8 kernels)', () => {
  // Independent of the year rule it is written with: the pre-Ampere lines by name (Pascal, Volta, Turing).
  const PRE_AMPERE = /^TITAN RTX$|GeForce RTX 20\d0|GTX|V100|Tesla P|^T4$/;
  it('every NVIDIA row agrees with its line', () => {
    const nvidia = GPUS.filter((g) => g.vendor === 'NVIDIA');
    expect(nvidia.filter((g) => ampereOrNewer(g) === PRE_AMPERE.test(g.name)).map((g) => g.name)).toEqual([]);
    expect(nvidia.filter((g) => !ampereOrNewer(g)).length).toBeGreaterThan(15);
  });
  it('no other vendor is vouched for', () => {
    expect(GPUS.filter((g) => g.vendor !== 'NVIDIA').some(ampereOrNewer)).toBe(false);
  });
});
