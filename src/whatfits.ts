// "What can my GPU run?": the reverse question, answered by the engine's own estimate and fit over the
// catalog. For each mode asked, every catalog model at the best format of a quality ladder that fits the
// hardware at the asked context, ranked by what a person would pick (see RANK_RULE).
import { getFormat } from './catalog/formats.ts';
import { FRAMEWORK_PROFILES } from './catalog/frameworks.ts';
import type { Hardware } from './catalog/hardware.ts';
import { MODELS } from './catalog/models.ts';
import { paramBreakdown } from './catalog/params.ts';
import { RUNTIME_PROFILES, runsOn } from './catalog/runtimes.ts';
import type { GpuSpec, ModelSpec, ModelUse } from './catalog/types.ts';
import type { Runtime } from './catalog/formats.ts';
import { estimate, type Estimate } from './estimate.ts';
import { cardsUsed, quickFit, type QuickFit } from './fit.ts';
import type { Mode, Request } from './request.ts';
import { GIB } from './units.ts';

export const RANK_RULE =
  'ranked by size (an MoE by the geometric mean of total and active parameters) discounted by age (x0.7 per year before 2026), each at the best format from Q4_K_M up that fits';

export interface RunnableEntry {
  model: string;
  name: string;
  use: ModelUse;
  mode: Mode;
  format: string;
  formatLabel: string;
  runtime: Runtime;
  context: number;
  bytes: number;
  headroomBytes: number;
  tokensPerSecond: number | null;
  paramsB: number;
  activeB: number | null;
}

export interface RunnableMode {
  mode: Mode;
  /** The best entries, `top` of them, already ranked. */
  entries: RunnableEntry[];
  /** Catalog models that fit in this mode at all (before `top`). */
  fitting: number;
  /** When nothing fits: the smallest catalog option and what it needs. */
  smallest: RunnableEntry | null;
}

export interface RunnableOptions {
  modes: Mode[];
  context: number;
  gpuCount: number | null;
  /** Runtime for inference (llama.cpp GGUF unless named: it runs on every vendor's GPUs and on Macs). */
  runtime: Runtime | null;
  /** Lowest format accepted (a GGUF type for llama.cpp); default Q4_K_M. */
  floor: string | null;
  use: ModelUse | null;
  family: string | null;
  top: number;
}

/** Formats from best to the quality floor, per runtime (inference). */
const LADDERS: Partial<Record<Runtime, string[]>> = {
  'llama.cpp': ['q8_0', 'q6_k', 'q5_k_m', 'q4_k_m', 'q3_k_m', 'iq2_m'],
  ollama: ['q8_0', 'q6_k', 'q5_k_m', 'q4_k_m', 'q3_k_m', 'iq2_m'],
  vllm: ['bf16', 'fp8', 'awq'],
  sglang: ['bf16', 'fp8', 'awq'],
  transformers: ['bf16', 'int8', 'nf4'],
  mlx: ['bf16', 'mlx-8bit', 'mlx-4bit'],
  exllamav2: ['exl2=8', 'exl2=6', 'exl2=5', 'exl2=4'],
};

/** Ranking size: dense parameters, or an MoE's geometric mean of total and active (a common rule of thumb). */
function rankSize(m: ModelSpec): number {
  const p = paramBreakdown(m);
  return m.moe ? Math.sqrt(p.total * p.active) : p.total;
}

/** The use a model is listed under: small models as small, else the first use its row names. */
export function primaryUse(m: ModelSpec): ModelUse {
  if ((m.uses ?? []).includes('small') || paramBreakdown(m).total < 4.5e9) return 'small';
  const first = m.uses?.[0];
  if (first) return first;
  return /cod/.test(m.id) ? 'coding' : m.encoder ? 'vision' : 'general';
}

/** Release month for ranking; a row without one ranks as mid-2024 (the catalog's median age). */
function releasedOf(m: ModelSpec): string {
  return m.released ?? '2024-06';
}

