// Reply model -> Discord message data: an estimate is ONE embed plus variant buttons; help, gpus and
// models are embeds; errors and notices are plain content. Every limit in limits.ts holds by
// construction: the builder clips and drops, it never throws, and it counts the way Discord does (embedLength
// below; the tests check it against discord.js's own). Nobody is ever pinged (allowed_mentions parses nothing).
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIEmbedField,
} from 'discord.js';
import { ButtonStyle, ComponentType } from './api.ts';
import { buttonsFor, viewButtonsFor, type Button } from '../../commands/variants.ts';
import type { Reply } from '../../commands/types.ts';
import type { Fit, Report } from '../../src/report.ts';
import { chartText } from '../../src/chart-data.ts';
import { reportView, verdictGroups, type CardView, type ReportView, type Tone } from '../../src/view.ts';
import { gib, gibNumber, gibRange, tokens } from '../../src/units.ts';
import { LIMITS } from './limits.ts';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** The message part of an interaction response (type 4 or 7 `data`). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowed_mentions: { parse: [] };
  flags?: number;
}

const NO_MENTIONS = { parse: [] as [] };
const COLOR = { estimate: 0x5865f2, fits: 0x57f287, tight: 0xfee75c, no: 0xed4245, info: 0x99aab5 };

/** The chart file's name: the embed shows it with `attachment://` (the upload carries the bytes). */
export const CHART_FILE = 'vram-chart.png';

/**
 * `chart`: for an answer that asked for its chart, whether the PNG goes with the message (true), or could
 * not be drawn (false: a short apology and the chart's text instead). Left out, no chart is mentioned.
 */
export function renderReply(reply: Reply, opts: { chart?: boolean } = {}): DiscordMessage {
  switch (reply.kind) {
    case 'estimate':
      // Details are for the clicker alone and need no buttons; the compact answer carries them.
      if (reply.view === 'details')
        return { embeds: [estimateEmbed(reply.report)], components: [], allowed_mentions: NO_MENTIONS };
      return {
        embeds: [
          compactEmbed(
            reportView(reply.report),
            reply.chart && opts.chart !== undefined
              ? { drawn: opts.chart, text: chartText(reply.chart) }
              : null,
          ),
        ],
        components: buttonRows(reply.query, reply.report),
        allowed_mentions: NO_MENTIONS,
      };
    case 'error':
      return textMessage(`⚠️ ${esc(reply.message)}\nTry: \`${reply.example}\``);
    case 'help':
      return embedMessage(helpEmbed(reply));
    case 'gpus':
      return embedMessage(gpusEmbed(reply));
    case 'models':
      return embedMessage(modelsEmbed(reply));
    case 'runnable':
      return embedMessage(runnableEmbed(reply));
  }
}

/** A short plain-text message (errors, rate-limit and fault notices). */
export function textMessage(text: string): DiscordMessage {
  return {
    content: clip(text, LIMITS.content),
    embeds: [],
    components: [],
    allowed_mentions: NO_MENTIONS,
  };
}

function embedMessage(embed: APIEmbed): DiscordMessage {
  return { embeds: [embed], components: [], allowed_mentions: NO_MENTIONS };
}

// ------------------------------------------------------------------------------------------- text

/**
 * The characters Discord counts toward an embed's 6000: title, description, field names and values, footer
 * text and author name (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 */
export function embedLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
  n += e.author?.name.length ?? 0;
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** At most `max` UTF-16 units, ending in "…" when cut, never splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/**
 * Join as many whole lines as fit in `max`, then "…and N more" for the rest (plus `hidden` lines the
 * caller left out up front). A first line too long on its own is clipped, so something always shows.
 */
