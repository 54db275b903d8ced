// The reply model: one platform-neutral report that adapters render (terminal text, Discord embed,
// Slack blocks) and that the CLI prints as the JSON of design 2.1.
import { ampereOrNewer, findGpu, GPUS } from './catalog/gpus.ts';
import { resolveHardware } from './catalog/hardware.ts';
import { notRunningWhy, RUNTIME_PROFILES, runsOn } from './catalog/runtimes.ts';
import { getFormat } from './catalog/formats.ts';
import type { GpuSpec, ModelSpec } from './catalog/types.ts';
import { estimate, type Component, type Estimate } from './estimate.ts';
import {
  fitAll,
  fitOn,
  maxContext,
  MAX_CARDS,
  quickFit,
  usableBytes,
  type Fit,
  type Verdict,
} from './fit.ts';
import type { Request } from './request.ts';
import { gib, gibRange, paramCount, tokens } from './units.ts';

/** Cards people own or rent (the catalog's `common`), looked up per fit row: a set built once. */
export const COMMON: ReadonlySet<string> = new Set(GPUS.filter((g) => g.common).map((g) => g.id));

export interface Report {
  kind: 'estimate';
  /** "Llama 2 13B · NF4 · 8k context · inference" */
  title: string;
  /** One sentence: the total, the band, and where it fits. */
  summary: string;
  request: Request;
  model: { id: string; name: string; params: number; activeParams: number; source: string };
  total: { bytes: number; low: number; high: number };
  components: Component[];
  fits: Fit[];
  /** The asked GPU's row, if the query named one. */
  focus: Fit | null;
  /** Memory the runtime keeps in system RAM (not counted in the total). */
  hostBytes: number;
  /** With hardware asked and the default format not fitting: the format that does, already in the summary. */
  fittingFormat: string | null;
  assumptions: string[];
  suggestions: string[];
}

/** The JSON of design 2.1, exactly. */
export function toJson(r: Report) {
  const { assumed, ...query } = r.request;
  void assumed;
  return {
    query,
    total: r.total,
    components: r.components.map((c) => ({ id: c.id, label: c.label, bytes: c.bytes, detail: c.detail })),
    fits: r.fits,
    assumptions: r.assumptions,
    suggestions: r.suggestions,
  };
}

