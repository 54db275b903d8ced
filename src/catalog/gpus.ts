// GPU catalog: memory size and peak bandwidth of the accelerators people ask about.
//
// Where the numbers come from: /work/shared/reference/gpus.csv and gpus_notes.md (TechPowerUp scrape via
// reox007/RightNow-GPU-Database, gmasse/gpu-specs, stas00/ml-engineering, vendor announcements). Each
// row's `source` names the documents it was read from; rows that are not in the csv cite the TechPowerUp
// scrape (same repository) or the pages named in `source`. Where sources disagree we follow gpus_notes.md
// (e.g. TechPowerUp's MI300X, MI325X and B200 entries are wrong) and say so in `notes`.
//
// Names: findGpu() resolves one row. A bare Apple chip ("m3 max") and a card sold in several sizes ("3060")
// are families: gpuVariants() lists their rows. MAC_PRODUCT_CHIPS maps Mac product words to chips.
//
// The source below is written in reading order (families together); GPUS is sorted once at load into
// vendor/category groups, largest memory first, so lists and "fits on" answers come out in a stable order.

import type { GpuSpec } from './types.ts';
import { dict } from '../dict.ts';

const TPU_NVIDIA = 'reox007/RightNow-GPU-Database:data/nvidia/all.json (TechPowerUp scrape)';
const TPU_AMD = 'reox007/RightNow-GPU-Database:data/amd/all.json (TechPowerUp scrape)';
const TPU_INTEL = 'reox007/RightNow-GPU-Database:data/intel/all.json (TechPowerUp scrape)';
const GMASSE = 'gmasse/gpu-specs:data/specs.json + specs.md (cites NVIDIA datasheets)';
const STAS00 =
  'stas00/ml-engineering:compute/accelerator/README.md (TFLOPS + HBM tables; cites vendor spec pages)';
const VERDA_GB300 = 'https://verda.com/blog/gb300-nvl72-architecture';
const ROCM_SPECS = 'https://rocm.docs.amd.com/en/7.13.0-preview/reference/gpu-specs.html';

// Metal's recommendedMaxWorkingSetSize is ~75% of RAM by default (llama.cpp logs 48 GiB on a 64 GB M1 Max);
// llama.cpp, MLX, PyTorch MPS and Ollama all treat it as the GPU budget. See gpus_notes.md.
const APPLE_FRACTION = 0.75;
const APPLE_NOTE =
  'GPU budget = Metal recommendedMaxWorkingSetSize, ~75% of RAM by default; raise it with `sudo sysctl iogpu.wired_limit_mb=N` (macOS 14+, resets on reboot).';
const APPLE_BIG_NOTE =
  'GPU budget = Metal recommendedMaxWorkingSetSize: we assume the documented ~75% default; newer macOS has been seen giving ~84% on 128 GB+ hosts, and `sudo sysctl iogpu.wired_limit_mb=N` raises it further.';

interface AppleRow {
  /** Chip as people type it: `m2-ultra`. */
  chip: string;
  /** Display name of the chip: `M2 Ultra`. */
  name: string;
  gb: number;
  bw: number;
  year: number;
  source: string;
  aliases?: string[];
  common?: boolean;
  notes?: string;
}

/**
 * One Apple configuration. A helper because every row shares kind, category, budget and note. Only sized
 * names are aliases: the bare chip (`m2-ultra`) is a family for gpuVariants(), never one row.
 */
function apple(row: AppleRow): GpuSpec {
  const { chip, gb } = row;
  const squashed = chip.replaceAll('-', '');
  const aliases = [`${chip}-${gb}gb`, `${chip}-${gb}`];
  // `m2ultra192` reads fine; `m432` (plain M4) does not, so only chips with a suffix get the squashed form.
  if (squashed !== chip) aliases.push(`${squashed}${gb}`);
  aliases.push(...(row.aliases ?? []));
  const note = gb >= 128 ? APPLE_BIG_NOTE : APPLE_NOTE;
  return {
    id: `apple-${chip}-${gb}gb`,
    vendor: 'Apple',
    name: `Apple ${row.name} ${gb} GB`,
    memoryGiB: gb,
    usableFraction: APPLE_FRACTION,
    bandwidthGBs: row.bw,
    kind: 'unified',
    category: 'apple',
    year: row.year,
    aliases,
    ...(row.common ? { common: true } : {}),
    source: row.source,
    notes: row.notes ? `${row.notes} ${note}` : note,
  };
}

