// Property tests: `handle` never throws or faults on any text, and valid queries give coherent estimates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handle } from '../commands/index.ts';
import type { Reply } from '../commands/types.ts';
import { FORMAT_WORDS } from '../src/catalog/formats.ts';
import { GPU_NAMES } from '../src/catalog/gpus.ts';
import { MODEL_NAMES } from '../src/catalog/models.ts';

const KINDS = ['estimate', 'error', 'help', 'gpus', 'models', 'runnable'];

/** Run one line; any call to onFault is recorded so the property can report it with its input. */
function run(text: string): { reply: Reply; faults: unknown[] } {
  const faults: unknown[] = [];
  const reply = handle({ text }, (err) => faults.push(err));
  return { reply, faults };
}

/** The reply-level invariants that hold for every input whatsoever. */
function checkAnyReply(text: string): void {
  const { reply, faults } = run(text);
  if (faults.length > 0) {
    const f = faults[0];
    throw new Error(
      `onFault called for ${JSON.stringify(text)}: ${f instanceof Error ? (f.stack ?? f.message) : String(f)}`,
    );
  }
  expect(KINDS).toContain(reply.kind);
  if (reply.kind === 'error') {
    expect(typeof reply.message).toBe('string');
    expect(reply.message.length).toBeGreaterThan(0);
    expect(reply.message).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(reply.message).not.toContain('    at ');
    expect(reply.message).not.toContain('.ts:');
    expect(reply.message).not.toMatch(
      /\b(TypeError|RangeError|ReferenceError|undefined is not|Cannot read prop)/,
    );
    // Words quoted back are cut short, so even a 500-character word gives a short line.
    expect(reply.message.length, reply.message).toBeLessThan(300);
    expect(reply.ephemeral).toBe(true);
  }
  if (reply.kind === 'estimate') {
    const r = reply.report;
    expect(r.total.bytes).toBe(r.components.reduce((s, c) => s + c.bytes, 0));
    expect(r.total.low).toBeLessThanOrEqual(r.total.bytes);
    expect(r.total.bytes).toBeLessThanOrEqual(r.total.high);
  }
}

// ---------------------------------------------------------------- (a) arbitrary text

const REAL_WORDS = [
  // models, split names and sizes
  'llama-3.1-8b', 'llama3.1:8b', 'Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct', 'mixtral-8x7b', 'qwen3-30b-a3b',
  'deepseek-v3', 'gpt-oss-20b', 'gemma-2-9b', 'llama', '3.1', '8b', 'qwen', '2.5', '72b', 'mistral', '7b', '13B', '1.5b', '500m',
  'model=llama-3.1-8b', 'model=7b',
  // formats
  'fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4', 'nf4', 'gptq', 'gptq-int4', 'gptq-int8', 'awq', 'mxfp4', 'q2_k', 'q3_k_m', 'q4_0',
  'q4_k_s', 'q4_k_m', 'q5_k_m', 'q6_k', 'q8_0', 'iq4_xs', 'exl2=4.5', '4-bit', '4', 'bit', 'q4', 'mixed',
  // numbers
  'ctx=8192', 'ctx=8k', 'ctx=128k', 'ctx', '8k', 'context', '8192', 'batch=4', 'batch', 'seq=2048', 'tokens',
  // modes
  'inference', 'lora', 'qlora', 'full', 'train', 'finetune', 'mode=lora',
  // settings
  'kv=fp16', 'kv=fp8', 'kv=q8_0', 'kv=q4_0', 'runtime=vllm', 'runtime=llama.cpp', 'runtime=ollama', 'runtime=exllamav2',
  'runtime=mlx', 'runtime=sglang', 'runtime=transformers', 'vllm', 'ollama', 'rank=16', 'targets=qv', 'targets=all',
  'optimizer=adamw8bit', 'optimizer=sgd', 'gc=on', 'gc=off', 'accum=8', 'fa=on', 'fa=off',
  // hardware and visibility
  'gpu=rtx-4090', 'gpu=2x3090', 'gpus=4', 'on', '2x3090', 'a', '4090', 'm2', 'ultra', '192gb', 'rtx', 'h100', '2', 'x', 'gpus',
  'private', 'public',
  // filler and views
  'with', 'for', 'my', 'using', 'at', 'in', 'the', 'can', 'i', 'run', '?', 'help', 'models', '/vram', 'vram',
]; // prettier-ignore

