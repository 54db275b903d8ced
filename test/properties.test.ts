// Engine properties at volume: hundreds of thousands of cases straight through the parser and the estimator
// (test/fuzz.test.ts drives fewer, whole replies). Each property is one physical fact a reader relies on:
//   the parser only ever refuses with a QueryError, never another exception;
//   more context never lowers the KV cache; fewer bits (everywhere) never raise the weights;
//   a larger batch never lowers the total; components sum to the total; low <= total <= high;
//   a "fits" verdict always has non-negative headroom.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, type WeightFormat } from '../src/catalog/formats.ts';
import { estimate, type Estimate } from '../src/estimate.ts';
import { fitAll } from '../src/fit.ts';
import { parseDraft, parseQuery, QueryError, toRequest } from '../src/query/parse.ts';

const MODELS = [
  'llama-3.1-8b', 'llama-2-13b', 'llama-3.1-70b', 'qwen2.5-7b', 'qwen3-8b', 'qwen3-30b-a3b', 'mixtral-8x7b',
  'mistral-7b', 'gemma-2-9b', 'gemma-3-12b', 'deepseek-v3', 'gpt-oss-20b', 'phi-3-mini', '7b', '13b', '70b',
]; // prettier-ignore
const RUNTIMES = ['transformers', 'vllm', 'sglang', 'llama.cpp', 'ollama', 'exllamav2', 'mlx'];
const KVS = ['fp16', 'bf16', 'fp8', 'q8_0', 'q4_0'];
const MODES = ['', 'lora', 'qlora', 'full'];

/** A query from the real vocabulary; some combinations are invalid (the parser says why) and are skipped. */
const query = fc.record({
  model: fc.constantFrom(...MODELS),
  format: fc.constantFrom(...FORMATS.map((f) => f.id), 'exl2=3.5', 'exl2=6'),
  // Unstated half the time: the format's own runtime, so most queries are valid combinations.
  runtime: fc.oneof(fc.constant(''), fc.constantFrom(...RUNTIMES)),
  kv: fc.constantFrom(...KVS),
  mode: fc.constantFrom(...MODES),
  ctx: fc.oneof(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 1, max: 131072 })),
  batch: fc.integer({ min: 1, max: 64 }),
});
type Query = typeof query extends fc.Arbitrary<infer T> ? T : never;