/** `askedAs`: the name asked, when the catalog sizes it by its base model (a fine-tune, a later release). */
export function buildReport(request: Request, model: ModelSpec, askedAs?: string): Report {
  const e = estimate(request, model);
  let fits = fitAll(e);
  const hw = request.gpu ? resolveHardware(request.gpu) : undefined;
  // A chip sold in several sizes is answered per size; the focus is the smallest that fits, else the largest.
  const sizes = hw?.kind === 'sizes' ? hw.options.map((o) => fitOn(o, e, request.gpuCount)) : null;
  let focusGpu: GpuSpec | undefined;
  if (hw?.kind === 'one') focusGpu = hw.gpu;
  else if (hw?.kind === 'sizes') {
    const i = sizes!.findIndex((f) => f.verdict !== 'no');
    focusGpu = hw.options[i >= 0 ? i : hw.options.length - 1];
  }
  let focus: Fit | null = null;
  let listed: Fit | undefined;
  if (focusGpu) {
    const gpu = focusGpu;
    listed = fits.find((f) => f.gpu === gpu.id);
    focus = listed ?? fitOn(gpu, e, request.gpuCount);
  }
  const runs = !focusGpu || runsOn(focusGpu, e.runtime.id, e.format);
  // Generic devices and product sizes are not in the catalog: their row leads the list (if the runtime runs there).
  if (focus && runs && !listed) fits = [focus, ...fits];
  const alternative = focusGpu && focus ? fittingFormat(e, focusGpu, focus, runs) : null;
  const modeText = modeLabel(request.mode);
  const formatText = weightsLabel(request);
  const ctxWord = request.mode === 'inference' ? 'context' : 'seq';
  const batchText = request.batch > 1 ? ` · batch ${request.batch}` : '';
  // A variant sized by its base is named as asked too: the answer is about what the person typed.
  const name = askedAs ? `${model.name} (as "${askedAs}")` : model.name;
  const title = `${name} · ${formatText} · ${tokens(request.context)} ${ctxWord}${batchText} · ${modeText}`;

  const assumptions = [provenance(model), ...request.assumed, ...e.notes, e.runtime.note];
  if (model.provenance && model.notes) assumptions.splice(1, 0, model.notes);
  if (model.moe) {
    assumptions.push(
      `MoE: all ${model.moe.experts} experts stay resident (${paramCount(e.params.total)} params in memory); speed follows the ${paramCount(e.params.active)} active per token`,
    );
  }
  if (e.hostBytes > 0)
    assumptions.push(`${gib(e.hostBytes)} of token embeddings live in system RAM, not in the total`);
  assumptions.push(
    request.mode === 'inference'
      ? 'decode tokens/s are bandwidth ceilings (active weights + KV read once per token); real runtimes reach ~60-85%'
      : 'training tokens/s are not estimated',
    `the range covers the format's mix, runtime versions, the allocator's cached blocks${request.mode === 'inference' ? ' and how much of the context is prompt' : ''}; the total is what the GPU holds, about what nvidia-smi shows (PyTorch's own counters leave out the overhead line${e.components.some((c) => c.outsideTorch) ? ' and the paged optimizer states' : ''})`,
  );

  // Without a GPU named, the summary and the suggestions both read the whole list: one pass serves both.
  const overview = focusGpu ? null : glance(fits);
  return {
    kind: 'estimate',
    title,
    summary: runs
      ? summarize(
          e,
          overview,
          focus,
          hw?.kind === 'sizes' ? { label: hw.label, rows: sizes! } : null,
          alternative,
        )
      : `Needs about ${gib(e.total.bytes)} (${gibRange(e.total.low, e.total.high)}), but ${notRunningWhy(focusGpu!, e.runtime.id, e.format)}.${alternative ? ` ${alternative.headline}` : ''}`,
    request,
    model: {
      id: model.id,
      name: model.name,
      params: e.params.total,
      activeParams: e.params.active,
      source: model.source,
    },
    total: e.total,
    components: e.components,
    fits,
    focus,
    hostBytes: e.hostBytes,
    assumptions,
    fittingFormat: alternative?.say ?? null,
    suggestions: alternative
      ? [alternative.say, ...suggestions(e, fits, focusGpu, overview, alternative.sameFormat)].slice(0, 5)
      : suggestions(e, fits, focusGpu, overview),
  };
}

const MODE_LABEL: Record<Request['mode'], string> = {
  inference: 'inference',
  full: 'full fine-tune',
  lora: 'LoRA',
  qlora: 'QLoRA',
};

/** "inference", "full fine-tune", "LoRA", "QLoRA": how titles name the mode. */
export function modeLabel(mode: Request['mode']): string {
  return MODE_LABEL[mode];
}

/** The weights as titles name them: the training precision for a full fine-tune, else the format's label. */
export function weightsLabel(request: Request): string {
  return request.mode === 'full' ? (request.precision ?? 'bf16') : getFormat(request.format).label;
}

/** Where the architecture came from, so people can check it: the catalog, a config.json at a commit, a GGUF header. */
function provenance(m: ModelSpec): string {
  if (m.provenance) return `architecture read from ${m.provenance}`;
  if (m.id.startsWith('size:'))
    return 'architecture from the catalog: a Llama-style shape for the size (see below)';
  return `architecture from the catalog: ${m.name} (${m.hfId})`;
}

