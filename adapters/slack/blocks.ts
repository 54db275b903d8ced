// Block Kit builders that respect SLACK_LIMITS by construction: every text is clamped, every list is cut with
// "…and N more", nothing throws. Dynamic text enters mrkdwn only through `md`, which escapes it, and every
// mrkdwn object is `verbatim`, so a user's words can never become a mention, a channel link or a URL link.
import type { types } from '@slack/bolt';
import { SLACK_LIMITS } from './limits.ts';

export type Block = types.KnownBlock;
export type SectionBlock = types.SectionBlock;

const ELLIPSIS = '…';

/** Slack's three control characters in mrkdwn; escaping them is all Slack asks for. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack escapes &, <, > in what users type; undo it before the query parser sees the words. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * mrkdwn template: the literal parts are ours (formatting), every interpolated value is escaped.
 * `md\`*${label}* ${value}\``
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += escapeMrkdwn(String(v)) + (strings[i + 1] ?? '');
  });
  return out;
}

/**
 * Cut `text` to at most `max` characters (UTF-16 units, which is never fewer than Slack counts), ending
 * in "…". Never splits a surrogate pair or an escape entity such as `&amp;`.
 */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - ELLIPSIS.length);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + ELLIPSIS;
}

export function plainText(text: string, max: number): types.PlainTextElement {
  // Slack rejects empty text objects; a lone space keeps the block valid.
  return { type: 'plain_text', text: clamp(text, max) || ' ', emoji: true };
}

export function mrkdwnText(text: string, max: number): types.MrkdwnElement {
  return { type: 'mrkdwn', text: clamp(text, max) || ' ', verbatim: true };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plainText(text, SLACK_LIMITS.headerText) };
}

export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwnText(text, SLACK_LIMITS.sectionText) };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

/** "…and 3 more": the tail every cut list ends with. */
export function more(n: number): string {
  return `${ELLIPSIS}and ${n} more`;
}
/** Room kept at the end of a packed text for the "…and N more" line. */
const MORE_ROOM = 24;

/** Join lines with newlines within `max` characters; lines that do not fit become "…and N more". */
export function joinWithin(lines: readonly string[], max: number): string {
  const limit = max - MORE_ROOM;
  let out = '';
  let i = 0;
  for (; i < lines.length; i++) {
    const line = clamp(lines[i]!, limit);
    const next = out ? `${out}\n${line}` : line;
    if (next.length > limit) break;
    out = next;
  }
  if (i < lines.length) out = out ? `${out}\n${more(lines.length - i)}` : more(lines.length - i);
  return out;
}

/**
 * Pack mrkdwn lines into at most `maxBlocks` sections of at most 3000 characters each, the heading on top of
 * the first. Lines that do not fit are counted into a final "…and N more".
 */
export function sections(lines: readonly string[], maxBlocks: number, heading?: string): SectionBlock[] {
  if (maxBlocks <= 0 || (lines.length === 0 && !heading)) return [];
  const limit = SLACK_LIMITS.sectionText - MORE_ROOM;
  const texts: string[] = [];
  let cur = heading ? clamp(heading, limit) : '';
  let i = 0;
  for (; i < lines.length; i++) {
    const line = clamp(lines[i]!, limit);
    if (!cur) cur = line;
    else if (cur.length + 1 + line.length <= limit) cur += `\n${line}`;
    else if (texts.length + 1 < maxBlocks) {
      texts.push(cur);
      cur = line;
    } else break;
  }
  if (i < lines.length) cur += `\n${more(lines.length - i)}`;
  texts.push(cur);
  return texts.map(section);
}

/**
 * Two-column fields, 10 per section and 2000 characters each, in at most `maxBlocks` sections; fields that
 * do not fit are counted into a final "…and N more" field.
 */
export function fieldSections(fields: readonly string[], maxBlocks: number): SectionBlock[] {
  const per = SLACK_LIMITS.fieldsPerSection;
  if (maxBlocks <= 0 || fields.length === 0) return [];
  const capacity = maxBlocks * per;
  const shown =
    fields.length <= capacity
      ? [...fields]
      : [...fields.slice(0, capacity - 1), more(fields.length - capacity + 1)];
  const out: SectionBlock[] = [];
  for (let i = 0; i < shown.length; i += per) {
    out.push({
      type: 'section',
      fields: shown.slice(i, i + per).map((f) => mrkdwnText(f, SLACK_LIMITS.fieldText)),
    });
  }
  return out;
}

/**
 * A context block: small grey text. At most 10 elements; items past the tenth are joined into the last
 * element (which is itself clamped), so nothing is silently lost while room remains.
 */
export function context(items: readonly string[]): types.ContextBlock | null {
  const max = SLACK_LIMITS.contextElements;
  if (items.length === 0) return null;
  const head = items.slice(0, max - 1);
  const tail = items.slice(max - 1);
  const elements = [...head, ...(tail.length ? [tail.join('\n')] : [])];
  return {
    type: 'context',
    elements: elements.map((t) => mrkdwnText(t, SLACK_LIMITS.contextText)),
  };
}

export interface ButtonSpec {
  actionId: string;
  label: string;
  value: string;
}

/**
 * An actions block of buttons. A value over 2000 cannot be cut (it would no longer parse), so such a
 * button is left out; labels are clamped to 75; at most 25 buttons.
 */
export function actions(blockId: string, buttons: readonly ButtonSpec[]): types.ActionsBlock | null {
  const elements: types.Button[] = buttons
    .filter((b) => b.value.length <= SLACK_LIMITS.buttonValue && b.actionId.length <= SLACK_LIMITS.actionId)
    .slice(0, SLACK_LIMITS.actionsElements)
    .map((b) => ({
      type: 'button',
      action_id: b.actionId,
      text: plainText(b.label, SLACK_LIMITS.buttonText),
      value: b.value,
    }));
  if (elements.length === 0) return null;
  return { type: 'actions', block_id: clamp(blockId, SLACK_LIMITS.blockId), elements };
}

/**
 * The message's blocks: `body` then `tail` (e.g. the buttons), never more than 50 in all. If the body is too
 * long its end is replaced by one "…and N more" context block; the tail always survives.
 */
export function fitBlocks(
  body: readonly Block[],
  tail: readonly Block[] = [],
  max: number = SLACK_LIMITS.blocksPerMessage,
): Block[] {
  const keptTail = tail.slice(0, max);
  const room = max - keptTail.length;
  if (body.length <= room) return [...body, ...keptTail];
  if (room <= 0) return keptTail;
  const keep = room - 1;
  const notice: Block = {
    type: 'context',
    elements: [mrkdwnText(`${more(body.length - keep)} (Slack shows at most ${max} blocks)`, 200)],
  };
  return [...body.slice(0, keep), notice, ...keptTail];
}
