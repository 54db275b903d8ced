// Terminal rendering: every reply fits in WIDTH columns and carries the sections a reader looks for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderText, WIDTH } from '../adapters/console/render.ts';
import { handle } from '../commands/index.ts';
import type { Reply } from '../commands/types.ts';
import type { Fit } from '../src/fit.ts';
import { displayOrder, firstK, type Report } from '../src/report.ts';
import { renderReply as renderDiscord } from '../adapters/discord/render.ts';
import { verdictGroups } from '../src/view.ts';
import { gib, gibRange } from '../src/units.ts';

const QUERIES = [
  // inference, several runtimes and formats
  'llama-2-13b int4 ctx=8192',
  'llama-3.1-8b q4_k_m ctx=8k',
  'can i run llama 3.1 8b on my 4090 with 8k context?',
  'deepseek-r1 q4_k_m ctx=128k',
  'deepseek-r1-distill-qwen-32b awq runtime=vllm ctx=32k batch=8',
  'qwen3-30b-a3b awq runtime=vllm ctx=32k batch=8',
  'gemma-2-27b fp8 runtime=vllm kv=fp8 ctx=8k',
  'phi-3-mini q8_0 runtime=ollama kv=q8_0',
  'deepseek-v3 q2_k ctx=32k',
  'falcon-40b gptq runtime=vllm',
  'llama-3.3-70b int4 runtime=sglang ctx=64k batch=32 private',
  '500m bf16 ctx=1',
  '1.5b int8 batch=64',
  '5000b fp32 ctx=10m batch=12',
  // hardware focus, several cards, suggestions
  'llama-3.1-70b bf16 on a 4090',
  'mixtral-8x7b nf4 on 2x3090',
  'qwen2.5-72b exl2=4.5 ctx=32k on 2x3090',
  'gpt-oss-120b mxfp4 on h100',
  'gpt-oss-20b runtime=mlx on my m2 ultra 192gb',
  'llama-3.1-405b fp8 gpus=8 ctx=128k',
  'llama-4-maverick fp8 gpu=8xh100',
  'llama-3.1-8b q4_k_m gpu=1024xh100',
  'command-r q4_k_m ctx=128k fa=off on a 4090',
  'codellama-34b q3_k_m runtime=llama.cpp on a 3060',
  'qwen3-235b-a22b q4_k_m on a100-80gb',
  // training
  'mistral-7b qlora rank=16',
  'llama-3.1-8b lora rank=64 targets=all seq=4096 batch=4',
  'mistral-nemo-12b lora on 4090 seq=8k batch=8',
  'llama-3.1-70b full bf16 optimizer=adamw8bit gc=on',
  '7b full mixed seq=2048 batch=8 accum=4',
  'llama-3.1-8b fp32 full gc=off seq=8192 batch=16',
  'deepseek-r1 full fp32 seq=32k batch=64 on 72xb200',
];

function reportOf(q: string): Report {
  const reply = handle({ text: q });
  if (reply.kind !== 'estimate')
    throw new Error(`${q}: ${reply.kind === 'error' ? reply.message : reply.kind}`);
  return reply.report;
}

function expectWithinWidth(text: string): void {
  for (const line of text.split('\n')) expect(line.length, JSON.stringify(line)).toBeLessThanOrEqual(WIDTH);
}

