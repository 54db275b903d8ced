// Terminal rendering of the reply model: aligned columns, a bar of the memory split, <= 100 columns.
import type { Reply } from '../../commands/types.ts';
import type { Fit, Report } from '../../src/report.ts';
import { reportView, verdictGroups, type ReportView } from '../../src/view.ts';
import { chartText } from '../../src/chart-data.ts';
import { gib, gibNumber, tokens } from '../../src/units.ts';

export const WIDTH = 100;
const BAR = 60;
const MARKS: Record<string, string> = {
  weights: '#',
  vision: 'v',
  adapter: 'a',
  kv_cache: 'k',
  state: 's',
  activations: '=',
  logits: 'l',
  gradients: 'g',
  optimizer: 'o',
  overhead: '.',
};

/** `brief`: the compact answer (the chat platforms' public reply); else the full report. */
export function renderText(reply: Reply, opts: { brief?: boolean } = {}): string {
  switch (reply.kind) {
    case 'estimate': {
      const text =
        opts.brief && reply.view !== 'details'
          ? renderBrief(reportView(reply.report))
          : renderReport(reply.report);
      // A terminal shows no image: the chart in words (the CLI's --chart writes the PNG).
      return reply.chart ? `${text}\n\nMemory vs context:\n${chartText(reply.chart)}` : text;
    }
    case 'error':
      return [...wrap(`error: ${reply.message}`, WIDTH), ...wrap(`example: ${reply.example}`, WIDTH)].join(
        '\n',
      );
    case 'help':
      return [
        reply.title,
        ...reply.sections.flatMap((s) => [
          '',
          `${s.title}:`,
          ...s.lines.flatMap((l) => wrap(l, WIDTH - 2).map((x) => `  ${x}`)),
        ]),
      ].join('\n');
    case 'gpus':
      return [
        reply.title,
        `  ${pad('id', 26)} ${pad('name', 38)} ${lpad('GiB', 5)} ${lpad('usable', 7)} ${lpad('GB/s', 6)}`,
        ...reply.rows.map(
          (r) =>
            `  ${pad(r.id, 26)} ${pad(r.name, 38)} ${lpad(String(r.memoryGiB), 5)} ${lpad(String(r.usableGiB), 7)} ${lpad(String(r.bandwidthGBs), 6)}`,
        ),
        '',
        reply.note,
      ].join('\n');
    case 'models':
      return [
        reply.title,
        `  ${pad('id', 30)} ${lpad('params', 8)} ${lpad('active', 7)} ${lpad('max ctx', 8)}  notes`,
        ...reply.rows.map(
          (r) =>
            `  ${pad(r.id, 30)} ${lpad(`${r.paramsB}B`, 8)} ${lpad(r.activeB === null ? '' : `${r.activeB}B`, 7)} ${lpad(tokens(r.context), 8)}  ${truncate(r.notes, 40)}`,
        ),
        '',
        reply.note,
      ].join('\n');
    case 'runnable':
      return [
        ...wrap(reply.title, WIDTH),
        ...reply.groups.flatMap((g) => ['', `${g.name}:`, ...g.lines.flatMap((l) => wrap(`  ${l}`, WIDTH))]),
        '',
        ...wrap(reply.note, WIDTH),
      ].join('\n');
  }
}

/** The compact answer: the question, the answer, a line per component, a few cards, the best change. */
export function renderBrief(v: ReportView): string {
  const out: string[] = [truncate(v.question, WIDTH), ...wrap(v.answer, WIDTH), ''];
  const labelW = Math.max(...v.components.map((c) => c.label.length), 5);
  for (const c of v.components) out.push(`  ${pad(c.label, labelW)} ${lpad(gib(c.bytes), 10)}`);
  if (v.cards.length > 0) {
    out.push('', v.cardsEach > 1 ? `GPUs (${v.cardsEach} cards each):` : 'GPUs:');
    const nameW = Math.min(30, Math.max(...v.cards.map((c) => c.fit.name.length + (c.asked ? 8 : 0))));
    for (const c of v.cards) {
      const name = `${c.fit.name}${c.asked ? ' (asked)' : ''}`;
      out.push(
        truncate(`  ${pad(truncate(name, nameW), nameW)}  ${[c.status, ...c.facts].join(', ')}`, WIDTH),
      );
    }
  }
  if (v.suggestion) out.push('', ...wrap(`To make it fit: ${v.suggestion}`, WIDTH));
  return out.join('\n');
}

