// The engine's fast paths answer exactly as the plain ones they replace: the longest-context search shared
// between GPUs (and started from a guess) against a plain bisection, fitAll's per-group rows against fitOn
// GPU by GPU, the hand check of a request against the zod schema, and the parser's and catalogs' shortcuts
// (one split for both cases, exact-key look-ups, guarded rewrites) against the rewrites they skip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findGpu, GPUS } from '../src/catalog/gpus.ts';
import { findModel, MODELS, normalizeModelName } from '../src/catalog/models.ts';
import type { Estimate } from '../src/estimate.ts';
import { fitAll, fitOn, maxContext } from '../src/fit.ts';
import { KEY_SET, parseQuery, words } from '../src/query/parse.ts';
import { RequestSchema, satisfiesRequestSchema, type Request } from '../src/request.ts';
import { est, GiB } from './helpers.ts';

/** Queries whose memory curves differ in shape: windows, hybrids, MLA, no flash attention, training, splits. */
const QUERIES = [
  'llama-3.1-8b q4_k_m ctx=8k',
  'llama-3.1-70b q4_k_m ctx=32k',
  'llama-3.1-8b bf16 fa=off ctx=4096 runtime=transformers',
  '13b int4 ctx=8192',
  'mistral-7b q8_0 fa=off batch=4 runtime=llama.cpp',
  'gemma-3-27b q4_k_m ctx=128k kv=q8_0',
  'gemma-2-9b bf16 runtime=vllm ctx=8k',
  'qwen3-next-80b-a3b q4_k_m ctx=256k',
  'qwen3-30b-a3b awq runtime=vllm ctx=32k batch=8',
  'deepseek-v3 q4_k_m ctx=16k',
  'deepseek-r1 q2_k runtime=llama.cpp ctx=16k',
  'deepseek-v3.2 fp8 runtime=sglang ctx=64k',
  'granite-4.0-h-small bf16 runtime=vllm ctx=128k batch=16',
  'gpt-oss-120b mxfp4 runtime=ollama ctx=512',
  'mistral-7b qlora rank=16',
  'llama-3.1-8b full bf16 seq=4096 batch=2 gc=on',
  'llama-3.1-8b lora fa=off seq=2048',
  'qwen2.5-7b full gpus=4 strategy=ddp seq=8192',
  'llama-3.1-70b bf16 gpus=8 runtime=vllm ctx=32k',
  'llama-3.1-405b fp8 gpu=h100-sxm gpus=3',
];

/** The longest context by its definition: the largest that fits (found by bisection), reported rounded. */
function referenceMaxContext(e: Estimate, usable: number, cards: number): number | null {
  const asked = e.request.context;
  const top = Math.max(e.model.maxContext, asked);
  const fits = (c: number) => e.perCard(cards, c) <= usable;
  if (!fits(1)) return null;
  if (fits(top)) return top;
  let lo = 1;
  let hi = top;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const rounded = lo >= 1024 ? lo - (lo % 256) : lo;
  return rounded < asked && lo >= asked ? asked : rounded;
}

describe('longest context', () => {
  it('is the largest context that fits, as a bisection finds it, for any memory and card count', () => {
    for (const q of QUERIES) {
      const e = est(q);
      for (const cards of [1, 2, 3, 8]) {
        for (let gib = 0.5; gib <= 1024; gib *= 1.37) {
          const usable = Math.floor(gib * GiB);
          expect(maxContext(e, usable, cards), `${q} on ${cards} x ${gib.toFixed(1)} GiB`).toBe(
            referenceMaxContext(e, usable, cards),
          );
        }
      }
    }
  });
});

describe('fitAll', () => {
  it('gives every GPU the row fitOn gives it alone (groups of equal memory share one answer)', () => {
    for (const q of QUERIES) {
      const e = est(q);
      const rows = fitAll(e);
      for (const row of rows) {
        const gpu = findGpu(row.gpu)!;
        expect(row, `${q} on ${row.gpu}`).toEqual(fitOn(gpu, e, e.request.gpuCount));
      }
      expect(rows.length).toBeGreaterThan(0);
    }
  });
});

