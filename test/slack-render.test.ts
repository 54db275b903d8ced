// Slack rendering: every Block Kit limit holds at its boundary, for real and for absurd reports; the text
// fallback is always there; nothing a user typed can mention, link or break out of its text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actions,
  clamp,
  context,
  escapeMrkdwn,
  fieldSections,
  fitBlocks,
  header,
  md,
  section,
  sections,
  type Block,
} from '../adapters/slack/blocks.ts';
import { SLACK_LIMITS } from '../adapters/slack/limits.ts';
import { headline, renderReply, VARIANT_ACTION_PREFIX, type SlackMessage } from '../adapters/slack/render.ts';
import { handle } from '../commands/index.ts';
import { vram } from '../commands/vram.ts';
import { GPUS } from '../src/catalog/gpus.ts';
import type { Report } from '../src/report.ts';
import { estimateReply } from './helpers.ts';
import { gib } from '../src/units.ts';
import { reportView } from '../src/view.ts';

/** The same estimate as its Details view (the Details button). */
function details(q: string) {
  return { ...estimateReply(q), view: 'details' as const };
}

const L = SLACK_LIMITS;

const QUERIES = [
  '13b int4 ctx=8192',
  'llama-3.1-8b q4_k_m ctx=8k',
  'can i run llama 3.1 8b on my 4090 with 8k context?',
  'deepseek-r1 q4_k_m ctx=128k',
  'qwen3-30b-a3b awq runtime=vllm ctx=32k batch=8',
  'llama-3.1-70b bf16 on a 4090',
  'mixtral-8x7b nf4 on 2x3090',
  'llama-3.1-405b fp8 gpus=8 ctx=128k',
  'mistral-7b qlora rank=16',
  'llama-3.1-70b full bf16 optimizer=adamw8bit gc=on',
  '5000b fp32 ctx=10m batch=12',
  '500m bf16 ctx=1',
  'llama-3.3-70b int4 runtime=sglang ctx=64k batch=32 private',
];

const estimate = estimateReply;

interface TextObj {
  type: string;
  text: string;
  verbatim?: boolean;
}

/** Every text object in the blocks, with the limit that applies to it. */
function texts(blocks: readonly Block[]): { obj: TextObj; max: number; where: string }[] {
  const out: { obj: TextObj; max: number; where: string }[] = [];
  for (const b of blocks as unknown as Record<string, unknown>[]) {
    if (b.type === 'header') out.push({ obj: b.text as TextObj, max: L.headerText, where: 'header' });
    if (b.type === 'section') {
      if (b.text) out.push({ obj: b.text as TextObj, max: L.sectionText, where: 'section' });
      for (const f of (b.fields as TextObj[] | undefined) ?? [])
        out.push({ obj: f, max: L.fieldText, where: 'field' });
    }
    if (b.type === 'context')
      for (const e of b.elements as TextObj[]) out.push({ obj: e, max: L.contextText, where: 'context' });
    if (b.type === 'actions')
      for (const e of b.elements as { text: TextObj }[])
        out.push({ obj: e.text, max: L.buttonText, where: 'button' });
  }
  return out;
}

/** All the limits at once: what Slack would reject. */
function expectWithinLimits(msg: SlackMessage): void {
  expect(msg.text.length).toBeGreaterThan(0);
  expect(msg.text.length).toBeLessThanOrEqual(L.messageText);
  expect(msg.blocks.length).toBeGreaterThan(0);
  expect(msg.blocks.length).toBeLessThanOrEqual(L.blocksPerMessage);
  for (const b of msg.blocks as unknown as Record<string, unknown>[]) {
    if (b.type === 'section' && b.fields)
      expect((b.fields as unknown[]).length).toBeLessThanOrEqual(L.fieldsPerSection);
    if (b.type === 'context') expect((b.elements as unknown[]).length).toBeLessThanOrEqual(L.contextElements);
    if (b.type === 'actions') {
      const els = b.elements as { value: string; action_id: string }[];
      expect(els.length).toBeLessThanOrEqual(L.actionsElements);
      for (const e of els) {
        expect(e.value.length).toBeLessThanOrEqual(L.buttonValue);
        expect(e.action_id.length).toBeLessThanOrEqual(L.actionId);
      }
    }
  }
  for (const { obj, max, where } of texts(msg.blocks)) {
    expect(obj.text.length, where).toBeGreaterThan(0);
    expect(obj.text.length, where).toBeLessThanOrEqual(max);
  }
}

