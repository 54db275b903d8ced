// What a reply shows, decided once for every platform (issue 13): renderers draw this view and never pick
// rows on their own, so Discord, Slack and the terminal show the same cards in the same order.
// The compact answer reads at a glance in a busy channel: the question as understood, the answer (verdict
// first when hardware was asked, the total once, with its range), a short line per component, a few cards
// people own or rent, and the one change that matters most when it does not fit. Details (formulas, every
// assumption, the GPU lists) are the same report, shown on demand.
import { resolveHardware } from './catalog/hardware.ts';
import type { Fit, Verdict } from './fit.ts';
import { COMMON, displayOrder, firstK, type Report } from './report.ts';
import { gib, gibRange, tokens } from './units.ts';

export type Tone = Verdict | 'info';

export interface CardView {
  fit: Fit;
  /** The card the asker named (first in the list). */
  asked: boolean;
  /** "fits, 9.4 GiB free" / "tight, 1.4 GiB free" / "2.6 GiB short, needs 2 cards" */
  status: string;
  /** Longest context, decode ceiling, card count when not the asked one. */
  facts: string[];
}

export interface ComponentView {
  id: string;
  label: string;
  bytes: number;
}

export interface VerdictGroup {
  verdict: Verdict;
  /** The most relevant rows, in displayOrder (the same rows on every platform). */
  rows: Fit[];
  /** How many GPUs have this verdict in all. */
  total: number;
}

export interface ReportView {
  /** The question as understood: model, format, context, mode. */
  question: string;
  /** The answer in one line: verdict first when hardware was asked, the total (with its range) once. */
  answer: string;
  tone: Tone;
  components: ComponentView[];
  /** A few relevant cards: the asked one first, then common cards around the need. */
  cards: CardView[];
  /** Cards per job, as asked (gpus=N): shown next to the cards' heading when more than one. */
  cardsEach: number;
  /** The single best change when it does not fit (null when it fits, or nothing helps). */
  suggestion: string | null;
}

/** Rows per verdict in the details: the same on every platform. */
export const DETAIL_ROWS: Record<Verdict, number> = { fits: 6, tight: 5, no: 5 };
/** Cards in the compact answer, the asked one included. */
export const COMPACT_CARDS = 4;

export function reportView(r: Report): ReportView {
  const asked = r.request.gpuCount ?? 1;
  const cards = chooseCards(r);
  return {
    question: r.title,
    answer: answerLine(r),
    tone: r.focus && cards[0]?.asked ? r.focus.verdict : 'info',
    components: r.components.map((c) => ({ id: c.id, label: c.label, bytes: c.bytes })),
    cards: cards.map((c) => ({ ...c, ...describeCard(c.fit, r, asked) })),
    cardsEach: asked,
    suggestion: needsChange(r) ? bestChange(r) : null,
  };
}

/** "Needs about 14.6 GiB (13.3-16.3 GiB)" */
function totalText(r: Report): string {
  return `${gib(r.total.bytes)} (${gibRange(r.total.low, r.total.high)})`;
}

/**
 * With one asked card, the verdict leads: "Fits on 2x GeForce RTX 3090 with 5.2 GiB to spare; needs about
 * 42.8 GiB (39.1-46.9 GiB)." Otherwise the report's summary, which already starts with the total.
 */
function answerLine(r: Report): string {
  const f = r.focus;
  // No card asked, a chip sold in several sizes (answered per size), or a runtime that does not run there
  // (its row is left out of the fits): the report's own sentence.
  if (!f || !r.fits.includes(f) || (r.request.gpu ? resolveHardware(r.request.gpu)?.kind === 'sizes' : false))
    return r.summary;
  const cards = r.request.gpuCount ?? 1;
  const on = `${cards > 1 ? `${cards}x ` : ''}${f.name}`;
  const need = `needs about ${totalText(r)}`;
  if (f.verdict === 'fits') return `Fits on ${on} with ${gib(f.headroomBytes)} to spare; ${need}.`;
  if (f.verdict === 'tight') return `Tight on ${on}: ${gib(f.headroomBytes)} left; ${need}.`;
  // The report names a format that fits the asked card: that sentence leads with the verdict already.
  if (!r.summary.startsWith('Needs about')) return r.summary;
  const takes =
    f.count > cards ? `; it takes ${f.count} of them` : f.count === 0 ? '; no split holds it' : '';
  return `Does not fit on ${on}: ${need}, ${gib(-f.headroomBytes)} short${takes}.`;
}