function matchesUse(m: ModelSpec, use: ModelUse): boolean {
  if (use === 'small') return primaryUse(m) === 'small';
  if (use === 'vision') return m.encoder !== undefined || (m.uses ?? []).includes('vision');
  return (m.uses ?? (use === 'general' ? ['general'] : [])).includes(use) || primaryUse(m) === use;
}

/** A catalog model the question can be answered with: a chat model of the asked use and family. */
function isCandidate(m: ModelSpec, o: RunnableOptions): boolean {
  if ((m.uses ?? []).includes('embedding') || m.maxContext < o.context) return false;
  if (o.use && !matchesUse(m, o.use)) return false;
  return !o.family || `${m.id} ${m.family ?? ''}`.toLowerCase().includes(o.family);
}

/** Memory of the device (x its cards) before any runtime's own reserve: the bound for skipping a model. */
function deviceBytes(gpu: GpuSpec, cards: number): number {
  return Math.floor(gpu.memoryGiB * GIB * gpu.usableFraction) * cards;
}

/** The base request every candidate shares; model and format are set per candidate. */
function baseRequest(mode: Mode, o: RunnableOptions, runtime: Runtime): Request {
  const training = mode !== 'inference';
  const fw = FRAMEWORK_PROFILES.trl;
  return {
    model: '',
    format: 'bf16',
    formatGiven: true,
    kvType: training ? 'bf16' : 'fp16',
    context: o.context,
    batch: 1,
    batchGiven: false,
    mode,
    runtime: training ? 'transformers' : runtime,
    flashAttention: training ? true : RUNTIME_PROFILES[runtime].flashAttention,
    precision: training ? (mode === 'qlora' ? fw.qloraPrecision : 'mixed') : null,
    optimizer: training ? 'adamw' : null,
    gradientCheckpointing: training ? fw.checkpointing : null,
    accumulation: null,
    lora: mode === 'lora' || mode === 'qlora' ? { rank: 16, targets: 'all' } : null,
    framework: training ? fw.id : null,
    loss: training ? fw.loss : null,
    activationOffload: training ? fw.offload : null,
    parallelism: training && (o.gpuCount ?? 1) > 1 ? 'fsdp' : null,
    stepInBackward: training ? false : null,
    gpu: null,
    gpuCount: o.gpuCount,
    visibility: 'public',
    assumed: [],
  };
}

/** The formats tried for a mode, best first, down to the floor. */
function ladder(mode: Mode, runtime: Runtime, floor: string | null): string[] {
  if (mode === 'qlora') return ['nf4'];
  if (mode === 'lora') return ['bf16'];
  if (mode === 'full') return ['bf16'];
  const all = LADDERS[runtime] ?? LADDERS['llama.cpp']!;
  const stop = floor ? all.indexOf(floor) : all.indexOf('q4_k_m');
  return stop >= 0 ? all.slice(0, stop + 1) : all;
}

/**
 * Every catalog model that fits `gpu` (x gpuCount) in `mode` at `context`, at the best format of the ladder.
 * Cheap bounds first: a model whose weights alone at the smallest format exceed the memory is skipped
 * without an estimate.
 */