// prettier-ignore
const NVIDIA_CONSUMER: GpuSpec[] = [
  // --- GeForce RTX 50 (Blackwell) ---
  {
    id: 'rtx-5090', vendor: 'NVIDIA', name: 'GeForce RTX 5090', memoryGiB: 32, usableFraction: 1, bandwidthGBs: 1790,
    kind: 'discrete', category: 'consumer', year: 2025, aliases: ['5090', 'rtx5090', 'geforce-rtx-5090'], common: true,
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5090.c4216`,
    notes: 'NVIDIA quotes 1792 GB/s (TechPowerUp 1790, kept from the csv).',
  },
  {
    id: 'rtx-5080', vendor: 'NVIDIA', name: 'GeForce RTX 5080', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 960,
    kind: 'discrete', category: 'consumer', year: 2025, common: true, aliases: ['5080', 'rtx5080', 'geforce-rtx-5080'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5080.c4217`,
  },
  {
    id: 'rtx-5070-ti', vendor: 'NVIDIA', name: 'GeForce RTX 5070 Ti', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 896,
    kind: 'discrete', category: 'consumer', year: 2025, common: true, aliases: ['5070-ti', '5070ti', 'rtx5070ti', 'rtx-5070ti'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5070-ti.c4243`,
  },
  {
    id: 'rtx-5070', vendor: 'NVIDIA', name: 'GeForce RTX 5070', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 672,
    kind: 'discrete', category: 'consumer', year: 2025, aliases: ['5070', 'rtx5070'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5070.c4218`,
  },
  // A bare "5060 Ti" means the 16 GB card: it is the one bought for LLMs.
  {
    id: 'rtx-5060-ti-16gb', vendor: 'NVIDIA', name: 'GeForce RTX 5060 Ti 16 GB', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2025, common: true,
    aliases: ['5060-ti', '5060ti', 'rtx-5060-ti', 'rtx5060ti', '5060-ti-16gb', '5060ti-16gb', '5060-ti-16', 'rtx-5060-ti-16'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5060-ti-16-gb.c4292`,
  },
  {
    id: 'rtx-5060-ti-8gb', vendor: 'NVIDIA', name: 'GeForce RTX 5060 Ti 8 GB', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2025,
    aliases: ['5060-ti-8gb', '5060ti-8gb', '5060-ti-8', 'rtx-5060-ti-8'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5060-ti-8-gb.c4246`,
  },
  {
    id: 'rtx-5060', vendor: 'NVIDIA', name: 'GeForce RTX 5060', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2025,
    aliases: ['5060', 'rtx5060', 'rtx-5060-8gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5060.c4219`,
  },
  {
    id: 'rtx-5050', vendor: 'NVIDIA', name: 'GeForce RTX 5050', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 320,
    kind: 'discrete', category: 'consumer', year: 2025,
    aliases: ['5050', 'rtx5050', 'rtx-5050-8gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5050.c4220`,
    notes: 'Desktop card uses GDDR6 (the laptop part has GDDR7).',
  },
  // --- GeForce RTX 40 (Ada) ---
  {
    id: 'rtx-4090', vendor: 'NVIDIA', name: 'GeForce RTX 4090', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 1008,
    kind: 'discrete', category: 'consumer', year: 2022, aliases: ['4090', 'rtx4090', 'geforce-rtx-4090'], common: true,
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4090.c3889; ${GMASSE}`,
    notes: '1008 GB/s per NVIDIA Ada whitepaper (gmasse); TechPowerUp lists 1010.',
  },
  {
    id: 'rtx-4080-super', vendor: 'NVIDIA', name: 'GeForce RTX 4080 SUPER', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 736.3,
    kind: 'discrete', category: 'consumer', year: 2024,
    aliases: ['4080-super', '4080super', 'rtx4080super', 'rtx-4080super', '4080s', 'rtx-4080s'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4080-super.c4182`,
  },
  {
    id: 'rtx-4080', vendor: 'NVIDIA', name: 'GeForce RTX 4080', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 716.8,
    kind: 'discrete', category: 'consumer', year: 2022, common: true, aliases: ['4080', 'rtx4080'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4080.c3888`,
  },
  {
    id: 'rtx-4070-ti-super', vendor: 'NVIDIA', name: 'GeForce RTX 4070 Ti SUPER', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 672.3,
    kind: 'discrete', category: 'consumer', year: 2024, common: true,
    aliases: ['4070-ti-super', '4070tisuper', 'rtx4070tisuper', 'rtx-4070ti-super', '4070ti-super'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4070-ti-super.c4187`,
  },
  {
    id: 'rtx-4070-ti', vendor: 'NVIDIA', name: 'GeForce RTX 4070 Ti', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 504,
    kind: 'discrete', category: 'consumer', year: 2023,
    aliases: ['4070-ti', '4070ti', 'rtx4070ti', 'rtx-4070ti', 'rtx-4070-ti-12gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4070-ti.c3950; NVIDIA spec page (GeForce RTX 4070 family: 12 GB GDDR6X, 504 GB/s)`,
    notes: 'NVIDIA 504 GB/s (used); TechPowerUp 504.2.',
  },
  {
    id: 'rtx-4070', vendor: 'NVIDIA', name: 'GeForce RTX 4070', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 504.2,
    kind: 'discrete', category: 'consumer', year: 2023, common: true, aliases: ['4070', 'rtx4070'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4070.c3924`,
    notes: 'GDDR6X card; a later GDDR6 variant has 480 GB/s.',
  },
  {
    id: 'rtx-4070-super', vendor: 'NVIDIA', name: 'GeForce RTX 4070 SUPER', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 504.2,
    kind: 'discrete', category: 'consumer', year: 2024,
    aliases: ['4070-super', '4070super', 'rtx4070super', 'rtx-4070super', '4070s', 'rtx-4070s'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4070-super.c4186`,
  },
  // A bare "4060 Ti" means the 16 GB card: the 8 GB one is rarely bought for LLMs.
  {
    id: 'rtx-4060-ti-16gb', vendor: 'NVIDIA', name: 'GeForce RTX 4060 Ti 16 GB', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 288,
    kind: 'discrete', category: 'consumer', year: 2023, common: true,
    aliases: ['4060-ti', '4060ti', 'rtx-4060-ti', 'rtx4060ti', '4060-ti-16gb', '4060ti-16gb', '4060-ti-16', 'rtx-4060-ti-16'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4060-ti-16-gb.c4155`,
    notes: '128-bit bus: same 288 GB/s as the 8 GB model.',
  },
  {
    id: 'rtx-4060-ti-8gb', vendor: 'NVIDIA', name: 'GeForce RTX 4060 Ti 8 GB', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 288,
    kind: 'discrete', category: 'consumer', year: 2023,
    aliases: ['4060-ti-8gb', '4060ti-8gb', '4060-ti-8', 'rtx-4060-ti-8'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4060-ti-8-gb.c3890`,
  },
  {
    id: 'rtx-4060', vendor: 'NVIDIA', name: 'GeForce RTX 4060', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 272,
    kind: 'discrete', category: 'consumer', year: 2023, common: true, aliases: ['4060', 'rtx4060', 'rtx-4060-8gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4060.c4107; NVIDIA spec page (GeForce RTX 4060: 8 GB GDDR6, 272 GB/s)`,
    notes: 'Not in gpus.csv. gpu_poor lists it as 16 GB / 288 GB/s, which is wrong (gpus_notes.md).',
  },
  // --- GeForce RTX 30 (Ampere) ---
  {
    id: 'rtx-3090-ti', vendor: 'NVIDIA', name: 'GeForce RTX 3090 Ti', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 1010,
    kind: 'discrete', category: 'consumer', year: 2022, aliases: ['3090-ti', '3090ti', 'rtx3090ti', 'rtx-3090ti'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3090-ti.c3829`,
    notes: 'TechPowerUp 1010 GB/s (kept from the csv); NVIDIA quotes 1008.',
  },
  {
    id: 'rtx-3090', vendor: 'NVIDIA', name: 'GeForce RTX 3090', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 936.2,
    kind: 'discrete', category: 'consumer', year: 2020, aliases: ['3090', 'rtx3090'], common: true,
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3090.c3622`,
  },
  {
    id: 'rtx-3080-12gb', vendor: 'NVIDIA', name: 'GeForce RTX 3080 12 GB', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 912.4,
    kind: 'discrete', category: 'consumer', year: 2022,
    aliases: ['3080-12gb', '3080-12', 'rtx-3080-12', 'rtx3080-12gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3080-12-gb.c3834`,
    notes: '2022 variant, 384-bit bus.',
  },
  // A bare "3080" means the original 10 GB card.
  {
    id: 'rtx-3080-10gb', vendor: 'NVIDIA', name: 'GeForce RTX 3080 10 GB', memoryGiB: 10, usableFraction: 1, bandwidthGBs: 760.3,
    kind: 'discrete', category: 'consumer', year: 2020, common: true,
    aliases: ['3080', 'rtx3080', 'rtx-3080', '3080-10gb', '3080-10', 'rtx-3080-10'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3080.c3621`,
    notes: 'Original 10 GB card, 320-bit bus.',
  },
  {
    id: 'rtx-3070', vendor: 'NVIDIA', name: 'GeForce RTX 3070', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2020, common: true, aliases: ['3070', 'rtx3070', 'rtx-3070-8gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3070.c3674; NVIDIA spec page (GeForce RTX 3070: 8 GB GDDR6, 448 GB/s)`,
  },
  // A bare "3060" means the 12 GB card, by far the common one.
  {
    id: 'rtx-3060-12gb', vendor: 'NVIDIA', name: 'GeForce RTX 3060 12 GB', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 360,
    kind: 'discrete', category: 'consumer', year: 2021, common: true,
    aliases: ['3060', 'rtx3060', 'rtx-3060', '3060-12gb', '3060-12', 'rtx-3060-12'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3060-12-gb.c3682`,
  },
  {
    id: 'rtx-3060-8gb', vendor: 'NVIDIA', name: 'GeForce RTX 3060 8 GB', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 240,
    kind: 'discrete', category: 'consumer', year: 2022, aliases: ['3060-8gb', '3060-8', 'rtx-3060-8'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3060-8-gb.c3937 (gpus.csv note on rtx-3060-12gb: 8 GB variant, 128-bit, 240 GB/s)`,
    notes: '128-bit bus; much slower than the 12 GB card.',
  },
  {
    id: 'rtx-3080-ti', vendor: 'NVIDIA', name: 'GeForce RTX 3080 Ti', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 912.4,
    kind: 'discrete', category: 'consumer', year: 2021,
    aliases: ['3080-ti', '3080ti', 'rtx3080ti', 'rtx-3080ti', 'rtx-3080-ti-12gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3080-ti.c3735`,
  },
  {
    id: 'rtx-3070-ti', vendor: 'NVIDIA', name: 'GeForce RTX 3070 Ti', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 608.3,
    kind: 'discrete', category: 'consumer', year: 2021,
    aliases: ['3070-ti', '3070ti', 'rtx3070ti', 'rtx-3070ti'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3070-ti.c3675`,
  },
  {
    id: 'rtx-3060-ti', vendor: 'NVIDIA', name: 'GeForce RTX 3060 Ti', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2020,
    aliases: ['3060-ti', '3060ti', 'rtx3060ti', 'rtx-3060ti'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3060-ti.c3681`,
    notes: 'Original GDDR6 card; a 2022 GDDR6X version has 608 GB/s.',
  },
  {
    id: 'rtx-3050', vendor: 'NVIDIA', name: 'GeForce RTX 3050 8 GB', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 224,
    kind: 'discrete', category: 'consumer', year: 2022,
    aliases: ['3050', 'rtx3050', 'rtx-3050-8gb', '3050-8gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3050-8-gb.c3858`,
    notes: 'A later 6 GB / 96-bit RTX 3050 (168 GB/s) is a different card.',
  },
  // --- GeForce RTX 20 / GTX 16 (Turing), GTX 10 (Pascal) ---
  {
    id: 'titan-rtx', vendor: 'NVIDIA', name: 'TITAN RTX', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 672,
    kind: 'discrete', category: 'consumer', year: 2018,
    aliases: ['titanrtx', 'rtx-titan'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/titan-rtx.c3311`,
  },
  {
    id: 'rtx-2080-ti', vendor: 'NVIDIA', name: 'GeForce RTX 2080 Ti', memoryGiB: 11, usableFraction: 1, bandwidthGBs: 616,
    kind: 'discrete', category: 'consumer', year: 2018,
    aliases: ['2080-ti', '2080ti', 'rtx2080ti', 'rtx-2080ti'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-2080-ti.c3305`,
  },
  {
    id: 'rtx-2080-super', vendor: 'NVIDIA', name: 'GeForce RTX 2080 SUPER', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 495.9,
    kind: 'discrete', category: 'consumer', year: 2019,
    aliases: ['2080-super', '2080super', 'rtx2080super', 'rtx-2080super', '2080s', 'rtx-2080s'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-2080-super.c3439`,
  },
  {
    id: 'rtx-2080', vendor: 'NVIDIA', name: 'GeForce RTX 2080', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2018,
    aliases: ['2080', 'rtx2080'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-2080.c3224`,
  },
  {
    id: 'rtx-2070-super', vendor: 'NVIDIA', name: 'GeForce RTX 2070 SUPER', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2019,
    aliases: ['2070-super', '2070super', 'rtx2070super', 'rtx-2070super', '2070s', 'rtx-2070s'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-2070-super.c3440`,
  },
  {
    id: 'rtx-2070', vendor: 'NVIDIA', name: 'GeForce RTX 2070', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2018,
    aliases: ['2070', 'rtx2070'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-2070.c3252`,
  },
  {
    id: 'rtx-2060-12gb', vendor: 'NVIDIA', name: 'GeForce RTX 2060 12 GB', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 336,
    kind: 'discrete', category: 'consumer', year: 2021,
    aliases: ['2060-12gb', '2060-12', 'rtx-2060-12', 'rtx2060-12gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-2060-12-gb.c3836`,
    notes: '2021 re-release with 12 GB on the same 192-bit bus.',
  },
  {
    id: 'rtx-2060-super', vendor: 'NVIDIA', name: 'GeForce RTX 2060 SUPER', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2019,
    aliases: ['2060-super', '2060super', 'rtx2060super', 'rtx-2060super', '2060s', 'rtx-2060s'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-2060-super.c3441`,
  },
  {
    id: 'rtx-2060', vendor: 'NVIDIA', name: 'GeForce RTX 2060 6 GB', memoryGiB: 6, usableFraction: 1, bandwidthGBs: 336,
    kind: 'discrete', category: 'consumer', year: 2019,
    aliases: ['2060', 'rtx2060', 'rtx-2060-6gb', '2060-6gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-2060.c3310`,
  },
  {
    id: 'gtx-1080-ti', vendor: 'NVIDIA', name: 'GeForce GTX 1080 Ti', memoryGiB: 11, usableFraction: 1, bandwidthGBs: 484.4,
    kind: 'discrete', category: 'consumer', year: 2017,
    aliases: ['1080-ti', '1080ti', 'gtx1080ti', 'gtx-1080ti'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-gtx-1080-ti.c2877`,
  },
  {
    id: 'gtx-1660-super', vendor: 'NVIDIA', name: 'GeForce GTX 1660 SUPER', memoryGiB: 6, usableFraction: 1, bandwidthGBs: 336,
    kind: 'discrete', category: 'consumer', year: 2019,
    aliases: ['1660-super', '1660super', 'gtx1660super', '1660s', 'gtx-1660s'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-gtx-1660-super.c3458`,
  },
  {
    id: 'gtx-1660-ti', vendor: 'NVIDIA', name: 'GeForce GTX 1660 Ti', memoryGiB: 6, usableFraction: 1, bandwidthGBs: 288,
    kind: 'discrete', category: 'consumer', year: 2019,
    aliases: ['1660-ti', '1660ti', 'gtx1660ti', 'gtx-1660ti'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-gtx-1660-ti.c3364`,
  },
  {
    id: 'gtx-1660', vendor: 'NVIDIA', name: 'GeForce GTX 1660', memoryGiB: 6, usableFraction: 1, bandwidthGBs: 192.1,
    kind: 'discrete', category: 'consumer', year: 2019,
    aliases: ['1660', 'gtx1660'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-gtx-1660.c3365`,
    notes: 'GDDR5 (the SUPER and Ti have GDDR6).',
  },
];

// Laptop GPUs share names with desktop cards but not their memory: a "4090 laptop" has 16 GB, not 24.
// prettier-ignore
const NVIDIA_LAPTOP: GpuSpec[] = [
  {
    id: 'rtx-5090-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 5090 Laptop GPU', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 896,
    kind: 'discrete', category: 'laptop', year: 2025,
    aliases: ['5090-laptop', 'rtx5090-laptop', 'rtx-5090-mobile', '5090-mobile', 'rtx-5090m', '5090m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5090-mobile.c4235`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-5080-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 5080 Laptop GPU', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 896,
    kind: 'discrete', category: 'laptop', year: 2025,
    aliases: ['5080-laptop', 'rtx5080-laptop', 'rtx-5080-mobile', '5080-mobile', 'rtx-5080m', '5080m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5080-mobile.c4236`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-5070-ti-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 5070 Ti Laptop', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 672,
    kind: 'discrete', category: 'laptop', year: 2025,
    aliases: ['5070-ti-laptop', 'rtx5070ti-laptop', 'rtx-5070-ti-mobile', '5070-ti-mobile', '5070ti-laptop'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5070-ti-mobile.c4238`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-5070-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 5070 Laptop GPU', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 384,
    kind: 'discrete', category: 'laptop', year: 2025,
    aliases: ['5070-laptop', 'rtx5070-laptop', 'rtx-5070-mobile', '5070-mobile', 'rtx-5070m', '5070m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5070-mobile.c4237`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-5060-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 5060 Laptop GPU', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 384,
    kind: 'discrete', category: 'laptop', year: 2025,
    aliases: ['5060-laptop', 'rtx5060-laptop', 'rtx-5060-mobile', '5060-mobile', 'rtx-5060m', '5060m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5060-mobile.c4230`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-5050-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 5050 Laptop GPU', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 384,
    kind: 'discrete', category: 'laptop', year: 2025,
    aliases: ['5050-laptop', 'rtx5050-laptop', 'rtx-5050-mobile', '5050-mobile', 'rtx-5050m', '5050m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5050-mobile.c4239`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-4090-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 4090 Laptop GPU', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 576,
    kind: 'discrete', category: 'laptop', year: 2023,
    aliases: ['4090-laptop', 'rtx4090-laptop', 'rtx-4090-mobile', '4090-mobile', 'rtx-4090m', '4090m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4090-mobile.c3949`,
    notes: '16 GB, not the desktop 4090\'s 24 GB. Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-4080-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 4080 Laptop GPU', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 432,
    kind: 'discrete', category: 'laptop', year: 2023,
    aliases: ['4080-laptop', 'rtx4080-laptop', 'rtx-4080-mobile', '4080-mobile', 'rtx-4080m', '4080m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4080-mobile.c3947`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-4070-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 4070 Laptop GPU', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 256,
    kind: 'discrete', category: 'laptop', year: 2023,
    aliases: ['4070-laptop', 'rtx4070-laptop', 'rtx-4070-mobile', '4070-mobile', 'rtx-4070m', '4070m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4070-mobile.c3944`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-4060-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 4060 Laptop GPU', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 256,
    kind: 'discrete', category: 'laptop', year: 2023,
    aliases: ['4060-laptop', 'rtx4060-laptop', 'rtx-4060-mobile', '4060-mobile', 'rtx-4060m', '4060m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4060-mobile.c3946`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-4050-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 4050 Laptop GPU', memoryGiB: 6, usableFraction: 1, bandwidthGBs: 192,
    kind: 'discrete', category: 'laptop', year: 2023,
    aliases: ['4050-laptop', 'rtx4050-laptop', 'rtx-4050-mobile', '4050-mobile', 'rtx-4050m', '4050m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4050-mobile.c3953`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-3080-ti-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 3080 Ti Laptop', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 512,
    kind: 'discrete', category: 'laptop', year: 2022,
    aliases: ['3080-ti-laptop', 'rtx3080ti-laptop', 'rtx-3080-ti-mobile', '3080-ti-mobile', '3080ti-laptop'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3080-ti-mobile.c3840`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-3080-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 3080 Laptop 8 GB', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'laptop', year: 2021,
    aliases: ['3080-laptop', 'rtx3080-laptop', 'rtx-3080-mobile', '3080-mobile', 'rtx-3080m', '3080m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3080-mobile.c3684`,
    notes: 'Some laptops shipped a 16 GB RTX 3080; TechPowerUp lists only the 8 GB part, so that variant is not in the catalog. Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-3070-ti-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 3070 Ti Laptop', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'laptop', year: 2022,
    aliases: ['3070-ti-laptop', 'rtx3070ti-laptop', 'rtx-3070-ti-mobile', '3070-ti-mobile', '3070ti-laptop'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3070-ti-mobile.c3852`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-3070-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 3070 Laptop GPU', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'laptop', year: 2021,
    aliases: ['3070-laptop', 'rtx3070-laptop', 'rtx-3070-mobile', '3070-mobile', 'rtx-3070m', '3070m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3070-mobile.c3712`,
    notes: 'Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
  {
    id: 'rtx-3060-laptop', vendor: 'NVIDIA', name: 'GeForce RTX 3060 Laptop GPU', memoryGiB: 6, usableFraction: 1, bandwidthGBs: 336,
    kind: 'discrete', category: 'laptop', year: 2021,
    aliases: ['3060-laptop', 'rtx3060-laptop', 'rtx-3060-mobile', '3060-mobile', 'rtx-3060m', '3060m'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3060-mobile.c3757`,
    notes: '6 GB on a 192-bit bus: not the desktop 3060\'s 12 GB. Laptop GPU: OEMs set memory clocks and power limits, so bandwidth varies by model; this is TechPowerUp\'s reference figure.',
  },
];

// "rtx-6000" and "rtx-4000" alone are left out on purpose: they name three generations each
// (Quadro RTX 6000 24 GB, RTX 6000 Ada 48 GB, RTX PRO 6000 96 GB).
// prettier-ignore
const NVIDIA_WORKSTATION: GpuSpec[] = [
  {
    id: 'rtx-pro-6000-blackwell', vendor: 'NVIDIA', name: 'RTX PRO 6000 Blackwell', memoryGiB: 96, usableFraction: 1, bandwidthGBs: 1790,
    kind: 'discrete', category: 'workstation', year: 2025,
    aliases: ['rtx-pro-6000', 'pro-6000', 'rtx-6000-pro', 'rtx6000-pro', 'rtx-6000-blackwell', 'rtx-pro-6000-96gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-pro-6000-blackwell.c4272`,
    notes: 'NVIDIA quotes 1792 GB/s (TechPowerUp 1790, kept from the csv); Max-Q and Server editions have the same 96 GB and bandwidth.',
  },
  {
    id: 'rtx-6000-ada', vendor: 'NVIDIA', name: 'RTX 6000 Ada Generation', memoryGiB: 48, usableFraction: 1, bandwidthGBs: 960,
    kind: 'discrete', category: 'workstation', year: 2022,
    aliases: ['6000-ada', 'rtx6000-ada', 'rtx6000ada', 'rtx-6000-ada-generation'], common: true,
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-6000-ada-generation.c3933`,
  },
  {
    id: 'rtx-a6000', vendor: 'NVIDIA', name: 'RTX A6000', memoryGiB: 48, usableFraction: 1, bandwidthGBs: 768,
    kind: 'discrete', category: 'workstation', year: 2020, aliases: ['a6000', 'rtxa6000'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-a6000.c3686`,
  },
  {
    id: 'rtx-a5000', vendor: 'NVIDIA', name: 'RTX A5000', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 768,
    kind: 'discrete', category: 'workstation', year: 2021, aliases: ['a5000', 'rtxa5000'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-a5000.c3748; NVIDIA spec page (RTX A5000: 24 GB GDDR6, 768 GB/s)`,
  },
  {
    id: 'rtx-4000-ada', vendor: 'NVIDIA', name: 'RTX 4000 Ada Generation', memoryGiB: 20, usableFraction: 1, bandwidthGBs: 360,
    kind: 'discrete', category: 'workstation', year: 2023,
    aliases: ['4000-ada', 'rtx4000-ada', 'rtx4000ada', 'rtx-4000-ada-generation', 'rtx-4000-ada-20gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-4000-ada-generation.c4171; NVIDIA spec page (RTX 4000 Ada Generation: 20 GB GDDR6, 360 GB/s)`,
  },
  {
    id: 'rtx-pro-6000-blackwell-max-q', vendor: 'NVIDIA', name: 'RTX PRO 6000 Blackwell Max-Q', memoryGiB: 96, usableFraction: 1, bandwidthGBs: 1790,
    kind: 'discrete', category: 'workstation', year: 2025,
    aliases: ['rtx-pro-6000-max-q', 'pro-6000-max-q', 'rtx-pro-6000-maxq', 'rtx-6000-pro-max-q'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-pro-6000-blackwell-max-q.c4273`,
    notes: 'Same 96 GB and bandwidth as the workstation edition (TechPowerUp).',
  },
  {
    id: 'rtx-pro-6000-blackwell-server', vendor: 'NVIDIA', name: 'RTX PRO 6000 Blackwell Server', memoryGiB: 96, usableFraction: 1, bandwidthGBs: 1790,
    kind: 'discrete', category: 'workstation', year: 2025,
    aliases: ['rtx-pro-6000-server', 'pro-6000-server', 'rtx-6000-pro-server'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-pro-6000-blackwell-server.c4274`,
    notes: 'Same 96 GB and bandwidth as the workstation edition (TechPowerUp).',
  },
  {
    id: 'rtx-pro-5000-blackwell-72gb', vendor: 'NVIDIA', name: 'RTX PRO 5000 Blackwell 72 GB', memoryGiB: 72, usableFraction: 1, bandwidthGBs: 1340,
    kind: 'discrete', category: 'workstation', year: 2025,
    aliases: ['rtx-pro-5000-72gb', 'pro-5000-72gb', 'rtx-pro-5000-72'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-pro-5000-72-gb-blackwell.c4357`,
  },
  {
    id: 'rtx-pro-5000-blackwell', vendor: 'NVIDIA', name: 'RTX PRO 5000 Blackwell', memoryGiB: 48, usableFraction: 1, bandwidthGBs: 1340,
    kind: 'discrete', category: 'workstation', year: 2025,
    aliases: ['rtx-pro-5000', 'pro-5000', 'rtx-5000-pro', 'rtx-pro-5000-48gb', 'rtx-pro-5000-48'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-pro-5000-blackwell.c4276`,
  },
  {
    id: 'rtx-pro-4500-blackwell', vendor: 'NVIDIA', name: 'RTX PRO 4500 Blackwell', memoryGiB: 32, usableFraction: 1, bandwidthGBs: 896,
    kind: 'discrete', category: 'workstation', year: 2025,
    aliases: ['rtx-pro-4500', 'pro-4500', 'rtx-4500-pro'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-pro-4500-blackwell.c4278`,
  },
  {
    id: 'rtx-pro-4000-blackwell', vendor: 'NVIDIA', name: 'RTX PRO 4000 Blackwell', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 672,
    kind: 'discrete', category: 'workstation', year: 2025,
    aliases: ['rtx-pro-4000', 'pro-4000', 'rtx-4000-pro'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-pro-4000-blackwell.c4279`,
    notes: 'The SFF edition has the same 24 GB at 432 GB/s.',
  },
  {
    id: 'rtx-5000-ada', vendor: 'NVIDIA', name: 'RTX 5000 Ada Generation', memoryGiB: 32, usableFraction: 1, bandwidthGBs: 576,
    kind: 'discrete', category: 'workstation', year: 2023,
    aliases: ['5000-ada', 'rtx5000-ada', 'rtx5000ada', 'rtx-5000-ada-generation'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-5000-ada-generation.c4152`,
  },
  {
    id: 'rtx-4500-ada', vendor: 'NVIDIA', name: 'RTX 4500 Ada Generation', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 432,
    kind: 'discrete', category: 'workstation', year: 2023,
    aliases: ['4500-ada', 'rtx4500-ada', 'rtx4500ada', 'rtx-4500-ada-generation'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-4500-ada-generation.c4172`,
  },
  {
    id: 'rtx-2000-ada', vendor: 'NVIDIA', name: 'RTX 2000 Ada Generation', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 256,
    kind: 'discrete', category: 'workstation', year: 2024,
    aliases: ['2000-ada', 'rtx2000-ada', 'rtx2000ada', 'rtx-2000-ada-generation'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-2000-ada-generation.c4199`,
  },
  {
    id: 'rtx-a4500', vendor: 'NVIDIA', name: 'RTX A4500', memoryGiB: 20, usableFraction: 1, bandwidthGBs: 640,
    kind: 'discrete', category: 'workstation', year: 2021,
    aliases: ['a4500', 'rtxa4500'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-a4500.c3849`,
  },
  {
    id: 'rtx-a4000', vendor: 'NVIDIA', name: 'RTX A4000', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'workstation', year: 2021,
    aliases: ['a4000', 'rtxa4000'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/rtx-a4000.c3756`,
  },
];

// prettier-ignore
const NVIDIA_DATACENTER: GpuSpec[] = [
  // --- Blackwell ---
  {
    id: 'gb200', vendor: 'NVIDIA', name: 'GB200 (per Blackwell GPU)', memoryGiB: 186, usableFraction: 1, bandwidthGBs: 8000,
    kind: 'discrete', category: 'datacenter', year: 2024, aliases: ['gb200-nvl72', 'gb-200'],
    source: `${STAS00} (note 23: GB200 NVL72 spec)`,
    notes: 'Superchip = 1 Grace + 2 GPUs; figures are per GPU.',
  },
  {
    id: 'b200', vendor: 'NVIDIA', name: 'B200 (HGX/DGX)', memoryGiB: 180, usableFraction: 1, bandwidthGBs: 8000,
    kind: 'discrete', category: 'datacenter', year: 2024, aliases: ['b200-180gb', 'b200-192gb', 'hgx-b200', 'dgx-b200'],
    source: `${STAS00} (note 20: DGX B200 datasheet)`,
    notes: 'Marketed as 192 GB (physical); NVIDIA HGX/MIG docs list 180 GB usable, which we use. TechPowerUp entry (90 GB / 4.1 TB/s) is a placeholder and is not used.',
  },
  // --- Blackwell Ultra --- Marketed with 288 GB per GPU; like B200/GB200 we use the usable per-GPU figure.
  {
    id: 'gb300', vendor: 'NVIDIA', name: 'GB300 (per GPU)', memoryGiB: 279, usableFraction: 1, bandwidthGBs: 8000,
    kind: 'discrete', category: 'datacenter', year: 2025, aliases: ['gb300-nvl72', 'gb-300'],
    source: `${VERDA_GB300} (per-GPU table: GB300 279 GB HBM3E, 8 TB/s); https://glennklockwood.com/garden/processors/B300 (GB300 NVL72: "20 TB HBM at 576 TB/s" over 72 GPUs); https://aiwiki.ai/wiki/nvidia_gb300_nvl72 (announced 2025-03-18, shipping July 2025)`,
    notes: 'Superchip = 1 Grace + 2 GPUs; figures are per GPU. Marketed as 288 GB of HBM3e per GPU; 279 GB is the per-GPU figure Verda lists (as GB200 is 186 of 192).',
  },
  {
    id: 'b300', vendor: 'NVIDIA', name: 'B300 (HGX/DGX)', memoryGiB: 270, usableFraction: 1, bandwidthGBs: 8000,
    kind: 'discrete', category: 'datacenter', year: 2025,
    aliases: ['b300-288gb', 'b300-270gb', 'hgx-b300', 'dgx-b300', 'blackwell-ultra'],
    source: `${STAS00} (memory table: B300 SXM 288 GB HBM3e, 8.00 TB/s from the DGX B300 datasheet; HGX B300 platform: "2.1TB total memory" for 8 GPUs); ${VERDA_GB300} (per-GPU table: B300 270 GB HBM3E, 7.7 TB/s)`,
    notes: 'Marketed as 288 GB; the HGX platform gives 2.1 TB over 8 GPUs and Verda lists 270 GB per GPU, which we use (as B200 uses 180 of 192). Bandwidth conflict: stas00 8 TB/s (DGX B300 datasheet, used), Verda 7.7 TB/s. TechPowerUp entry (144 GB / 4.1 TB/s) is a placeholder and is not used.',
  },
  // --- Hopper ---
  {
    id: 'gh200-144gb', vendor: 'NVIDIA', name: 'GH200 Grace Hopper 144 GB', memoryGiB: 141, usableFraction: 1, bandwidthGBs: 4800,
    kind: 'discrete', category: 'datacenter', year: 2024, aliases: ['gh200-hbm3e', 'gh200-144', 'gh200-141gb'],
    source: `${STAS00} (text: GH200 = H100 "w/ 96GiB HBM3 or 144GiB HBM3e"; memory table: GH200 SXM (2) 141 GB HBM3e, 4.80 TB/s; benchmark host "141GiB HBM3e version"); https://nishikiout.net/entry/2023/08/09/143040 (HBM3e GH200 from Q2 2024)`,
    notes: 'HBM3e version. Marketed as 144 GB; stas00\'s table and its benchmark machine show 141 GB, which we use. Bandwidth conflict: stas00 4.8 TB/s (used); the Aug-2023 announcement as reported by nishikiout said 5 TB/s. Figures are the GPU\'s HBM only: the Grace CPU\'s LPDDR5X, reachable over NVLink-C2C, is not counted.',
  },
  {
    id: 'gh200-96gb', vendor: 'NVIDIA', name: 'GH200 Grace Hopper 96 GB', memoryGiB: 96, usableFraction: 1, bandwidthGBs: 4000,
    kind: 'discrete', category: 'datacenter', year: 2023, aliases: ['gh200-hbm3', 'gh200-96'],
    source: `${STAS00} (memory table: GH200 SXM (1) 96 GB HBM3, 4.00 TB/s); https://nishikiout.net/entry/2023/08/09/143040 ("96GB HBM3@4TB/s", 480 GB LPDDR5X on the Grace side)`,
    notes: 'HBM3 version. Figures are the GPU\'s HBM only; the Grace CPU\'s 480 GB LPDDR5X is reachable over NVLink-C2C but is not counted.',
  },
  {
    id: 'h20', vendor: 'NVIDIA', name: 'H20 96GB', memoryGiB: 96, usableFraction: 1, bandwidthGBs: 4000,
    kind: 'discrete', category: 'datacenter', year: 2024, aliases: ['h20-96gb', 'h20-hbm3'],
    source: 'https://willitrunai.com/es/gpus/h20-96gb ("96 GB HBM3 — 4,000 GB/s"); https://unanswered.io/guide/nvidia-h20-hbm-memory (96GB HBM3, 4.0 TB/s); https://huggingface.co/hardware/h20 (96GB, released 2024)',
    notes: 'China-market Hopper: compute cut (148 TFLOPS FP16 per willitrunai), memory not. A 141 GB version is reported (apetops-us.com) without a bandwidth figure, so it is not listed.',
  },
  {
    id: 'h200-sxm', vendor: 'NVIDIA', name: 'H200 SXM 141GB', memoryGiB: 141, usableFraction: 1, bandwidthGBs: 4800,
    kind: 'discrete', category: 'datacenter', year: 2024,
    aliases: ['h200', 'h200-141gb', 'h200-sxm5', 'hgx-h200'], common: true,
    source: `${STAS00} (note 16, nvidia.com/en-us/data-center/h200)`,
    notes: 'TechPowerUp lists 4890 GB/s; NVIDIA 4.8 TB/s.',
  },
  {
    id: 'h200-nvl', vendor: 'NVIDIA', name: 'H200 NVL 141GB', memoryGiB: 141, usableFraction: 1, bandwidthGBs: 4890,
    kind: 'discrete', category: 'datacenter', year: 2024, aliases: ['h200nvl', 'h200-nvl-141gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/h200-nvl.c4254; gmasse/gpu-specs:specs.md (cites NVIDIA datasheets)`,
    notes: 'Bandwidth conflict: TechPowerUp 4890 (used), gmasse 4915; NVIDIA 4.8 TB/s not checked for NVL.',
  },
  {
    id: 'h100-nvl', vendor: 'NVIDIA', name: 'H100 NVL 94GB (per GPU)', memoryGiB: 94, usableFraction: 1, bandwidthGBs: 3900,
    kind: 'discrete', category: 'datacenter', year: 2023, aliases: ['h100nvl', 'h100-94gb', 'h100-nvl-94gb'],
    source: `${STAS00} (note 15: 94 GB/chip, 3.9 TB/s); ${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/h100-nvl-94-gb.c4327`,
    notes: 'Sold as a dual-GPU NVL pair (188 GB); figures are per GPU. TechPowerUp 3940 GB/s.',
  },
  // A bare "h100" means the SXM part, the common rental.
  {
    id: 'h100-sxm', vendor: 'NVIDIA', name: 'H100 SXM5 80GB', memoryGiB: 80, usableFraction: 1, bandwidthGBs: 3350,
    kind: 'discrete', category: 'datacenter', year: 2022, common: true,
    aliases: ['h100', 'h100-sxm5', 'h100sxm', 'h100-80gb', 'h100-80', 'h100-80gb-sxm', 'hgx-h100', 'dgx-h100'],
    source: STAS00,
    notes: 'TechPowerUp lists 3360 GB/s.',
  },
  {
    id: 'h100-pcie', vendor: 'NVIDIA', name: 'H100 PCIe 80GB', memoryGiB: 80, usableFraction: 1, bandwidthGBs: 2000,
    kind: 'discrete', category: 'datacenter', year: 2022, aliases: ['h100pcie', 'h100-pcie-80gb'],
    source: `${STAS00}; ${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/h100-pcie-80-gb.c3899`,
    notes: 'Memory type conflict (stas00 HBM3, TechPowerUp HBM2e); bandwidth 2.0 TB/s per NVIDIA, TechPowerUp 2040.',
  },
  // --- Ampere --- A bare "a100" means the 80 GB SXM, the most common rental.
  {
    id: 'a100-80gb-sxm', vendor: 'NVIDIA', name: 'A100 SXM4 80GB', memoryGiB: 80, usableFraction: 1, bandwidthGBs: 2039,
    kind: 'discrete', category: 'datacenter', year: 2020, common: true,
    aliases: ['a100', 'a100-80', 'a100-80gb', 'a100-sxm', 'a100-sxm4', 'a100-sxm4-80gb', 'a100-80gb-sxm4'],
    source: `${GMASSE}; ${STAS00}`,
    notes: 'stas00 rounds to 2.0 TB/s; TechPowerUp 2040.',
  },
  {
    id: 'a100-80gb-pcie', vendor: 'NVIDIA', name: 'A100 PCIe 80GB', memoryGiB: 80, usableFraction: 1, bandwidthGBs: 1935,
    kind: 'discrete', category: 'datacenter', year: 2021, aliases: ['a100-pcie', 'a100-80-pcie', 'a100-pcie-80gb'],
    source: `${GMASSE}; ${STAS00}`,
    notes: 'stas00 rounds to 1.94 TB/s.',
  },
  {
    id: 'a100-40gb-sxm', vendor: 'NVIDIA', name: 'A100 SXM4 40GB', memoryGiB: 40, usableFraction: 1, bandwidthGBs: 1555,
    kind: 'discrete', category: 'datacenter', year: 2020,
    aliases: ['a100-40', 'a100-40gb', 'a100-sxm4-40gb', 'a100-40gb-sxm4'],
    source: GMASSE,
  },
  {
    id: 'a100-40gb-pcie', vendor: 'NVIDIA', name: 'A100 PCIe 40GB', memoryGiB: 40, usableFraction: 1, bandwidthGBs: 1555,
    kind: 'discrete', category: 'datacenter', year: 2020, aliases: ['a100-40-pcie', 'a100-pcie-40gb'],
    source: `${GMASSE}; ${STAS00}`,
    notes: 'TechPowerUp lists HBM2e / 1560 GB/s.',
  },
  // --- Inference cards ---
  {
    id: 'l40s', vendor: 'NVIDIA', name: 'L40S', memoryGiB: 48, usableFraction: 1, bandwidthGBs: 864,
    kind: 'discrete', category: 'datacenter', year: 2022, aliases: ['l40-s'], common: true,
    source: `${GMASSE}; ${STAS00}; ${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/l40s.c4173`,
    notes: 'Year is TechPowerUp release date (NVIDIA announced it in 2023).',
  },
  {
    id: 'a10', vendor: 'NVIDIA', name: 'A10', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 600,
    kind: 'discrete', category: 'datacenter', year: 2021, aliases: ['a10-24gb'],
    source: GMASSE,
  },
  {
    id: 'a10g', vendor: 'NVIDIA', name: 'A10G (AWS)', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 600,
    kind: 'discrete', category: 'datacenter', year: 2021, aliases: ['a10-g', 'aws-a10g'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/a10g.c3798`,
    notes: 'AWS-only variant (g5 instances); TechPowerUp 600.2 GB/s.',
  },
  {
    id: 'l4', vendor: 'NVIDIA', name: 'L4', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 300,
    kind: 'discrete', category: 'datacenter', year: 2023, aliases: ['l4-24gb'], common: true,
    source: `${GMASSE}; ${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/l4.c4091`,
  },
  {
    id: 't4', vendor: 'NVIDIA', name: 'T4', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 320,
    kind: 'discrete', category: 'datacenter', year: 2018, aliases: ['tesla-t4', 't4-16gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/tesla-t4.c3316; ${GMASSE}`,
    notes: 'Bandwidth conflict: TechPowerUp 320 (used, NVIDIA T4 page says 320+), gmasse 300 (NVIDIA virtualization datasheet).',
  },
  // --- Volta --- A bare "v100" means the 32 GB SXM2.
  {
    id: 'v100-32gb-sxm2', vendor: 'NVIDIA', name: 'V100 SXM2 32GB', memoryGiB: 32, usableFraction: 1, bandwidthGBs: 900,
    kind: 'discrete', category: 'datacenter', year: 2018,
    aliases: ['v100', 'v100-32gb', 'v100-32', 'v100-sxm2', 'v100-sxm2-32gb', 'tesla-v100'],
    source: `${GMASSE}; ${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/tesla-v100-sxm2-32-gb.c3185`,
    notes: 'TechPowerUp 898 GB/s.',
  },
  {
    id: 'v100-32gb-pcie', vendor: 'NVIDIA', name: 'V100 PCIe 32GB', memoryGiB: 32, usableFraction: 1, bandwidthGBs: 900,
    kind: 'discrete', category: 'datacenter', year: 2018, aliases: ['v100-pcie', 'v100-pcie-32gb'],
    source: GMASSE,
    notes: 'V100S PCIe 32GB (a different card) has 1134 GB/s.',
  },
  {
    id: 'v100-16gb-sxm2', vendor: 'NVIDIA', name: 'V100 SXM2 16GB', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 900,
    kind: 'discrete', category: 'datacenter', year: 2017, aliases: ['v100-16gb', 'v100-16', 'v100-sxm2-16gb'],
    source: GMASSE,
    notes: 'TechPowerUp has a 1130 GB/s SXM2-16GB entry (2019, likely a later SKU); datasheet 900 used.',
  },
  {
    id: 'v100-16gb-pcie', vendor: 'NVIDIA', name: 'V100 PCIe 16GB', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 900,
    kind: 'discrete', category: 'datacenter', year: 2017, aliases: ['v100-pcie-16gb', 'v100-16-pcie'],
    source: `${GMASSE} (gpus.csv note on v100-32gb-pcie: 16 GB variant identical except memory)`,
  },
  // --- Older and smaller cards (TechPowerUp scrape) ---
  {
    id: 'l40', vendor: 'NVIDIA', name: 'L40', memoryGiB: 48, usableFraction: 1, bandwidthGBs: 864,
    kind: 'discrete', category: 'datacenter', year: 2022,
    aliases: ['l40-48gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/l40.c3959`,
  },
  {
    id: 'a40', vendor: 'NVIDIA', name: 'A40', memoryGiB: 48, usableFraction: 1, bandwidthGBs: 695.8,
    kind: 'discrete', category: 'datacenter', year: 2020,
    aliases: ['a40-48gb', 'a40-pcie'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/a40-pcie.c3700`,
  },
  {
    id: 'a30', vendor: 'NVIDIA', name: 'A30', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 933.1,
    kind: 'discrete', category: 'datacenter', year: 2021,
    aliases: ['a30-24gb', 'a30-pcie'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/a30-pcie.c3792`,
    notes: 'HBM2e card. TechPowerUp also lists an A30X (1220 GB/s), a different SKU.',
  },
  {
    id: 'p40', vendor: 'NVIDIA', name: 'Tesla P40', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 347.1,
    kind: 'discrete', category: 'datacenter', year: 2016,
    aliases: ['tesla-p40', 'p40-24gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/tesla-p40.c2878`,
  },
  {
    id: 'p100-pcie-16gb', vendor: 'NVIDIA', name: 'Tesla P100 PCIe 16GB', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 732.2,
    kind: 'discrete', category: 'datacenter', year: 2016,
    aliases: ['p100', 'tesla-p100', 'p100-16gb', 'p100-pcie'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/tesla-p100-pcie-16-gb.c2888`,
    notes: 'A bare "P100" means this 16 GB PCIe card; TechPowerUp also lists a 12 GB PCIe version (549 GB/s).',
  },
  {
    id: 'p100-sxm2', vendor: 'NVIDIA', name: 'Tesla P100 SXM2 16GB', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 732.2,
    kind: 'discrete', category: 'datacenter', year: 2016,
    aliases: ['tesla-p100-sxm2', 'p100-sxm2-16gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/tesla-p100-sxm2.c3183`,
  },
  {
    id: 'a16', vendor: 'NVIDIA', name: 'A16 (per GPU)', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 200.1,
    kind: 'discrete', category: 'datacenter', year: 2021,
    aliases: ['a16-pcie', 'a16-16gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/a16-pcie.c3794`,
    notes: 'TechPowerUp\'s entry is one GA107 GPU (16 GB, 128-bit); an A16 board carries several of them and a job sees one, so figures are per GPU.',
  },
  {
    id: 'a2', vendor: 'NVIDIA', name: 'A2', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 200.1,
    kind: 'discrete', category: 'datacenter', year: 2021,
    aliases: ['a2-pcie', 'a2-16gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/a2-pcie.c4112`,
  },
];

// Unified-memory NVIDIA desktop boxes: the GPU shares one pool with the CPU and the OS.
// prettier-ignore
const NVIDIA_APU: GpuSpec[] = [
  {
    id: 'dgx-spark', vendor: 'NVIDIA', name: 'DGX Spark (GB10 Grace Blackwell), 128 GB', memoryGiB: 128, usableFraction: 0.9, bandwidthGBs: 273,
    kind: 'unified', category: 'apu', year: 2025, aliases: ['spark', 'gb10', 'dgxspark', 'dgx-spark-128gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/gb10.c4342; NVIDIA DGX Spark page as quoted in GitHub docs ("LPDDR5x, 256-bit, 273 GB/s")`,
    notes: 'One coherent CPU+GPU pool. Linux reports MemTotal ~119.7 GiB of 128 (~0.935) and the OS and CPU side take more, so we budget 0.9. nvidia-smi reports memory as "Not Supported". gpus.csv files it under workstation; it is listed with the unified machines here.',
  },
];

// Jetson modules: embedded boards whose GPU shares LPDDR with the CPU.
// prettier-ignore
const NVIDIA_EDGE: GpuSpec[] = [
  {
    id: 'jetson-agx-orin-64gb', vendor: 'NVIDIA', name: 'Jetson AGX Orin 64GB', memoryGiB: 64, usableFraction: 0.9, bandwidthGBs: 204.8,
    kind: 'unified', category: 'edge', year: 2023,
    aliases: ['agx-orin', 'agx-orin-64gb', 'jetson-agx-orin', 'jetson-orin', 'orin', 'orin-64gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/jetson-agx-orin-64-gb.c4085`,
    notes: 'Embedded module; LPDDR5 shared by CPU and GPU, so we budget 0.9 for the OS and CPU side (judgement, not measured).',
  },
  {
    id: 'jetson-agx-orin-32gb', vendor: 'NVIDIA', name: 'Jetson AGX Orin 32GB', memoryGiB: 32, usableFraction: 0.9, bandwidthGBs: 204.8,
    kind: 'unified', category: 'edge', year: 2023, aliases: ['agx-orin-32gb', 'orin-32gb', 'jetson-agx-orin-32'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/jetson-agx-orin-32-gb.c4084 (gpus.csv note on jetson-agx-orin-64gb: 32 GB module has the same bandwidth)`,
    notes: 'Same 0.9 budget as the 64 GB module.',
  },
  {
    id: 'jetson-thor-t5000', vendor: 'NVIDIA', name: 'Jetson AGX Thor 128GB', memoryGiB: 128, usableFraction: 0.9, bandwidthGBs: 273.2,
    kind: 'unified', category: 'edge', year: 2025,
    aliases: ['jetson-thor', 'jetson-agx-thor', 'agx-thor', 'thor', 'jetson-t5000', 't5000', 'jetson-thor-128gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/jetson-t5000.c4370`,
    notes: 'The module in the Jetson AGX Thor developer kit. LPDDR5X shared by CPU and GPU, so we budget 0.9 like the Orin modules (judgement, not measured).',
  },
  {
    id: 'jetson-thor-t4000', vendor: 'NVIDIA', name: 'Jetson Thor T4000 64GB', memoryGiB: 64, usableFraction: 0.9, bandwidthGBs: 273.2,
    kind: 'unified', category: 'edge', year: 2025,
    aliases: ['jetson-t4000', 't4000', 'jetson-thor-64gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/jetson-t4000.c4369`,
    notes: 'Smaller Thor module; same 0.9 budget as the other Jetson modules (judgement).',
  },
  {
    id: 'jetson-orin-nx-16gb', vendor: 'NVIDIA', name: 'Jetson Orin NX 16GB', memoryGiB: 16, usableFraction: 0.9, bandwidthGBs: 102.4,
    kind: 'unified', category: 'edge', year: 2023,
    aliases: ['orin-nx', 'orin-nx-16gb', 'jetson-orin-nx'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/jetson-orin-nx-16-gb.c4086`,
    notes: 'LPDDR5 shared by CPU and GPU; 0.9 budget (judgement).',
  },
  {
    id: 'jetson-orin-nano-super', vendor: 'NVIDIA', name: 'Jetson Orin Nano Super 8GB', memoryGiB: 8, usableFraction: 0.9, bandwidthGBs: 102.4,
    kind: 'unified', category: 'edge', year: 2024,
    aliases: ['orin-nano-super', 'jetson-orin-nano-super-8gb', 'orin-nano-super-8gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/jetson-orin-nano-super.c4377`,
    notes: 'The 8 GB Orin Nano developer kit in the "Super" power mode, which raises memory bandwidth from 68 to 102 GB/s. 0.9 budget (judgement).',
  },
  {
    id: 'jetson-orin-nano-8gb', vendor: 'NVIDIA', name: 'Jetson Orin Nano 8GB', memoryGiB: 8, usableFraction: 0.9, bandwidthGBs: 68.2,
    kind: 'unified', category: 'edge', year: 2023,
    aliases: ['orin-nano', 'jetson-orin-nano', 'orin-nano-8gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/jetson-orin-nano-8-gb.c4082`,
    notes: 'Original power mode; see jetson-orin-nano-super for the faster mode. 0.9 budget (judgement).',
  },
];

// prettier-ignore
const AMD: GpuSpec[] = [
  {
    id: 'mi355x', vendor: 'AMD', name: 'Instinct MI355X', memoryGiB: 288, usableFraction: 1, bandwidthGBs: 8000,
    kind: 'discrete', category: 'datacenter', year: 2025, aliases: ['mi355', 'mi-355x', 'instinct-mi355x'],
    source: `${STAS00} (memory table: MI355X 288 GB HBM3e, 8.00 TB/s; cites amd.com MI355X page; cache table dates MI350X/MI355X 2025-06); ${ROCM_SPECS} (MI355X 288 GiB)`,
    notes: 'TechPowerUp lists 8190 GB/s.',
  },
  {
    id: 'mi350x', vendor: 'AMD', name: 'Instinct MI350X', memoryGiB: 288, usableFraction: 1, bandwidthGBs: 8000,
    kind: 'discrete', category: 'datacenter', year: 2025, aliases: ['mi350', 'mi-350x', 'instinct-mi350x'],
    source: `${STAS00} (memory table: MI350X 288 GB HBM3e, 8.00 TB/s); ${ROCM_SPECS} (MI350X 288 GiB)`,
    notes: 'Same silicon and memory as MI355X at lower clocks and power (stas00).',
  },
  {
    id: 'mi300a', vendor: 'AMD', name: 'Instinct MI300A (APU)', memoryGiB: 128, usableFraction: 1, bandwidthGBs: 5300,
    kind: 'discrete', category: 'datacenter', year: 2023, aliases: ['mi-300a', 'instinct-mi300a'],
    source: 'https://estaterule.ru/news/amd-vypuskaet-samyj-bolshoj-i-slozhnyj-v-mire-gpu-so-192-gb-pamjati-i-gigantskij-apu-so-128-gb-na-rynok-vyhodjat-chipy-instinct-mi300a-i-instinct-mi300x (AMD launch: 24 Zen 4 cores, 228 CUs, 128 GB HBM3 at 5.3 TB/s); https://vengineer.hatenablog.com/entry/2023/12/11/080000 (8 x HBM3, 128GB); TechPowerUp date 2023-12-06',
    notes: 'CPU and GPU share the 128 GB of HBM3: the OS and host processes come out of the same pool, which this row does not subtract. Listed as a discrete device because nodes carry several APUs that one job spreads across. TechPowerUp lists 192 GB / 10.3 TB/s (MI300X figures; wrong).',
  },
  {
    id: 'mi325x', vendor: 'AMD', name: 'Instinct MI325X', memoryGiB: 256, usableFraction: 1, bandwidthGBs: 6000,
    kind: 'discrete', category: 'datacenter', year: 2024, aliases: ['mi325', 'instinct-mi325x'],
    source: `${STAS00}; ${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-instinct-mi325x.c4231`,
    notes: 'TechPowerUp lists 288 GB / 10300 GB/s (wrong); AMD shipped 256 GB at 6 TB/s (stas00).',
  },
  {
    id: 'mi300x', vendor: 'AMD', name: 'Instinct MI300X', memoryGiB: 192, usableFraction: 1, bandwidthGBs: 5300,
    kind: 'discrete', category: 'datacenter', year: 2023,
    aliases: ['mi300', 'mi-300x', 'instinct-mi300x'], common: true,
    source: `${STAS00}; ${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-instinct-mi300x.c4179`,
    notes: 'TechPowerUp lists 10300 GB/s (wrong); AMD and stas00 give 5.3 TB/s.',
  },
  {
    id: 'mi250x', vendor: 'AMD', name: 'Instinct MI250X', memoryGiB: 128, usableFraction: 1, bandwidthGBs: 3280,
    kind: 'discrete', category: 'datacenter', year: 2021, aliases: ['mi250', 'instinct-mi250x'],
    source: `${STAS00}; ${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-instinct-mi250x.c3837`,
    notes: 'Two GCDs of 64 GB each that show up as two devices: a single process sees 64 GB at half the bandwidth. "mi250" (non-X) resolves here: same memory.',
  },
  {
    id: 'mi210', vendor: 'AMD', name: 'Instinct MI210', memoryGiB: 64, usableFraction: 1, bandwidthGBs: 1640,
    kind: 'discrete', category: 'datacenter', year: 2021,
    aliases: ['instinct-mi210', 'mi-210'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-instinct-mi210.c3857`,
  },
  {
    id: 'mi100', vendor: 'AMD', name: 'Instinct MI100', memoryGiB: 32, usableFraction: 1, bandwidthGBs: 1230,
    kind: 'discrete', category: 'datacenter', year: 2020,
    aliases: ['instinct-mi100', 'mi-100'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-instinct-mi100.c3496`,
  },
  {
    id: 'radeon-pro-w7900', vendor: 'AMD', name: 'Radeon PRO W7900', memoryGiB: 48, usableFraction: 1, bandwidthGBs: 864,
    kind: 'discrete', category: 'workstation', year: 2023, aliases: ['w7900', 'pro-w7900', 'radeon-w7900'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-pro-w7900.c4147`,
  },
  {
    id: 'radeon-pro-w7800-48gb', vendor: 'AMD', name: 'Radeon PRO W7800 48 GB', memoryGiB: 48, usableFraction: 1, bandwidthGBs: 864,
    kind: 'discrete', category: 'workstation', year: 2023,
    aliases: ['w7800-48gb', 'pro-w7800-48gb', 'w7800-48'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-pro-w7800-48-gb.c4252`,
  },
  {
    id: 'radeon-pro-w7800', vendor: 'AMD', name: 'Radeon PRO W7800', memoryGiB: 32, usableFraction: 1, bandwidthGBs: 576,
    kind: 'discrete', category: 'workstation', year: 2023,
    aliases: ['w7800', 'pro-w7800', 'radeon-w7800', 'w7800-32gb'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-pro-w7800.c4148`,
    notes: 'The original 32 GB card; a 48 GB version (384-bit, 864 GB/s) followed.',
  },
  {
    id: 'radeon-ai-pro-r9700', vendor: 'AMD', name: 'Radeon AI PRO R9700', memoryGiB: 32, usableFraction: 1, bandwidthGBs: 644.6,
    kind: 'discrete', category: 'workstation', year: 2025,
    aliases: ['r9700', 'ai-pro-r9700', 'radeon-r9700', 'radeon-ai-pro-r9700-32gb'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-ai-pro-r9700.c4290`,
  },
  {
    id: 'rx-7900-xtx', vendor: 'AMD', name: 'Radeon RX 7900 XTX', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 960,
    kind: 'discrete', category: 'consumer', year: 2022,
    aliases: ['7900xtx', '7900-xtx', 'rx7900xtx', 'rx-7900xtx', 'radeon-rx-7900-xtx'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-7900-xtx.c3941`,
  },
  {
    id: 'rx-9070-xt', vendor: 'AMD', name: 'Radeon RX 9070 XT', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 644.6,
    kind: 'discrete', category: 'consumer', year: 2025,
    aliases: ['9070xt', '9070-xt', 'rx9070xt', 'rx-9070xt', 'radeon-rx-9070-xt'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-9070-xt.c4229`,
  },
  {
    id: 'rx-9070', vendor: 'AMD', name: 'Radeon RX 9070', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 644.6,
    kind: 'discrete', category: 'consumer', year: 2025,
    aliases: ['9070', 'rx9070', 'radeon-rx-9070'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-9070.c4250`,
  },
  {
    id: 'rx-9060-xt-16gb', vendor: 'AMD', name: 'Radeon RX 9060 XT 16 GB', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 322.3,
    kind: 'discrete', category: 'consumer', year: 2025,
    aliases: ['9060xt', '9060-xt', 'rx-9060-xt', 'rx9060xt', 'rx-9060xt', '9060-xt-16gb', '9060xt-16gb', 'rx-9060-xt-16'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-9060-xt-16-gb.c4293`,
    notes: 'A bare "9060 XT" means this 16 GB card.',
  },
  {
    id: 'rx-9060-xt-8gb', vendor: 'AMD', name: 'Radeon RX 9060 XT 8 GB', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 322.3,
    kind: 'discrete', category: 'consumer', year: 2025,
    aliases: ['9060-xt-8gb', '9060xt-8gb', 'rx-9060-xt-8'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-9060-xt-8-gb.c4251`,
  },
  {
    id: 'rx-7900-xt', vendor: 'AMD', name: 'Radeon RX 7900 XT', memoryGiB: 20, usableFraction: 1, bandwidthGBs: 800,
    kind: 'discrete', category: 'consumer', year: 2022,
    aliases: ['7900xt', '7900-xt', 'rx7900xt', 'rx-7900xt', 'radeon-rx-7900-xt'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-7900-xt.c3912`,
  },
  {
    id: 'rx-7900-gre', vendor: 'AMD', name: 'Radeon RX 7900 GRE', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 576,
    kind: 'discrete', category: 'consumer', year: 2023,
    aliases: ['7900gre', '7900-gre', 'rx7900gre', 'rx-7900gre'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-7900-gre.c4166`,
  },
  {
    id: 'rx-7800-xt', vendor: 'AMD', name: 'Radeon RX 7800 XT', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 624.1,
    kind: 'discrete', category: 'consumer', year: 2023,
    // No RX 7800 without XT was sold: "rx 7800" is this card.
    aliases: ['7800xt', '7800-xt', 'rx7800xt', 'rx-7800xt', 'rx-7800', 'rx7800'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-7800-xt.c3839`,
  },
  {
    id: 'rx-7700-xt', vendor: 'AMD', name: 'Radeon RX 7700 XT', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 432,
    kind: 'discrete', category: 'consumer', year: 2023,
    aliases: ['7700xt', '7700-xt', 'rx7700xt', 'rx-7700xt'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-7700-xt.c3911`,
  },
  {
    id: 'rx-7600-xt', vendor: 'AMD', name: 'Radeon RX 7600 XT', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 288,
    kind: 'discrete', category: 'consumer', year: 2024,
    aliases: ['7600xt', '7600-xt', 'rx7600xt', 'rx-7600xt'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-7600-xt.c4190`,
  },
  {
    id: 'rx-6950-xt', vendor: 'AMD', name: 'Radeon RX 6950 XT', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 576,
    kind: 'discrete', category: 'consumer', year: 2022,
    aliases: ['6950xt', '6950-xt', 'rx6950xt', 'rx-6950xt'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-6950-xt.c3875`,
  },
  {
    id: 'rx-6900-xt', vendor: 'AMD', name: 'Radeon RX 6900 XT', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 512,
    kind: 'discrete', category: 'consumer', year: 2020,
    aliases: ['6900xt', '6900-xt', 'rx6900xt', 'rx-6900xt'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-6900-xt.c3481`,
  },
  {
    id: 'rx-6800-xt', vendor: 'AMD', name: 'Radeon RX 6800 XT', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 512,
    kind: 'discrete', category: 'consumer', year: 2020,
    aliases: ['6800xt', '6800-xt', 'rx6800xt', 'rx-6800xt'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-6800-xt.c3694`,
  },
  {
    id: 'rx-6800', vendor: 'AMD', name: 'Radeon RX 6800', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 512,
    kind: 'discrete', category: 'consumer', year: 2020,
    aliases: ['6800', 'rx6800', 'radeon-rx-6800'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-6800.c3713`,
  },
  {
    id: 'ryzen-ai-max-395', vendor: 'AMD', name: 'Ryzen AI Max+ 395 (Radeon 8060S), 128 GB', memoryGiB: 128, usableFraction: 0.75, bandwidthGBs: 256,
    kind: 'unified', category: 'apu', year: 2025,
    aliases: ['ryzen-ai-max+-395', 'ryzen-ai-max-plus-395', 'ai-max+-395', 'ai-max-395', 'ryzen-ai-max-395-128gb', 'strix-halo', 'radeon-8060s', '8060s', 'framework-desktop', 'framework-desktop-128gb', 'gmktec-evo-x2', 'evo-x2'],
    source: 'https://www.amd.com/en/blogs/2025/faqs-amd-variable-graphics-memory-vram-ai-model-sizes-quantization-mcp-more.html ; https://www.svethardware.cz/amd-predstavuje-ryzen-ai-max-strix-halo-s-az-16-jadry-a-gpu-se-40-cu/61477 ; github kyuz0/amd-strix-halo-toolboxes#98; noamsto/nix-amd-ai#42',
    notes: 'LPDDR5X-8000, 256-bit. 0.75 = the 96 of 128 GB AMD Variable Graphics Memory gives the GPU on Windows; on Linux GTT (ttm.pages_limit) can go higher (~124 GiB reported).',
  },
  {
    id: 'ryzen-ai-max-395-64gb', vendor: 'AMD', name: 'Ryzen AI Max+ 395 (Radeon 8060S), 64 GB', memoryGiB: 64, usableFraction: 0.75, bandwidthGBs: 256,
    kind: 'unified', category: 'apu', year: 2025,
    aliases: ['framework-desktop-64gb'],
    source: 'https://www.amd.com/en/blogs/2025/faqs-amd-variable-graphics-memory-vram-ai-model-sizes-quantization-mcp-more.html (Variable Graphics Memory: up to 75% of system memory)',
    notes: 'The same chip and 256-bit LPDDR5X-8000 as the 128 GB configuration (Framework Desktop and mini PCs sell both).',
  },
];

// prettier-ignore
const INTEL: GpuSpec[] = [
  {
    id: 'gaudi3', vendor: 'Intel', name: 'Gaudi 3', memoryGiB: 128, usableFraction: 1, bandwidthGBs: 3700,
    kind: 'discrete', category: 'datacenter', year: 2024, aliases: ['gaudi-3', 'hl-325'],
    source: `${STAS00} (notes 8/19; Intel Gaudi 3 white paper)`,
  },
  {
    id: 'gaudi2', vendor: 'Intel', name: 'Gaudi 2', memoryGiB: 96, usableFraction: 1, bandwidthGBs: 2460,
    kind: 'discrete', category: 'datacenter', year: 2022, aliases: ['gaudi-2', 'habana-gaudi2'],
    source: `${STAS00} (memory table: Gaudi2 96 GB HBM2e, 2.46 TB/s; notes 8/9, Intel Gaudi 2 white paper; cache table dates Gaudi2 2022-05)`,
  },
  {
    id: 'max-1550', vendor: 'Intel', name: 'Data Center GPU Max 1550', memoryGiB: 128, usableFraction: 1, bandwidthGBs: 3280,
    kind: 'discrete', category: 'datacenter', year: 2023,
    aliases: ['gpu-max-1550', 'data-center-gpu-max-1550', 'max1550'],
    source: `${TPU_INTEL} -> https://www.techpowerup.com/gpu-specs/data-center-gpu-max-1550.c4068`,
  },
  {
    id: 'max-1100', vendor: 'Intel', name: 'Data Center GPU Max 1100', memoryGiB: 48, usableFraction: 1, bandwidthGBs: 1230,
    kind: 'discrete', category: 'datacenter', year: 2023,
    aliases: ['gpu-max-1100', 'data-center-gpu-max-1100', 'max1100'],
    source: `${TPU_INTEL} -> https://www.techpowerup.com/gpu-specs/data-center-gpu-max-1100.c4066`,
  },
  {
    id: 'arc-pro-b60', vendor: 'Intel', name: 'Arc Pro B60', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 456,
    kind: 'discrete', category: 'workstation', year: 2025,
    aliases: ['pro-b60', 'b60', 'arc-b60', 'arc-pro-b60-24gb'],
    source: `${TPU_INTEL} -> https://www.techpowerup.com/gpu-specs/arc-pro-b60.c4350`,
  },
  {
    id: 'arc-pro-b50', vendor: 'Intel', name: 'Arc Pro B50', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 224,
    kind: 'discrete', category: 'workstation', year: 2025,
    aliases: ['pro-b50', 'b50', 'arc-b50', 'arc-pro-b50-16gb'],
    source: `${TPU_INTEL} -> https://www.techpowerup.com/gpu-specs/arc-pro-b50.c4345`,
  },
  {
    id: 'arc-b570', vendor: 'Intel', name: 'Arc B570', memoryGiB: 10, usableFraction: 1, bandwidthGBs: 380,
    kind: 'discrete', category: 'consumer', year: 2025,
    aliases: ['b570', 'arcb570', 'arc-b570-10gb'],
    source: `${TPU_INTEL} -> https://www.techpowerup.com/gpu-specs/arc-b570.c4245`,
  },
  {
    id: 'arc-a750', vendor: 'Intel', name: 'Arc A750', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 512,
    kind: 'discrete', category: 'consumer', year: 2022,
    aliases: ['a750', 'arca750', 'arc-a750-8gb'],
    source: `${TPU_INTEL} -> https://www.techpowerup.com/gpu-specs/arc-a750.c3929`,
  },
  {
    id: 'arc-a770-16gb', vendor: 'Intel', name: 'Arc A770 16GB', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 512,
    kind: 'discrete', category: 'consumer', year: 2022, aliases: ['a770', 'arc-a770', 'a770-16gb', 'arca770'],
    source: `${TPU_INTEL} -> https://www.techpowerup.com/gpu-specs/arc-a770.c3914`,
    notes: 'TechPowerUp 512 GB/s (16 Gbps). Intel may quote a higher figure (560 GB/s) for the 16 GB Limited Edition: not verified, so the lower value is kept.',
  },
  {
    id: 'arc-b580', vendor: 'Intel', name: 'Arc B580', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 456,
    kind: 'discrete', category: 'consumer', year: 2024, aliases: ['b580', 'arcb580', 'arc-b580-12gb'],
    source: `${TPU_INTEL} -> https://www.techpowerup.com/gpu-specs/arc-b580.c4244; pocketmags Maximum PC review (456 GB/s)`,
  },
];

// prettier-ignore
const GOOGLE: GpuSpec[] = [
  {
    id: 'tpu-v7', vendor: 'Google', name: 'TPU7x Ironwood (per chip)', memoryGiB: 192, usableFraction: 1, bandwidthGBs: 7380,
    kind: 'discrete', category: 'datacenter', year: 2025, aliases: ['tpu7x', 'tpu-7x', 'tpu-v7x', 'tpuv7', 'ironwood', 'tpu-ironwood'],
    source: 'https://docs.cloud.google.com/tpu/docs/tpu7x ("HBM capacity per chip (GiB) 192"); Compute Engine "TPU machines in accelerator-optimized machine family" page, TPU architecture specifications table ("HBM bandwidth per chip (GBps) 7380", last updated 2026-08-26; read from a public snapshot); https://techsimplified.media/tags/ironwood (GA 2025-11-06)',
    notes: 'One chip shows up as two devices (dual-chiplet); figures are per chip.',
  },
  {
    id: 'tpu-v5p', vendor: 'Google', name: 'Cloud TPU v5p (per chip)', memoryGiB: 95, usableFraction: 1, bandwidthGBs: 2765,
    kind: 'discrete', category: 'datacenter', year: 2023, aliases: ['v5p', 'tpuv5p'],
    source: `https://cloud.google.com/tpu/docs/v5p ("HBM2e capacity and bandwidth: 95 GB, 2765 GBps"); ${STAS00} (95 GB, 2.76 TB/s); https://aiwiki.ai/wiki/google_tpu_v5p/raw (announced 2023-12-06)`,
  },
  {
    id: 'tpu-v6e', vendor: 'Google', name: 'TPU v6e Trillium (per chip)', memoryGiB: 32, usableFraction: 1, bandwidthGBs: 1638,
    kind: 'discrete', category: 'datacenter', year: 2024, aliases: ['v6e', 'tpuv6e', 'trillium', 'tpu-trillium'],
    source: 'https://docs.cloud.google.com/tpu/docs/v6e ("HBM capacity per chip 32 GB", "HBM bandwidth per chip 1638 GBps"); https://aiwiki.ai/wiki/google_trillium (GA 2024-12-12)',
  },
  {
    id: 'tpu-v4', vendor: 'Google', name: 'Cloud TPU v4 (per chip)', memoryGiB: 32, usableFraction: 1, bandwidthGBs: 1200,
    kind: 'discrete', category: 'datacenter', year: 2021, aliases: ['tpuv4', 'tpu4'],
    source: `https://cloud.google.com/tpu/docs/v4 ("HBM2 capacity and bandwidth: 32 GiB, 1200 GBps"); ${STAS00} (32 GB, 1.20 TB/s); https://9to5google.com/2021/05/18/google-unveils-4th-generation-tensor-processing-unit/`,
  },
  {
    id: 'tpu-v5e', vendor: 'Google', name: 'Cloud TPU v5e (per chip)', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 819,
    kind: 'discrete', category: 'datacenter', year: 2023, aliases: ['v5e', 'tpuv5e', 'tpu-v5-lite'],
    source: `${STAS00} (note 1: cloud.google.com/tpu/docs/v5e); https://docs.cloud.google.com/tpu/docs/v5e ("HBM2 capacity and bandwidth: 16 GB, 819 GBps"); https://aiwiki.ai/wiki/google_tpu_v5p/raw (v5e introduced August 2023)`,
  },
];

const APPLE_M1_BASE =
  'https://hmong.ovh/ru/Apple_M1_Max (Wikipedia mirror: LPDDR4X 4266 MT/s, "M1: 8 or 16 GB", launched 2020-11-10); 128-bit bus per AnandTech as quoted in https://ae.skr.im/item?id=25258490; https://modelpiper.com/blog/local-llm-benchmarks-apple-silicon ("M1: ~68 GB/s")';
const APPLE_M1 =
  'https://en.trend.az/world/3500298.html ; https://mybroadband.co.za/news/hardware/418862-apple-m1-pro-and-m1-max-new-chips-powering-the-macbook-pro.html (Apple announcement)';
const APPLE_M1_PRO =
  'https://9to5mac.com/2021/10/18/apple-unveils-next-generation-m1-pro-and-m1-max-chips-for-new-macs/ ("200GB/s memory bandwidth", "Up to 32GB"); http://guildjae.blogg.se/2023/january/32gb-ram-vs-16gb-ram-macbook-pro-2018.html (M1 Pro: 16GB standard, 32GB option)';
const APPLE_M1_ULTRA =
  'https://gamebastion.com/n/apple-s-m4-max-is-the-first-non-ultra/474547 (wccftech); Ars table via https://inforeader.com/... lists 819.2 GB/s';
const APPLE_M2 =
  'https://spidersweb.pl/2022/06/macbook-air-m2-2022-premiera.html (100 GB/s, up to 24 GB); https://iphonelife.com/node/281525 (M2 Mac mini: 8, 16 or 24 GB)';
const APPLE_M2_PRO =
  'https://www.bhphotovideo.com/explora/computers/news/apple-m2-pro-max-chips-macbook-mac-mini (200 GB/s, up to 32GB, announced 2023-01-17); https://mobileunlock24.com/es/blog/news/apple-launches-macbook-pro-and-mac-mini-using-m2-pro-and-m2-max-processors (M2 Pro 16GB/32GB)';
const APPLE_M2_MAX = 'https://www.trustedreviews.com/explainer/what-is-the-apple-m2-max-4295791';
const APPLE_M2_ULTRA =
  'https://www.fierceelectronics.com/electronics/apples-new-gonzo-mac-soc-called-m2-ultra ; https://propakistani.pk/2023/06/06/apple-m2-ultra-chip-unveiled-for-mac-pro-and-mac-studio/';
const APPLE_M3 =
  'https://ac-serverhub.com/CPU/ARM/AppleM3 (up to 24 GB, 100 GB/s); https://d33gy59ovltp76.cloudfront.net/news/apple-doubles-down-on-8gb-macs-despite-calls-to-increase-the-base-spec-ahead-of-m4-devices (M3 MacBook Air: 8 GB base, 16 GB and 24 GB options)';
const APPLE_M3_PRO =
  'https://www.macrumors.com/2023/10/31/apple-m3-pro-less-memory-bandwidth/ (150GB/s); https://www.neowin.net/news/apples-m3-pro-reportedly-coming-with-12-cpu-cores-36-gb-of-memory/ (36 GB); https://americanfork.business/?p=76748 (16-inch MacBook Pro entry model "24GB RAM, up from 18GB")';
const APPLE_M3_MAX =
  'https://mactechnews.de/news/article/M3-Pro-und-M3-Max-Geringere-Speicherbandbreite-Aenderungen-bei-Performance-und-Grafik-Cores-183639.html ; https://macmegasite.com/2024/10/30/m4-max-chip-has-16-core-cpu-40-core-gpu-and-35-increase-in-memory-bandwidth';
const APPLE_M3_ULTRA =
  'https://techpowerup.com/news-tags/Mac%20Studio ; Ars table (819.2 GB/s) via inforeader.com';
const APPLE_M4 =
  'https://mactrast.com/?p=168123 (M4: "up to 32GB of unified memory", "120GB/s"); https://americanfork.business/?p=76748 (M4 MacBook Pro memory 16/32 GB base/max)';
const APPLE_M4_PRO =
  'https://www.macrumors.com/2024/10/29/apple-announces-m4-pro-chip/ ("Up to 64GB of RAM", "273GB/s"); https://techmoran.com/2024/10/31/apple-unveils-its-most-powerful-chips-the-m4-pro-and-m4-max/';
const APPLE_M4_MAX =
  'http://www.notebookcheck.net/Apple-M4-Max-official-with-incremental-upgrades-over-the-M3-Max.911098.0.html ; https://goodnewsapodcast.com/apples-m4-m4-pro-and-m4-max-compared-to-past-generations-and-to-each-other (Ars copy)';
const APPLE_M5 =
  'https://aggregoctt.github.io/new-apple-m5-is-the-centerpiece-of-an-updated-14-i-ZjzAPBk0EfBff8iKVL3C7w (Ars copy: "configured with either 16GB, 24GB, or 32GB of RAM", 120 -> 153GB/s); https://dig.watch/updates/apple-launches-m5-with-bigger-ai-gains (153 GB/s, up to 32 GB)';
const APPLE_M5_PRO_MAX =
  'https://pepelac.news/en/posts/id30875-apple-m5-pro-and-m5-max-processors-unveiled-for-macbook-pro-laptops ("M5 Pro supports up to 64 GB ... 307 GB/s, M5 Max up to 128 GB ... 614 GB/s"); https://mikeshouts.com/apple-m5-pro-m5-max/amp ; https://techjaja.com/apple-m5-pro-m5-max (announced 2026-03-03)';
const APPLE_SPECS = 'Apple tech specs (RAM configurations)';

// Each RAM configuration is its own row: the GPU budget scales with RAM, and people say "my 64 GB M1 Max".
// A bare chip name ("m3 max") names no row: gpuVariants() lists its configurations and the caller asks or
// answers per size. The binned M3/M4 Max parts have their own, lower bandwidth.
// prettier-ignore
const APPLE: GpuSpec[] = [
  // --- M1 ---
  apple({ chip: 'm1', name: 'M1', gb: 16, bw: 68.25, year: 2020, source: APPLE_M1_BASE,
    notes: '68.25 GB/s = 4266 MT/s x 128-bit (LPDDR4X).' }),
  apple({ chip: 'm1', name: 'M1', gb: 8, bw: 68.25, year: 2020, source: APPLE_M1_BASE,
    notes: '68.25 GB/s = 4266 MT/s x 128-bit (LPDDR4X).' }),
  apple({ chip: 'm1-pro', name: 'M1 Pro', gb: 32, bw: 200, year: 2021, source: APPLE_M1_PRO }),
  apple({ chip: 'm1-pro', name: 'M1 Pro', gb: 16, bw: 200, year: 2021, source: APPLE_M1_PRO }),
  apple({ chip: 'm1-max', name: 'M1 Max', gb: 64, bw: 400, year: 2021, source: APPLE_M1 }),
  apple({ chip: 'm1-max', name: 'M1 Max', gb: 32, bw: 400, year: 2021, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M1}` }),
  apple({ chip: 'm1-ultra', name: 'M1 Ultra', gb: 128, bw: 800, year: 2022, source: APPLE_M1_ULTRA,
    notes: 'Apple markets 800 GB/s; Ars computes 819.2.' }),
  apple({ chip: 'm1-ultra', name: 'M1 Ultra', gb: 64, bw: 800, year: 2022, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M1_ULTRA}` }),
  // --- M2 ---
  apple({ chip: 'm2', name: 'M2', gb: 24, bw: 100, year: 2022, source: APPLE_M2 }),
  apple({ chip: 'm2', name: 'M2', gb: 16, bw: 100, year: 2022, source: APPLE_M2 }),
  apple({ chip: 'm2', name: 'M2', gb: 8, bw: 100, year: 2022, source: APPLE_M2 }),
  apple({ chip: 'm2-pro', name: 'M2 Pro', gb: 32, bw: 200, year: 2023, source: APPLE_M2_PRO }),
  apple({ chip: 'm2-pro', name: 'M2 Pro', gb: 16, bw: 200, year: 2023, source: APPLE_M2_PRO }),
  apple({ chip: 'm2-max', name: 'M2 Max', gb: 96, bw: 400, year: 2023, source: APPLE_M2_MAX }),
  apple({ chip: 'm2-max', name: 'M2 Max', gb: 64, bw: 400, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M2_MAX}` }),
  apple({ chip: 'm2-max', name: 'M2 Max', gb: 32, bw: 400, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M2_MAX}` }),
  apple({ chip: 'm2-ultra', name: 'M2 Ultra', gb: 192, bw: 800, year: 2023, common: true, source: APPLE_M2_ULTRA }),
  apple({ chip: 'm2-ultra', name: 'M2 Ultra', gb: 128, bw: 800, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M2_ULTRA}` }),
  apple({ chip: 'm2-ultra', name: 'M2 Ultra', gb: 64, bw: 800, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M2_ULTRA}` }),
  // --- M3 ---
  apple({ chip: 'm3', name: 'M3', gb: 24, bw: 100, year: 2023, source: APPLE_M3 }),
  apple({ chip: 'm3', name: 'M3', gb: 16, bw: 100, year: 2023, source: APPLE_M3 }),
  apple({ chip: 'm3', name: 'M3', gb: 8, bw: 100, year: 2023, source: APPLE_M3 }),
  apple({ chip: 'm3-pro', name: 'M3 Pro', gb: 36, bw: 150, year: 2023, source: APPLE_M3_PRO }),
  apple({ chip: 'm3-pro', name: 'M3 Pro', gb: 18, bw: 150, year: 2023, source: APPLE_M3_PRO }),
  // M3 Max: 48/64/128 GB come with the full 40-core GPU (400 GB/s); 36/96 GB with the binned 30-core (300 GB/s).
  apple({ chip: 'm3-max', name: 'M3 Max', gb: 128, bw: 400, year: 2023, aliases: ['m3-max-40c-128gb'], source: APPLE_M3_MAX,
    notes: '16-CPU/40-GPU part. 128 GB max per TechCrunch-type sources, not an Apple page.' }),
  apple({ chip: 'm3-max', name: 'M3 Max', gb: 96, bw: 300, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_MAX}`,
    notes: 'Binned 14-CPU/30-GPU part (300 GB/s); that 96 GB was offered only on the binned chip is from Apple configurations, not re-read here.' }),
  apple({ chip: 'm3-max', name: 'M3 Max', gb: 64, bw: 400, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_MAX}`,
    notes: '16-CPU/40-GPU part.' }),
  apple({ chip: 'm3-max', name: 'M3 Max', gb: 48, bw: 400, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_MAX}`,
    notes: '16-CPU/40-GPU part.' }),
  apple({ chip: 'm3-max', name: 'M3 Max', gb: 36, bw: 300, year: 2023, aliases: ['m3-max-30c'], source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_MAX}`,
    notes: 'Binned 14-CPU/30-GPU part (300 GB/s).' }),
  apple({ chip: 'm3-ultra', name: 'M3 Ultra', gb: 512, bw: 819, year: 2025, source: APPLE_M3_ULTRA,
    notes: 'Apple says "over 800GB/s"; Ars 819.2.' }),
  apple({ chip: 'm3-ultra', name: 'M3 Ultra', gb: 256, bw: 819, year: 2025, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_ULTRA}` }),
  apple({ chip: 'm3-ultra', name: 'M3 Ultra', gb: 96, bw: 819, year: 2025, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_ULTRA}; https://english.worldmagazine.it/431260 (Mac Studio M3 Ultra "96GB of unified memory (819GBps memory bandwidth)")` }),
  // --- M4 --- M4 Max: 48/64/128 GB come with the 16-CPU/40-GPU part (546 GB/s); 36 GB with the binned 14/32 (410 GB/s).
  apple({ chip: 'm4', name: 'M4', gb: 32, bw: 120, year: 2024, source: APPLE_M4 }),
  apple({ chip: 'm4', name: 'M4', gb: 24, bw: 120, year: 2024, source: `${APPLE_SPECS}; ${APPLE_M4}` }),
  apple({ chip: 'm4', name: 'M4', gb: 16, bw: 120, year: 2024, source: APPLE_M4 }),
  apple({ chip: 'm4-pro', name: 'M4 Pro', gb: 64, bw: 273, year: 2024, source: APPLE_M4_PRO }),
  apple({ chip: 'm4-pro', name: 'M4 Pro', gb: 48, bw: 273, year: 2024, source: `${APPLE_SPECS}; ${APPLE_M4_PRO}` }),
  apple({ chip: 'm4-pro', name: 'M4 Pro', gb: 24, bw: 273, year: 2024, source: `${APPLE_M4_PRO}; https://americanfork.business/?p=76748 (M4 Pro MacBook Pro base 24 GB)` }),
  apple({ chip: 'm4-max', name: 'M4 Max', gb: 128, bw: 546, year: 2024, common: true, aliases: ['m4-max-40c-128gb'], source: APPLE_M4_MAX }),
  apple({ chip: 'm4-max', name: 'M4 Max', gb: 64, bw: 546, year: 2024, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M4_MAX}` }),
  apple({ chip: 'm4-max', name: 'M4 Max', gb: 48, bw: 546, year: 2024, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M4_MAX}` }),
  apple({ chip: 'm4-max', name: 'M4 Max', gb: 36, bw: 410, year: 2024, aliases: ['m4-max-32c'],
    source: 'https://english.worldmagazine.it/431260 (Mac Studio M4 Max 14-core CPU / 32-core GPU, "36GB of unified memory (410GBps memory bandwidth)"); https://goodnewsapodcast.com/apples-m4-m4-pro-and-m4-max-compared-to-past-generations-and-to-each-other (Ars copy)',
    notes: 'Binned 14-CPU/32-GPU part (410 GB/s).' }),
  // --- M5 ---
  apple({ chip: 'm5', name: 'M5', gb: 32, bw: 153, year: 2025, source: APPLE_M5 }),
  apple({ chip: 'm5', name: 'M5', gb: 24, bw: 153, year: 2025, source: APPLE_M5 }),
  apple({ chip: 'm5', name: 'M5', gb: 16, bw: 153, year: 2025, source: APPLE_M5 }),
  apple({ chip: 'm5-pro', name: 'M5 Pro', gb: 64, bw: 307, year: 2026, source: APPLE_M5_PRO_MAX }),
  apple({ chip: 'm5-pro', name: 'M5 Pro', gb: 48, bw: 307, year: 2026,
    source: `${APPLE_M5_PRO_MAX}; https://thedailyscout.com/s/O_c46jNYJ1g (owners report an "M5 Pro 48GB")`,
    notes: 'The 48 GB configuration is read from owner reports, not an Apple configuration page.' }),
  apple({ chip: 'm5-max', name: 'M5 Max', gb: 128, bw: 614, year: 2026, source: `${APPLE_M5_PRO_MAX}; https://www.mac-dvd.com/blog/?p=1466 (40-core GPU, 128GB, LPDDR5X 9600, 614 GB/s)`,
    notes: 'Full 40-core GPU part. The smaller M5 Max configurations (and the binned 32-core GPU part, ~460 GB/s per cputronic.com) were not read from a source and are not listed.' }),
];

const VENDOR_ORDER: readonly GpuSpec['vendor'][] = ['NVIDIA', 'AMD', 'Intel', 'Google', 'Apple'];
const CATEGORY_ORDER: readonly GpuSpec['category'][] = [
  'consumer',
  'laptop',
  'workstation',
  'datacenter',
  'apu',
  'edge',
  'apple',
];

function byGroupThenMemory(a: GpuSpec, b: GpuSpec): number {
  return (
    VENDOR_ORDER.indexOf(a.vendor) - VENDOR_ORDER.indexOf(b.vendor) ||
    CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
    b.memoryGiB - a.memoryGiB ||
    b.bandwidthGBs - a.bandwidthGBs ||
    a.id.localeCompare(b.id)
  );
}

/** Every accelerator, grouped by vendor then category, largest memory first within a group. */
export const GPUS: readonly GpuSpec[] = [
  ...NVIDIA_CONSUMER,
  ...NVIDIA_LAPTOP,
  ...NVIDIA_WORKSTATION,
  ...NVIDIA_DATACENTER,
  ...NVIDIA_APU,
  ...NVIDIA_EDGE,
  ...AMD,
  ...INTEL,
  ...GOOGLE,
  ...APPLE,
].sort(byGroupThenMemory);

/** Lower case, trimmed, spaces and underscores as '-': the form ids and aliases are written in. */
function normalize(word: string): string {
  // Each rewrite runs only when the word has what it rewrites (the parser tries many words as GPU names).
  let k = word.trim().toLowerCase();
  if (SPACE_OR_UNDERSCORE.test(k)) k = k.replace(/[\s_]+/g, '-');
  return k.includes('--') ? k.replace(/-+/g, '-') : k;
}
const SPACE_OR_UNDERSCORE = /[\s_]/;

// Built once at load: findGpu runs for every query. A duplicate name is a catalog bug, so fail loudly.
const BY_NAME: ReadonlyMap<string, GpuSpec> = (() => {
  const map = new Map<string, GpuSpec>();
  for (const gpu of GPUS) {
    for (const name of [gpu.id, ...gpu.aliases]) {
      const other = map.get(name);
      if (other) throw new Error(`GPU catalog: "${name}" names both ${other.id} and ${gpu.id}`);
      map.set(name, gpu);
    }
  }
  return map;
})();

/** Vendor words people put in front of a name; tried only when the full name does not match. */
const PREFIXES = ['nvidia-', 'geforce-', 'amd-', 'apple-', 'intel-'];

/** `word` normalized, then with vendor prefixes stripped one at a time until `map` knows it. */
function lookup<T>(map: ReadonlyMap<string, T>, word: string): T | undefined {
  let key = normalize(word);
  for (;;) {
    const hit = map.get(key);
    if (hit !== undefined) return hit;
    const prefix = PREFIXES.find((p) => key.startsWith(p));
    if (!prefix) return undefined;
    key = key.slice(prefix.length);
  }
}

/**
 * NVIDIA Ampere or newer (compute capability 8.0+): the cards with BF16 tensor cores, which PyTorch's
 * torch.cuda.is_bf16_supported() and vLLM's FP8 (Marlin) kernels need. The catalog keeps no compute
 * capability: every NVIDIA row from 2020 on is Ampere or newer except the Turing RTX 2060 12GB (2021).
 */
export function ampereOrNewer(gpu: GpuSpec): boolean {
  return gpu.vendor === 'NVIDIA' && !gpu.generic && gpu.year >= 2020 && gpu.id !== 'rtx-2060-12gb';
}

/** The GPU `word` names (id or alias, any case, spaces or '_' for '-', optional vendor prefix), if any. */
export function findGpu(word: string): GpuSpec | undefined {
  return GPU_SPELLED.get(word) ?? lookup(BY_NAME, word);
}

/**
 * Each key of `map` with what lookup finds for it, worked out once at load: words spelled as the catalog
 * spells them ("rtx-4090", "m3-max") skip normalizing.
 */
function spelledAsKeys<T>(map: ReadonlyMap<string, T>): ReadonlyMap<string, T> {
  const out = new Map<string, T>();
  for (const key of map.keys()) {
    const hit = lookup(map, key);
    if (hit !== undefined) out.set(key, hit);
  }
  return out;
}
const GPU_SPELLED = spelledAsKeys(BY_NAME);

/** Every id and alias, for "did you mean" suggestions. */
export const GPU_NAMES: readonly string[] = [...BY_NAME.keys()];

/**
 * Cards sold in several memory sizes under one name. Some of these names also resolve through findGpu to
 * the common size (a bare "3060" is the 12 GB card, "a100" the 80 GB SXM); gpuVariants still lists every
 * size so a reply can say which one it assumed. Apple chips are added from the catalog below.
 */
const CARD_FAMILIES: readonly { names: readonly string[]; ids: readonly string[] }[] = [
  { names: ['rtx-5060-ti', '5060-ti', '5060ti', 'rtx5060ti'], ids: ['rtx-5060-ti-16gb', 'rtx-5060-ti-8gb'] },
  { names: ['rtx-4060-ti', '4060-ti', '4060ti', 'rtx4060ti'], ids: ['rtx-4060-ti-16gb', 'rtx-4060-ti-8gb'] },
  { names: ['rtx-3080', '3080', 'rtx3080'], ids: ['rtx-3080-10gb', 'rtx-3080-12gb'] },
  { names: ['rtx-3060', '3060', 'rtx3060'], ids: ['rtx-3060-12gb', 'rtx-3060-8gb'] },
  { names: ['rtx-2060', '2060', 'rtx2060'], ids: ['rtx-2060', 'rtx-2060-12gb'] },
  { names: ['rx-9060-xt', '9060-xt', '9060xt', 'rx9060xt'], ids: ['rx-9060-xt-16gb', 'rx-9060-xt-8gb'] },
  { names: ['radeon-pro-w7800', 'pro-w7800', 'w7800'], ids: ['radeon-pro-w7800', 'radeon-pro-w7800-48gb'] },
  { names: ['rtx-pro-5000', 'pro-5000'], ids: ['rtx-pro-5000-blackwell', 'rtx-pro-5000-blackwell-72gb'] },
  {
    names: ['rtx-pro-6000', 'pro-6000'],
    ids: ['rtx-pro-6000-blackwell', 'rtx-pro-6000-blackwell-max-q', 'rtx-pro-6000-blackwell-server'],
  },
  {
    names: [
      'ryzen-ai-max-395',
      'ryzen-ai-max+-395',
      'ai-max+-395',
      'ai-max-395',
      'strix-halo',
      'framework-desktop',
    ],
    ids: ['ryzen-ai-max-395', 'ryzen-ai-max-395-64gb'],
  },
  { names: ['a100'], ids: ['a100-80gb-sxm', 'a100-80gb-pcie', 'a100-40gb-sxm', 'a100-40gb-pcie'] },
  { names: ['h100'], ids: ['h100-sxm', 'h100-pcie', 'h100-nvl'] },
  { names: ['h200'], ids: ['h200-sxm', 'h200-nvl'] },
  { names: ['v100'], ids: ['v100-32gb-sxm2', 'v100-32gb-pcie', 'v100-16gb-sxm2', 'v100-16gb-pcie'] },
  { names: ['gh200'], ids: ['gh200-144gb', 'gh200-96gb'] },
  { names: ['p100', 'tesla-p100'], ids: ['p100-pcie-16gb', 'p100-sxm2'] },
  { names: ['jetson-agx-orin', 'agx-orin'], ids: ['jetson-agx-orin-64gb', 'jetson-agx-orin-32gb'] },
  { names: ['jetson-thor', 'thor'], ids: ['jetson-thor-t5000', 'jetson-thor-t4000'] },
  { names: ['jetson-orin-nano', 'orin-nano'], ids: ['jetson-orin-nano-super', 'jetson-orin-nano-8gb'] },
];

/** Apple rows are `apple-<chip>-<gb>gb`; the chip (`m3-max`, and `m3max`) names all of them. */
const APPLE_ID = /^apple-(.+)-\d+gb$/;

// Family word -> every configuration, in catalog order (largest memory first). Built once at load.
const VARIANTS: ReadonlyMap<string, readonly GpuSpec[]> = (() => {
  const byId = new Map(GPUS.map((g) => [g.id, g]));
  const families = new Map<string, Set<string>>();
  const add = (name: string, id: string) => {
    if (!byId.has(id)) throw new Error(`GPU catalog: family "${name}" lists unknown id ${id}`);
    const set = families.get(name) ?? new Set<string>();
    set.add(id);
    families.set(name, set);
  };
  for (const family of CARD_FAMILIES) {
    for (const name of family.names) for (const id of family.ids) add(name, id);
  }
  for (const gpu of GPUS) {
    const chip = APPLE_ID.exec(gpu.id)?.[1];
    if (!chip) continue;
    // A bare chip name must not resolve to one size (that is what this map is for).
    if (BY_NAME.has(chip)) throw new Error(`GPU catalog: chip name "${chip}" is also an alias`);
    add(chip, gpu.id);
    if (chip.includes('-')) add(chip.replaceAll('-', ''), gpu.id);
  }
  return new Map([...families].map(([name, ids]) => [name, GPUS.filter((g) => ids.has(g.id))]));
})();

/**
 * Every configuration of the chip or card family `word` names (`m3-max` -> its 36..128 GB rows, `3060` ->
 * 12 GB and 8 GB), largest memory first; [] when `word` names no family. Same normalization as findGpu.
 * A bare Apple chip name is never a findGpu alias: the caller picks a size or answers for each.
 */
export function gpuVariants(word: string): readonly GpuSpec[] {
  return VARIANTS_SPELLED.get(word) ?? lookup(VARIANTS, word) ?? [];
}

const VARIANTS_SPELLED = spelledAsKeys(VARIANTS);

/** Every word gpuVariants knows, for the parser's multi-word matching. */
export const GPU_FAMILY_NAMES: readonly string[] = [...VARIANTS.keys()];

/**
 * Mac product words (normalized: `mac-studio`) -> the chips Apple sells in that product in the newest
 * lineup we read. A product word names no GPU; the parser answers per chip and size via gpuVariants().
 * Sources: MacBook Air M5 and MacBook Pro M5 Pro/Max (March 2026): https://www.prismnews.com/news/apple-unveils-m5-pro-and-m5-max-macbook-pros-signals-pricier-tiers ,
 * https://thedailyscout.com/s/RBeSWv0Jfmg ; MacBook Pro M5 (Oct 2025): https://yantragyan.com/apples-14-inch-macbook-pro-gets-m5-chip-and-faster-storage-starting-at-1599 ;
 * Mac mini M4/M4 Pro and iMac M4 (Oct 2024): https://www.macrumors.com/2024/10/29/apple-announces-m4-pro-chip/ ,
 * https://www.neowin.net/news/apple-might-update-every-mac-with-the-m4-chip-for-the-first-time-in-over-a-decade/ ;
 * Mac Studio M4 Max/M3 Ultra (March 2025): https://www.pocket-lint.com/the-mac-studio-gets-the-m4-max-and-m3-ultra-chip/ ;
 * Mac Pro M2 Ultra (last updated 2023, same neowin page).
 */
export const MAC_PRODUCT_CHIPS: Readonly<Record<string, string[] | undefined>> = dict({
  // The current lineup (sources above) first, then the earlier Apple-silicon generations sold under the
  // same name (Apple's tech-specs archive): people ask about the Mac they own, often a few years old.
  'macbook-air': ['m5', 'm4', 'm3', 'm2', 'm1'],
  'macbook-pro': [
    'm5',
    'm5-pro',
    'm5-max',
    'm4',
    'm4-pro',
    'm4-max',
    'm3',
    'm3-pro',
    'm3-max',
    'm2-pro',
    'm2-max',
    'm1-pro',
    'm1-max',
  ],
  'mac-mini': ['m4', 'm4-pro', 'm2', 'm2-pro', 'm1'],
  imac: ['m4', 'm3', 'm1'],
  'mac-studio': ['m4-max', 'm3-ultra', 'm2-max', 'm2-ultra', 'm1-max', 'm1-ultra'],
  'mac-pro': ['m2-ultra'],
});

for (const [product, chips] of Object.entries(MAC_PRODUCT_CHIPS)) {
  for (const chip of chips ?? []) {
    if (!VARIANTS.has(chip)) throw new Error(`GPU catalog: ${product} lists unknown chip ${chip}`);
  }
}