/** Lines that follow `header` up to the next blank line. */
function section(lines: string[], header: string): string[] {
  const start = lines.indexOf(header);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('one way to write a band', () => {
  it('gives the unit once, whatever the digits of each end', () => {
    expect(gibRange(13.3 * 2 ** 30, 16.3 * 2 ** 30)).toBe('13.3-16.3 GiB');
    expect(gibRange(9.8 * 2 ** 30, 10.3 * 2 ** 30)).toBe('9.80-10.3 GiB');
  });

  it.each(['mistral-7b qlora rank=16', '13b int4 ctx=8192', 'llama 3.1 405b'])(
    '%s: the summary and the compact answer write the band alike',
    (q) => {
      const r = handle({ text: q });
      if (r.kind !== 'estimate') throw new Error(r.kind);
      const band = gibRange(r.report.total.low, r.report.total.high);
      expect(r.report.summary).toContain(`(${band})`);
      expect(JSON.stringify(renderDiscord(r))).toContain(`(${band})`);
      expect(r.report.summary).not.toMatch(/GiB-\d/);
    },
  );
});

describe('renderText on estimates', () => {
  it('WIDTH is 100 columns', () => {
    expect(WIDTH).toBe(100);
  });

  it('covers inference, every training mode, focus, multi-card and suggestions', () => {
    const reports = QUERIES.map(reportOf);
    const modes = new Set(reports.map((r) => r.request.mode));
    expect([...modes].sort()).toEqual(['full', 'inference', 'lora', 'qlora']);
    expect(reports.filter((r) => r.focus !== null).length).toBeGreaterThanOrEqual(5);
    expect(reports.filter((r) => (r.request.gpuCount ?? 1) > 1).length).toBeGreaterThanOrEqual(3);
    expect(reports.filter((r) => r.suggestions.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it.each(QUERIES)('%s', (q) => {
    const r = reportOf(q);
    const text = renderText({ kind: 'estimate', report: r, query: q, ephemeral: false });
    const lines = text.split('\n');
    expectWithinWidth(text);

    // title first, then the summary
    expect(lines[0]).toBe(r.title.length <= WIDTH ? r.title : `${r.title.slice(0, WIDTH - 1)}…`);
    expect(text).toContain('Needs about');

    // the bar: 60 marks, then the total in GiB; the legend on the next line
    const barAt = lines.findIndex((l) => /^\[[#ak=lgo.*]{60}\] /.test(l));
    expect(barAt, 'bar line').toBeGreaterThan(0);
    expect(lines[barAt]).toContain(gib(r.total.bytes));
    const legend = lines[barAt + 1]!;
    const marks = new Set(lines[barAt]!.slice(1, 61));
    for (const m of legend.trim().split(/\s{2,}/)) {
      expect(marks.has(m[0]!), `legend entry "${m}" is drawn in the bar`).toBe(true);
    }

    // one line per component with its size, and the total with its range
    for (const c of r.components) {
      expect(
        lines.some((l) => l.includes(c.label) && l.includes(gib(c.bytes))),
        c.id,
      ).toBe(true);
    }
    const total = lines.find((l) => /^ {2}Total\s/.test(l));
    expect(total, 'total line').toBeDefined();
    expect(total).toContain('GiB');
    expect(total).toContain(gib(r.total.bytes));
    expect(total).toContain(`range ${gib(r.total.low)} - ${gib(r.total.high)}`);

    // the asked GPU first
    if (r.focus) {
      const cards = r.request.gpuCount ?? 1;
      const on = `On ${cards > 1 ? `${cards}x ` : ''}${r.focus.name}`;
      expect(lines.some((l) => l.startsWith(on))).toBe(true);
    }
    expect(lines.some((l) => /^(Fits|Tight|Does not fit)\b.*\(\d+ GPUs/.test(l))).toBe(true);

    // suggestions only when there are some, each one in full under the header
    if (r.suggestions.length > 0) {
      const body = squash(section(lines, 'To make it fit:').join(' '));
      for (const s of r.suggestions) expect(body).toContain(`- ${squash(s)}`);
    } else {
      expect(lines).not.toContain('To make it fit:');
    }

    // assumptions last, each one in full
    expect(lines).toContain('Assumptions:');
    const assumptions = squash(lines.slice(lines.indexOf('Assumptions:') + 1).join(' '));
    for (const a of r.assumptions) expect(assumptions).toContain(`- ${squash(a)}`);
  });

  it('"llama-3.1-70b bf16 on a 4090" says it does not fit and how to make it fit', () => {
    const text = renderText(handle({ text: 'llama-3.1-70b bf16 on a 4090' }));
    expect(text).toContain('On GeForce RTX 4090:');
    expect(text).toContain('Does not fit on GeForce RTX 4090');
    expect(text).toContain('To make it fit:');
  });

  it('random valid queries stay within the width', () => {
    const model = fc.constantFrom(
      'llama-3.1-8b',
      'deepseek-r1-distill-llama-70b',
      'mixtral-8x22b',
      'qwen3-235b-a22b',
      '13b',
      'gpt-oss-20b',
    );
    const setup = fc.constantFrom(
      'q4_k_m',
      'awq runtime=vllm',
      'nf4',
      'qlora',
      'lora',
      'full',
      'full bf16 gc=on',
      'exl2=3.5',
    );
    const gpu = fc.constantFrom(
      '',
      'on a 4090',
      'on 2x3090',
      'gpus=8',
      'on 8xh100',
      'on m3 ultra 512gb',
      'gpu=rtx-3060',
    );
    fc.assert(
      fc.property(
        model,
        setup,
        gpu,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 128 }), // ctx x batch stays under the 128M-token bound
        (m, s, g, ctx, b) => {
          const reply = handle({ text: `${m} ${s} ${g} ctx=${ctx} batch=${b}` });
          expect(reply.kind).toBe('estimate');
          expectWithinWidth(renderText(reply));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('renderText on the other replies', () => {
  it.each(['help', '', 'gpus', 'models', 'gpus h100', 'models qwen'])('%j stays within the width', (q) => {
    const reply = handle({ text: q });
    expect(reply.kind).not.toBe('error');
    const text = renderText(reply);
    expect(text.split('\n').length).toBeGreaterThan(3);
    expectWithinWidth(text);
  });

  it('the gpus and models tables list every row', () => {
    const gpus = handle({ text: 'gpus' });
    const models = handle({ text: 'models' });
    expect(gpus.kind).toBe('gpus');
    expect(models.kind).toBe('models');
    const g = renderText(gpus);
    const m = renderText(models);
    if (gpus.kind === 'gpus') {
      expect(gpus.rows.length).toBeGreaterThan(10);
      for (const row of gpus.rows) expect(g).toContain(row.id);
    }
    if (models.kind === 'models') {
      expect(models.rows.length).toBeGreaterThan(10);
      for (const row of models.rows) expect(m).toContain(row.id);
    }
  });

  it('help shows usage, examples and the words', () => {
    const text = renderText(handle({ text: 'help' }));
    for (const h of ['Usage:', 'Examples:', 'Words:']) expect(text.split('\n')).toContain(h);
    expect(text).toContain('/vram 13b int4 ctx=8192');
  });

  it('an error renders as "error:" then "example:"', () => {
    const lines = renderText(handle({ text: 'zzz-no-such-model q9' })).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.startsWith('error: ')).toBe(true);
    expect(lines[1]!.startsWith('example: ')).toBe(true);
    expectWithinWidth(lines.join('\n'));
  });

  // Was a bug: error replies were not wrapped (lines of 101-107 columns).
  for (const q of ['7b 8192', '7b full awq', '7b runtime=foo']) {
    it(`the error for ${JSON.stringify(q)} stays within the width`, () => {
      const reply: Reply = handle({ text: q });
      expect(reply.kind).toBe('error');
      expectWithinWidth(renderText(reply));
    });
  }

  // Was a bug: the bar drew marks for components between ~0.83% and 1% that the legend did not list.
  it('every mark drawn in the bar is explained in the legend ("llama-3.1-8b lora rank=64 targets=all seq=4096 batch=4")', () => {
    const lines = renderText(
      handle({ text: 'llama-3.1-8b lora rank=64 targets=all seq=4096 batch=4' }),
    ).split('\n');
    const barAt = lines.findIndex((l) => /^\[[#ak=lgo.*]{60}\] /.test(l));
    const drawn = new Set(lines[barAt]!.slice(1, 61));
    const legend = new Set(
      lines[barAt + 1]!.trim()
        .split(/\s{2,}/)
        .map((e) => e[0]),
    );
    for (const m of drawn) expect(legend.has(m), `mark "${m}"`).toBe(true);
  });
});

describe('GPU order, the same on every platform', () => {
  it('is exactly the head of a stable sort, for both verdict orders, ties included', () => {
    const row = fc.record({
      count: fc.integer({ min: 0, max: 4 }),
      headroomBytes: fc.integer({ min: -3, max: 3 }),
      usableBytes: fc.integer({ min: 1, max: 4 }),
      gpu: fc.string(),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 90 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('fits', 'tight', 'no') as fc.Arbitrary<Fit['verdict']>,
        (rows, k, v) => {
          const fits = rows as unknown as Fit[];
          const cmp = displayOrder(v);
          expect(firstK(fits, k, cmp)).toEqual([...fits].sort(cmp).slice(0, k));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('terminal, Slack and Discord list the GPUs that do not fit in the same order (fewest cards first)', () => {
    const reply = handle({ text: 'llama-3.1-405b bf16' });
    if (reply.kind !== 'estimate') throw new Error('expected an estimate');
    const text = renderText(reply);
    const terminal = text
      .slice(text.indexOf('Does not fit'))
      .split('\n')
      .slice(1, 6)
      .map((l) => l.trim().split(/\s{2,}/)[0]);
    const slack = verdictGroups(reply.report)
      .find((g) => g.verdict === 'no')!
      .rows.slice(0, 5)
      .map((f) => f.name);
    const details = { ...reply, view: 'details' as const };
    const field = renderDiscord(details).embeds![0]!.fields!.find((f) => f.name.includes('Does not fit'))!;
    const discord = [...field.value.matchAll(/\*\*(.+?)\*\*/g)].slice(0, 5).map((m) => m[1]);
    expect(slack).toEqual(terminal);
    expect(discord).toEqual(terminal);
    // A machine no split can hold (unified memory) comes after every GPU that a split can hold.
    const no = verdictGroups(reply.report).find((g) => g.verdict === 'no')!.rows;
    const firstUnsplittable = no.findIndex((f) => f.count === 0);
    if (firstUnsplittable >= 0) expect(no.slice(firstUnsplittable).every((f) => f.count === 0)).toBe(true);
    // A shortfall reads as a positive amount short.
    expect(text).not.toMatch(/-\d+\.\d+ short/);
  });
});