export function renderReport(r: Report): string {
  const out: string[] = [];
  out.push(truncate(r.title, WIDTH));
  out.push(...wrap(r.summary, WIDTH));
  out.push('');
  out.push(bar(r));
  out.push('');
  const labelW = Math.max(...r.components.map((c) => c.label.length), 5);
  for (const c of r.components) {
    const head = `${MARKS[c.id] ?? '*'} ${pad(c.label, labelW)} ${lpad(gib(c.bytes), 10)}  `;
    const lines = wrap(c.detail, WIDTH - head.length);
    out.push(head + (lines[0] ?? ''));
    for (const l of lines.slice(1)) out.push(' '.repeat(head.length) + l);
  }
  out.push(
    `  ${pad('Total', labelW)} ${lpad(gib(r.total.bytes), 10)}  range ${gib(r.total.low)} - ${gib(r.total.high)}`,
  );
  out.push('');
  out.push(...fitsSection(r));
  if (r.suggestions.length > 0) {
    out.push('');
    out.push('To make it fit:');
    for (const s of r.suggestions) out.push(...bullet(s));
  }
  out.push('');
  out.push('Assumptions:');
  for (const a of r.assumptions) out.push(...bullet(a));
  return out.join('\n');
}

function bar(r: Report): string {
  const total = r.total.bytes || 1;
  let s = '';
  let used = 0;
  const drawn = new Set<string>();
  r.components.forEach((c, i) => {
    const n = i === r.components.length - 1 ? BAR - used : Math.round((c.bytes / total) * BAR);
    const k = Math.max(0, Math.min(n, BAR - used));
    s += (MARKS[c.id] ?? '*').repeat(k);
    used += k;
    if (k > 0) drawn.add(c.id);
  });
  // The legend names exactly the marks the bar shows.
  const legend = r.components
    .filter((c) => drawn.has(c.id))
    .map((c) => `${MARKS[c.id] ?? '*'} ${c.id}`)
    .join('  ');
  return truncate(`[${s}] ${gib(r.total.bytes)}`, WIDTH) + '\n' + truncate(` ${legend}`, WIDTH);
}

const VERDICT_TITLE: Record<Fit['verdict'], string> = { fits: 'Fits', tight: 'Tight', no: 'Does not fit' };

function fitsSection(r: Report): string[] {
  const out: string[] = [];
  const cards = r.request.gpuCount ?? 1;
  // With gpus=N every row is a split over N of that card; usable and headroom are per card.
  const split = cards > 1 ? ` on ${cards} cards of a kind` : '';
  if (r.focus) {
    out.push(`On ${cards > 1 ? `${cards}x ` : ''}${r.focus.name}${cards > 1 ? ' (per card)' : ''}:`);
    out.push(fitLine(r.focus, r));
    out.push('');
  }
  // The same rows every platform shows (src/view.ts).
  for (const g of verdictGroups(r)) {
    const shown = g.total > g.rows.length ? `, ${g.rows.length} shown` : '';
    out.push(`${VERDICT_TITLE[g.verdict]}${split} (${g.total} GPUs${shown}):`);
    for (const f of g.rows) out.push(fitLine(f, r));
  }
  return out;
}

function fitLine(f: Fit, r: Report): string {
  const head = `  ${pad(truncate(f.name, 30), 30)} ${lpad(gibNumber(f.usableBytes), 6)} GiB usable`;
  const room =
    f.headroomBytes >= 0 ? `+${gibNumber(f.headroomBytes)} free` : `${gibNumber(-f.headroomBytes)} short`;
  const parts = [lpad(room, 12)];
  if (f.verdict === 'no') parts.push(f.count > 0 ? `needs ${f.count} cards` : 'no split holds it');
  else if (f.maxContext !== null)
    parts.push(`max ${r.request.mode === 'inference' ? 'ctx' : 'seq'} ${tokens(f.maxContext)}`);
  if (f.tokensPerSecond !== null && f.verdict !== 'no')
    parts.push(`<= ${Math.round(f.tokensPerSecond)} tok/s`);
  return truncate(`${head} ${parts.join('  ')}`, WIDTH);
}

function bullet(text: string): string[] {
  const lines = wrap(text, WIDTH - 4);
  return lines.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`));
}

export function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (!cur) cur = w;
    else if (cur.length + 1 + w.length <= width) cur += ` ${w}`;
    else {
      lines.push(cur);
      cur = w;
    }
    while (cur.length > width) {
      lines.push(cur.slice(0, width));
      cur = cur.slice(width);
    }
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [''];
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function lpad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}
function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}
