// "Memory vs context" chart, as data: for one request and model, the memory of each component at ~64
// context lengths (stacked), the usable memory of the asked GPU(s) — or of a few common cards — as
// horizontal limits, and a marker at the asked context. Platform-neutral and pure (no I/O, no clock): the
// adapters draw it (adapters/shared/chart.ts renders a PNG) or print `chartText`.
//
// Every point is the estimator itself (`estimate(request at context x, model, false)`), so the chart and
// the reply's numbers cannot drift apart; an estimate without its explanations costs ~10-35 µs, so ~70 of
// them stay under a few milliseconds (measured: test/chart.test.ts and the report on the issue).
// When the request splits the job over N cards the chart shows memory per card, as the fit decides it
// (Estimate.perCard), so a limit line is crossed exactly where fit.ts says the longest context ends.
// Bytes everywhere; GiB only in the labels meant for display.
import { GPUS } from './catalog/gpus.ts';
import { genericDevice, resolveHardware } from './catalog/hardware.ts';
import { runsOn } from './catalog/runtimes.ts';
import type { GpuSpec, ModelSpec } from './catalog/types.ts';
import { estimate, type ComponentId, type Estimate } from './estimate.ts';
import { cardsUsed, maxContext, usableBytes } from './fit.ts';
import type { Request } from './request.ts';
import { modeLabel, weightsLabel } from './report.ts';
import { gib, tokens } from './units.ts';

export interface ChartSeries {
  id: ComponentId;
  label: string;
  /** Bytes at each of ChartData.contexts (per card when ChartData.cards > 1). */
  bytes: number[];
}

export interface ChartLimit {
  /** Catalog id (or the generic device's id). */
  gpu: string;
  /** Short display name: "RTX 4090 / 3090", "Apple M3 Max 36 GB". */
  name: string;
  /** Usable bytes on one card under the request's runtime (fit.ts usableBytes). */
  usableBytes: number;
  /** "RTX 4090 · 24.0 GiB usable" (per card when split: "2x RTX 3090 · 24.0 GiB usable each"). */
  label: string;
  /** Longest context that fits on ChartData.cards of these (fit.ts maxContext); null: not even 1 token. */
  maxContext: number | null;
  /** The query named this hardware (else it is one of the common cards shown for scale). */
  asked: boolean;
}

export interface ChartData {
  kind: 'memory-vs-context';
  /** "Llama 3.1 70B · GGUF Q4_K_M · llama.cpp · inference" */
  title: string;
  /** "memory per GPU, split over 2 cards", "batch 4", ... ('' when there is nothing to add). */
  subtitle: string;
  /** 'context' for inference, 'sequence' for training (the x axis word). */
  contextWord: 'context' | 'sequence';
  /** Increasing token counts, from 1 to xMax; the asked context and every limit crossing are among them. */
  contexts: number[];
  /** Stacking order, bottom first: fixed parts below, parts that grow with the context on top. */
  series: ChartSeries[];
  /** Sum of the series at each context. */
  totals: number[];
  /** Cards the job is split over (the query's gpus=N); the series are per card when > 1. */
  cards: number;
  /** The model's trained context (the range runs to max(this, the asked context)). */
  trainedContext: number;
  /** Right end of the x axis: max(trained, asked) rounded up to a whole tick. */
  xMax: number;
  /** Tick spacing on the x axis (a power of two, e.g. 16384): ticks read 16k, 32k, ... */
  tickStep: number;
  asked: { context: number; totalBytes: number };
  limits: ChartLimit[];
}

/** Points spread evenly over the range (plus the asked context and the limit crossings). */
const POINTS = 64;
/** At most this many cards drawn for scale when the query named none. */
const MAX_SCALE_LINES = 4;

/** Fixed parts first, then what grows with the context, KV cache on top where the growth shows. */
const STACK_ORDER: readonly ComponentId[] = [
  'weights',
  'vision',
  'adapter',
  'optimizer',
  'state',
  'overhead',
  'gradients',
  'logits',
  'activations',
  'kv_cache',
];

/** Cards people own or rent, for scale when the query named no hardware: one line per memory size. */
const SCALE_CARDS: ReadonlyArray<{ ids: readonly string[]; name: string }> = [
  { ids: ['rtx-3060-12gb'], name: 'RTX 3060 12 GB' },
  { ids: ['rtx-4060-ti-16gb'], name: 'RTX 4060 Ti 16 GB' },
  { ids: ['rtx-4090', 'rtx-3090'], name: 'RTX 4090 / 3090' },
  { ids: ['rtx-5090'], name: 'RTX 5090' },
  { ids: ['rtx-a6000', 'l40s'], name: 'RTX A6000 / L40S' },
  { ids: ['h100-sxm', 'a100-80gb-sxm'], name: 'H100 / A100 80 GB' },
  { ids: ['h200-sxm'], name: 'H200' },
  { ids: ['b200'], name: 'B200' },
];
/** The same for runtimes that run on Macs only (MLX): Macs by memory size. */
const SCALE_MACS = [16, 24, 36, 48, 64, 96, 128, 192];