export function listWithin(
  lines: readonly string[],
  max: number,
  more: (n: number) => string = (n) => `…and ${n} more`,
  hidden = 0,
): string {
  const all = lines.join('\n') + tail(hidden, more);
  if (all.length <= max) return all;
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const next = out ? `${out}\n${lines[i]}` : lines[i]!;
    if (next.length + tail(lines.length - i - 1 + hidden, more).length <= max) {
      out = next;
      continue;
    }
    const rest = lines.length - i + hidden;
    // `out` was accepted with room for exactly this tail.
    if (out) return out + tail(rest, more);
    const room = max - tail(rest - 1, more).length;
    // Too little room for a clipped line and the note: the note alone says enough.
    return room >= 16 ? clip(lines[i]!, room) + tail(rest - 1, more) : clip(more(rest), max);
  }
  return clip(out ? out + tail(hidden, more) : more(hidden), max);
}

/** The "…and N more" line under a clipped list (nothing when none are left out). */
function tail(n: number, more: (n: number) => string): string {
  return n > 0 ? `\n${more(n)}` : '';
}

/** A field value that fills whatever room the embed has left with as many of `lines` as fit. */
function listing(lines: readonly string[], hidden = 0): (room: number) => string {
  return (room) => listWithin(lines, room, undefined, hidden);
}

// ---------------------------------------------------------------------------------------- builder

/** Below this many characters a field value says too little to be worth its slot. */
const MIN_FIELD_VALUE = 24;

/**
 * An embed that cannot break Discord's limits: each part is clipped to its own limit and to what is
 * left of the 6000-character total. Add parts in order of importance: when space or the 25 field
 * slots run out, later fields are dropped and a last field says how many.
 */
export class EmbedBudget {
  private readonly data: APIEmbed & { fields: APIEmbedField[] } = { fields: [] };
  private omitted = 0;

  constructor(private readonly total: number = LIMITS.embed.total) {}

  /** Characters still free for new text. */
  get free(): number {
    return this.total - embedLength(this.data);
  }

  get fieldCount(): number {
    return this.data.fields.length;
  }

  title(text: string): this {
    delete this.data.title;
    const t = clip(text.trim(), Math.min(LIMITS.embed.title, this.free));
    if (t) this.data.title = t;
    return this;
  }

  description(text: string): this {
    delete this.data.description;
    const t = clip(text.trim(), Math.min(LIMITS.embed.description, this.free));
    if (t) this.data.description = t;
    return this;
  }

  footer(text: string): this {
    delete this.data.footer;
    const t = clip(text.trim(), Math.min(LIMITS.embed.footer, this.free));
    if (t) this.data.footer = { text: t };
    return this;
  }

  color(color: number): this {
    this.data.color = color;
    return this;
  }

  /**
   * Add a field; `value` may be a function of the room it gets (to fit a list with "…and N more").
   * Returns false when it was dropped for lack of room or slots.
   */
  field(name: string, value: string | ((room: number) => string), inline = false): boolean {
    const n = clip(name.trim(), LIMITS.embed.fieldName) || '\u200b';
    const room = Math.min(LIMITS.embed.fieldValue, this.free - n.length);
    if (this.data.fields.length >= LIMITS.embed.fields || room < MIN_FIELD_VALUE) {
      this.omitted += 1;
      return false;
    }
    const raw = typeof value === 'function' ? value(room) : value;
    // Discord rejects an empty field value.
    const v = clip(raw.trim(), room) || '—';
    this.data.fields.push({ name: n, value: v, ...(inline ? { inline } : {}) });
    return true;
  }

  build(): APIEmbed {
    if (this.omitted > 0) this.noteOmitted();
    const { fields, ...rest } = this.data;
    return fields.length > 0 ? { ...rest, fields: [...fields] } : { ...rest };
  }

  /** Make room for one last field naming what was dropped: shorten the last field, or give it up. */
  private noteOmitted(): void {
    const fields = this.data.fields;
    const name = 'More';
    const note = () =>
      `…and ${this.omitted} more section${this.omitted === 1 ? '' : 's'} (Discord's message size limit)`;
    while (fields.length > 0) {
      const last = fields[fields.length - 1]!;
      const short = name.length + note().length - this.free;
      if (fields.length < LIMITS.embed.fields && short <= 0) break;
      if (fields.length < LIMITS.embed.fields && last.value.length - short >= MIN_FIELD_VALUE) {
        last.value = clip(last.value, last.value.length - short);
        break;
      }
      fields.pop();
      this.omitted += 1;
    }
    if (fields.length < LIMITS.embed.fields && this.free >= name.length + note().length)
      fields.push({ name, value: note() });
    this.omitted = 0;
  }
}