function entriesFor(gpu: GpuSpec, mode: Mode, o: RunnableOptions): RunnableMode {
  const runtime: Runtime = o.runtime ?? 'llama.cpp';
  const base = baseRequest(mode, o, runtime);
  const formats = ladder(mode, runtime, o.floor);
  const usable = deviceBytes(gpu, cardsUsed(gpu, o.gpuCount));
  const smallestFormat = getFormat(formats[formats.length - 1]!);
  const found: RunnableEntry[] = [];
  for (const m of MODELS) {
    // A model that cannot hold the asked context is not an answer to it (isCandidate).
    if (!isCandidate(m, o)) continue;
    const p = paramBreakdown(m);
    if ((p.total * Math.min(smallestFormat.linearBits, 16)) / 8 > usable * 1.02 && mode === 'inference')
      continue;
    const context = o.context;
    // From the best format down: the first that fits is the answer.
    let best: RunnableEntry | null = null;
    for (const format of formats) {
      const f = getFormat(format);
      // Weights alone over the memory: no estimate needed (most of the catalog on a small card).
      if (mode === 'inference' && (p.linear * f.linearBits) / 8 > usable) continue;
      const req: Request = { ...base, model: m.id, format, context };
      if (!runsOn(gpu, req.runtime, f)) continue;
      const e = estimate(req, m, false);
      const row = quickFit(gpu, e, o.gpuCount);
      if (row.verdict === 'no') continue;
      best = entryOf(m, mode, e, row, context);
      break;
    }
    if (best) found.push(best);
  }
  found.sort(byRank);
  return {
    mode,
    entries: found.slice(0, o.top),
    fitting: found.length,
    smallest: found.length ? null : smallestOption(gpu, mode, base, formats[formats.length - 1]!, o),
  };
}

/** When nothing fits: the catalog model that needs the least at the lowest format, and what it needs. */
function smallestOption(
  gpu: GpuSpec,
  mode: Mode,
  base: Request,
  format: string,
  o: RunnableOptions,
): RunnableEntry | null {
  let best: RunnableEntry | null = null;
  for (const m of MODELS) {
    if (!isCandidate(m, o)) continue;
    const req: Request = { ...base, model: m.id, format, context: o.context };
    if (!runsOn(gpu, req.runtime, getFormat(format))) continue;
    const e = estimate(req, m, false);
    if (best && e.total.bytes >= best.bytes) continue;
    best = entryOf(m, mode, e, quickFit(gpu, e, o.gpuCount), o.context);
  }
  return best;
}

function entryOf(m: ModelSpec, mode: Mode, e: Estimate, row: QuickFit, context: number): RunnableEntry {
  const p = paramBreakdown(m);
  return {
    model: m.id,
    name: m.name,
    use: primaryUse(m),
    mode,
    format: e.format.id,
    formatLabel: e.format.label,
    runtime: e.request.runtime,
    context,
    bytes: e.total.bytes,
    headroomBytes: row.headroomBytes,
    tokensPerSecond: row.tokensPerSecond,
    paramsB: Math.round(p.total / 1e7) / 100,
    activeB: m.moe ? Math.round(p.active / 1e7) / 100 : null,
  };
}

/** What a person would pick: size, discounted by 0.7 per year of age before 2026 (see RANK_RULE). */
const SCORE = new Map(
  MODELS.map((m) => {
    const [y, mo] = releasedOf(m).split('-').map(Number) as [number, number];
    const age = Math.max(0, 2026 - (y + (mo - 1) / 12));
    return [m.id, rankSize(m) * 0.7 ** age];
  }),
);

function byRank(a: RunnableEntry, b: RunnableEntry): number {
  return SCORE.get(b.model)! - SCORE.get(a.model)!;
}

export interface RunnableAnswer {
  /** The hardware as the reply names it ("GeForce RTX 3090", "2x GeForce RTX 3090", "Apple M3 Max 64 GB"). */
  hardware: string;
  usableBytes: number;
  context: number;
  rule: string;
  modes: RunnableMode[];
}

/**
 * The answer for one device. A chip sold in several sizes is answered for its smallest configuration, and
 * the reply says so (never silently the largest).
 */
export function runnableOn(hw: Hardware, o: RunnableOptions): RunnableAnswer {
  const gpu = hw.kind === 'one' ? hw.gpu : hw.options[0]!;
  const cards = cardsUsed(gpu, o.gpuCount);
  return {
    hardware: `${cards > 1 ? `${cards}x ` : ''}${gpu.name}`,
    usableBytes: deviceBytes(gpu, cards),
    context: o.context,
    rule: RANK_RULE,
    modes: o.modes.map((mode) => entriesFor(gpu, mode, o)),
  };
}