function summarize(
  e: Estimate,
  overview: Overview | null,
  focus: Fit | null,
  sizes: { label: string; rows: Fit[] } | null,
  alternative: Alternative | null,
): string {
  const t = e.total;
  const needs = `Needs about ${gib(t.bytes)} (${gibRange(t.low, t.high)})`;
  if (sizes)
    return `${needs}. ${perSize(sizes.label, sizes.rows)}${alternative ? ` ${alternative.headline}` : ''}`;
  if (focus) {
    const cards = e.request.gpuCount ?? 1;
    const on = `${cards > 1 ? `${cards}x ` : ''}${focus.name}`;
    if (focus.verdict === 'fits') return `${needs}. Fits on ${on} with ${gib(focus.headroomBytes)} to spare.`;
    if (focus.verdict === 'tight')
      return `${needs}. Tight on ${on}: ${gib(focus.headroomBytes)} left at the central estimate.`;
    if (alternative)
      return `${e.format.label}: does not fit on ${on}, needs about ${gib(t.bytes)}. ${alternative.headline}`;
    const more = focus.count > 0 ? ` It takes ${focus.count} of them.` : '';
    return `${needs}. Does not fit on ${on} (short by ${gib(-focus.headroomBytes)}).${more}`;
  }
  const cards = e.request.gpuCount ?? 1;
  const { smallest, split } = overview!;
  if (smallest && cards > 1)
    return `${needs}. Split over ${cards} cards, the smallest GPU that fits is ${smallest.name}.`;
  if (smallest) return `${needs}. Smallest single GPU that fits: ${smallest.name}.`;
  if (split) return `${needs}. No single GPU holds it; ${split.count}x ${split.name} would.`;
  return `${needs}. No GPU in the catalog holds it.`;
}

/** What the reply without a named GPU reads off the list of rows. */
interface Overview {
  /** The smallest card that fits, preferring the cards people own or rent (the catalog's common ones). */
  smallest: Fit | undefined;
  /** The smallest split that holds the job. */
  split: Fit | undefined;
  /** The rows of the default suggestion targets (the first of each, as find would give). */
  small: Fit | undefined;
  big: Fit | undefined;
}

function glance(fits: Fit[]): Overview {
  let smallest: Fit | undefined;
  let smallestCommon = false;
  let split: Fit | undefined;
  let small: Fit | undefined;
  let big: Fit | undefined;
  for (const f of fits) {
    // Once a common card is the best so far, only a smaller one can beat it: the others need no look-up.
    if (f.verdict === 'fits' && !(smallestCommon && f.usableBytes >= smallest!.usableBytes)) {
      const common = COMMON.has(f.gpu);
      if (!smallest || smaller(f, common, smallest, smallestCommon)) {
        smallest = f;
        smallestCommon = common;
      }
    }
    if (
      f.count > 1 &&
      (!split || f.count < split.count || (f.count === split.count && f.memoryBytes < split.memoryBytes))
    )
      split = f;
    if (f.gpu === SMALL_ID) small ??= f;
    else if (f.gpu === BIG_ID) big ??= f;
  }
  return { smallest, split, small, big };
}

/** A common card beats an uncommon one; between two of the same kind, the smaller usable memory wins. */
function smaller(a: Fit, aCommon: boolean, b: Fit, bCommon: boolean): boolean {
  return aCommon !== bCommon ? aCommon : a.usableBytes < b.usableBytes;
}

/** "On Apple M3 Max: fits with 64 GB or more (not 36 or 48 GB)." */
function perSize(label: string, rows: Fit[]): string {
  const gb = (f: Fit) => Math.round(f.memoryBytes / 2 ** 30);
  const ok = rows.filter((f) => f.verdict !== 'no');
  const no = rows.filter((f) => f.verdict === 'no');
  if (ok.length === 0) return `Does not fit on any ${label} (up to ${gb(rows[rows.length - 1]!)} GB).`;
  if (no.length === 0) return `Fits on every ${label} (${rows.map(gb).join(', ')} GB).`;
  const first = ok[0]!;
  const tight = first.verdict === 'tight' ? ', tight on the smallest' : '';
  const smaller = no.filter((f) => f.memoryBytes < first.memoryBytes);
  const not =
    smaller.length === no.length
      ? `not with ${gb(no[no.length - 1]!)} GB or less`
      : `not ${no.map(gb).join(', ')} GB`;
  return `Fits on ${label} with ${gb(first)} GB or more${tight} (${not}).`;
}