// --------------------------------------------------------------------------------------- estimate

/** One square per component in the memory bar; the field names carry the same mark as a legend. */
const MARKS: Record<string, string> = {
  weights: '🟦',
  vision: '🟦',
  adapter: '🟫',
  kv_cache: '🟩',
  state: '🟩',
  activations: '🟨',
  logits: '🟧',
  gradients: '🟥',
  optimizer: '🟪',
  overhead: '⬜',
};
const OTHER_MARK = '⬛';
const BAR_SQUARES = 20;
const VERDICT = {
  fits: '✅ Fits',
  tight: '⚠️ Tight',
  no: '❌ Does not fit',
} as const satisfies Record<Fit['verdict'], string>;

export const ESTIMATE_FOOTER =
  'Sizes in GiB (2^30 bytes). The band is what the uncertain parts could add or save. fits = even the high end fits; tight = only the central estimate does.';

/**
 * Text that may carry foreign words (a Hub repo's name, its config's model_type or quantization method, a
 * GGUF file name), escaped for Discord's markdown, masked links included.
 */
function esc(text: string): string {
  // One pass instead of discord.js's escapeMarkdown (a dozen regexes, 3x the embed's cost, and its
  // maskedLink option escapes only a string's first link): every inline markdown character gets a
  // backslash, and so do the line-start markers of quotes, headings and lists.
  return text.replace(INLINE_MARKDOWN, '\\$&').replace(LINE_MARKDOWN, '$1\\$2');
}
const INLINE_MARKDOWN = /[\\*_~`|[\]]/g;
const LINE_MARKDOWN = /^(\s*)([>#-])/gm;

const ICON: Record<Tone, string> = { fits: '✅', tight: '⚠️', no: '❌', info: '📐' };

export const COMPACT_FOOTER = 'GiB = 2^30 bytes · Details: formulas, assumptions and every GPU';

/**
 * The public answer, readable at a glance: the question, the answer (verdict first), a line per component,
 * a few cards, and the one change that matters most. Everything else is behind the Details button.
 */
export function compactEmbed(v: ReportView, chart: { drawn: boolean; text: string } | null = null): APIEmbed {
  const b = new EmbedBudget()
    .title(esc(v.question))
    .footer(COMPACT_FOOTER)
    .color(COLOR[v.tone === 'info' ? 'estimate' : v.tone]);
  const parts = v.components.map((c) => `${MARKS[c.id] ?? OTHER_MARK} ${esc(c.label)} · ${gib(c.bytes)}`);
  b.description([`${ICON[v.tone]} **${esc(v.answer)}**`, ...parts].join('\n'));
  if (v.cards.length > 0)
    b.field(
      v.cardsEach > 1 ? `GPUs (${v.cardsEach} cards each)` : 'GPUs',
      listing(v.cards.map((c) => cardLine(c))),
    );
  if (v.suggestion) b.field('💡 To make it fit', esc(v.suggestion));
  if (chart && !chart.drawn)
    b.field('📈 Sorry, no chart this time; here it is in words', (room) =>
      listWithin(chart.text.split('\n').map(esc), room),
    );
  const out = b.build();
  return chart?.drawn ? { ...out, image: { url: `attachment://${CHART_FILE}` } } : out;
}

function cardLine(c: CardView): string {
  const asked = c.asked ? ' (asked)' : '';
  return `${ICON[c.fit.verdict]} **${esc(c.fit.name)}**${asked} · ${[c.status, ...c.facts].join(' · ')}`;
}

