// Fit: for every GPU, does the job fit, how tight, how many cards, how long a context, how fast at most.
import { GPUS } from './catalog/gpus.ts';
import { runsOn } from './catalog/runtimes.ts';
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

/** The cards a job runs on: the query's gpus=N (else 1), never more than the device can be split into. */
export function cardsUsed(gpu: GpuSpec, askedCards: number | null): number {
  return Math.min(askedCards ?? 1, maxCards(gpu));
}

/**
 * The verdict uses the estimate's band: "fits" when even the high end fits, "tight" when the central
 * estimate fits but the high end does not, "no" otherwise.
 */
export function fitOn(gpu: GpuSpec, e: Estimate, askedCards: number | null): Fit {
  const usable = usableBytes(gpu, e);
  const cards = cardsUsed(gpu, askedCards);
  return fitRow(
    gpu,
    e,
    usable,
    cards,
    e.perCard(cards),
    cardsNeeded(gpu, usable, needsPerCount(e)),
    maxContext(e, usable, cards),
  );
}

/**
 * The verdict, headroom and speed ceiling at the asked context, without the longest-context and card-count
 * searches: what a list of many models needs (src/whatfits.ts).
 */
export function quickFit(gpu: GpuSpec, e: Estimate, askedCards: number | null): QuickFit {
  const cards = cardsUsed(gpu, askedCards);
  return atAskedContext(gpu, e, usableBytes(gpu, e), cards, e.perCard(cards));
}

export type QuickFit = Pick<Fit, 'verdict' | 'headroomBytes' | 'tokensPerSecond'>;

/** The part of a row both the full fit and the quick one give: one rule for the verdict and the ceiling. */
function atAskedContext(gpu: GpuSpec, e: Estimate, usable: number, cards: number, need: number): QuickFit {
  const highNeed = need + (e.total.high - e.total.bytes) / cards;
  return {
    verdict: highNeed <= usable ? 'fits' : need <= usable ? 'tight' : 'no',
    headroomBytes: Math.round(usable - need),
    // Generic devices have no known bandwidth, so no ceiling.
    tokensPerSecond:
      e.request.mode === 'inference' && gpu.bandwidthGBs > 0 ? decodeCeiling(gpu, e, cards) : null,
  };
}

function fitRow(
  gpu: GpuSpec,
  e: Estimate,
  usable: number,
  cards: number,
  need: number,
  count: number,
  maxCtx: number | null,
): Fit {
  const { verdict, headroomBytes, tokensPerSecond } = atAskedContext(gpu, e, usable, cards, need);
  return {
    gpu: gpu.id,
    name: gpu.name,
    memoryBytes: Math.round(gpu.memoryGiB * GIB),
    usableBytes: usable,
    count,
    verdict,
    headroomBytes,
    maxContext: maxCtx,
    tokensPerSecond,
  };
}

/** GPUs that share usable memory and splitting rules (many cards have 24, 48 or 80 GiB): searched once. */
interface Group {
  sample: GpuSpec;
  /** Positions in GPUS, so the answer keeps the catalog's order. */
  members: number[];
}

const groupsByUtilization = new Map<number, Group[]>();

function groupsFor(utilization: number): Group[] {
  let groups = groupsByUtilization.get(utilization);
  if (groups) return groups;
  const byKey = new Map<string, Group>();
  GPUS.forEach((g, i) => {
    const key = `${Math.floor(g.memoryGiB * GIB * g.usableFraction * utilization)}/${g.kind}`;
    const group = byKey.get(key);
    if (group) group.members.push(i);
    else byKey.set(key, { sample: g, members: [i] });
  });
  groups = [...byKey.values()];
  groupsByUtilization.set(utilization, groups);
  return groups;
}

/** Memory per card at the asked context for n = 1..MAX_CARDS, computed at most once per request. */
function needsPerCount(e: Estimate): (n: number) => number {
  const memo = new Float64Array(MAX_CARDS + 1);
  return (n) => (memo[n] ||= e.perCard(n));
}

function cardsNeeded(gpu: GpuSpec, usable: number, needOn: (n: number) => number): number {
  const limit = maxCards(gpu);
  if (needOn(1) <= usable) return 1;
  if (limit === 1 || needOn(limit) > usable) return 0;
  // For n >= 2, perCard(n) = shardable / n + replicated: read both off two evaluations and solve for n.
  const p2 = needOn(2);
  const p4 = needOn(4);
  const shardable = 4 * (p2 - p4);
  const replicated = p2 - shardable / 2;
  let n = usable > replicated ? Math.max(2, Math.ceil(shardable / (usable - replicated))) : limit;
  n = Math.min(n, limit);
  // Guard against rounding: step to the exact smallest count.
  while (n > 2 && needOn(n - 1) <= usable) n--;
  while (n < limit && needOn(n) > usable) n++;
  return n;
}