/** The first suggestion the answer line does not already give (the summary names a format that fits). */
function bestChange(r: Report): string | null {
  return r.suggestions.find((s) => s !== r.fittingFormat) ?? null;
}

/** A suggestion belongs in the compact answer only when the job does not fit where it was asked (or anywhere). */
function needsChange(r: Report): boolean {
  if (r.focus) return r.focus.verdict === 'no' || !r.fits.includes(r.focus);
  return !r.fits.some((f) => f.verdict !== 'no' && COMMON.has(f.gpu));
}

/**
 * The compact answer's cards: the asked one, then common cards around the need, one per memory size
 * (the catalog's first of each: 24 GiB shows once, not as 4090, 3090 and 3090 Ti): the largest that
 * misses, then the smallest that hold it; when nothing common holds it, the splits with the fewest cards.
 */
function chooseCards(r: Report): { fit: Fit; asked: boolean }[] {
  const out: { fit: Fit; asked: boolean }[] = [];
  const focus = r.focus && r.fits.includes(r.focus) ? r.focus : null;
  if (focus) out.push({ fit: focus, asked: true });
  const room = COMPACT_CARDS - out.length;
  const bySize = new Map<number, Fit>();
  for (const f of r.fits) {
    if (f === focus || !COMMON.has(f.gpu) || f.usableBytes === focus?.usableBytes) continue;
    if (!bySize.has(f.usableBytes)) bySize.set(f.usableBytes, f);
  }
  const pool = [...bySize.values()].sort((a, b) => a.usableBytes - b.usableBytes);
  const holding = pool.filter((f) => f.verdict !== 'no');
  // A miss no split can fix (a Mac, asked for two cards) says little next to cards that hold it.
  const missing = pool.filter((f) => f.verdict === 'no' && f.count > 0);
  let chosen: Fit[];
  if (holding.length > 0) {
    const miss = missing.slice(-1);
    chosen = [...miss, ...holding.slice(0, room - miss.length)];
  } else {
    chosen = firstK(
      missing.filter((f) => f.count > 0),
      room,
      (a, b) => a.count - b.count || a.usableBytes - b.usableBytes,
    ).sort((a, b) => a.usableBytes - b.usableBytes);
  }
  for (const fit of chosen) out.push({ fit, asked: false });
  return out;
}

function describeCard(f: Fit, r: Report, asked: number): Pick<CardView, 'status' | 'facts'> {
  const ctxWord = r.request.mode === 'inference' ? 'ctx' : 'seq';
  if (f.verdict === 'no') {
    const split = f.count === 0 ? 'no split holds it' : `needs ${f.count} cards`;
    return { status: `${gib(-f.headroomBytes)} short, ${split}`, facts: [] };
  }
  const facts: string[] = [];
  if (f.count !== asked) facts.push(`on ${f.count} card${f.count === 1 ? '' : 's'}`);
  if (f.maxContext !== null && f.maxContext > r.request.context)
    facts.push(`up to ${tokens(f.maxContext)} ${ctxWord}`);
  if (f.tokensPerSecond !== null) facts.push(`≤ ${Math.round(f.tokensPerSecond)} tok/s`);
  return { status: `${f.verdict}, ${gib(f.headroomBytes)} free`, facts };
}

/** The details' GPU lists: per verdict, the most relevant rows (see displayOrder), the same everywhere. */
export function verdictGroups(r: Report): VerdictGroup[] {
  const out: VerdictGroup[] = [];
  for (const verdict of ['fits', 'tight', 'no'] as const) {
    const all = r.fits.filter((f) => f.verdict === verdict);
    if (all.length === 0) continue;
    out.push({ verdict, rows: firstK(all, DETAIL_ROWS[verdict], displayOrder(verdict)), total: all.length });
  }
  return out;
}