export function estimateEmbed(r: Report): APIEmbed {
  const b = new EmbedBudget()
    .title(esc(r.title))
    .footer(ESTIMATE_FOOTER)
    .color(r.focus ? COLOR[r.focus.verdict] : COLOR.estimate);
  b.description(
    [`**${gib(r.total.bytes)}** (${gibRange(r.total.low, r.total.high)})`, esc(summaryTail(r)), bar(r)].join(
      '\n',
    ),
  );

  type Section = { name: string; value: string | ((room: number) => string) };
  const sections: Section[] = [];
  if (r.focus)
    sections.push({
      name: `🎯 On ${esc(r.focus.name)}${cardsNote(r)}`,
      value: `${VERDICT[r.focus.verdict]}: ${fitLine(r.focus, r)}`,
    });
  // The same rows every platform shows (src/view.ts).
  for (const g of verdictGroups(r)) {
    sections.push({
      name: `${VERDICT[g.verdict]}${cardsNote(r)} (${g.total} GPU${g.total === 1 ? '' : 's'})`,
      value: listing(
        g.rows.map((f) => fitLine(f, r)),
        g.total - g.rows.length,
      ),
    });
  }
  if (r.suggestions.length > 0)
    sections.push({
      name: '💡 To make it fit',
      value: listing(r.suggestions.map((t) => bullet(esc(t)))),
    });
  if (r.assumptions.length > 0)
    sections.push({ name: '📋 Assumptions', value: listing(r.assumptions.map((t) => bullet(esc(t)))) });

  // Components first (they are the answer), but they leave a slot for every other section.
  const slots = Math.max(1, LIMITS.embed.fields - sections.length);
  const own = r.components.length <= slots ? r.components : r.components.slice(0, slots - 1);
  for (const c of own)
    b.field(`${MARKS[c.id] ?? OTHER_MARK} ${esc(c.label)}: ${gib(c.bytes)}`, esc(c.detail));
  const others = r.components.slice(own.length);
  if (others.length > 0)
    b.field(`${OTHER_MARK} ${others.length} more components`, (room) =>
      listWithin(
        others.map((c) => `${esc(c.label)}: ${gib(c.bytes)}`),
        room,
      ),
    );
  for (const s of sections) b.field(s.name, s.value);
  return b.build();
}

/**
 * The summary without its opening "Needs about X (band)." sentence, which the description already
 * leads with. If the engine words it differently, the whole summary shows: nothing is lost.
 */
function summaryTail(r: Report): string {
  return r.summary.replace(/^Needs about [^(]*\([^)]*\)\.\s*/, '') || r.summary;
}

/** The memory split as 20 squares (largest remainder, so the squares always add up to 20). */
function bar(r: Report): string {
  const total = r.components.reduce((s, c) => s + Math.max(0, c.bytes), 0);
  if (total <= 0) return '';
  const exact = r.components.map((c) => (Math.max(0, c.bytes) / total) * BAR_SQUARES);
  const counts = exact.map(Math.floor);
  let left = BAR_SQUARES - counts.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return r.components.map((c, i) => (MARKS[c.id] ?? OTHER_MARK).repeat(counts[i]!)).join('');
}

function cardsNote(r: Report): string {
  const cards = r.request.gpuCount ?? 1;
  return cards > 1 ? ` (${cards} cards each)` : '';
}

/** Smallest cards that fit first; for misses, the ones a few cards would fix, then the closest. */
function fitLine(f: Fit, r: Report): string {
  const parts = [`**${esc(f.name)}** ${gibNumber(f.usableBytes)} GiB usable`];
  parts.push(f.headroomBytes >= 0 ? `+${gib(f.headroomBytes)} free` : `${gib(-f.headroomBytes)} short`);
  if (f.verdict === 'no') parts.push(f.count > 0 ? `needs ${f.count} cards` : 'no split holds it');
  else if (f.maxContext !== null)
    parts.push(`max ${r.request.mode === 'inference' ? 'ctx' : 'seq'} ${tokens(f.maxContext)}`);
  if (f.tokensPerSecond !== null && f.verdict !== 'no') parts.push(`≤${Math.round(f.tokensPerSecond)} tok/s`);
  return parts.join(' · ');
}