/** No raw <, > and no & outside an entity in anything Slack parses as mrkdwn (blocks and the fallback). */
function expectEscaped(msg: SlackMessage): void {
  const parsed = [
    msg.text,
    ...texts(msg.blocks)
      .filter((t) => t.obj.type === 'mrkdwn')
      .map((t) => t.obj.text),
  ];
  for (const t of parsed) {
    expect(t).not.toMatch(/[<>]/);
    expect(t.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
  }
  // verbatim: Slack does not auto-link URLs, #channels or @mentions in our text.
  for (const { obj } of texts(msg.blocks)) if (obj.type === 'mrkdwn') expect(obj.verbatim).toBe(true);
}

const HOSTILE = '<!channel> <!here> <@U0123ABC> <https://evil.example|click> & @everyone';

/** A real report made absurd in every list and every string. */
function absurd(base: Report, scale: number): Report {
  const long = (s: string, n: number) => (s + ' ').repeat(Math.ceil(n / (s.length + 1))).slice(0, n);
  return {
    ...base,
    model: { ...base.model, name: long(`${HOSTILE} model`, 400 * scale) },
    title: long(HOSTILE, 5000 * scale),
    summary: long(`${HOSTILE} summary`, 6000 * scale),
    components: Array.from({ length: 60 * scale }, (_, i) => ({
      ...base.components[i % base.components.length]!,
      label: long(`${HOSTILE} label ${i}`, 300),
      detail: long(`${HOSTILE} detail ${i}`, 2900),
    })),
    fits: Array.from({ length: 300 * scale }, (_, i) => ({
      ...base.fits[0]!,
      name: long(`${HOSTILE} GPU ${i}`, 500),
      verdict: (['fits', 'tight', 'no'] as const)[i % 3]!,
    })),
    focus: { ...base.fits[0]!, name: long(`${HOSTILE} focus`, 4000) },
    assumptions: Array.from({ length: 40 * scale }, (_, i) => long(`${HOSTILE} assumption ${i}`, 1500)),
    suggestions: Array.from({ length: 40 * scale }, (_, i) => long(`${HOSTILE} suggestion ${i}`, 1500)),
  };
}

describe('Block Kit builders at the limits', () => {
  it('header: 150 characters pass, 151 are cut to 150', () => {
    const at = 'h'.repeat(150);
    expect(header(at).text.text).toBe(at);
    const over = header('h'.repeat(151)).text.text;
    expect(over).toHaveLength(150);
    expect(over.endsWith('…')).toBe(true);
  });

  it('section text: 3000 pass, 3001 are cut to 3000', () => {
    const at = 's'.repeat(3000);
    expect(section(at).text?.text).toBe(at);
    const over = section('s'.repeat(3001)).text!.text;
    expect(over).toHaveLength(3000);
    expect(over.endsWith('…')).toBe(true);
  });

  it('fields: 10 in one section, the 11th starts a second; each field holds 2000', () => {
    const ten = fieldSections(
      Array.from({ length: 10 }, (_, i) => `f${i}`),
      5,
    );
    expect(ten).toHaveLength(1);
    expect(ten[0]!.fields).toHaveLength(10);
    const eleven = fieldSections(
      Array.from({ length: 11 }, (_, i) => `f${i}`),
      5,
    );
    expect(eleven.map((s) => s.fields!.length)).toEqual([10, 1]);
    // Out of blocks: the last field counts what was left out.
    const cut = fieldSections(
      Array.from({ length: 11 }, (_, i) => `f${i}`),
      1,
    );
    expect(cut).toHaveLength(1);
    expect(cut[0]!.fields).toHaveLength(10);
    expect(cut[0]!.fields![9]!.text).toBe('…and 2 more');
    expect(fieldSections(['x'.repeat(2000)], 1)[0]!.fields![0]!.text).toHaveLength(2000);
    const long = fieldSections(['x'.repeat(2001)], 1)[0]!.fields![0]!.text;
    expect(long).toHaveLength(2000);
    expect(long.endsWith('…')).toBe(true);
  });

  it('blocks: 50 pass, 51 become 49 and one "…and 2 more"; the buttons always stay last', () => {
    const n = (k: number) => Array.from({ length: k }, (_, i) => section(`b${i}`));
    expect(fitBlocks(n(50))).toHaveLength(50);
    const over = fitBlocks(n(51));
    expect(over).toHaveLength(50);
    expect(JSON.stringify(over[49])).toContain('…and 2 more');
    const tail = actions('t', [{ actionId: 'a', label: 'A', value: 'v' }])!;
    const withTail = fitBlocks(n(49), [tail]);
    expect(withTail).toHaveLength(50);
    expect(withTail[49]).toBe(tail);
    const overWithTail = fitBlocks(n(50), [tail]);
    expect(overWithTail).toHaveLength(50);
    expect(overWithTail[49]).toBe(tail);
    expect(JSON.stringify(overWithTail[48])).toContain('…and 2 more');
  });

  it('context: 10 elements; an 11th item joins the tenth', () => {
    const ten = context(Array.from({ length: 10 }, (_, i) => `c${i}`))!;
    expect(ten.elements).toHaveLength(10);
    const eleven = context(Array.from({ length: 11 }, (_, i) => `c${i}`))!;
    expect(eleven.elements).toHaveLength(10);
    expect((eleven.elements[9] as { text: string }).text).toBe('c9\nc10');
    expect(context([])).toBeNull();
  });

  it('buttons: label 75 passes, 76 is cut; a value of 2000 passes, 2001 drops the button', () => {
    const b = (label: string, value: string) => actions('b', [{ actionId: 'a', label, value }]);
    expect(b('l'.repeat(75), 'v')!.elements[0]).toMatchObject({ text: { text: 'l'.repeat(75) } });
    const cut = (b('l'.repeat(76), 'v')!.elements[0] as { text: { text: string } }).text.text;
    expect(cut).toHaveLength(75);
    expect(b('l', 'v'.repeat(2000))!.elements[0]).toMatchObject({ value: 'v'.repeat(2000) });
    expect(b('l', 'v'.repeat(2001))).toBeNull();
  });

  it('sections: lines pack into 3000-character sections and end in "…and N more" when out of blocks', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(500, '.'));
    const two = sections(lines, 2, '*Heading*');
    expect(two).toHaveLength(2);
    for (const s of two) expect(s.text!.text.length).toBeLessThanOrEqual(3000);
    expect(two[1]!.text!.text).toMatch(/…and \d+ more$/);
    expect(sections(lines, 0)).toEqual([]);
    expect(sections(['one'], 3)).toHaveLength(1);
  });

  it('clamp never splits an escape entity or a surrogate pair', () => {
    expect(clamp(escapeMrkdwn('aaaa&'), 6)).toBe('aaaa…');
    expect(clamp('aaaa😀😀', 6)).toBe('aaaa…');
    expect(clamp('short', 10)).toBe('short');
  });

  it('md escapes what it interpolates and nothing else', () => {
    expect(md`*${'<!channel> & co'}*`).toBe('*&lt;!channel&gt; &amp; co*');
  });
});

