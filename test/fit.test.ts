// Fit: usable memory, verdicts at their boundaries, card counts, longest context, decode ceilings.
import { describe, expect, it } from 'vitest';
import { findGpu } from '../src/catalog/gpus.ts';
import { fitOn, usableBytes, maxContext } from '../src/fit.ts';
import { est, GiB, report } from './helpers.ts';

const gpu = (id: string) => {
  const g = findGpu(id);
  if (!g) throw new Error(id);
  return g;
};

describe('usable memory', () => {
  it('discrete cards: the whole marketed size in GiB', () => {
    expect(usableBytes(gpu('rtx-4090'), est('llama-3.1-8b'))).toBe(24 * GiB);
  });
  it('Apple silicon: the Metal working set, 75% of RAM by default', () => {
    expect(usableBytes(gpu('m2-ultra-192gb'), est('llama-3.1-8b q4_k_m'))).toBe(144 * GiB);
  });
  it('vLLM claims gpu_memory_utilization = 0.9 of the card', () => {
    expect(usableBytes(gpu('h100-sxm'), est('llama-3.1-8b runtime=vllm'))).toBe(Math.floor(0.9 * 80 * GiB));
  });
});

describe('verdicts', () => {
  it('Llama-3.1-8B bf16 at 8k fits a 24 GiB card and not a 16 GiB one', () => {
    const e = est('llama-3.1-8b bf16 ctx=8k');
    expect(fitOn(gpu('rtx-4090'), e, null).verdict).toBe('fits');
    expect(fitOn(gpu('rtx-4080'), e, null).verdict).toBe('no');
  });
  it('"fits" always has non-negative headroom; "no" negative', () => {
    const r = report('llama-3.1-70b q4_k_m ctx=32k');
    for (const f of r.fits) {
      if (f.verdict === 'fits') expect(f.headroomBytes).toBeGreaterThanOrEqual(0);
      if (f.verdict === 'no') expect(f.headroomBytes).toBeLessThan(0);
    }
  });
  it('tight: the central estimate fits but the high end does not', () => {
    const e = est('llama-3.1-8b q8_0 ctx=8k runtime=llama.cpp');
    const need = e.perCard(1);
    const high = need + (e.total.high - e.total.bytes);
    const fake = { ...gpu('rtx-4090'), memoryGiB: (need + high) / 2 / GiB };
    expect(fitOn(fake, e, null).verdict).toBe('tight');
    expect(fitOn({ ...fake, memoryGiB: (high + 1) / GiB }, e, null).verdict).toBe('fits');
    expect(fitOn({ ...fake, memoryGiB: (need - 1) / GiB }, e, null).verdict).toBe('no');
  });
});

describe('card counts', () => {
  it('Llama-3.1-70B in bf16 (~131 GiB of weights) needs 2 H100s, 7 RTX 4090s', () => {
    const r = report('llama-3.1-70b bf16 ctx=8k');
    expect(r.fits.find((f) => f.gpu === 'h100-sxm')!.count).toBe(2);
    expect(r.fits.find((f) => f.gpu === 'rtx-4090')!.count).toBe(7);
  });
  it('each card pays its own overhead: two cards need more in total than one', () => {
    const e = est('llama-3.1-8b bf16');
    expect(2 * e.perCard(2)).toBeGreaterThan(e.perCard(1));
  });
  it('unified-memory machines do not split', () => {
    const r = report('llama-3.1-405b bf16');
    expect(r.fits.find((f) => f.gpu === 'apple-m2-ultra-192gb')!.count).toBe(0);
  });
});

describe('longest context', () => {
  it('is the largest context whose memory fits, and one step more does not', () => {
    const e = est('llama-3.1-8b bf16 ctx=8k');
    const usable = 24 * GiB;
    const m = maxContext(e, usable, 1)!;
    expect(e.perCard(1, m)).toBeLessThanOrEqual(usable);
    expect(e.perCard(1, m + 256)).toBeGreaterThan(usable);
  });
  it('is null when not even the weights fit', () => {
    expect(maxContext(est('llama-3.1-70b bf16'), 24 * GiB, 1)).toBeNull();
  });
});

describe('decode ceiling', () => {
  it('bandwidth / (active weights + KV) for one sequence', () => {
    const e = est('llama-3.1-8b bf16 ctx=8k');
    const f = fitOn(gpu('rtx-4090'), e, null);
    expect(f.tokensPerSecond).toBeCloseTo(1008e9 / e.decodeBytes, 0);
  });
  it('MoE decodes at the speed of its active parameters', () => {
    const moe = est('qwen3-30b-a3b bf16 ctx=8k');
    const dense = est('qwen3-32b bf16 ctx=8k');
    expect(moe.decodeBytes * 4).toBeLessThan(dense.decodeBytes);
  });
  it('is null for training', () => {
    expect(report('llama-3.1-8b qlora').fits.every((f) => f.tokensPerSecond === null)).toBe(true);
  });
});

describe('suggestions', () => {
  it('offer cheaper settings that fit the asked GPU', () => {
    const r = report('llama-3.1-70b bf16 on a 4090');
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(r.suggestions.join('\n')).toMatch(/4090/);
  });
  it('LoRA that does not fit suggests QLoRA', () => {
    const r = report('llama-3.1-8b lora seq=2048 gc=on on a 3060');
    expect(r.suggestions.join('\n')).toMatch(/QLoRA/);
  });
  it('when no single change fits, all of them together with the longest context that then fits', () => {
    const r = report('llama-3.1-70b q4_k_m ctx=32k on a 4090');
    const combined = r.suggestions.find((s) => s.includes('together'));
    expect(combined).toMatch(
      /kv=q8_0 \+ GGUF IQ2_M weights \+ fa=on together with ctx=\d+: fits GeForce RTX 4090/,
    );
    // and it really fits: re-ask with those settings
    const ctx = Number(/ctx=(\d+)/.exec(combined!)![1]);
    const again = report(`llama-3.1-70b iq2_m kv=q8_0 fa=on ctx=${ctx} on a 4090`);
    expect(again.focus!.headroomBytes).toBeGreaterThanOrEqual(0);
  });
  it('nothing to suggest when it fits', () => {
    expect(report('llama-3.2-1b q4_k_m on a 4090').suggestions).toEqual([]);
  });
});