export function chartData(request: Request, model: ModelSpec): ChartData {
  const e = estimate(request, model, false);
  const asked = request.context;
  const hw = request.gpu ? resolveHardware(request.gpu) : undefined;
  const askedDevices = hw ? (hw.kind === 'one' ? [hw.gpu] : [...hw.options]) : [];

  const trainedContext = model.maxContext;
  const top = Math.max(trainedContext, asked);
  const tickStep = tickFor(top);
  const xMax = Math.ceil(top / tickStep) * tickStep;

  // Limits first (their crossings become points, so each line is crossed at a computed point).
  const candidates: Array<{ gpu: GpuSpec; name: string; asked: boolean }> =
    askedDevices.length > 0
      ? askedDevices.map((gpu) => ({ gpu, name: shortName(gpu.name), asked: true }))
      : scaleCards(e);
  // A Mac cannot be split: the per-card view follows what the fit does with these devices.
  const cards = candidates[0] ? cardsUsed(candidates[0].gpu, request.gpuCount) : (request.gpuCount ?? 1);
  const withFit = candidates.map((c) => {
    const usable = usableBytes(c.gpu, e);
    return { ...c, usable, maxCtx: maxContext(e, usable, cards) };
  });

  const xs = new Set<number>([asked]);
  for (let i = 0; i <= POINTS; i++) xs.add(Math.max(1, Math.round((xMax * i) / POINTS)));
  // The ticks too, so chartText reads its totals off exact points.
  for (let x = tickStep; x <= xMax; x += tickStep) xs.add(x);
  for (const c of withFit) if (c.maxCtx !== null && c.maxCtx <= xMax) xs.add(c.maxCtx);
  const contexts = [...xs].sort((a, b) => a - b);

  const ids = new Map<ComponentId, string>();
  const perPoint = contexts.map((x) => {
    const at = x === asked ? e : estimate({ ...request, context: x }, model, false);
    const parts = perCardParts(at, cards);
    for (const c of at.components) if (!ids.has(c.id)) ids.set(c.id, c.label);
    return parts;
  });
  const series: ChartSeries[] = STACK_ORDER.filter((id) => ids.has(id))
    .map((id) => ({ id, label: ids.get(id)!, bytes: perPoint.map((p) => p.get(id) ?? 0) }))
    .filter((s) => s.bytes.some((b) => b > 0));
  const totals = contexts.map((_, i) => series.reduce((t, s) => t + s.bytes[i]!, 0));
  const askedTotal = totals[contexts.indexOf(asked)]!;

  // One asked device: its line, wherever it falls. A chip sold in several sizes, or cards for scale: the
  // lines that matter for this range.
  const shown = askedDevices.length === 1 ? withFit : relevantScale(withFit, totals);
  const limits = shown.map((c): ChartLimit => ({
    gpu: c.gpu.id,
    name: c.name,
    usableBytes: c.usable,
    label: `${cards > 1 ? `${cards}x ` : ''}${c.name} · ${gib(c.usable)} usable${cards > 1 ? ' each' : ''}`,
    maxContext: c.maxCtx,
    asked: c.asked,
  }));

  return {
    kind: 'memory-vs-context',
    title: titleOf(request, model, e),
    subtitle: subtitleOf(request, cards),
    contextWord: request.mode === 'inference' ? 'context' : 'sequence',
    contexts,
    series,
    totals,
    cards,
    trainedContext,
    xMax,
    tickStep,
    asked: { context: asked, totalBytes: askedTotal },
    limits,
  };
}

/**
 * The components on one card, summing exactly to `e.perCard(cards, context)`: the parts a split divides
 * (weights, caches, sharded training states) over `cards`, the rest whole; what the split adds on every
 * card (communication buffers, a gathered layer, DDP buckets) goes to the overhead line.
 */
function perCardParts(e: Estimate, cards: number): Map<ComponentId, number> {
  const parts = new Map<ComponentId, number>();
  for (const c of e.components) parts.set(c.id, c.bytes);
  if (cards === 1) return parts;
  const training = e.request.mode !== 'inference';
  const strategy = e.request.parallelism ?? 'fsdp';
  const divided: ComponentId[] = training
    ? [
        ...(strategy === 'zero3' || strategy === 'fsdp'
          ? (['weights', 'vision', 'adapter'] as const)
          : ([] as const)),
        ...(strategy !== 'ddp' ? (['optimizer'] as const) : ([] as const)),
      ]
    : ['weights', 'vision', 'adapter', 'optimizer', 'kv_cache', 'state'];
  for (const id of divided) {
    const b = parts.get(id);
    if (b !== undefined) parts.set(id, b / cards);
  }
  if (training) {
    // Gradients at the peak on one card: its share (ZeRO-2/3, FSDP) less what backward has freed.
    const full = e.components.find((c) => c.id === 'gradients')?.high ?? 0;
    const share = strategy === 'ddp' || strategy === 'zero1' ? full : full / cards;
    const freed = (parts.get('activations') ?? 0) + (parts.get('logits') ?? 0);
    const accumulating = e.request.accumulation !== null && e.request.accumulation > 1;
    parts.set('gradients', accumulating ? share : Math.max(0, share - freed));
  }
  let sum = 0;
  for (const b of parts.values()) sum += b;
  // Exact by construction: the remainder is what the split itself costs on each card.
  const rest = e.perCard(cards) - sum;
  parts.set('overhead', (parts.get('overhead') ?? 0) + rest);
  return parts;
}