function words(q: Query, over: Partial<Query> = {}): string {
  const v = { ...q, ...over };
  const training = v.mode !== '';
  return [
    v.model,
    v.format,
    v.mode,
    training ? `seq=${v.ctx}` : `ctx=${v.ctx}`,
    `batch=${v.batch}`,
    ...(training ? [] : [v.runtime && `runtime=${v.runtime}`, `kv=${v.kv}`]),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The estimate for a query, or null when the parser refuses it (a QueryError; anything else fails the test). */
function estimated(text: string): Estimate | null {
  try {
    const { request, model } = parseQuery(text);
    return estimate(request, model);
  } catch (err) {
    if (err instanceof QueryError) return null;
    throw err;
  }
}

const component = (e: Estimate, id: string) => e.components.find((c) => c.id === id)?.bytes ?? 0;

/**
 * Sized for CI time on 2 cores: a parse with a did-you-mean search over the vocabulary costs ~0.3 ms, an
 * estimate ~0.05 ms, a fit over every GPU ~0.5 ms. ~210,000 parses and estimates in all, ~20 s on one core.
 */
const RUNS = { parse: 15_000, coherent: 30_000, context: 25_000, bits: 30_000, batch: 25_000, fit: 5_000 };

describe('engine properties at volume', { timeout: 120_000 }, () => {
  it(`the parser refuses only with a QueryError (${RUNS.parse.toLocaleString('en')} strings)`, () => {
    const vocab = fc
      .array(
        fc.oneof(
          fc.constantFrom(...MODELS, ...FORMATS.map((f) => f.id), ...RUNTIMES.map((r) => `runtime=${r}`)),
          fc.constantFrom(
            'ctx=',
            'ctx=8k',
            'batch=',
            'on',
            '2x',
            'gpus=',
            'kv=',
            'rank=',
            'exl2=',
            '=',
            'k',
            'b',
          ),
          fc.string({ maxLength: 8 }),
          fc.integer().map(String),
        ),
        { maxLength: 10 },
      )
      .map((a) => a.join(' '));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), vocab), (text) => {
        try {
          toRequest(parseDraft(text));
        } catch (err) {
          if (!(err instanceof QueryError)) throw err;
          expect(err.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS.parse },
    );
  });

  it(`components sum to the total and low <= total <= high (${RUNS.coherent.toLocaleString('en')} queries)`, () => {
    let valid = 0;
    fc.assert(
      fc.property(query, (q) => {
        const e = estimated(words(q));
        if (!e) return;
        valid++;
        let sum = 0;
        for (const c of e.components) {
          expect(Number.isSafeInteger(c.bytes), c.id).toBe(true);
          expect(c.bytes, c.id).toBeGreaterThanOrEqual(0);
          expect(c.low, c.id).toBeLessThanOrEqual(c.bytes);
          expect(c.bytes, c.id).toBeLessThanOrEqual(c.high);
          sum += c.bytes;
        }
        expect(e.total.bytes).toBe(sum);
        expect(e.total.low).toBeLessThanOrEqual(e.total.bytes);
        expect(e.total.bytes).toBeLessThanOrEqual(e.total.high);
      }),
      { numRuns: RUNS.coherent },
    );
    // The generator must mostly produce real queries, or the property says little.
    expect(valid / RUNS.coherent).toBeGreaterThan(0.25);
  });

  it(`more context never lowers the KV cache (${RUNS.context.toLocaleString('en')} pairs)`, () => {
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: 131072 }), (q, other) => {
        const [lo, hi] = q.ctx <= other ? [q.ctx, other] : [other, q.ctx];
        const small = estimated(words({ ...q, mode: '' }, { ctx: lo }));
        const large = estimated(words({ ...q, mode: '' }, { ctx: hi }));
        if (!small || !large) return;
        expect(component(large, 'kv_cache'), `${words(q)}: ctx ${lo} -> ${hi}`).toBeGreaterThanOrEqual(
          component(small, 'kv_cache'),
        );
      }),
      { numRuns: RUNS.context },
    );
  });

  it(`fewer bits (linear, embedding and head alike) never raise the weights (${RUNS.bits.toLocaleString('en')} pairs)`, () => {
    // An experts-only format (MXFP4) keeps attention and dense layers at 16 bits: compare those too.
    const denseBits = (f: WeightFormat) => (f.expertsOnly ? 16 : f.linearBits);
    const fewerEverywhere = (a: WeightFormat, b: WeightFormat) =>
      a.linearBits <= b.linearBits &&
      denseBits(a) <= denseBits(b) &&
      a.embeddingBits <= b.embeddingBits &&
      a.lmHeadBits <= b.lmHeadBits;
    let compared = 0;
    fc.assert(
      fc.property(query, fc.constantFrom(...FORMATS), fc.constantFrom(...FORMATS), (q, fa, fb) => {
        // Same model, runtime and everything else; only the format differs.
        const small = estimated(words(q, { format: fa.id }));
        const large = estimated(words(q, { format: fb.id }));
        // Compared by the formats the estimates used (QLoRA quantizes any base to NF4, full fine-tuning
        // in mixed precision keeps fp32 weights): fewer bits where it matters.
        if (!small || !large || small.runtime.id !== large.runtime.id) return;
        if (!fewerEverywhere(small.format, large.format)) return;
        compared++;
        expect(component(small, 'weights'), `${words(q)}: ${fa.id} vs ${fb.id}`).toBeLessThanOrEqual(
          component(large, 'weights'),
        );
      }),
      { numRuns: RUNS.bits },
    );
    expect(compared).toBeGreaterThan(RUNS.bits / 20);
  });

  it(`a larger batch never lowers the total (${RUNS.batch.toLocaleString('en')} pairs)`, () => {
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: 64 }), (q, other) => {
        const [lo, hi] = q.batch <= other ? [q.batch, other] : [other, q.batch];
        const small = estimated(words(q, { batch: lo }));
        const large = estimated(words(q, { batch: hi }));
        if (!small || !large) return;
        expect(large.total.bytes, `${words(q)}: batch ${lo} -> ${hi}`).toBeGreaterThanOrEqual(
          small.total.bytes,
        );
      }),
      { numRuns: RUNS.batch },
    );
  });

  it(`a "fits" verdict always has non-negative headroom, on every GPU (${RUNS.fit.toLocaleString('en')} queries)`, () => {
    fc.assert(
      fc.property(query, fc.constantFrom('', ' gpus=2', ' gpus=8'), (q, cards) => {
        const e = estimated(words(q) + cards);
        if (!e) return;
        for (const f of fitAll(e)) {
          if (f.verdict !== 'no')
            expect(f.headroomBytes, `${words(q)}${cards} on ${f.gpu}`).toBeGreaterThanOrEqual(0);
          if (f.verdict === 'no') expect(f.headroomBytes).toBeLessThan(0);
          expect(f.maxContext === null || (Number.isSafeInteger(f.maxContext) && f.maxContext > 0)).toBe(
            true,
          );
        }
      }),
      { numRuns: RUNS.fit },
    );
  });
});