describe('renderReply: estimates', () => {
  it('the change that makes it fit is a line of the answer, not the small print', () => {
    const msg = renderReply(estimate('can i run qwen3 32b on my 4090'));
    const blocks = msg.blocks as { type: string; text?: { text: string } }[];
    const tip = blocks.find((b) => b.text?.text.includes('To make it fit'));
    expect(tip?.type).toBe('section');
    expect(JSON.stringify(blocks.filter((b) => b.type === 'context'))).not.toContain('To make it fit');
  });
  it('13b int4 ctx=8192 (compact): the question and answer, the total once, a line per component, a few cards, buttons', () => {
    const reply = estimate('13b int4 ctx=8192');
    const msg = renderReply(reply);
    const r = reply.report;
    const v = reportView(r);
    const [head, parts, gpus] = msg.blocks as { type: string; text: { text: string } }[];
    expect(head!.text.text).toBe(`*${escapeMrkdwn(r.title)}*\n:straight_ruler: *${escapeMrkdwn(v.answer)}*`);
    expect(parts!.text.text.split('\n')).toEqual(
      r.components.map((c) => `${escapeMrkdwn(c.label)}: *${gib(c.bytes)}*`),
    );
    const names = gpus!.text.text
      .split('\n')
      .slice(1)
      .map((l) => /\*(.+?)\*/.exec(l)?.[1]);
    expect(names).toEqual(v.cards.map((c) => escapeMrkdwn(c.fit.name)));
    const all = JSON.stringify(msg.blocks);
    expect(all.split(gib(r.total.bytes)).length - 1).toBe(1);
    expect(all).not.toContain('Assumptions');
    // About a dozen lines of text before the buttons.
    const lines = texts(msg.blocks.filter((b) => b.type !== 'actions')).flatMap((t) =>
      t.obj.text.split('\n'),
    );
    expect(lines.length).toBeLessThanOrEqual(14);
    const buttons = msg.blocks.at(-1) as { type: string; elements: { action_id: string; value: string }[] };
    expect(buttons.type).toBe('actions');
    expect(buttons.elements.map((e) => e.action_id)).toEqual(
      ['details', 'chart', 'lora', 'qlora', 'full', 'half', 'double'].map(
        (v) => `${VARIANT_ACTION_PREFIX}${v}`,
      ),
    );
    for (const e of buttons.elements) expect(e.value).toMatch(/^v1:[a-z]+:13b int4 ctx=8192$/);
    expect(msg.text).toContain(v.answer.slice(0, 30));
    expectWithinLimits(msg);
    expectEscaped(msg);
  });

  it('13b int4 ctx=8192 (details): header with total and band, breakdown with formulas, GPUs by verdict, notes', () => {
    const reply = details('13b int4 ctx=8192');
    const msg = renderReply(reply);
    const r = reply.report;
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: headline(r) } });
    expect(headline(r)).toMatch(/^13B \(Llama-style\): \d+\.\d GiB \(\d+\.\d-\d+\.\d GiB\)$/);
    const all = JSON.stringify(msg.blocks);
    for (const c of r.components) {
      expect(all).toContain(c.label);
      expect(all).toContain(escapeMrkdwn(c.detail).slice(0, 40));
    }
    expect(all).toContain('Fits');
    expect(all).toContain('GeForce RTX 4090');
    expect(all).toMatch(/tok\/s/);
    expect(all).toContain('Assumptions:');
    expect(msg.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(msg.text).toContain(headline(r));
    expectWithinLimits(msg);
    expectEscaped(msg);
  });

  it.each([
    'what can i run on a 3090',
    'what can we fine-tune on 8x h100 top 50',
    'what can i run on a 1gb gpu with 1m context',
    'coding models on my m4 max 128gb top 50',
  ])('the hardware-first list %s stays within every limit, escaped', (q) => {
    const reply = handle({ text: q });
    expect(reply.kind).toBe('runnable');
    const msg = renderReply(reply);
    expectWithinLimits(msg);
    expectEscaped(msg);
  });

  it.each(
    QUERIES.flatMap((q) => [
      [q, 'compact'],
      [q, 'details'],
    ]),
  )('%s (%s) stays within every limit, escaped, in GiB', (q, how) => {
    const msg = renderReply(how === 'details' ? details(q) : estimate(q));
    expectWithinLimits(msg);
    expectEscaped(msg);
    // Sizes are GiB; the only "GB" left are marketed card names ("RTX 5060 Ti 16 GB") and bandwidths.
    let shown = [msg.text, ...texts(msg.blocks).map((t) => t.obj.text)].join('\n');
    // Longest names first: "Jetson Thor" is a prefix of "Jetson Thor T4000 64GB".
    for (const g of [...GPUS].sort((a, b) => b.name.length - a.name.length))
      shown = shown.split(escapeMrkdwn(g.name)).join('');
    expect(shown).not.toMatch(/\d\s*(GB|MB|TB|MiB|KiB)\b/);
    expect(shown).toMatch(/\d GiB/);
  });

  it('absurd reports (hundreds of components and GPUs, huge strings, hostile text) still fit and stay escaped', () => {
    const base = details('llama-3.1-70b bf16 on a 4090');
    for (const scale of [1, 3]) {
      const compact = renderReply({ ...base, view: undefined, report: absurd(base.report, scale) });
      expectWithinLimits(compact);
      expectEscaped(compact);
      const msg = renderReply({ ...base, report: absurd(base.report, scale) });
      expectWithinLimits(msg);
      expectEscaped(msg);
      expect(JSON.stringify(msg).includes('more')).toBe(true);
      // The header is plain_text, which Slack never parses for mentions or links; everything else is checked
      // by expectEscaped.
      expect((msg.blocks[0] as { text: { type: string } }).text.type).toBe('plain_text');
    }
  });

  it('the header holds exactly 150 characters and cuts the 151st', () => {
    const base = details('13b int4 ctx=8192');
    const rest = headline(base.report).length - base.report.model.name.length;
    const named = (n: number) => ({
      ...base,
      report: { ...base.report, model: { ...base.report.model, name: 'M'.repeat(n) } },
    });
    const at = renderReply(named(150 - rest)).blocks[0] as { text: { text: string } };
    expect(at.text.text).toHaveLength(150);
    expect(at.text.text.endsWith('GiB)')).toBe(true);
    const over = renderReply(named(151 - rest)).blocks[0] as { text: { text: string } };
    expect(over.text.text).toHaveLength(150);
    expect(over.text.text.endsWith('…')).toBe(true);
  });

  it('a query too long for a button value leaves the buttons out rather than cutting them', () => {
    const base = estimate('13b int4 ctx=8192');
    const msg = renderReply({ ...base, query: 'x'.repeat(2000) });
    expect(msg.blocks.some((b) => b.type === 'actions')).toBe(false);
    expectWithinLimits(msg);
  });

  it('property: any mix of query words renders within the limits', () => {
    const word = fc.constantFrom(
      'llama-3.1-8b', '13b', 'mixtral-8x7b', 'qwen3-30b-a3b', 'deepseek-r1', '70b',
      'int4', 'q4_k_m', 'awq', 'fp8', 'bf16', 'nf4', 'ctx=8k', 'ctx=128k', 'batch=16',
      'runtime=vllm', 'runtime=llama.cpp', 'lora', 'qlora', 'full', 'on a 4090', 'gpus=4', 'private', 'zzz',
    ); // prettier-ignore
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const msg = renderReply(handle({ text: words.join(' ') }));
        expectWithinLimits(msg);
        expectEscaped(msg);
      }),
      { numRuns: 150 },
    );
  });

  it('property: arbitrary text in every string of a report never escapes its text object', () => {
    const base = estimate('mixtral-8x7b nf4 on 2x3090');
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 4000 }), (s, big) => {
        const report: Report = {
          ...base.report,
          model: { ...base.report.model, name: s },
          summary: big,
          components: base.report.components.map((c) => ({ ...c, label: s, detail: big })),
          assumptions: [s, big],
          suggestions: [big],
        };
        for (const view of [undefined, 'details' as const]) {
          const msg = renderReply({ ...base, view, report });
          expectWithinLimits(msg);
          expectEscaped(msg);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('renderReply: help, errors, lists', () => {
  it('help is usage with examples, from the /vram declaration', () => {
    const reply = handle({ text: 'help' });
    expect(reply.ephemeral).toBe(true);
    const msg = renderReply(reply);
    const all = JSON.stringify(msg.blocks);
    expect(all).toContain(JSON.stringify(escapeMrkdwn(vram.usage)).slice(1, -1));
    for (const e of vram.examples)
      expect(all).toContain(JSON.stringify(escapeMrkdwn(`/vram ${e}`)).slice(1, -1));
    expect(msg.text).toContain('Usage:');
    expectWithinLimits(msg);
    expectEscaped(msg);
  });

  it('errors name the problem and an example, escaped, even when the user typed markup', () => {
    const reply = handle({ text: `llama-3.1-8b ${HOSTILE}` });
    expect(reply.kind).toBe('error');
    const msg = renderReply(reply);
    expect(msg.text).toMatch(/^error: /);
    expect(JSON.stringify(msg.blocks)).toContain('Example:');
    expectWithinLimits(msg);
    expectEscaped(msg);
  });

  it('gpus and models render within the limits', () => {
    for (const q of ['gpus', 'models', 'gpus apple', 'models qwen', 'gpus nothing-matches']) {
      const msg = renderReply(handle({ text: q }));
      expectWithinLimits(msg);
      expectEscaped(msg);
    }
    const gpus = JSON.stringify(renderReply(handle({ text: 'gpus' })).blocks);
    expect(gpus).toContain('GeForce RTX 4090');
    expect(gpus).toMatch(/24 GiB/);
  });
});
