// The reply model as a Slack message: Block Kit blocks plus the plain `text` fallback Slack requires for
// notifications and screen readers. Layout only; every number comes from the report.
import type { GpuRow, ModelRow, Reply } from '../../commands/types.ts';
import { buttonsFor, viewButtonsFor } from '../../commands/variants.ts';
import type { Fit, Report } from '../../src/report.ts';
import { chartText } from '../../src/chart-data.ts';
import { reportView, verdictGroups, type CardView, type ReportView, type Tone } from '../../src/view.ts';
import { gib, gibRange, paramCount, tokens } from '../../src/units.ts';
import {
  actions,
  clamp,
  context,
  escapeMrkdwn,
  fieldSections,
  fitBlocks,
  header,
  joinWithin,
  md,
  more,
  section,
  sections,
  type Block,
} from './blocks.ts';
import { SLACK_LIMITS } from './limits.ts';

export interface SlackMessage {
  /** Plain fallback (escaped: Slack parses it as mrkdwn). Always present. */
  text: string;
  blocks: Block[];
}

/**
 * An answer as Slack takes it: a message with who sees it (a slash command's ack, a response_url post) and,
 * for a click, whether it replaces the message clicked.
 */
export type SlackAnswer = SlackMessage & {
  response_type: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
};

/** Help, errors and `private` are for the asker; results go to the channel (design 2.3). */
export function toResponse(reply: Reply, msg: SlackMessage = renderReply(reply)): SlackAnswer {
  return { response_type: reply.ephemeral ? 'ephemeral' : 'in_channel', ...msg };
}

/** A message only the asker sees. */
export function ephemeral(msg: SlackMessage): SlackAnswer {
  return { response_type: 'ephemeral', ...msg };
}

/** Buttons under an estimate: `vram_variant_<variant>`, value = the stateless payload from commands/variants. */
export const VARIANT_ACTION_PREFIX = 'vram_variant_';
export const VARIANT_BLOCK_ID = 'vram_variants';

const VERDICT_TITLE: Record<Fit['verdict'], string> = {
  fits: ':white_check_mark: Fits',
  tight: ':warning: Tight',
  no: ':x: Does not fit',
};
/** Block budget per part, so that parts can never together pass 50 (1 + 2 + 1 + 1 + 8 + 3x4 + 1 + 1 = 27). */
const BUDGET = { summary: 2, facts: 1, components: 8, perVerdict: 4, list: 40 } as const;
/** The fallback stays notification-sized; the blocks carry the detail. */
const FALLBACK_MAX = 3000;

/**
 * `chart`: for an answer that asked for its chart, whether the image was uploaded (true) or could not be
 * drawn (false: a short apology and the chart in words). Left out, no chart is mentioned.
 */
export function renderReply(reply: Reply, opts: { chart?: boolean } = {}): SlackMessage {
  switch (reply.kind) {
    case 'estimate':
      if (reply.view === 'details') return renderEstimate(reply.report);
      return renderCompact(
        reportView(reply.report),
        reply.query,
        reply.report,
        reply.chart && opts.chart === false ? chartText(reply.chart) : null,
      );
    case 'error':
      return message(`error: ${reply.message}`, [
        section(md`:warning: ${reply.message}`),
        context([md`Example: \`${reply.example}\` · \`/vram help\` lists the words`])!,
      ]);
    case 'help':
      return renderHelp(reply);
    case 'gpus':
      return renderList(
        reply.title,
        reply.note,
        groupBy(reply.rows, (r) => r.group),
        gpuLine,
      );
    case 'models':
      return renderList(reply.title, reply.note, [['', reply.rows]], modelLine);
    case 'runnable':
      return renderList(
        reply.title,
        reply.note,
        reply.groups.map((g) => [g.name, g.lines] as [string, string[]]),
        (line) => md`• ${line}`,
      );
  }
}

// ---------------------------------------------------------------- estimate

/** "Llama 2 13B: 14.6 GiB (14.1-16.3 GiB)" */
export function headline(r: Report): string {
  return `${r.model.name}: ${gib(r.total.bytes)} (${gibRange(r.total.low, r.total.high)})`;
}

const ICON: Record<Tone, string> = {
  fits: ':white_check_mark:',
  tight: ':warning:',
  no: ':x:',
  info: ':straight_ruler:',
};

