// Fit: for every GPU, does the job fit, how tight, how many cards, how long a context, how fast at most.
import { GPUS } from './catalog/gpus.ts';
import type { GpuSpec } from './catalog/types.ts';
import type { Estimate } from './estimate.ts';
import { GIB } from './units.ts';

export type Verdict = 'fits' | 'tight' | 'no';

export interface Fit {
  gpu: string;
  name: string;
  memoryBytes: number;
  usableBytes: number;
  /** Smallest number of these cards that holds the job at the asked context (0: not even MAX_CARDS). */
  count: number;
  verdict: Verdict;
  /** usable - need on the asked number of cards (the query's gpus=N, else 1); negative when it does not fit. */
  headroomBytes: number;
  /** Longest context (tokens) that fits on the asked number of cards; null when not even 1 token fits. */
  maxContext: number | null;
  /** Decode ceiling for one sequence from memory bandwidth; null for training. */
  tokensPerSecond: number | null;
}

/** Largest split we consider: one NVL72 rack's worth of GPUs. */
export const MAX_CARDS = 72;

/** Memory a job can allocate on `gpu` under this runtime (Apple: Metal working set; vLLM: its utilization). */
export function usableBytes(gpu: GpuSpec, e: Estimate): number {
  return Math.floor(gpu.memoryGiB * GIB * gpu.usableFraction * e.runtime.memoryUtilization);
}

/** Unified-memory machines (Apple, Ryzen AI Max, DGX Spark) are one device: no splitting. */
function maxCards(gpu: GpuSpec): number {
  return gpu.kind === 'unified' ? 1 : MAX_CARDS;
}

/**
 * The verdict uses the estimate's band: "fits" when even the high end fits, "tight" when the central
 * estimate fits but the high end does not, "no" otherwise.
 */
export function fitOn(gpu: GpuSpec, e: Estimate, askedCards: number | null): Fit {
  const usable = usableBytes(gpu, e);
  const cards = Math.min(askedCards ?? 1, maxCards(gpu));
  const need = e.perCard(cards);
  const highNeed = need + (e.total.high - e.total.bytes) / cards;
  const verdict: Verdict = highNeed <= usable ? 'fits' : need <= usable ? 'tight' : 'no';
  return {
    gpu: gpu.id,
    name: gpu.name,
    memoryBytes: Math.round(gpu.memoryGiB * GIB),
    usableBytes: usable,
    count: cardsNeeded(gpu, e, usable),
    verdict,
    headroomBytes: Math.round(usable - need),
    maxContext: maxContext(e, usable, cards),
    tokensPerSecond: e.request.mode === 'inference' ? decodeCeiling(gpu, e, cards) : null,
  };
}

function cardsNeeded(gpu: GpuSpec, e: Estimate, usable: number): number {
  const limit = maxCards(gpu);
  if (e.perCard(1) <= usable) return 1;
  if (limit === 1) return 0;
  // perCard falls with the count (shardable / n) after the one-time split cost: search the smallest n.
  let lo = 2;
  let hi = limit;
  if (e.perCard(hi) > usable) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e.perCard(mid) <= usable) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Longest context that fits on `cards` cards, by bisection on the (monotone) memory of the context. */
export function maxContext(e: Estimate, usable: number, cards: number): number | null {
  const top = Math.max(e.model.maxContext, e.request.context);
  if (e.perCard(cards, 1) > usable) return null;
  if (e.perCard(cards, top) <= usable) return top;
  let lo = 1;
  let hi = top;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (e.perCard(cards, mid) <= usable) lo = mid;
    else hi = mid;
  }
  // Report round numbers people can type: down to a multiple of 256 above 1k tokens.
  return lo >= 1024 ? lo - (lo % 256) : lo;
}

/**
 * Decode is memory-bound: each token reads the active weights and the sequence's KV cache once, so
 * bandwidth / bytes-per-token is a ceiling (real runtimes reach ~60-85% of it). Cards in tensor
 * parallel read their shares at the same time.
 */
function decodeCeiling(gpu: GpuSpec, e: Estimate, cards: number): number {
  const bytes = e.decodeBytes;
  if (bytes <= 0) return 0;
  return Math.round(((gpu.bandwidthGBs * 1e9 * cards) / bytes) * 10) / 10;
}

export function fitAll(e: Estimate): Fit[] {
  const asked = e.request.gpuCount;
  return GPUS.map((g) => fitOn(g, e, asked));
}