/**
 * Longest context that fits on `cards` cards. Memory grows monotonically with the context (linearly, or
 * quadratically without flash attention), so a bracketed false-position search (Illinois variant)
 * converges in a handful of evaluations where bisection would take ~17.
 */
export function maxContext(e: Estimate, usable: number, cards: number): number | null {
  const top = Math.max(e.model.maxContext, e.request.context);
  // The asked context is already priced: it splits the range in two before any search.
  const asked = e.request.context;
  const fAsked = e.perCard(cards) - usable;
  let lo: number, flo: number, hi: number, fhi: number;
  if (fAsked <= 0) {
    lo = asked;
    flo = fAsked;
    hi = top;
    fhi = e.perCard(cards, hi) - usable;
    if (fhi <= 0) return top;
  } else {
    hi = asked;
    fhi = fAsked;
    lo = 1;
    flo = e.perCard(cards, lo) - usable;
    if (flo > 0) return null;
    if (hi === lo) return null;
  }
  let side = 0;
  for (let i = 0; i < 60 && !settled(lo, hi); i++) {
    let x = Math.floor(lo + (flo / (flo - fhi)) * (hi - lo));
    if (x <= lo || x >= hi) x = Math.floor((lo + hi) / 2);
    const fx = e.perCard(cards, x) - usable;
    if (fx <= 0) {
      lo = x;
      flo = fx;
      if (side === -1) fhi /= 2; // Illinois: halve the stale end so the bracket keeps shrinking from both sides
      side = -1;
      // Memory is close to linear in the context: the next multiple of 256 usually closes the bracket.
      const probe = x - (x % 256) + 256;
      if (x >= 1024 && probe < hi) {
        const fp = e.perCard(cards, probe) - usable;
        if (fp > 0) {
          hi = probe;
          fhi = fp;
        } else {
          lo = probe;
          flo = fp;
        }
      }
    } else {
      hi = x;
      fhi = fx;
      if (side === 1) flo /= 2;
      side = 1;
      const probe = x - (x % 256);
      if (probe >= 1024 && probe > lo) {
        const fp = e.perCard(cards, probe) - usable;
        if (fp <= 0) {
          lo = probe;
          flo = fp;
        } else {
          hi = probe;
          fhi = fp;
        }
      }
    }
  }
  // Report round numbers people can type (down to a multiple of 256 above 1k tokens), but never below
  // the asked context when that fits.
  const rounded = lo >= 1024 ? lo - (lo % 256) : lo;
  return rounded < asked && lo >= asked ? asked : rounded;
}

/** Both ends of the bracket round to the same multiple of 256 (what we report), or it is exact. */
function settled(lo: number, hi: number): boolean {
  return hi - lo <= 1 || (lo >= 1024 && Math.floor(lo / 256) === Math.floor((hi - 1) / 256));
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

/** Every catalog GPU the runtime runs on (Apple GPUs only for MLX, llama.cpp, Ollama and 16-bit PyTorch). */
export function fitAll(e: Estimate): Fit[] {
  const asked = e.request.gpuCount ?? 1;
  const out = new Array<Fit | undefined>(GPUS.length);
  const needOn = needsPerCount(e);
  const needOnAsked = needOn(asked);
  // Whether the runtime runs on a card depends on its vendor only: decided once per vendor per request.
  const byVendor = new Map<GpuSpec['vendor'], boolean>();
  const runs = (gpu: GpuSpec): boolean => {
    let r = byVendor.get(gpu.vendor);
    if (r === undefined) byVendor.set(gpu.vendor, (r = runsOn(gpu, e.runtime.id, e.format)));
    return r;
  };
  for (const group of groupsFor(e.runtime.memoryUtilization)) {
    // Skip the search for a group none of whose cards runs this runtime (Apple sizes for bitsandbytes).
    if (!group.members.some((i) => runs(GPUS[i]!))) continue;
    const usable = usableBytes(group.sample, e);
    const cards = Math.min(asked, maxCards(group.sample));
    const need = cards === asked ? needOnAsked : needOn(cards);
    const count = cardsNeeded(group.sample, usable, needOn);
    const maxCtx = maxContext(e, usable, cards);
    for (const i of group.members) {
      const gpu = GPUS[i]!;
      if (runs(gpu)) out[i] = fitRow(gpu, e, usable, cards, need, count, maxCtx);
    }
  }
  return out.filter((f): f is Fit => f !== undefined);
}