/**
 * The public answer, readable at a glance: the question and the answer (verdict first), a line per
 * component, a few cards, the one change that matters most, and the buttons (Details shows the rest).
 */
function renderCompact(v: ReportView, query: string, r: Report, chartInWords: string | null): SlackMessage {
  const body: Block[] = [section(`${md`*${v.question}*`}\n${ICON[v.tone]} ${md`*${v.answer}*`}`)];
  body.push(
    ...sections(
      v.components.map((c) => md`${c.label}: *${gib(c.bytes)}*`),
      1,
    ),
  );
  if (v.cards.length > 0) {
    const heading = v.cardsEach > 1 ? `GPUs (${v.cardsEach} cards each)` : 'GPUs';
    body.push(...sections(v.cards.map(cardLine), 1, md`*${heading}*`));
  }
  // The change that makes it fit is part of the answer: its own line, not the small print below it.
  if (v.suggestion) body.push(section(md`:bulb: *To make it fit:* ${v.suggestion}`));
  const notes = [
    chartInWords !== null
      ? md`:chart_with_upwards_trend: Sorry, no chart this time; here it is in words:\n${chartInWords}`
      : null,
    'GiB = 2^30 bytes · *Details* shows the formulas, assumptions and every GPU',
  ].filter((x): x is string => x !== null);
  body.push(context(notes)!);
  return message(`${v.question}: ${v.answer}`, body, buttonBlocks(query, r));
}

function cardLine(c: CardView): string {
  const asked = c.asked ? ' (asked)' : '';
  return `${ICON[c.fit.verdict]} ${md`*${c.fit.name}*${asked} · ${[c.status, ...c.facts].join(' · ')}`}`;
}

/** Details and Chart, then the variants: one actions block (Slack allows 25 elements). */
function buttonBlocks(query: string, r: Report): Block[] {
  const specs = [
    ...viewButtonsFor(query, SLACK_LIMITS.buttonValue),
    ...buttonsFor(query, r.request.mode, r.request.context, SLACK_LIMITS.buttonValue),
  ].map((b) => ({ actionId: `${VARIANT_ACTION_PREFIX}${b.variant}`, label: b.label, value: b.payload }));
  const block = actions(VARIANT_BLOCK_ID, specs);
  return block ? [block] : [];
}

/** The details (the Details button): formulas, every assumption, the GPU lists. */
function renderEstimate(r: Report): SlackMessage {
  const body: Block[] = [header(headline(r))];
  body.push(...sections([md`${r.title}`, md`${r.summary}`], BUDGET.summary));
  body.push(...fieldSections(facts(r), BUDGET.facts));
  if (r.focus) {
    body.push(section(`${md`*On ${r.focus.name}${cardsEach(r)}:*`} ${fitFacts(r.focus, r)}`));
  }

  const componentLines = r.components.map((c) => `${md`*${c.label}*  ${gib(c.bytes)}`}  ${md`${c.detail}`}`);
  componentLines.push(
    md`*Total*  ${gib(r.total.bytes)}  (range ${gib(r.total.low)} to ${gib(r.total.high)})`,
  );
  body.push(...sections(componentLines, BUDGET.components, '*Memory* (GiB = 2^30 bytes)'));

  // The same rows every platform shows (src/view.ts).
  for (const g of verdictGroups(r)) {
    const lines = g.rows.map((f) => `• ${fitLine(f, r)}`);
    if (g.total > g.rows.length) lines.push(more(g.total - g.rows.length));
    const title = `*${VERDICT_TITLE[g.verdict]}${escapeMrkdwn(cardsEach(r))}* (${g.total} GPU${g.total === 1 ? '' : 's'})`;
    body.push(...sections(lines, BUDGET.perVerdict, title));
  }

  const notes = [
    r.suggestions.length ? bulleted('*To make it fit:*', r.suggestions) : null,
    r.assumptions.length ? bulleted('*Assumptions:*', r.assumptions) : null,
  ].filter((x): x is string => x !== null);
  const notesBlock = context(notes);
  if (notesBlock) body.push(notesBlock);
  return message(`${headline(r)}. ${r.summary}`, body);
}