describe('request check', () => {
  const valid = QUERIES.map((q) => parseQuery(q).request);

  it('passes the requests the parser builds, which the schema also passes unchanged', () => {
    for (const r of valid) {
      expect(satisfiesRequestSchema(r)).toBe(true);
      expect(RequestSchema.parse(r)).toEqual(r);
    }
  });

  it('is never looser than the schema', () => {
    const broken: Partial<Record<keyof Request, unknown>>[] = [
      { model: '' },
      { format: 3 },
      { formatGiven: 'yes' },
      { kvType: 'q2' },
      { context: 0 },
      { context: 1.5 },
      { context: 10_485_761 },
      { context: Number.NaN },
      { batch: 4097 },
      { mode: 'pretraining' },
      { runtime: 'tgi' },
      { flashAttention: null },
      { precision: 'fp8' },
      { optimizer: 'lion' },
      { accumulation: 0 },
      { lora: { rank: 0, targets: 'all' } },
      { lora: { rank: 16, targets: 'mlp' } },
      { lora: { rank: 16, targets: 'all', alpha: 32 } },
      { framework: 'deepspeed' },
      { loss: 'focal' },
      { parallelism: 'tp' },
      { gpu: 4090 },
      { gpuCount: 1025 },
      { visibility: 'secret' },
      { assumed: [1] },
      { assumed: 'none' },
    ];
    for (const r of valid) {
      for (const change of broken) {
        const bad = { ...r, ...change } as Request;
        if (!RequestSchema.safeParse(bad).success) expect(satisfiesRequestSchema(bad)).toBe(false);
      }
      const extra = { ...r, note: 'x' } as Request;
      expect(satisfiesRequestSchema(extra)).toBe(false);
    }
  });
});

// ---------------------------------------------------------------- the words and names shortcuts

/** The split before its shortcuts: every rewrite always, then the regular-expression split. */
function plainSplit(text: string): string[] {
  const t = text
    .replace(/\bfine[\s-]+tun(e|ing|ed)\b/gi, 'fine-tun$1')
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/[?!,;()]+/g, ' ')
    .replace(/\s*=\s*/g, '=')
    .replace(/\b([a-z_]+):\s+/gi, (_all, key: string) =>
      KEY_SET.has(key.toLowerCase()) ? `${key}=` : `${key} `,
    )
    .trim();
  return t ? t.split(/\s+/) : [];
}

/** normalizeModelName before its shortcuts. */
function plainModelKey(word: string): string {
  let k = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  k = k.slice(k.lastIndexOf('/') + 1);
  k = k.replace(/:/g, '-');
  k = k.replace(/(^|-)([a-z]+)(?=\d)/g, '$1$2-');
  return k.replace(/-+/g, '-').replace(/^-|-$/g, '');
}

const chatText = fc.stringMatching(
  /^[ \t a-zA-Z0-9=:,;?!()._/-]{0,20}(fine[ -]tun(e|ing)|8,192|ctx *[:=] *8k|\u00a0|İ|K)?[ a-zA-Z0-9=:._-]{0,20}$/,
);

describe('parser and catalog shortcuts', () => {
  it('words: the same words as every rewrite and the regular-expression split', () => {
    fc.assert(
      fc.property(chatText, (text) => {
        expect(words(text)).toEqual(plainSplit(text.toLowerCase()));
      }),
      { numRuns: 3000 },
    );
    for (const text of [
      'a  b',
      'a\tb',
      'fine tune llama',
      'ctx = 8,192 ?',
      'Ctx: 8k',
      ' x ',
      '',
      'on my 4090!',
    ]) {
      expect(words(text)).toEqual(plainSplit(text.toLowerCase()));
    }
  });

  it('queries with capitals read like their lower-case form', () => {
    for (const q of [
      'Llama-3.1-8B Q4_K_M ctx=8K',
      'Can I run Llama 3.1 8B on my RTX 4090?',
      'QLoRA on Mistral-7B',
    ]) {
      expect(parseQuery(q)).toEqual(parseQuery(q.toLowerCase()));
    }
  });

  it('normalizeModelName: the same key as every rewrite', () => {
    const names = MODELS.flatMap((m) => [m.id, ...m.aliases, m.hfId]);
    for (const n of names) expect(normalizeModelName(n)).toBe(plainModelKey(n));
    fc.assert(
      fc.property(fc.stringMatching(/^[ a-zA-Z0-9_:/.-]{0,24}$/), (w) => {
        expect(normalizeModelName(w)).toBe(plainModelKey(w));
      }),
      { numRuns: 3000 },
    );
  });

  it('findModel: a canonical key finds what its other spellings find', () => {
    for (const m of MODELS) {
      for (const name of [m.id, ...m.aliases]) {
        const key = normalizeModelName(name);
        expect(findModel(key)).toBe(findModel(` ${name.toUpperCase()} `));
      }
    }
  });

  it('findGpu: spaces, underscores and repeated hyphens read as one hyphen', () => {
    for (const g of GPUS) {
      for (const name of [g.id, ...g.aliases]) {
        expect(findGpu(name)).toBe(g);
        expect(findGpu(` ${name.toUpperCase().replace(/-/g, '_')} `)).toBe(g);
        expect(findGpu(name.replace(/-/g, '--'))).toBe(g);
      }
    }
  });
});