const JUNK = [
  '', '=', '==', 'ctx=', '=8k', 'x', '2x', '-1', '0', '1e9', 'NaN', 'Infinity', '-Infinity', '99999999999999999999',
  'ctx=0', 'ctx=-1', 'ctx=1e9', 'ctx=99999999999k', 'ctx=1.5.5', 'ctx=0.0001k', 'batch=0', 'batch=1.5', 'batch=99999',
  'exl2=9', 'exl2=abc', 'exl2=1', 'gpu=0x4090', 'gpus=0', 'gpus=99999', 'rank=0', 'accum=0', 'kv=q3', 'fa=maybe',
  'mode=', 'runtime=', 'model=', 'model=zzz', 'zzz', 'lama', 'qwen9', '0.001b', '9999b', '99999b', '1.5.5b',
  '🦙', 'é', '\u0000', '\u200b', '\t', ':', 'key:', 'rank:', ',', '8,192', '"int4"', '(8k)', '`', '\\', '%s', '${x}',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'format=constructor', 'gc=__proto__',
]; // prettier-ignore

const catalogWord = fc.constantFrom(...MODEL_NAMES, ...GPU_NAMES, ...FORMAT_WORDS);
const vocabQuery = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...REAL_WORDS, ...JUNK) },
      { weight: 1, arbitrary: catalogWord },
    ),
    {
      maxLength: 12,
    },
  )
  .map((a) => a.join(' '));

