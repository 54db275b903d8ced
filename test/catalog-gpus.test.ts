import { describe, it, expect } from 'vitest';
import { GPUS, GPU_NAMES, findGpu } from '../src/catalog/gpus.ts';

// Segments of letters and digits ('+' and '.' allowed: `ai-max+-395`) joined by single dashes.
const KEBAB = /^[a-z0-9+.]+(?:-[a-z0-9+.]+)*$/;

function gpu(id: string) {
  const found = GPUS.find((g) => g.id === id);
  if (!found) throw new Error(`no GPU ${id}`);
  return found;
}

describe('GPU catalog shape', () => {
  it('has at least 55 accelerators', () => {
    expect(GPUS.length).toBeGreaterThanOrEqual(55);
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
      expect(g.usableFraction, g.id).toBeGreaterThan(0);
      expect(g.usableFraction, g.id).toBeLessThanOrEqual(1);
      expect(g.year, g.id).toBeGreaterThanOrEqual(2017);
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

  it('marks about a dozen common choices', () => {
    const common = GPUS.filter((g) => g.common);
    expect(common.length).toBeGreaterThanOrEqual(10);
    expect(common.length).toBeLessThanOrEqual(16);
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
    ['Apple M2 Ultra', 'apple-m2-ultra-192gb'],
    ['m4-max', 'apple-m4-max-128gb'],
    ['  M3 Max 36GB  ', 'apple-m3-max-36gb'],
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