/** Token counts on the chart: 8k, 128k, and whole mebi-tokens as 2M (10M-token models have 2M ticks). */
export function contextTick(n: number): string {
  if (n >= 2 ** 20 && n % 2 ** 20 === 0) return `${n / 2 ** 20}M`;
  return tokens(n);
}

/** Tick spacing: the smallest power of two (>= 256 tokens) that keeps the axis to at most 8 steps. */
function tickFor(top: number): number {
  let step = 256;
  while (top / step > 8) step *= 2;
  return step;
}

function scaleCards(e: Estimate): Array<{ gpu: GpuSpec; name: string; asked: boolean }> {
  const out: Array<{ gpu: GpuSpec; name: string; asked: boolean }> = [];
  for (const s of SCALE_CARDS) {
    const gpu = GPUS.find((g) => g.id === s.ids[0]);
    if (gpu && runsOn(gpu, e.runtime.id, e.format)) out.push({ gpu, name: s.name, asked: false });
  }
  if (out.length > 0) return out;
  return SCALE_MACS.map((gb) => {
    const gpu = genericDevice('mac', gb, `Mac ${gb} GB`);
    return { gpu, name: gpu.name, asked: false };
  });
}

/**
 * Devices whose line the stack crosses inside the range (nearest the top first, at most MAX_SCALE_LINES - 1),
 * plus the smallest one that holds the whole range; the largest card when none does.
 */
function relevantScale<T extends { usable: number }>(rows: T[], totals: number[]): T[] {
  const sorted = [...rows].sort((a, b) => a.usable - b.usable);
  const lowest = Math.min(...totals);
  const highest = Math.max(...totals);
  const crossed = sorted.filter((r) => r.usable > lowest && r.usable < highest);
  const above = sorted.find((r) => r.usable >= highest);
  const keep = crossed.slice(-(MAX_SCALE_LINES - (above ? 1 : 0)));
  if (above) keep.push(above);
  if (keep.length === 0 && sorted.length > 0) keep.push(sorted[sorted.length - 1]!);
  return keep;
}

/** "GeForce RTX 4090" -> "RTX 4090": the brand word costs room on a chart label. */
function shortName(name: string): string {
  return name.replace(/^(NVIDIA\s+)?GeForce\s+/i, '');
}

function titleOf(request: Request, model: ModelSpec, e: Estimate): string {
  return `${model.name} · ${weightsLabel(request)} · ${e.runtime.label} · ${modeLabel(request.mode)}`;
}

function subtitleOf(request: Request, cards: number): string {
  const parts: string[] = [];
  if (cards > 1) parts.push(`memory per GPU, split over ${cards} cards`);
  if (request.batch > 1) parts.push(`batch ${request.batch}`);
  if (request.mode === 'inference' && !['fp16', 'bf16'].includes(request.kvType))
    parts.push(`KV cache ${request.kvType}`);
  return parts.join(' · ');
}

/**
 * The chart in a few lines of text, for places without images (the terminal, a failed render):
 * the total at a few contexts, then the longest context each limit line allows.
 */
export function chartText(data: ChartData): string {
  const perCard = data.cards > 1 ? ' per GPU' : '';
  const lines = [`${data.title}${data.subtitle ? ` (${data.subtitle})` : ''}`];
  const marks = new Set<number>();
  // A quarter, half and all of the range (rounded to ticks, which are points), and the asked context.
  for (const f of [0.25, 0.5, 1])
    marks.add(Math.max(data.tickStep, Math.round((data.xMax * f) / data.tickStep) * data.tickStep));
  marks.add(data.asked.context);
  const at = [...marks]
    .sort((a, b) => a - b)
    .flatMap((x) => {
      const i = data.contexts.indexOf(x);
      if (i < 0) return [];
      return [`${contextTick(x)}${x === data.asked.context ? ' (asked)' : ''}: ${gib(data.totals[i]!)}`];
    });
  lines.push(`Memory${perCard} by ${data.contextWord}: ${at.join(' · ')}`);
  for (const l of data.limits) {
    const card = `${data.cards > 1 ? `${data.cards}x ` : ''}${l.name} (${gib(l.usableBytes)} usable${data.cards > 1 ? ' each' : ''})`;
    const top = Math.max(data.trainedContext, data.asked.context);
    const where =
      l.maxContext === null
        ? 'does not fit even at 1 token'
        : l.maxContext >= top
          ? `fits the whole range (up to ${contextTick(top)})`
          : `fits up to ${contextTick(l.maxContext)} tokens`;
    lines.push(`${card}: ${where}`);
  }
  return lines.join('\n');
}
