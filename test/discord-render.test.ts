// Discord rendering: every message respects every limit in limits.ts, at the boundaries and for
// any report, and nobody is ever pinged.
import { embedLength, type APIEmbed } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../adapters/discord/limits.ts';
import {
  clip,
  EmbedBudget,
  estimateEmbed,
  listWithin,
  renderReply,
  type DiscordMessage,
} from '../adapters/discord/render.ts';
import { handle, runVariant } from '../commands/index.ts';
import type { Component, Report } from '../src/report.ts';
import { gib } from '../src/units.ts';
import { reportView } from '../src/view.ts';
import { estimateReply } from './helpers.ts';

const QUERIES = [
  '13b int4 ctx=8192',
  'llama-3.1-8b q4_k_m ctx=8k',
  'can i run llama 3.1 8b on my 4090 with 8k context?',
  'deepseek-r1 q4_k_m ctx=128k',
  'qwen3-30b-a3b awq runtime=vllm ctx=32k batch=8',
  'llama-3.3-70b int4 runtime=sglang ctx=64k batch=32 private',
  '500m bf16 ctx=1',
  '5000b fp32 ctx=10m batch=12',
  'llama-3.1-70b bf16 on a 4090',
  'mixtral-8x7b nf4 on 2x3090',
  'llama-3.1-405b fp8 gpus=8 ctx=128k',
  'llama-3.1-8b q4_k_m gpu=1024xh100',
  'mistral-7b qlora rank=16',
  'llama-3.1-70b full bf16 optimizer=adamw8bit gc=on',
  'deepseek-r1 full fp32 seq=32k batch=64 on 72xb200',
  'help',
  'gpus',
  'gpus apple',
  'models',
  'models zzz',
  'llama-3.1-8b frobnicate',
  '',
];

const estimate = estimateReply;

/** A real report with the parts a test wants replaced. */
function synthetic(change: Partial<Report>): Report {
  return { ...estimate('13b int4 ctx=8192').report, ...change };
}

function components(n: number, detail: (i: number) => string): Component[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 'weights',
    label: `Part ${i + 1}`,
    bytes: 2 ** 30,
    low: 2 ** 30,
    high: 2 ** 30,
    detail: detail(i),
  })) as Component[];
}

const bare: Partial<Report> = { fits: [], focus: null, suggestions: [], assumptions: [] };

/** Every limit Discord enforces on a message, checked from outside the renderer. */
function expectWithinLimits(m: DiscordMessage): void {
  const e = LIMITS.embed;
  expect(m.allowed_mentions).toEqual({ parse: [] });
  if (m.content !== undefined) expect(m.content.length).toBeLessThanOrEqual(LIMITS.content);
  let total = 0;
  for (const embed of m.embeds) {
    total += embedLength(embed);
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(e.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(e.description);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(e.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(e.fields);
    for (const f of embed.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(e.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(e.fieldValue);
    }
  }
  expect(total).toBeLessThanOrEqual(e.total);
  expect(m.components.length).toBeLessThanOrEqual(LIMITS.components.rows);
  const ids = new Set<string>();
  for (const row of m.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.components.buttonsPerRow);
    for (const b of row.components) {
      expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.components.customId);
      expect(b.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.components.buttonLabel);
      ids.add(b.custom_id);
    }
  }
  // custom ids must be unique within a message
  expect(ids.size).toBe(m.components.reduce((n, r) => n + r.components.length, 0));
}

function field(embed: APIEmbed, startsWith: string) {
  return embed.fields?.find((f) => f.name.startsWith(startsWith));
}

/** The same estimate as its Details view (the Details button). */
function details(q: string) {
  return { ...estimate(q), view: 'details' as const };
}

describe('compact answer (the public reply)', () => {
  it('13b int4 ctx=8192: the question, the answer with the total once, a line per component, a few cards', () => {
    const reply = estimate('13b int4 ctx=8192');
    const r = reply.report;
    const v = reportView(r);
    const m = renderReply(reply);
    expectWithinLimits(m);
    const embed = m.embeds[0]!;
    expect(embed.title).toBe(r.title);
    const lines = embed.description!.split('\n');
    expect(lines[0]).toContain(gib(r.total.bytes));
    expect(lines.slice(1)).toHaveLength(r.components.length);
    r.components.forEach((c, i) => expect(lines[i + 1]).toContain(`${c.label} · ${gib(c.bytes)}`));
    // The total is said once, in the answer line.
    expect(JSON.stringify(embed).split(gib(r.total.bytes)).length - 1).toBe(1);
    const gpus = field(embed, 'GPUs')!.value.split('\n');
    expect(gpus.map((l) => /\*\*(.+?)\*\*/.exec(l)?.[1])).toEqual(v.cards.map((c) => c.fit.name));
    // About a dozen lines: no formulas, no assumptions, no long lists.
    const shown = [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])]
      .join('\n')
      .split('\n');
    expect(shown.length).toBeLessThanOrEqual(14);
    expect(field(embed, '📋 Assumptions')).toBeUndefined();
  });

  it('asked hardware: the verdict for it is the first thing read, and the change that would make it fit', () => {
    const embed = renderReply(estimate('can i run llama 3.1 70b on 2x 3090')).embeds[0]!;
    expect(embed.description).toMatch(/^❌ \*\*BF16: does not fit on 2x GeForce RTX 3090/);
    expect(field(embed, 'GPUs (2 cards each)')!.value.split('\n')[0]).toMatch(
      /GeForce RTX 3090\*\* \(asked\)/,
    );
    // The answer already names the GGUF type that fits: the tip is another way, not the same one again.
    expect(embed.description).toMatch(/Q4\\_K\\_M in llama\.cpp: fits/);
    expect(field(embed, '💡 To make it fit')?.value).toMatch(/fits 2x GeForce RTX 3090$/);
    expect(field(embed, '💡 To make it fit')?.value).not.toMatch(/q4\\_k\\_m runtime=llama/);
    const fits = renderReply(estimate('llama 3.1 8b q4_k_m on my 4090')).embeds[0]!;
    expect(fits.description).toMatch(
      /^✅ \*\*Fits on GeForce RTX 4090 with [\d.]+ GiB to spare; needs about/,
    );
    expect(field(fits, '💡 To make it fit')).toBeUndefined();
  });
});

