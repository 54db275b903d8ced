// GPU catalog: memory size and peak bandwidth of the accelerators people ask about.
//
// Where the numbers come from: /work/shared/reference/gpus.csv and gpus_notes.md (TechPowerUp scrape via
// reox007/RightNow-GPU-Database, gmasse/gpu-specs, stas00/ml-engineering, vendor announcements). Each
// row's `source` names the documents it was read from; rows that are not in the csv cite the vendor's
// spec page. Where sources disagree we follow gpus_notes.md (e.g. TechPowerUp's MI300X, MI325X and B200
// entries are wrong) and say so in `notes`.
//
// The source below is written in reading order (families together); GPUS is sorted once at load into
// vendor/category groups, largest memory first, so lists and "fits on" answers come out in a stable order.

import type { GpuSpec } from './types.ts';

const TPU_NVIDIA = 'reox007/RightNow-GPU-Database:data/nvidia/all.json (TechPowerUp scrape)';
const TPU_AMD = 'reox007/RightNow-GPU-Database:data/amd/all.json (TechPowerUp scrape)';
const TPU_INTEL = 'reox007/RightNow-GPU-Database:data/intel/all.json (TechPowerUp scrape)';
const GMASSE = 'gmasse/gpu-specs:data/specs.json + specs.md (cites NVIDIA datasheets)';
const STAS00 =
  'stas00/ml-engineering:compute/accelerator/README.md (TFLOPS + HBM tables; cites vendor spec pages)';

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
  /** Largest RAM configuration of the chip: it also answers to the bare chip name (`m2-ultra`). */
  top?: boolean;
  aliases?: string[];
  common?: boolean;
  notes?: string;
}

