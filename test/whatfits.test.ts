// "What can my GPU run?" (issue 14): the catalog answered per hardware, re-checked through the normal
// estimate path, in several phrasings per mode, with bad input answered clearly.
import { describe, expect, it } from 'vitest';
import { runCli } from '../adapters/cli.ts';
import { handle } from '../commands/index.ts';
import type { Reply } from '../commands/types.ts';
import { findModel, MODELS } from '../src/catalog/models.ts';
import { paramBreakdown } from '../src/catalog/params.ts';
import { parseQuery } from '../src/query/parse.ts';
import { buildReport } from '../src/report.ts';
import { resolveHardware } from '../src/catalog/hardware.ts';
import { primaryUse, runnableOn, type RunnableAnswer } from '../src/whatfits.ts';

function runnable(text: string): Extract<Reply, { kind: 'runnable' }> {
  const r = handle({ text });
  if (r.kind !== 'runnable')
    throw new Error(`${text}: ${r.kind}${r.kind === 'error' ? `: ${r.message}` : ''}`);
  return r;
}
const QUALITY = ['q8_0', 'q6_k', 'q5_k_m', 'q4_k_m'];

describe("the seed article's table, from the engine, with current models", () => {
  it.each(['rtx-4090', 'rtx-3090', 'rtx-4080', 'rtx-3080-10gb', 'rtx-4060-ti-16gb'])(
    'on %s every listed model fits at its format and context when asked directly, and none larger of its use fits',
    (gpu) => {
      const r = runnable(`what can i run on ${gpu}`);
      const mode = r.answer.modes[0]!;
      expect(mode.entries.length).toBeGreaterThan(0);
      for (const e of mode.entries) {
        // Re-asked the normal way: the same model, format and context on the same card fits.
        const { request, model } = parseQuery(
          `${e.model} ${e.format} ctx=${e.context} runtime=llama.cpp on ${gpu}`,
        );
        expect(buildReport(request, model).focus!.verdict, `${e.model} on ${gpu}`).not.toBe('no');
        expect(QUALITY).toContain(e.format);
      }
      // No larger catalog model of a listed model's use fits at Q4_K_M: every larger one left out of the
      // full list is re-asked at Q4_K_M and does not fit.
      const all = runnableOn(resolveHardware(gpu)!, {
        modes: ['inference'],
        context: 8192,
        gpuCount: null,
        runtime: null,
        floor: null,
        use: null,
        family: null,
        top: 1000,
      });
      const fitting = new Set(all.modes[0]!.entries.map((e) => e.model));
      for (const use of new Set(mode.entries.map((e) => e.use))) {
        const listed = mode.entries.filter((e) => e.use === use);
        const smallestListed = Math.min(...listed.map((e) => paramBreakdown(findModel(e.model)!).total));
        const larger = MODELS.filter(
          (m) =>
            primaryUse(m) === use &&
            !fitting.has(m.id) &&
            !(m.uses ?? []).includes('embedding') &&
            m.maxContext >= 8192 &&
            paramBreakdown(m).total > smallestListed,
        );
        for (const m of larger) {
          const { request, model } = parseQuery(`${m.id} q4_k_m ctx=8192 runtime=llama.cpp on ${gpu}`);
          expect(buildReport(request, model).focus!.verdict, `${m.id} on ${gpu}`).toBe('no');
        }
      }
    },
  );

  it('a current model ranks above an old one of similar size', () => {
    const r = runnable('what can i run on 2x 3090 top 50');
    const order = r.answer.modes[0]!.entries.map((e) => e.model);
    expect(order).toContain('llama-3.3-70b');
    const old = order.indexOf('llama-2-70b');
    if (old >= 0) expect(order.indexOf('llama-3.3-70b')).toBeLessThan(old);
  });
});