describe('handle on arbitrary text', { timeout: 30_000 }, () => {
  it('never throws, never faults, and answers with a known reply kind (fc.string)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), checkAnyReply), { numRuns: 2500 });
  });

  it('same for grapheme and binary strings, and for long inputs around the length limit', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), checkAnyReply), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), checkAnyReply), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ minLength: 450, maxLength: 560 }), checkAnyReply), { numRuns: 100 });
  });

  it('same for queries built from the real vocabulary mixed with junk', () => {
    fc.assert(fc.property(vocabQuery, checkAnyReply), { numRuns: 3000 });
  });

  it('a chat prefix and surrounding space do not change the reply', () => {
    fc.assert(
      // Only one leading "/vram" is a chat prefix: "/vram /vram" is a query with an unknown word.
      fc.property(
        vocabQuery.filter((q) => !/^\s*\/?vram\b/i.test(q)),
        (q) => {
          expect(run(`/vram ${q}`).reply).toEqual(run(q).reply);
          expect(run(`  ${q}  `).reply).toEqual(run(q).reply);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// Bugs found while fuzzing, now fixed: kept as regression tests.
describe('regressions found by fuzzing', () => {
  // Lookup tables had Object.prototype behind them: "format=constructor" was accepted as INT8.
  for (const q of ['7b format=constructor', '7b q=__proto__', '7b constructor', '7b gc=constructor lora']) {
    it(`"${q}" is refused with an error that names the word`, () => {
      const { reply } = run(q);
      expect(reply.kind).toBe('error');
      const word = /constructor|__proto__/.exec(q)![0];
      expect(reply.kind === 'error' ? reply.message : '').toContain(`"${word}"`);
    });
  }

  // An unknown word was echoed back whole: a 499-character word gave a 554-character error line.
  it('an error message stays under 300 characters for a very long unknown word', () => {
    const { reply } = run('z'.repeat(499));
    expect(reply.kind).toBe('error');
    expect(reply.kind === 'error' ? reply.message.length : 0).toBeLessThan(300);
  });
});

// ---------------------------------------------------------------- (b) valid queries

const MODELS = [
  'llama-3.1-8b', 'llama-2-13b', 'llama-3.1-70b', 'qwen2.5-7b', 'qwen3-8b', 'qwen3-30b-a3b', 'mixtral-8x7b', 'mistral-7b',
  'mistral-7b-v0.1', 'gemma-2-9b', 'gemma-3-12b', 'deepseek-v3', 'gpt-oss-20b', 'phi-3-mini', '7b', '13b',
]; // prettier-ignore

/** (format, runtime, KV types that runtime accepts). */
const SETUPS = [
  ['bf16', 'transformers', ['fp16', 'bf16', 'fp8']],
  ['nf4', 'transformers', ['fp16', 'bf16']],
  ['int8', 'transformers', ['fp16']],
  ['awq', 'vllm', ['fp16', 'fp8']],
  ['fp8', 'vllm', ['fp16', 'fp8']],
  ['awq', 'sglang', ['fp16', 'fp8']],
  ['q4_k_m', 'llama.cpp', ['fp16', 'q8_0', 'q4_0']],
  ['q8_0', 'ollama', ['fp16', 'q8_0']],
  ['exl2=4.5', 'exllamav2', ['fp16', 'q8_0', 'q4_0']],
] as const;

const validQuery = fc.record({
  model: fc.constantFrom(...MODELS),
  setup: fc
    .constantFrom(...SETUPS)
    .chain(([format, runtime, kvs]) =>
      fc.record({ format: fc.constant(format), runtime: fc.constant(runtime), kv: fc.constantFrom(...kvs) }),
    ),
  // Short contexts are where fixed costs (sampler logits, compute buffers) dominate: draw them often.
  ctx: fc.oneof(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 1, max: 131072 })),
  batch: fc.integer({ min: 1, max: 64 }),
});
type Valid = {
  model: string;
  setup: { format: string; runtime: string; kv: string };
  ctx: number;
  batch: number;
};

const text = (q: Valid, ctx = q.ctx, batch = q.batch) =>
  `${q.model} ${q.setup.format} runtime=${q.setup.runtime} kv=${q.setup.kv} ctx=${ctx} batch=${batch}`;

function estimateOf(t: string) {
  const { reply, faults } = run(t);
  expect(faults, t).toEqual([]);
  if (reply.kind !== 'estimate')
    throw new Error(
      `${JSON.stringify(t)} gave ${reply.kind}: ${reply.kind === 'error' ? reply.message : ''}`,
    );
  return reply.report;
}
const kvBytes = (r: ReturnType<typeof estimateOf>) =>
  r.components.find((c) => c.id === 'kv_cache')?.bytes ?? 0;

describe('handle on valid queries', { timeout: 30_000 }, () => {
  it('gives a coherent estimate', () => {
    fc.assert(
      fc.property(validQuery, (q) => {
        const r = estimateOf(text(q));
        expect(r.request.context).toBe(q.ctx);
        expect(r.request.batch).toBe(q.batch);
        expect(r.request.runtime).toBe(q.setup.runtime);
        for (const c of r.components) {
          expect(Number.isSafeInteger(c.bytes), c.id).toBe(true);
          expect(c.bytes, c.id).toBeGreaterThanOrEqual(0);
        }
        expect(r.total.bytes).toBe(r.components.reduce((s, c) => s + c.bytes, 0));
        expect(r.total.low).toBeLessThanOrEqual(r.total.bytes);
        expect(r.total.bytes).toBeLessThanOrEqual(r.total.high);
        expect(r.components.some((c) => c.id === 'weights')).toBe(true);
        expect(r.components.some((c) => c.id === 'kv_cache')).toBe(true);
        expect(r.fits.length).toBeGreaterThan(0);
        for (const f of r.fits) {
          expect(['fits', 'tight', 'no']).toContain(f.verdict);
          if (f.verdict === 'fits') expect(f.headroomBytes, f.gpu).toBeGreaterThanOrEqual(0);
          expect(f.maxContext === null || Number.isSafeInteger(f.maxContext)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('more context never lowers the KV cache', () => {
    fc.assert(
      fc.property(validQuery, fc.integer({ min: 1, max: 131072 }), (q, other) => {
        const [lo, hi] = q.ctx <= other ? [q.ctx, other] : [other, q.ctx];
        const small = kvBytes(estimateOf(text(q, lo)));
        const large = kvBytes(estimateOf(text(q, hi)));
        expect(large, `${text(q, lo)} -> ctx=${hi}`).toBeGreaterThanOrEqual(small);
      }),
      { numRuns: 200 },
    );
  });

  const batchProperty = (lowest: number, keep: (q: Valid) => boolean) =>
    fc.property(validQuery, fc.integer({ min: lowest, max: 64 }), (q, other) => {
      const base = Math.max(q.batch, lowest);
      const [lo, hi] = base <= other ? [base, other] : [other, base];
      if (!keep(q)) return;
      const small = estimateOf(text(q, q.ctx, lo)).total.bytes;
      const large = estimateOf(text(q, q.ctx, hi)).total.bytes;
      expect(large, `${text(q, q.ctx, lo)} -> batch=${hi}`).toBeGreaterThanOrEqual(small);
    });
  const serving = (q: Valid) => q.setup.runtime === 'vllm' || q.setup.runtime === 'sglang';

  it('a larger batch never lowers the total (runtimes without a sampler profile, any batch)', () => {
    fc.assert(
      batchProperty(1, (q) => !serving(q)),
      { numRuns: 200 },
    );
  });

  it('a larger batch never lowers the total (every runtime, batch >= 2)', () => {
    fc.assert(
      batchProperty(2, () => true),
      { numRuns: 200 },
    );
  });

  // Was a bug: vLLM/SGLang sized the sampler for 256 sequences at batch=1 but for N at batch=N. Now an
  // unstated batch means max_num_seqs 256 and a stated one sizes the sampler, so batch=1 < batch=2.
  it('a larger batch never lowers the total (every runtime, batch 1..64)', () => {
    fc.assert(
      batchProperty(1, () => true),
      { numRuns: 300, seed: 42 },
    );
  });

  it('vLLM: "llama-3.1-8b awq runtime=vllm ctx=512 batch=2" needs at least as much as batch=1', () => {
    const one = estimateOf('llama-3.1-8b awq runtime=vllm ctx=512 batch=1').total.bytes;
    const two = estimateOf('llama-3.1-8b awq runtime=vllm ctx=512 batch=2').total.bytes;
    expect(two).toBeGreaterThanOrEqual(one);
  });
});