// ---------------------------------------------------------------- a format that fits the asked hardware

interface Alternative {
  /** "Q4_K_M in llama.cpp: fits, 42.1 GiB of 48.0 GiB on 2x GeForce RTX 3090." */
  headline: string;
  /** The same as a suggestion. */
  say: string;
  /** The format it names when that is in the asked runtime: the suggestions' own format ladder stops there. */
  sameFormat?: string;
}

/** GGUF types from best to smallest: llama.cpp runs them on every vendor's GPUs and on Macs. */
const FALLBACK_LADDER = ['q8_0', 'q6_k', 'q5_k_m', 'q4_k_m', 'q3_k_m', 'iq2_m'] as const;

/**
 * What vLLM and SGLang serve below BF16, best first: FP8 (near-lossless), then 4-bit AWQ. FP8 needs NVIDIA
 * Ampere or newer (Marlin weight-only on sm80/86, native on sm89+; vLLM's quantization support table); other
 * NVIDIA and AMD cards are offered AWQ alone rather than an FP8 the catalog cannot vouch for; TPUs and Intel
 * GPUs nothing (their vLLM backends' quantization support is not modelled).
 */
function servingLadder(gpu: GpuSpec): string[] {
  if (ampereOrNewer(gpu)) return ['fp8', 'awq'];
  return gpu.vendor === 'NVIDIA' || gpu.vendor === 'AMD' ? ['awq'] : [];
}

interface Try {
  runtime: Request['runtime'];
  format: string;
  kvType: Request['kvType'];
  flashAttention: boolean;
  /** The settings in a reply's words and as a suggestion's words; '' for the runtime's defaults. */
  words: string;
  say: string;
}

/**
 * When the asker named hardware but no format and the default does not fit, the best common format that
 * does. A vLLM or SGLang question is first answered in that server's own formats; otherwise (and when none
 * of those fits) GGUF in llama.cpp (or Ollama if asked), since it runs on NVIDIA, AMD, Intel and Apple alike
 * (no bitsandbytes on a Mac). Inference only.
 */
