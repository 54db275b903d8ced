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
    cardsNeeded(maxCards(gpu), usable, new NeedsPerCount(e)),
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
  const { verdict, headroomBytes } = verdictAt(e, usable, cards, need);
  return { verdict, headroomBytes, tokensPerSecond: ceilingOn(gpu, e, cards) };
}

/** The verdict and headroom on `cards` cards of `usable` bytes each, when each needs `need`. */
function verdictAt(
  e: Estimate,
  usable: number,
  cards: number,
  need: number,
): Pick<Fit, 'verdict' | 'headroomBytes'> {
  return {
    verdict: verdictOf(aboveCentral(e), usable, cards, need),
    headroomBytes: headroomOf(usable, need),
  };
}

/** How far the high end of the band is above the central estimate, over all cards. */
function aboveCentral(e: Estimate): number {
  return e.total.high - e.total.bytes;
}

function verdictOf(above: number, usable: number, cards: number, need: number): Verdict {
  const highNeed = need + above / cards;
  return highNeed <= usable ? 'fits' : need <= usable ? 'tight' : 'no';
}

function headroomOf(usable: number, need: number): number {
  return Math.round(usable - need);
}

/** The decode ceiling on `cards` of this GPU; generic devices have no known bandwidth, so no ceiling. */
function ceilingOn(gpu: GpuSpec, e: Estimate, cards: number): number | null {
  return e.request.mode === 'inference' && gpu.bandwidthGBs > 0
    ? decodeCeiling(gpu.bandwidthGBs, e.decodeBytes, cards)
    : null;
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

// ---------------------------------------------------------------- per-catalog data, built once at load

/**
 * What a fit row reads of each catalog GPU, in records of one shape. The catalog's own rows are object
 * literals with different optional fields, so reading them in the per-GPU loop is a megamorphic property
 * load each time; these are read monomorphically.
 */
interface CatalogRow {
  id: string;
  name: string;
  /** Marketed memory in bytes (a row's memoryBytes). */
  memoryBytes: number;
  bandwidthGBs: number;
  /**
   * Whether a runtime runs on a card depends on the card's vendor only (runsOn): the vendor as a bit, so a
   * request decides it once per vendor (VENDOR_SAMPLES), not once per GPU.
   */
  vendorBit: number;
}

/** One card per vendor, to ask runsOn about. */
const VENDOR_SAMPLES: GpuSpec[] = [];

const CATALOG_ROWS: readonly CatalogRow[] = GPUS.map((g) => {
  let v = VENDOR_SAMPLES.findIndex((s) => s.vendor === g.vendor);
  if (v < 0) v = VENDOR_SAMPLES.push(g) - 1;
  return {
    id: g.id,
    name: g.name,
    memoryBytes: Math.round(g.memoryGiB * GIB),
    bandwidthGBs: g.bandwidthGBs,
    vendorBit: 1 << v,
  };
});

/** How many catalog GPUs each vendor has, by vendor position (VENDOR_SAMPLES). */
const ROWS_PER_VENDOR: readonly number[] = VENDOR_SAMPLES.map(
  (_, v) => CATALOG_ROWS.filter((row) => row.vendorBit === 1 << v).length,
);

/** How many catalog GPUs belong to the `running` vendors (CatalogRow.vendorBit bits). */
function rowsRunning(running: number): number {
  let n = 0;
  for (let v = 0; v < ROWS_PER_VENDOR.length; v++) if (running & (1 << v)) n += ROWS_PER_VENDOR[v]!;
  return n;
}

/** The vendors (as CatalogRow.vendorBit bits) whose cards run this estimate's runtime and format. */
function vendorsRunning(e: Estimate): number {
  let bits = 0;
  for (let v = 0; v < VENDOR_SAMPLES.length; v++) {
    if (runsOn(VENDOR_SAMPLES[v]!, e.runtime.id, e.format)) bits |= 1 << v;
  }
  return bits;
}

/** GPUs that share usable memory and splitting rules (many cards have 24, 48 or 80 GiB): answered once. */
interface Group {
  /** maxCards of the members (read once: catalog rows have many shapes, so their fields are slow to read). */
  maxCards: number;
  usable: number;
  /** vendorBit of every member: a group none of whose vendors runs the runtime is skipped. */
  vendors: number;
}

/** The groups under one memory utilization, and each GPU's group (by position in GPUS). */
interface Grouping {
  groups: Group[];
  groupOf: Uint16Array;
  /** Group positions from the least usable memory to the most: each longest-context search starts next to the last. */
  bySize: number[];
}

const groupingByUtilization = new Map<number, Grouping>();

function groupingFor(utilization: number): Grouping {
  let grouping = groupingByUtilization.get(utilization);
  if (grouping) return grouping;
  const byKey = new Map<string, number>();
  const groups: Group[] = [];
  const groupOf = new Uint16Array(GPUS.length);
  GPUS.forEach((g, i) => {
    // The same formula as usableBytes, with the runtime's utilization.
    const usable = Math.floor(g.memoryGiB * GIB * g.usableFraction * utilization);
    const key = `${usable}/${g.kind}`;
    let k = byKey.get(key);
    if (k === undefined) {
      k = groups.push({ maxCards: maxCards(g), usable, vendors: 0 }) - 1;
      byKey.set(key, k);
    }
    groups[k]!.vendors |= CATALOG_ROWS[i]!.vendorBit;
    groupOf[i] = k;
  });
  const bySize = groups.map((_, k) => k).sort((a, b) => groups[a]!.usable - groups[b]!.usable);
  grouping = { groups, groupOf, bySize };
  groupingByUtilization.set(utilization, grouping);
  return grouping;
}

/** Memory per card at the asked context for n = 1..MAX_CARDS, computed at most once per request. */
class NeedsPerCount {
  /** On one card: what every group compares first. */
  readonly one: number;
  // A plain array: a typed array of this size lives off the heap, slow to make once per request.
  private readonly memo: (number | undefined)[] = [];

  constructor(private readonly e: Estimate) {
    this.one = e.perCard(1);
  }

  on(n: number): number {
    return n === 1 ? this.one : (this.memo[n] ??= this.e.perCard(n));
  }
}

/** Smallest number of cards (at most `limit`) that holds the job; 0 when not even `limit` do. */
function cardsNeeded(limit: number, usable: number, needs: NeedsPerCount): number {
  if (needs.one <= usable) return 1;
  if (limit === 1 || needs.on(limit) > usable) return 0;
  // For n >= 2, perCard(n) = shardable / n + replicated: read both off two evaluations and solve for n.
  const p2 = needs.on(2);
  const p4 = needs.on(4);
  const shardable = 4 * (p2 - p4);
  const replicated = p2 - shardable / 2;
  let n = usable > replicated ? Math.max(2, Math.ceil(shardable / (usable - replicated))) : limit;
  n = Math.min(n, limit);
  // Guard against rounding: step to the exact smallest count.
  while (n > 2 && needs.on(n - 1) <= usable) n--;
  while (n < limit && needs.on(n) > usable) n++;
  return n;
}

/**
 * Memory per card as a function of the context, on one number of cards: the curve every longest-context
 * search walks. Its ends (the asked context, the model's longest, one token) are the same whatever the GPU,
 * so a request prices them once, not once per group of GPUs; and the last search's bracket is kept as a
 * local linear model of the curve, to guess where the next search ends.
 */
class ContextCurve {
  readonly asked: number;
  readonly top: number;
  /** perCard at the asked context (already priced by the estimate). */
  readonly atAsked: number;
  private top_: number | undefined;
  private one_: number | undefined;
  /** The last search's final bracket: two nearby points of the curve (lo fits, hi does not). */
  private near: { lo: number; atLo: number; hi: number; atHi: number } | undefined;
  /** The last answer and the memory it was for (groups of one size and both kinds come one after another). */
  lastUsable = NaN;
  lastAnswer: number | null = null;

  constructor(
    private readonly e: Estimate,
    readonly cards: number,
  ) {
    this.asked = e.request.context;
    this.top = Math.max(e.model.maxContext, this.asked);
    this.atAsked = e.perCard(cards);
  }

  at(context: number): number {
    return this.e.perCard(this.cards, context);
  }

  get atTop(): number {
    return (this.top_ ??= this.at(this.top));
  }

  get atOne(): number {
    return (this.one_ ??= this.at(1));
  }

  /**
   * Where the curve reaches `usable`, read off the line through the last search's bracket: memory is
   * piecewise linear in the context (KV cache, activations past the prefill chunk), so within one piece
   * context = lo + (usable - perCard(lo)) x (hi - lo) / (perCard(hi) - perCard(lo)). Only a first guess:
   * the search confirms it. NaN when there is no bracket yet.
   */
  guess(usable: number): number {
    const n = this.near;
    if (!n || !(n.atHi > n.atLo)) return NaN;
    return Math.floor(n.lo + ((usable - n.atLo) * (n.hi - n.lo)) / (n.atHi - n.atLo));
  }

  remember(lo: number, atLo: number, hi: number, atHi: number): void {
    this.near = { lo, atLo, hi, atHi };
  }
}

/** One request's curves, by number of cards (a request uses one or two: the asked count, and 1 on unified machines). */
class ContextCurves {
  // A list, not a map: a request has one or two (groups in a row mostly use the same number of cards).
  private readonly curves: ContextCurve[] = [];
  private last: ContextCurve | undefined;
  constructor(private readonly e: Estimate) {}

  on(cards: number): ContextCurve {
    if (this.last?.cards === cards) return this.last;
    let c = this.curves.find((x) => x.cards === cards);
    if (!c) this.curves.push((c = new ContextCurve(this.e, cards)));
    return (this.last = c);
  }
}

/**
 * Longest context that fits on `cards` cards. Memory grows monotonically with the context (linearly, or
 * quadratically without flash attention), so a bracketed false-position search (Illinois variant)
 * converges in a handful of evaluations where bisection would take ~17.
 */
export function maxContext(e: Estimate, usable: number, cards: number): number | null {
  return longestContext(new ContextCurve(e, cards), usable);
}

/** maxContext on a curve whose ends may already be priced (fitAll shares them between groups). */
function longestContext(curve: ContextCurve, usable: number): number | null {
  if (usable === curve.lastUsable) return curve.lastAnswer;
  const answer = searchContext(curve, usable);
  curve.lastUsable = usable;
  curve.lastAnswer = answer;
  return answer;
}

function searchContext(curve: ContextCurve, usable: number): number | null {
  const { asked, top } = curve;
  // The asked context is already priced: it splits the range in two before any search.
  const fAsked = curve.atAsked - usable;
  let lo: number, flo: number, hi: number, fhi: number;
  if (fAsked <= 0) {
    lo = asked;
    flo = fAsked;
    hi = top;
    fhi = curve.atTop - usable;
    if (fhi <= 0) return top;
  } else {
    hi = asked;
    fhi = fAsked;
    lo = 1;
    flo = curve.atOne - usable;
    if (flo > 0) return null;
    if (hi === lo) return null;
  }
  // The first step tries the curve's own guess (the line through a neighbouring search's bracket); then
  // false position. Either way the bracket only ever holds a fitting lo and a non-fitting hi, and memory is
  // monotonic in the context, so where the search starts changes how fast it ends, never the answer.
  let guess = curve.guess(usable);
  // The bracket's true values (flo and fhi get halved), for the next search's guess.
  let atLo = flo + usable;
  let atHi = fhi + usable;
  let side = 0;
  for (let i = 0; i < 60 && !settled(lo, hi); i++) {
    let x = guess > lo && guess < hi ? guess : Math.floor(lo + (flo / (flo - fhi)) * (hi - lo));
    guess = NaN;
    if (x <= lo || x >= hi) x = Math.floor((lo + hi) / 2);
    const fx = curve.at(x) - usable;
    if (fx <= 0) {
      lo = x;
      flo = fx;
      atLo = fx + usable;
      if (side === -1) fhi /= 2; // Illinois: halve the stale end so the bracket keeps shrinking from both sides
      side = -1;
      // Memory is close to linear in the context: the next step of what we report (a multiple of 256
      // above 1k tokens, else one token) usually closes the bracket.
      const probe = x >= 1024 ? x - (x % 256) + 256 : x + 1;
      if (probe < hi) {
        const fp = curve.at(probe) - usable;
        if (fp > 0) {
          hi = probe;
          fhi = fp;
          atHi = fp + usable;
        } else {
          lo = probe;
          flo = fp;
          atLo = fp + usable;
        }
      }
    } else {
      hi = x;
      fhi = fx;
      atHi = fx + usable;
      if (side === 1) flo /= 2;
      side = 1;
      // The same step below: the multiple of 256 just under x, or one token less.
      const probe = x > 1024 ? x - (x % 256 || 256) : x - 1;
      if (probe > lo) {
        const fp = curve.at(probe) - usable;
        if (fp <= 0) {
          lo = probe;
          flo = fp;
          atLo = fp + usable;
        } else {
          hi = probe;
          fhi = fp;
          atHi = fp + usable;
        }
      }
    }
  }
  curve.remember(lo, atLo, hi, atHi);
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
function decodeCeiling(bandwidthGBs: number, bytes: number, cards: number): number {
  if (bytes <= 0) return 0;
  return Math.round(((bandwidthGBs * 1e9 * cards) / bytes) * 10) / 10;
}

/** What every GPU of one group shares: all of a row but its name and speed ceiling. */
interface GroupAnswer {
  usable: number;
  cards: number;
  verdict: Verdict;
  headroomBytes: number;
  count: number;
  maxContext: number | null;
}

/** Every catalog GPU the runtime runs on (Apple GPUs only for MLX, llama.cpp, Ollama and 16-bit PyTorch). */
export function fitAll(e: Estimate): Fit[] {
  const asked = e.request.gpuCount ?? 1;
  const running = vendorsRunning(e);
  const needs = new NeedsPerCount(e);
  const curves = new ContextCurves(e);
  const { groups, groupOf, bySize } = groupingFor(e.runtime.memoryUtilization);
  const answers = new Array<GroupAnswer | undefined>(groups.length);
  const above = aboveCentral(e);
  for (const k of bySize) {
    const group = groups[k]!;
    // Groups none of whose cards runs this runtime are skipped (Apple sizes for bitsandbytes).
    if ((group.vendors & running) === 0) continue;
    const { usable, maxCards: limit } = group;
    const cards = Math.min(asked, limit);
    const need = needs.on(cards);
    answers[k] = {
      usable,
      cards,
      verdict: verdictOf(above, usable, cards, need),
      headroomBytes: headroomOf(usable, need),
      count: cardsNeeded(limit, usable, needs),
      maxContext: longestContext(curves.on(cards), usable),
    };
  }
  // Sized up front: grown row by row, the list would be copied several times over.
  const out = new Array<Fit>(rowsRunning(running));
  let n = 0;
  // As ceilingOn: a ceiling for inference on cards of known bandwidth (generic devices have none).
  const ceilings = e.request.mode === 'inference';
  const decodeBytes = e.decodeBytes;
  for (let i = 0; i < CATALOG_ROWS.length; i++) {
    const gpu = CATALOG_ROWS[i]!;
    if ((gpu.vendorBit & running) === 0) continue;
    const a = answers[groupOf[i]!]!;
    out[n++] = {
      gpu: gpu.id,
      name: gpu.name,
      memoryBytes: gpu.memoryBytes,
      usableBytes: a.usable,
      count: a.count,
      verdict: a.verdict,
      headroomBytes: a.headroomBytes,
      maxContext: a.maxContext,
      tokensPerSecond:
        ceilings && gpu.bandwidthGBs > 0 ? decodeCeiling(gpu.bandwidthGBs, decodeBytes, a.cards) : null,
    };
  }
  return out;
}