/** What the title does not say: parameter count, and for inference the runtime and KV cache type. */
function facts(r: Report): string[] {
  const active = r.model.activeParams < r.model.params ? ` (${paramCount(r.model.activeParams)} active)` : '';
  const out = [md`*Parameters*\n${paramCount(r.model.params)}${active}`];
  if (r.request.mode === 'inference') {
    out.push(md`*Runtime*\n${r.request.runtime}`, md`*KV cache*\n${r.request.kvType}`);
  }
  return out;
}

function cardsEach(r: Report): string {
  const cards = r.request.gpuCount ?? 1;
  return cards > 1 ? ` (${cards} cards each)` : '';
}

/** One GPU: its name, then its facts. */
function fitLine(f: Fit, r: Report): string {
  return `${md`*${f.name}*`}  ${fitFacts(f, r)}`;
}

/** Usable memory, headroom, card count (when not the asked one), longest context, decode ceiling. */
function fitFacts(f: Fit, r: Report): string {
  const parts = [`${gib(f.usableBytes)} usable`];
  parts.push(f.headroomBytes >= 0 ? `${gib(f.headroomBytes)} free` : `${gib(-f.headroomBytes)} short`);
  if (f.verdict === 'no') parts.push(f.count > 0 ? `needs ${f.count} cards` : 'no split holds it');
  else {
    if (f.count !== (r.request.gpuCount ?? 1)) parts.push(`${f.count} cards`);
    if (f.maxContext !== null)
      parts.push(`max ${r.request.mode === 'inference' ? 'ctx' : 'seq'} ${tokens(f.maxContext)}`);
    if (f.tokensPerSecond !== null) parts.push(`≤ ${Math.round(f.tokensPerSecond)} tok/s`);
  }
  return md`${parts.join(' · ')}`;
}

function bulleted(title: string, items: readonly string[]): string {
  return joinWithin([title, ...items.map((i) => md`• ${i}`)], SLACK_LIMITS.contextText);
}

// ---------------------------------------------------------------- help, gpus, models

function renderHelp(reply: Extract<Reply, { kind: 'help' }>): SlackMessage {
  const body: Block[] = [header(reply.title)];
  for (const s of reply.sections) {
    // Usage and examples are commands to copy: code spans. Prose stays prose.
    const code = s.title === 'Usage' || s.title === 'Examples';
    const lines = s.lines.map((l, i) => (code && !(s.title === 'Usage' && i > 0) ? md`\`${l}\`` : md`${l}`));
    body.push(...sections(lines, 2, md`*${s.title}*`));
  }
  const usage = reply.sections.find((s) => s.title === 'Usage')?.lines[0] ?? '';
  const examples = reply.sections.find((s) => s.title === 'Examples')?.lines ?? [];
  return message([reply.title, `Usage: ${usage}`, ...examples.map((e) => `  ${e}`)].join('\n'), body);
}

function renderList<T>(
  title: string,
  note: string,
  groups: [string, T[]][],
  line: (row: T) => string,
): SlackMessage {
  const body: Block[] = [header(title)];
  let budget: number = BUDGET.list;
  for (const [name, rows] of groups) {
    if (budget <= 0) break;
    const part = sections(rows.map(line), Math.min(budget, 4), name ? md`*${name}*` : undefined);
    budget -= part.length;
    body.push(...part);
  }
  const noteBlock = context([md`${note}`]);
  return message(`${title}. ${note}`, body, noteBlock ? [noteBlock] : []);
}

function gpuLine(g: GpuRow): string {
  return md`• *${g.name}* \`${g.id}\`  ${g.memoryGiB} GiB (${g.usableGiB} GiB usable) · ${g.bandwidthGBs} GB/s`;
}

function modelLine(m: ModelRow): string {
  const active = m.activeB === null ? '' : ` (${m.activeB}B active)`;
  const notes = m.notes ? ` · ${m.notes}` : '';
  return md`• *${m.name}* \`${m.id}\`  ${m.paramsB}B params${active} · ${tokens(m.context)} context${notes}`;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups];
}

// ---------------------------------------------------------------- the message

function message(fallback: string, body: readonly Block[], tail: readonly Block[] = []): SlackMessage {
  return { text: clamp(escapeMrkdwn(fallback), FALLBACK_MAX), blocks: fitBlocks(body, tail) };
}

/** A short ephemeral notice (rate limit, failures): text only, still escaped. */
export function notice(text: string): SlackMessage {
  return { text: clamp(escapeMrkdwn(text), FALLBACK_MAX), blocks: [section(md`${text}`)] };
}