function fittingFormat(e: Estimate, gpu: GpuSpec, focus: Fit, runs: boolean): Alternative | null {
  const req = e.request;
  if (req.mode !== 'inference') return null;
  if (runs && (req.formatGiven || focus.verdict !== 'no')) return null;
  const cards = req.gpuCount ?? 1;
  const on = `${cards > 1 ? `${cards}x ` : ''}${gpu.name}`;
  // What is tried, in order. A server the asker named (vLLM, SGLang: never a default without a format) keeps
  // its own formats while one fits. Then GGUF: the usual downloads down to Q4_K_M with the runtime's defaults
  // (the answer most people expect); then every rung with the defaults and, failing that, with flash attention
  // and a q8_0 cache (near-lossless, so a better trade than weights a step or three lower when long contexts
  // need it).
  const tries: Try[] = [];
  const server = req.runtime === 'vllm' || req.runtime === 'sglang' ? req.runtime : undefined;
  if (server && runs)
    for (const format of servingLadder(gpu))
      tries.push({
        runtime: server,
        format,
        kvType: req.kvType,
        flashAttention: req.flashAttention,
        words: '',
        say: '',
      });
  const runtime = req.runtime === 'ollama' ? 'ollama' : 'llama.cpp';
  const kvType = req.kvType === 'fp8' ? 'q8_0' : req.kvType;
  const defaults = {
    runtime,
    kvType,
    flashAttention: RUNTIME_PROFILES[runtime].flashAttention || kvType !== req.kvType,
    words: '',
    say: '',
  } as const;
  const q8Cache = {
    runtime,
    kvType: 'q8_0',
    flashAttention: true,
    words: ' with flash attention and a q8_0 KV cache',
    say: ' fa=on kv=q8_0',
  } as const;
  const floor = FALLBACK_LADDER.indexOf('q4_k_m');
  for (const format of FALLBACK_LADDER.slice(0, floor + 1)) tries.push({ format, ...defaults });
  FALLBACK_LADDER.forEach((format, i) => {
    if (i > floor) tries.push({ format, ...defaults });
    if (!(kvType === 'q8_0' && defaults.flashAttention)) tries.push({ format, ...q8Cache });
  });
  // The first that fits with its whole range; only when none does, the first that is tight (its central
  // estimate fits, its high end does not: a recommendation at 7.98 of 8.00 GiB helps no one). One pass: the
  // first tight one is kept while the rest are tried.
  let tight: Alternative | null = null;
  for (const { words, say, ...change } of tries) {
    // Never a runtime the card cannot run (no llama.cpp on a TPU).
    if (!runsOn(gpu, change.runtime, getFormat(change.format))) continue;
    // Only the bytes and the verdict are read: no formulas in words, no longest-context or card-count search.
    const alt = estimate({ ...req, ...change, assumed: [] }, e.model, false);
    const row = quickFit(gpu, alt, req.gpuCount);
    if (row.verdict === 'no' || (row.verdict === 'tight' && tight)) continue;
    const usable = usableBytes(gpu, alt);
    const need = usable - row.headroomBytes;
    const label = alt.format.label.replace(/^GGUF /, '');
    const found: Alternative = {
      headline: `${label} in ${RUNTIME_PROFILES[change.runtime].label}${words}: ${row.verdict}, ${gib(need)} of ${gib(usable)}${cards > 1 ? ' per card' : ''} on ${on}.`,
      say: `${change.format} runtime=${change.runtime}${say}: ${gib(need)}, fits ${on}`,
      ...(change.runtime === req.runtime && !words ? { sameFormat: change.format } : {}),
    };
    if (row.verdict === 'fits') return found;
    tight = found;
  }
  return tight;
}

// ---------------------------------------------------------------- suggestions

/** Formats one step down, by family, cheapest loss of quality first. */
const SMALLER: Record<string, string[]> = {
  fp32: ['bf16', 'int8', 'nf4'],
  bf16: ['fp8', 'int8', 'nf4'],
  fp16: ['fp8', 'int8', 'nf4'],
  fp8: ['nf4'],
  int8: ['nf4'],
  'gptq-int8': ['gptq-int4'],
  f16: ['q8_0', 'q5_k_m', 'q4_k_m'],
  'bf16-gguf': ['q8_0', 'q5_k_m', 'q4_k_m'],
  q8_0: ['q6_k', 'q5_k_m', 'q4_k_m'],
  q6_k: ['q5_k_m', 'q4_k_m'],
  q5_k_m: ['q4_k_m', 'q3_k_m'],
  q5_k_s: ['q4_k_m', 'q3_k_m'],
  q5_0: ['q4_k_m', 'q3_k_m'],
  q5_1: ['q4_k_m', 'q3_k_m'],
  q4_k_m: ['q3_k_m', 'iq3_xxs', 'iq2_m'],
  q4_k_s: ['q3_k_m', 'iq2_m'],
  q4_0: ['q3_k_m', 'iq2_m'],
  q3_k_m: ['iq2_m', 'q2_k'],
  'mlx-8bit': ['mlx-4bit'],
};
const VLLM_SMALLER: Record<string, string[]> = { bf16: ['fp8', 'awq'], fp16: ['fp8', 'awq'], fp8: ['awq'] };

interface Trial {
  change: Partial<Request>;
  say: string;
}

/** What trying one change needs: the estimate, the target's cards and memory, and where the results go. */
interface Trials {
  e: Estimate;
  cards: number;
  usable: number;
  on: string;
  out: string[];
  tried: Trial[];
}

/**
 * Try one change: says so in `out` when it fits on its own, and remembers it for trying all together. A
 * function of its own, not a closure per request (see estimate's perCard on tsx's keepNames).
 */