describe('details (the Details button)', () => {
  it('leads with the total in GiB and the band, then the breakdown and the fitting GPUs', () => {
    const reply = details('13b int4 ctx=8192');
    const r = reply.report;
    const m = renderReply(reply);
    expect(m.components).toEqual([]);
    expect(m.embeds).toHaveLength(1);
    const embed = m.embeds[0]!;
    expect(embed.title).toBe(r.title);
    const low = gib(r.total.low).replace(' GiB', '');
    expect(embed.description!.startsWith(`**${gib(r.total.bytes)}** (${low}-${gib(r.total.high)})`)).toBe(
      true,
    );
    expect(embed.description).toMatch(/^\*\*\d+(\.\d+)? GiB\*\*/);
    for (const c of r.components) {
      const f = embed.fields!.find((x) => x.name.includes(c.label));
      expect(f?.name).toContain(gib(c.bytes));
      // Shown as written once Discord drops the markdown escapes (lm\_head reads lm_head).
      expect(f?.value.replace(/\\(.)/g, '$1')).toBe(c.detail);
    }
    expect(field(embed, '✅ Fits')?.value).toContain('GeForce RTX 4090');
    expect(field(embed, '✅ Fits')?.value).toMatch(/…and \d+ more$/);
    expect(field(embed, '📋 Assumptions')?.value).toContain('Llama 2 13B');
    expectWithinLimits(m);
  });

  it('shows the asked GPU with its verdict, and the suggestions', () => {
    const embed = renderReply(details('llama-3.1-70b bf16 on a 4090')).embeds[0]!;
    expect(field(embed, '🎯 On GeForce RTX 4090')?.value).toMatch(/^❌ Does not fit: .* short/);
    expect(field(embed, '💡 To make it fit')?.value).toMatch(/^• /);
  });

  it('lists the closest misses first: the ones a few cards would fix', () => {
    const embed = renderReply(details('llama-3.1-70b full on 4090 batch=4')).embeds[0]!;
    const lines = field(embed, '❌ Does not fit')!.value.split('\n');
    const cards = lines.map((l) => Number(/needs (\d+) cards/.exec(l)?.[1] ?? Infinity));
    expect(cards[0]).toBeLessThan(Infinity);
    expect([...cards].sort((a, b) => a - b)).toEqual(cards);
  });

  it('keeps a 1024-character component detail whole and clips 1025 with an ellipsis', () => {
    for (const [n, whole] of [
      [1024, true],
      [1025, false],
    ] as const) {
      const detail = 'x'.repeat(n - 1) + 'y';
      const embed = estimateEmbed(synthetic({ ...bare, components: components(1, () => detail) }));
      const value = embed.fields![0]!.value;
      expect(value.length).toBe(LIMITS.embed.fieldValue);
      if (whole) expect(value).toBe(detail);
      else expect(value).toBe(`${'x'.repeat(1023)}…`);
    }
  });

  it('keeps a 256-character title and clips 257', () => {
    const t256 = 'T'.repeat(256);
    expect(estimateEmbed(synthetic({ title: t256 })).title).toBe(t256);
    const t257 = estimateEmbed(synthetic({ title: 'T'.repeat(257) })).title!;
    expect(t257).toHaveLength(256);
    expect(t257.endsWith('…')).toBe(true);
  });

  it('shows 25 components as 25 fields, and folds the 26th into the last slot', () => {
    const at25 = estimateEmbed(synthetic({ ...bare, components: components(25, (i) => `d${i}`) }));
    expect(at25.fields).toHaveLength(25);
    expect(at25.fields![24]!.name).toContain('Part 25');

    const at26 = estimateEmbed(synthetic({ ...bare, components: components(26, (i) => `d${i}`) }));
    expect(at26.fields).toHaveLength(25);
    expect(at26.fields![23]!.name).toContain('Part 24');
    expect(at26.fields![24]!.name).toContain('2 more components');
    expect(at26.fields![24]!.value).toContain('Part 26: 1.00 GiB');
  });

  it('stays within 6000 characters in total when every part is at its own maximum', () => {
    const embed = estimateEmbed(
      synthetic({
        title: 'T'.repeat(400),
        summary: 'S'.repeat(5000),
        components: components(30, () => 'd'.repeat(2000)),
        assumptions: Array.from({ length: 40 }, (_, i) => `assumption ${i} `.repeat(20)),
        suggestions: Array.from({ length: 10 }, () => 'try this '.repeat(50)),
      }),
    );
    const length = embedLength(embed);
    expect(length).toBeLessThanOrEqual(LIMITS.embed.total);
    expect(length).toBeGreaterThan(LIMITS.embed.total - 200);
    expect(embed.fields!.at(-1)!.value).toMatch(/^…and \d+ more sections/);
    expectWithinLimits({ embeds: [embed], components: [], allowed_mentions: { parse: [] } });
  });

  it('respects every limit for any report (property)', () => {
    const text = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' });
    fc.assert(
      fc.property(
        text(400),
        text(600),
        fc.array(fc.tuple(text(40), text(1500)), { maxLength: 40 }),
        fc.array(text(500), { maxLength: 30 }),
        fc.array(text(300), { maxLength: 10 }),
        (title, summary, parts, assumptions, suggestions) => {
          const embed = estimateEmbed(
            synthetic({
              title,
              summary,
              assumptions,
              suggestions,
              components: parts.map(([label, detail], i) => ({
                ...components(1, () => detail)[0]!,
                label,
                id: i % 2 ? 'kv_cache' : 'weights',
              })),
            }),
          );
          expectWithinLimits({ embeds: [embed], components: [], allowed_mentions: { parse: [] } });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('every reply kind', () => {
  it.each([
    'what can i run on a 3090',
    'what can we fine-tune on 8x h100 top 50',
    'what can i run on a 1gb gpu with 1m context',
    'coding models on my m4 max 128gb top 50',
  ])('the hardware-first list %j renders within every limit', (q) => {
    const reply = handle({ text: q });
    expect(reply.kind).toBe('runnable');
    expectWithinLimits(renderReply(reply));
  });

  it.each(QUERIES)('%j renders within every limit, pinging nobody', (q) => {
    const m = renderReply(handle({ text: q }));
    expectWithinLimits(m);
    expect(m.embeds.length + (m.content ? 1 : 0)).toBeGreaterThan(0);
  });

  it('renders errors as the message plus a valid example, markdown escaped', () => {
    const m = renderReply({
      kind: 'error',
      message: 'unknown word "**x**" @everyone',
      example: '/vram 7b',
      ephemeral: true,
    });
    expect(m.content).toBe('⚠️ unknown word "\\*\\*x\\*\\*" @everyone\nTry: `/vram 7b`');
    expect(m.allowed_mentions.parse).toEqual([]);
    const example = /`\/vram ([^`]+)`/.exec(renderReply(handle({ text: '7b frobnicate' })).content!)![1]!;
    expect(handle({ text: example }).kind).toBe('estimate');
  });

  it('shows help sections as fields and a long catalog with "…and N more"', () => {
    const help = renderReply(handle({ text: 'help' })).embeds[0]!;
    expect(help.fields!.map((f) => f.name)).toEqual(['Usage', 'Examples', 'Words', 'Reading the answer']);
    const many = renderReply({
      kind: 'models',
      title: 'Models',
      note: 'n',
      ephemeral: true,
      rows: Array.from({ length: 400 }, (_, i) => ({
        id: `m${i}`,
        name: `M${i}`,
        paramsB: 7,
        activeB: null,
        context: 4096,
        notes: 'GQA 32/8',
      })),
    }).embeds[0]!;
    expect(many.description).toMatch(/…and \d+ more: add a filter/);
    expect(embedLength(many)).toBeLessThanOrEqual(LIMITS.embed.total);
  });
});

describe('buttons', () => {
  it('offers the other modes and context changes, each id a replayable payload of <= 100 chars', () => {
    const reply = estimate('13b int4 ctx=8192');
    const buttons = renderReply(reply).components.flatMap((r) => r.components);
    expect(buttons.map((b) => b.label)).toEqual([
      'Details',
      'Chart',
      'LoRA',
      'QLoRA',
      'Full fine-tune',
      '½ context',
      '2× context',
    ]);
    for (const b of buttons) expect(runVariant(b.custom_id).kind).toBe('estimate');
    expect(runVariant(buttons[0]!.custom_id)).toMatchObject({ view: 'details', ephemeral: true });
    expect(runVariant(buttons[1]!.custom_id)).toMatchObject({
      chart: { kind: 'memory-vs-context' },
      ephemeral: true,
    });
  });

  it('drops a button whose payload would pass 100 characters rather than cut it', () => {
    const long =
      'llama-3.1-8b q4_k_m ctx=8k runtime=llama.cpp kv=q8_0 fa=on batch=2 gpu=rtx-4090 gpus=2 private';
    const m = renderReply(estimate(long));
    expectWithinLimits(m);
    const ids = m.components.flatMap((r) => r.components.map((b) => b.custom_id));
    expect(ids.length).toBeLessThan(7);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
  });
});

describe('the budget builder', () => {
  it('takes 25 fields, and names what did not fit after that', () => {
    const at25 = new EmbedBudget();
    for (let i = 0; i < 25; i++) at25.field(`f${i}`, 'v');
    expect(at25.build().fields).toHaveLength(25);

    const at26 = new EmbedBudget();
    for (let i = 0; i < 26; i++) at26.field(`f${i}`, 'v');
    const fields = at26.build().fields!;
    expect(fields).toHaveLength(25);
    expect(fields[24]).toEqual({
      name: 'More',
      value: "…and 2 more sections (Discord's message size limit)",
    });
  });

  it('clips the description at 4096 and the footer at 2048', () => {
    const e = new EmbedBudget().footer('f'.repeat(3000)).description('d'.repeat(5000)).build();
    expect(e.footer!.text).toHaveLength(2048);
    expect(e.description).toHaveLength(6000 - 2048);
    expect(embedLength(e)).toBe(6000);
  });

  it('never throws and never builds an empty field', () => {
    const e = new EmbedBudget().title('').description('   ');
    expect(e.field('', '')).toBe(true);
    expect(e.build()).toEqual({ fields: [{ name: '\u200b', value: '—' }] });
  });
});

describe('text helpers', () => {
  it('clip never splits a surrogate pair', () => {
    expect(clip('ab🟦cd', 4)).toBe('ab…');
    expect(clip('abc', 3)).toBe('abc');
  });

  it('listWithin keeps whole lines and counts the rest', () => {
    const lines = ['a'.repeat(8), 'b'.repeat(8), 'c'.repeat(8)];
    expect(listWithin(lines, 26)).toBe(lines.join('\n'));
    expect(listWithin(lines, 25)).toBe(`${lines[0]}\n…and 2 more`);
    expect(listWithin(lines, 19)).toBe('…and 3 more');
    expect(listWithin(lines, 60, undefined, 4)).toBe(`${lines.join('\n')}\n…and 4 more`);
    expect(listWithin(['x'.repeat(50)], 30).length).toBeLessThanOrEqual(30);
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 300 }),
        (ls, max) => {
          expect(listWithin(ls, max).length).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});