/** One Apple configuration. A helper because every row shares kind, category, budget and note. */
function apple(row: AppleRow): GpuSpec {
  const { chip, gb } = row;
  const squashed = chip.replaceAll('-', '');
  const aliases = [`${chip}-${gb}gb`, `${chip}-${gb}`];
  // `m2ultra192` reads fine; `m432` (plain M4) does not, so only chips with a suffix get the squashed form.
  if (squashed !== chip) aliases.push(`${squashed}${gb}`);
  if (row.top) aliases.push(chip, ...(squashed !== chip ? [squashed] : []));
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
    kind: 'discrete', category: 'consumer', year: 2025, aliases: ['5080', 'rtx5080', 'geforce-rtx-5080'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5080.c4217`,
  },
  {
    id: 'rtx-5070-ti', vendor: 'NVIDIA', name: 'GeForce RTX 5070 Ti', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 896,
    kind: 'discrete', category: 'consumer', year: 2025, aliases: ['5070-ti', '5070ti', 'rtx5070ti', 'rtx-5070ti'],
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
    kind: 'discrete', category: 'consumer', year: 2025,
    aliases: ['5060-ti', '5060ti', 'rtx-5060-ti', 'rtx5060ti', '5060-ti-16gb', '5060ti-16gb', '5060-ti-16', 'rtx-5060-ti-16'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5060-ti-16-gb.c4292`,
  },
  {
    id: 'rtx-5060-ti-8gb', vendor: 'NVIDIA', name: 'GeForce RTX 5060 Ti 8 GB', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2025,
    aliases: ['5060-ti-8gb', '5060ti-8gb', '5060-ti-8', 'rtx-5060-ti-8'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-5060-ti-8-gb.c4246`,
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
    kind: 'discrete', category: 'consumer', year: 2022, aliases: ['4080', 'rtx4080'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4080.c3888`,
  },
  {
    id: 'rtx-4070-ti-super', vendor: 'NVIDIA', name: 'GeForce RTX 4070 Ti SUPER', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 672.3,
    kind: 'discrete', category: 'consumer', year: 2024,
    aliases: ['4070-ti-super', '4070tisuper', 'rtx4070tisuper', 'rtx-4070ti-super', '4070ti-super'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4070-ti-super.c4187`,
  },
  {
    id: 'rtx-4070-ti', vendor: 'NVIDIA', name: 'GeForce RTX 4070 Ti', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 504,
    kind: 'discrete', category: 'consumer', year: 2023,
    aliases: ['4070-ti', '4070ti', 'rtx4070ti', 'rtx-4070ti', 'rtx-4070-ti-12gb'],
    source: 'NVIDIA spec page (GeForce RTX 4070 family: 12 GB GDDR6X, 504 GB/s)',
  },
  {
    id: 'rtx-4070', vendor: 'NVIDIA', name: 'GeForce RTX 4070', memoryGiB: 12, usableFraction: 1, bandwidthGBs: 504.2,
    kind: 'discrete', category: 'consumer', year: 2023, aliases: ['4070', 'rtx4070'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-4070.c3924`,
    notes: 'GDDR6X card; a later GDDR6 variant has 480 GB/s.',
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
    kind: 'discrete', category: 'consumer', year: 2023, aliases: ['4060', 'rtx4060', 'rtx-4060-8gb'],
    source: 'NVIDIA spec page (GeForce RTX 4060: 8 GB GDDR6, 272 GB/s)',
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
    kind: 'discrete', category: 'consumer', year: 2020,
    aliases: ['3080', 'rtx3080', 'rtx-3080', '3080-10gb', '3080-10', 'rtx-3080-10'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/geforce-rtx-3080.c3621`,
    notes: 'Original 10 GB card, 320-bit bus.',
  },
  {
    id: 'rtx-3070', vendor: 'NVIDIA', name: 'GeForce RTX 3070', memoryGiB: 8, usableFraction: 1, bandwidthGBs: 448,
    kind: 'discrete', category: 'consumer', year: 2020, aliases: ['3070', 'rtx3070', 'rtx-3070-8gb'],
    source: 'NVIDIA spec page (GeForce RTX 3070: 8 GB GDDR6, 448 GB/s)',
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
    source: `${TPU_NVIDIA} (gpus.csv note on rtx-3060-12gb: 8 GB variant, 128-bit, 240 GB/s)`,
    notes: '128-bit bus; much slower than the 12 GB card.',
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
    source: 'NVIDIA spec page (RTX A5000: 24 GB GDDR6, 768 GB/s)',
  },
  {
    id: 'rtx-4000-ada', vendor: 'NVIDIA', name: 'RTX 4000 Ada Generation', memoryGiB: 20, usableFraction: 1, bandwidthGBs: 360,
    kind: 'discrete', category: 'workstation', year: 2023,
    aliases: ['4000-ada', 'rtx4000-ada', 'rtx4000ada', 'rtx-4000-ada-generation', 'rtx-4000-ada-20gb'],
    source: 'NVIDIA spec page (RTX 4000 Ada Generation: 20 GB GDDR6, 360 GB/s)',
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
  // --- Hopper ---
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
];

// Unified-memory NVIDIA boxes: the GPU shares one pool with the CPU and the OS.
// prettier-ignore
const NVIDIA_APU: GpuSpec[] = [
  {
    id: 'dgx-spark', vendor: 'NVIDIA', name: 'DGX Spark (GB10 Grace Blackwell), 128 GB', memoryGiB: 128, usableFraction: 0.9, bandwidthGBs: 273,
    kind: 'unified', category: 'apu', year: 2025, aliases: ['spark', 'gb10', 'dgxspark', 'dgx-spark-128gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/gb10.c4342; NVIDIA DGX Spark page as quoted in GitHub docs ("LPDDR5x, 256-bit, 273 GB/s")`,
    notes: 'One coherent CPU+GPU pool. Linux reports MemTotal ~119.7 GiB of 128 (~0.935) and the OS and CPU side take more, so we budget 0.9. nvidia-smi reports memory as "Not Supported". gpus.csv files it under workstation; it is listed with the unified machines here.',
  },
  {
    id: 'jetson-agx-orin-64gb', vendor: 'NVIDIA', name: 'Jetson AGX Orin 64GB', memoryGiB: 64, usableFraction: 0.9, bandwidthGBs: 204.8,
    kind: 'unified', category: 'apu', year: 2023,
    aliases: ['agx-orin', 'agx-orin-64gb', 'jetson-agx-orin', 'jetson-orin', 'orin', 'orin-64gb'],
    source: `${TPU_NVIDIA} -> https://www.techpowerup.com/gpu-specs/jetson-agx-orin-64-gb.c4085`,
    notes: 'Embedded module; LPDDR5 shared by CPU and GPU, so we budget 0.9 for the OS and CPU side (judgement, not measured).',
  },
  {
    id: 'jetson-agx-orin-32gb', vendor: 'NVIDIA', name: 'Jetson AGX Orin 32GB', memoryGiB: 32, usableFraction: 0.9, bandwidthGBs: 204.8,
    kind: 'unified', category: 'apu', year: 2022, aliases: ['agx-orin-32gb', 'orin-32gb', 'jetson-agx-orin-32'],
    source: `${TPU_NVIDIA} (gpus.csv note on jetson-agx-orin-64gb: 32 GB module has the same bandwidth)`,
    notes: 'Same 0.9 budget as the 64 GB module. Year = first AGX Orin developer kit (32 GB), from memory.',
  },
];

// prettier-ignore
const AMD: GpuSpec[] = [
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
    id: 'radeon-pro-w7900', vendor: 'AMD', name: 'Radeon PRO W7900', memoryGiB: 48, usableFraction: 1, bandwidthGBs: 864,
    kind: 'discrete', category: 'workstation', year: 2023, aliases: ['w7900', 'pro-w7900', 'radeon-w7900'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-pro-w7900.c4147`,
  },
  {
    id: 'rx-7900-xtx', vendor: 'AMD', name: 'Radeon RX 7900 XTX', memoryGiB: 24, usableFraction: 1, bandwidthGBs: 960,
    kind: 'discrete', category: 'consumer', year: 2022,
    aliases: ['7900xtx', '7900-xtx', 'rx7900xtx', 'rx-7900xtx', 'radeon-rx-7900-xtx'],
    source: `${TPU_AMD} -> https://www.techpowerup.com/gpu-specs/radeon-rx-7900-xtx.c3941`,
  },
  {
    id: 'ryzen-ai-max-395', vendor: 'AMD', name: 'Ryzen AI Max+ 395 (Radeon 8060S), 128 GB', memoryGiB: 128, usableFraction: 0.75, bandwidthGBs: 256,
    kind: 'unified', category: 'apu', year: 2025,
    aliases: ['ryzen-ai-max+-395', 'ryzen-ai-max-plus-395', 'ai-max+-395', 'ai-max-395', 'ryzen-ai-max-395-128gb', 'strix-halo', 'radeon-8060s', '8060s'],
    source: 'https://www.amd.com/en/blogs/2025/faqs-amd-variable-graphics-memory-vram-ai-model-sizes-quantization-mcp-more.html ; https://www.svethardware.cz/amd-predstavuje-ryzen-ai-max-strix-halo-s-az-16-jadry-a-gpu-se-40-cu/61477 ; github kyuz0/amd-strix-halo-toolboxes#98; noamsto/nix-amd-ai#42',
    notes: 'LPDDR5X-8000, 256-bit. 0.75 = the 96 of 128 GB AMD Variable Graphics Memory gives the GPU on Windows; on Linux GTT (ttm.pages_limit) can go higher (~124 GiB reported).',
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
    id: 'tpu-v5e', vendor: 'Google', name: 'Cloud TPU v5e (per chip)', memoryGiB: 16, usableFraction: 1, bandwidthGBs: 819,
    kind: 'discrete', category: 'datacenter', year: 2023, aliases: ['v5e', 'tpuv5e', 'tpu-v5-lite'],
    source: `${STAS00} (note 1: cloud.google.com/tpu/docs/v5e)`,
    notes: 'Year (2023 launch) is not in gpus.csv; from memory.',
  },
];

const APPLE_M1 =
  'https://en.trend.az/world/3500298.html ; https://mybroadband.co.za/news/hardware/418862-apple-m1-pro-and-m1-max-new-chips-powering-the-macbook-pro.html (Apple announcement)';
const APPLE_M1_ULTRA =
  'https://gamebastion.com/n/apple-s-m4-max-is-the-first-non-ultra/474547 (wccftech); Ars table via https://inforeader.com/... lists 819.2 GB/s';
const APPLE_M2_MAX = 'https://www.trustedreviews.com/explainer/what-is-the-apple-m2-max-4295791';
const APPLE_M2_ULTRA =
  'https://www.fierceelectronics.com/electronics/apples-new-gonzo-mac-soc-called-m2-ultra ; https://propakistani.pk/2023/06/06/apple-m2-ultra-chip-unveiled-for-mac-pro-and-mac-studio/';
const APPLE_M3_MAX =
  'https://mactechnews.de/news/article/M3-Pro-und-M3-Max-Geringere-Speicherbandbreite-Aenderungen-bei-Performance-und-Grafik-Cores-183639.html ; https://macmegasite.com/2024/10/30/m4-max-chip-has-16-core-cpu-40-core-gpu-and-35-increase-in-memory-bandwidth';
const APPLE_M3_ULTRA =
  'https://techpowerup.com/news-tags/Mac%20Studio ; Ars table (819.2 GB/s) via inforeader.com';
const APPLE_M4_MAX =
  'http://www.notebookcheck.net/Apple-M4-Max-official-with-incremental-upgrades-over-the-M3-Max.911098.0.html ; https://goodnewsapodcast.com/apples-m4-m4-pro-and-m4-max-compared-to-past-generations-and-to-each-other (Ars copy)';
const APPLE_SPECS = 'Apple tech specs (RAM configurations)';

// Each RAM configuration is its own row: the GPU budget scales with RAM, and people say "my 64 GB M1 Max".
// Bandwidth is per chip from gpus.csv; configurations not in the csv take the chip's figure from there
// (the binned M3/M4 Max parts have their own, lower bandwidth).
// prettier-ignore
const APPLE: GpuSpec[] = [
  apple({ chip: 'm1-max', name: 'M1 Max', gb: 64, bw: 400, year: 2021, top: true, source: APPLE_M1 }),
  apple({ chip: 'm1-max', name: 'M1 Max', gb: 32, bw: 400, year: 2021, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M1}` }),
  apple({ chip: 'm1-ultra', name: 'M1 Ultra', gb: 128, bw: 800, year: 2022, top: true, source: APPLE_M1_ULTRA,
    notes: 'Apple markets 800 GB/s; Ars computes 819.2.' }),
  apple({ chip: 'm1-ultra', name: 'M1 Ultra', gb: 64, bw: 800, year: 2022, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M1_ULTRA}` }),
  apple({ chip: 'm2-max', name: 'M2 Max', gb: 96, bw: 400, year: 2023, top: true, source: APPLE_M2_MAX }),
  apple({ chip: 'm2-max', name: 'M2 Max', gb: 64, bw: 400, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M2_MAX}` }),
  apple({ chip: 'm2-max', name: 'M2 Max', gb: 32, bw: 400, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M2_MAX}` }),
  apple({ chip: 'm2-ultra', name: 'M2 Ultra', gb: 192, bw: 800, year: 2023, top: true, common: true, source: APPLE_M2_ULTRA }),
  apple({ chip: 'm2-ultra', name: 'M2 Ultra', gb: 128, bw: 800, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M2_ULTRA}` }),
  apple({ chip: 'm2-ultra', name: 'M2 Ultra', gb: 64, bw: 800, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M2_ULTRA}` }),
  // M3 Max: 48/64/128 GB come with the full 40-core GPU (400 GB/s); 36/96 GB with the binned 30-core (300 GB/s).
  apple({ chip: 'm3-max', name: 'M3 Max', gb: 128, bw: 400, year: 2023, top: true, aliases: ['m3-max-40c-128gb'], source: APPLE_M3_MAX,
    notes: '16-CPU/40-GPU part. 128 GB max per TechCrunch-type sources, not an Apple page.' }),
  apple({ chip: 'm3-max', name: 'M3 Max', gb: 96, bw: 300, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_MAX}`,
    notes: 'Binned 14-CPU/30-GPU part (300 GB/s); that 96 GB was offered only on the binned chip is from Apple configurations, not re-read here.' }),
  apple({ chip: 'm3-max', name: 'M3 Max', gb: 64, bw: 400, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_MAX}`,
    notes: '16-CPU/40-GPU part.' }),
  apple({ chip: 'm3-max', name: 'M3 Max', gb: 48, bw: 400, year: 2023, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_MAX}`,
    notes: '16-CPU/40-GPU part.' }),
  apple({ chip: 'm3-max', name: 'M3 Max', gb: 36, bw: 300, year: 2023, aliases: ['m3-max-30c'], source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_MAX}`,
    notes: 'Binned 14-CPU/30-GPU part (300 GB/s).' }),
  apple({ chip: 'm3-ultra', name: 'M3 Ultra', gb: 512, bw: 819, year: 2025, top: true, source: APPLE_M3_ULTRA,
    notes: 'Apple says "over 800GB/s"; Ars 819.2.' }),
  apple({ chip: 'm3-ultra', name: 'M3 Ultra', gb: 256, bw: 819, year: 2025, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_ULTRA}` }),
  apple({ chip: 'm3-ultra', name: 'M3 Ultra', gb: 96, bw: 819, year: 2025, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M3_ULTRA}` }),
  // M4 Max: 48/64/128 GB come with the 16-CPU/40-GPU part (546 GB/s); 36 GB with the binned 14/32 (410 GB/s).
  apple({ chip: 'm4-max', name: 'M4 Max', gb: 128, bw: 546, year: 2024, top: true, common: true, aliases: ['m4-max-40c-128gb'], source: APPLE_M4_MAX }),
  apple({ chip: 'm4-max', name: 'M4 Max', gb: 64, bw: 546, year: 2024, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M4_MAX}` }),
  apple({ chip: 'm4-max', name: 'M4 Max', gb: 48, bw: 546, year: 2024, source: `${APPLE_SPECS}; bandwidth: ${APPLE_M4_MAX}` }),
  apple({ chip: 'm4-max', name: 'M4 Max', gb: 36, bw: 410, year: 2024, aliases: ['m4-max-32c'],
    source: `${APPLE_SPECS}; bandwidth: https://goodnewsapodcast.com/apples-m4-m4-pro-and-m4-max-compared-to-past-generations-and-to-each-other (Ars copy)`,
    notes: 'Binned 14-CPU/32-GPU part (410 GB/s).' }),
  apple({ chip: 'm4-pro', name: 'M4 Pro', gb: 64, bw: 273, year: 2024, top: true, source: `${APPLE_SPECS}; Apple M4 Pro announcement (273 GB/s)` }),
  apple({ chip: 'm4-pro', name: 'M4 Pro', gb: 48, bw: 273, year: 2024, source: `${APPLE_SPECS}; Apple M4 Pro announcement (273 GB/s)` }),
  apple({ chip: 'm4-pro', name: 'M4 Pro', gb: 24, bw: 273, year: 2024, source: `${APPLE_SPECS}; Apple M4 Pro announcement (273 GB/s)` }),
  apple({ chip: 'm4', name: 'M4', gb: 32, bw: 120, year: 2024, top: true, source: `${APPLE_SPECS}; Apple M4 announcement (120 GB/s)` }),
  apple({ chip: 'm4', name: 'M4', gb: 24, bw: 120, year: 2024, source: `${APPLE_SPECS}; Apple M4 announcement (120 GB/s)` }),
  apple({ chip: 'm4', name: 'M4', gb: 16, bw: 120, year: 2024, source: `${APPLE_SPECS}; Apple M4 announcement (120 GB/s)` }),
];

const VENDOR_ORDER: readonly GpuSpec['vendor'][] = ['NVIDIA', 'AMD', 'Intel', 'Google', 'Apple'];
const CATEGORY_ORDER: readonly GpuSpec['category'][] = [
  'consumer',
  'workstation',
  'datacenter',
  'apu',
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
  ...NVIDIA_WORKSTATION,
  ...NVIDIA_DATACENTER,
  ...NVIDIA_APU,
  ...AMD,
  ...INTEL,
  ...GOOGLE,
  ...APPLE,
].sort(byGroupThenMemory);

/** Lower case, trimmed, spaces and underscores as '-': the form ids and aliases are written in. */
function normalize(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-');
}

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

/** The GPU `word` names (id or alias, any case, spaces or '_' for '-', optional vendor prefix), if any. */
export function findGpu(word: string): GpuSpec | undefined {
  let key = normalize(word);
  for (;;) {
    const hit = BY_NAME.get(key);
    if (hit) return hit;
    const prefix = PREFIXES.find((p) => key.startsWith(p));
    if (!prefix) return undefined;
    key = key.slice(prefix.length);
  }
}

/** Every id and alias, for "did you mean" suggestions. */
export const GPU_NAMES: readonly string[] = [...BY_NAME.keys()];