function tryAlt(t: Trials, change: Partial<Request>, say: string): boolean {
  t.tried.push({ change, say });
  // Only the bytes are read: the estimate skips its formulas in words.
  const alt = estimate({ ...t.e.request, ...change }, t.e.model, false);
  const altNeed = alt.perCard(t.cards);
  if (altNeed <= t.usable) t.out.push(`${say}: ${gib(altNeed)}, fits ${t.on}`);
  return altNeed <= t.usable;
}

function suggestions(
  e: Estimate,
  fits: Fit[],
  focusGpu: GpuSpec | undefined,
  overview: Overview | null,
  /** A format the answer already offers (fittingFormat): not suggested again in other words. */
  offered?: string,
): string[] {
  const req = e.request;
  // The target's row was computed for the asked number of cards (unified machines: one).
  const picked = focusGpu
    ? { target: focusGpu, row: fits.find((f) => f.gpu === focusGpu.id) }
    : defaultTarget(overview!);
  if (!picked) return [];
  const { target, row } = picked;
  if (!row || row.headroomBytes >= 0) return [];
  const cards = Math.min(req.gpuCount ?? 1, target.kind === 'unified' ? 1 : MAX_CARDS);
  const usable = row.usableBytes;
  const on = `${cards > 1 ? `${cards}x ` : ''}${target.name}`;
  const out: string[] = [];
  // Every change tried is also remembered, to try them all together when none fits alone.
  const tried: Trial[] = [];
  const trials: Trials = { e, cards, usable, on, out, tried };

  if (req.mode === 'inference') {
    const kvShare = (e.components.find((c) => c.id === 'kv_cache')?.bytes ?? 0) / e.total.bytes;
    if (kvShare > 0.1) {
      if (
        (req.runtime === 'llama.cpp' || req.runtime === 'ollama') &&
        req.kvType !== 'q8_0' &&
        req.kvType !== 'q4_0'
      ) {
        tryAlt(trials, { kvType: 'q8_0', flashAttention: true }, 'kv=q8_0 (halves the KV cache)');
      } else if ((req.runtime === 'vllm' || req.runtime === 'sglang') && req.kvType !== 'fp8') {
        tryAlt(trials, { kvType: 'fp8' }, 'kv=fp8 (halves the KV cache)');
      }
    }
    const ladder =
      (req.runtime === 'vllm' || req.runtime === 'sglang' ? VLLM_SMALLER : SMALLER)[req.format] ?? [];
    for (const f of ladder) {
      if (f === offered) break;
      if (tryAlt(trials, { format: f }, `${getFormat(f).label} weights`)) break;
    }
    if ((req.runtime === 'llama.cpp' || req.runtime === 'ollama') && !req.flashAttention) {
      tryAlt(trials, { flashAttention: true }, 'fa=on (flash attention shrinks the compute buffer)');
    }
  } else {
    if (!req.gradientCheckpointing)
      tryAlt(trials, { gradientCheckpointing: true }, 'gc=on (gradient checkpointing)');
    if (req.optimizer === 'adamw' && req.mode === 'full')
      tryAlt(trials, { optimizer: 'adamw8bit' }, 'optimizer=adamw8bit');
    if (req.mode === 'full')
      tryAlt(
        trials,
        { mode: 'lora', format: 'bf16', lora: { rank: 16, targets: 'all' } },
        'LoRA rank 16 instead of full fine-tuning',
      );
    if (req.mode === 'lora')
      tryAlt(
        trials,
        { mode: 'qlora', format: 'nf4', gradientCheckpointing: true },
        'QLoRA (NF4 base) instead of LoRA',
      );
    if (req.batch > 1)
      tryAlt(
        trials,
        { batch: 1, accumulation: (req.accumulation ?? 1) * req.batch },
        `batch=1 accum=${(req.accumulation ?? 1) * req.batch} (same effective batch)`,
      );
  }
  const ctxWord = req.mode === 'inference' ? 'ctx' : 'seq';
  // Shorter context, on the same cards.
  if (row.maxContext !== null && row.maxContext < req.context && row.maxContext >= 256) {
    out.push(`${ctxWord}=${row.maxContext}: the longest that fits ${on}`);
  }
  // Nothing fits alone: every change at once, with the longest context that then fits.
  if (out.length === 0 && tried.length > 1) {
    // Later changes of the same setting win (the smallest format tried): name only the ones that count,
    // those that set something no later change sets (walked from the last, collecting what later ones set).
    const setLater = new Set<string>();
    const counts = tried.map(() => false);
    for (let i = tried.length - 1; i >= 0; i--) {
      const keys = Object.keys(tried[i]!.change);
      counts[i] = keys.some((k) => !setLater.has(k));
      for (const k of keys) setLater.add(k);
    }
    const kept = tried.filter((_, i) => counts[i]);
    const all = Object.assign({}, ...kept.map((t) => t.change)) as Partial<Request>;
    const alt = estimate({ ...req, ...all }, e.model, false);
    const say = kept.map((t) => t.say.replace(/ \(.*\)$/, '')).join(' + ');
    const altNeed = alt.perCard(cards);
    const together = kept.length > 1 ? ' together' : '';
    if (altNeed <= usable) out.push(`${say}${together}: ${gib(altNeed)}, fits ${on}`);
    else {
      const ctx = maxContext(alt, usable, cards);
      if (ctx !== null && ctx >= 1024) out.push(`${say}${together} with ${ctxWord}=${ctx}: fits ${on}`);
    }
  }
  if (row.count > cards)
    out.push(`${row.count}x ${target.name}: each card holds a share of the weights and cache`);
  else if (row.count === 0 && target.kind === 'discrete')
    out.push(`more than ${MAX_CARDS} cards: even a large split of ${target.name} is not enough`);
  return out.slice(0, 5);
}