function bullet(text: string): string {
  return `• ${text}`;
}

/**
 * Details and Chart first (a row of their own), then the variants. custom_id is the stateless payload, so
 * any process can answer the click.
 */
export function buttonRows(query: string, r: Report): ButtonRow[] {
  const { buttonsPerRow, rows, customId, buttonLabel } = LIMITS.components;
  const row = (buttons: Button[], style: (typeof ButtonStyle)['Primary' | 'Secondary']): ButtonRow[] => {
    const out: ButtonRow[] = [];
    for (let i = 0; i < buttons.length; i += buttonsPerRow)
      out.push({
        type: ComponentType.ActionRow,
        components: buttons.slice(i, i + buttonsPerRow).map((btn) => ({
          type: ComponentType.Button,
          style,
          label: clip(btn.label, buttonLabel),
          custom_id: btn.payload,
        })),
      });
    return out;
  };
  return [
    ...row(viewButtonsFor(query, customId), ButtonStyle.Primary),
    ...row(buttonsFor(query, r.request.mode, r.request.context, customId), ButtonStyle.Secondary),
  ].slice(0, rows);
}

// ------------------------------------------------------------------------- help, gpus and models

function helpEmbed(reply: Extract<Reply, { kind: 'help' }>): APIEmbed {
  const b = new EmbedBudget().title(reply.title).color(COLOR.info);
  for (const s of reply.sections) {
    // Examples are commands to copy: code spans keep them intact.
    const lines = s.lines.map((l) => (l.startsWith('/vram') ? `\`${l}\`` : bullet(l)));
    b.field(s.title, (room) => listWithin(lines, room));
  }
  return b.build();
}

function gpusEmbed(reply: Extract<Reply, { kind: 'gpus' }>): APIEmbed {
  const b = new EmbedBudget().title(esc(reply.title)).footer(reply.note).color(COLOR.info);
  if (reply.rows.length === 0) {
    b.description('No GPU matches that filter. `/vram gpus` lists them all.');
    return b.build();
  }
  const groups = new Map<string, string[]>();
  for (const g of reply.rows) {
    const line = `\`${g.id}\` ${g.name}: ${g.memoryGiB} GB, ${g.usableGiB} usable, ${g.bandwidthGBs} GB/s`;
    groups.set(g.group, [...(groups.get(g.group) ?? []), line]);
  }
  for (const [group, lines] of groups)
    b.field(`${group} (${lines.length})`, (room) => listWithin(lines, room));
  return b.build();
}

function runnableEmbed(reply: Extract<Reply, { kind: 'runnable' }>): APIEmbed {
  const b = new EmbedBudget().title(esc(reply.title)).footer(reply.note).color(COLOR.info);
  for (const g of reply.groups)
    b.field(esc(g.name), (room) =>
      listWithin(
        g.lines.map((l) => bullet(esc(l))),
        room,
      ),
    );
  return b.build();
}

function modelsEmbed(reply: Extract<Reply, { kind: 'models' }>): APIEmbed {
  const b = new EmbedBudget().title(esc(reply.title)).footer(reply.note).color(COLOR.info);
  const lines = reply.rows.map((m) => {
    const active = m.activeB === null ? '' : ` (${m.activeB}B active)`;
    return `\`${m.id}\` ${m.paramsB}B${active}, ${tokens(m.context)} ctx${m.notes ? `, ${m.notes}` : ''}`;
  });
  b.description(
    lines.length === 0
      ? 'No model matches that filter. `/vram models` lists them all; a bare size like `7b` always works.'
      : listWithin(
          lines,
          Math.min(LIMITS.embed.description, b.free),
          (n) => `…and ${n} more: add a filter, e.g. \`/vram models qwen\``,
        ),
  );
  return b.build();
}