describe('hardware-first questions in chat words', () => {
  it.each([
    ['what can i run on a 3090', ['inference']],
    ['4090', ['inference']],
    ['best model for my m4 max 64gb', ['inference']],
    ['what fits on my 24gb gpu', ['inference']],
    ['qlora on a 4090', ['qlora']],
    ['what can i lora on a 3090', ['lora']],
    ['full fine-tune on 8x h100', ['full']],
    ['what can we fine-tune on an a100 80gb', ['lora', 'qlora', 'full']],
  ])('"%s" lists %j', (text, modes) => {
    expect(runnable(text).answer.modes.map((m) => m.mode)).toEqual(modes);
  });

  it('words narrow the list: a use, a family, a context, a format floor, a count', () => {
    const coding = runnable('best coding model for my 4090');
    expect(
      coding.answer.modes[0]!.entries.every(
        (e) => findModel(e.model)!.uses?.includes('coding') || /cod/.test(e.model),
      ),
    ).toBe(true);
    expect(
      runnable('qwen models on a 4090').answer.modes[0]!.entries.every((e) => e.model.includes('qwen')),
    ).toBe(true);
    expect(runnable('what can i run on a 4090 with 32k context').answer.context).toBe(32768);
    const q8 = runnable('what can i run on a 4090 at least q8');
    expect(q8.answer.modes[0]!.entries.every((e) => e.format === 'q8_0')).toBe(true);
    expect(runnable('what can i run on a 4090 top 2').answer.modes[0]!.entries).toHaveLength(2);
  });

  it('the title reads as a sentence with and without a use', () => {
    expect(runnable('best coding model for my 4090').title).toMatch(
      /^What coding models fit on GeForce RTX 4090:/,
    );
    expect(runnable('4090').title).toMatch(/^What fits on GeForce RTX 4090:/);
  });

  it('a chip sold in several sizes is answered for its smallest, and says so', () => {
    expect(runnable('what can i run on my m3 max').title).toMatch(/the 36 GB configuration; say a size/);
  });

  it('MoE models list their active size', () => {
    const r = runnable('what can i run on a 24gb gpu top 50');
    const moe = r.groups.flatMap((g) => g.lines).find((l) => /active/.test(l));
    expect(moe).toMatch(/\d+(\.\d+)?B, \d+(\.\d+)?B active/);
  });
});

describe('bad input', () => {
  it('a machine too small for anything gets the smallest option, never an empty list', () => {
    const r = runnable('what can i run on a 1gb gpu with 128k context');
    expect(r.groups[0]!.lines[0]).toMatch(/nothing in the catalog fits; the smallest, .* needs .* short/);
  });
  it('two pieces of hardware that conflict get an error naming both', () => {
    const r = handle({ text: 'what can i run on a 4090 and a 3090' });
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toMatch(/two GPUs in one query: "rtx-4090" and "rtx-3090"/);
  });
  it('an unknown hardware word gets the did-you-mean of GPUs', () => {
    const r = handle({ text: 'what can i run on a rtx 4099' });
    expect(r.kind === 'error' && r.message).toMatch(/unknown GPU "rtx 4099". Did you mean "rtx-4090"/);
  });
  it('a list length with a model named is refused in one line; a use word only describes the model', () => {
    const r = handle({ text: 'llama-3.1-8b top 5' });
    expect(r.kind === 'error' && r.message).toMatch(/narrows a "what can my GPU run" list/);
    expect(handle({ text: 'mistral small 3.2 vision on a 4090' }).kind).toBe('estimate');
  });
});

describe('the CLI', () => {
  it('--json gives the list: model id, mode, format, context, bytes, headroom, tokens/s', () => {
    const out = runCli(['--json', 'what can i run on a 3090']);
    expect(out.code).toBe(0);
    const j = JSON.parse(out.stdout) as RunnableAnswer;
    const e = j.modes[0]!.entries[0]!;
    expect(Object.keys(e)).toEqual(
      expect.arrayContaining([
        'model',
        'mode',
        'format',
        'context',
        'bytes',
        'headroomBytes',
        'tokensPerSecond',
      ]),
    );
    expect(e.bytes + e.headroomBytes).toBe(j.usableBytes);
  });
});