/** Without a named GPU, suggest for a 24 GB card if the job is near that size, else an 80 GB one. */
const SMALL_TARGET = findGpu('rtx-4090');
const BIG_TARGET = findGpu('h100-sxm');
const SMALL_ID = SMALL_TARGET?.id;
const BIG_ID = BIG_TARGET?.id;

function defaultTarget({ small, big }: Overview): { target: GpuSpec; row: Fit } | undefined {
  if (small && small.headroomBytes < 0 && small.usableBytes - small.headroomBytes <= 2.5 * small.usableBytes)
    return { target: SMALL_TARGET!, row: small };
  if (big && big.headroomBytes < 0) return { target: BIG_TARGET!, row: big };
  return undefined;
}

export type { Fit, Component };

/**
 * The order every reply lists GPUs in, one rule for all platforms: for "fits" and "tight", the smallest
 * usable memory that holds the job first (what to buy); for "no", the fewest cards needed first, GPUs no
 * split can hold last, then the closest miss. Used with a stable sort, so ties keep the catalog's order.
 */
export function displayOrder(v: Verdict): (a: Fit, b: Fit) => number {
  return v === 'no' ? byFewestCards : bySmallestFit;
}

function byFewestCards(a: Fit, b: Fit): number {
  return (
    (a.count === 0 ? 1 : 0) - (b.count === 0 ? 1 : 0) ||
    a.count - b.count ||
    b.headroomBytes - a.headroomBytes
  );
}

function bySmallestFit(a: Fit, b: Fit): number {
  return a.usableBytes - b.usableBytes || b.headroomBytes - a.headroomBytes;
}

/**
 * The first `k` rows in the order a stable sort by `cmp` would give, without sorting them all (a verdict
 * group can hold 60 GPUs; a chat reply shows 5 or 6).
 */
export function firstK<T>(rows: readonly T[], k: number, cmp: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const row of rows) {
    if (top.length === k && cmp(row, top[k - 1]!) >= 0) continue;
    // After every row that ranks the same or ahead: ties keep their order, as in a stable sort.
    let i = top.length;
    while (i > 0 && cmp(row, top[i - 1]!) < 0) i--;
    top.splice(i, 0, row);
    if (top.length > k) top.pop();
  }
  return top;
}
