// Models from the Hugging Face Hub (issue 6), offline: real config.json files (test/fixtures/hub, sources in
// its README) and GGUF headers written to the published format (gguf-writer.ts), served by a fake Hub on
// nock. Covers ids validated before any request, config.json -> architecture for each family, exact GGUF
// weights, quantization_config formats, gated / missing / slow / malformed answers, the cache, HF_ENDPOINT
// and HF_TOKEN, and the catalog agreeing with the Hub on every catalog model among the fixtures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gguf } from '@huggingface/gguf';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliAsync } from '../adapters/cli.ts';
import { answerLineAsync } from '../adapters/console/console.ts';
import { complete } from '../commands/complete.ts';
import { handleAsync, needsLookup, runVariantAsync } from '../commands/index.ts';
import { createHubClient, type HubClientOptions } from '../hub/client.ts';
import { specFromGguf } from '../src/catalog/gguf.ts';
import { ModelConfigError, quantFormat, specFromHfConfig } from '../src/catalog/hf-config.ts';
import { findModel } from '../src/catalog/models.ts';
import { paramBreakdown } from '../src/catalog/params.ts';
import type { ModelSpec } from '../src/catalog/types.ts';
import { estimate } from '../src/estimate.ts';
import { HubLookupError, parseHubRef, type HubResolver } from '../src/query/hub-ref.ts';
import { draftToText, parseDraft, parseQuery, QueryError, toRequest } from '../src/query/parse.ts';
import { buildReport } from '../src/report.ts';
import type { Reply } from '../commands/types.ts';
import { llamaGguf, tensorSize } from './gguf-writer.ts';
import { fakeHub, fixtureConfig, SHA, type FakeRepo } from './hub-helpers.ts';
import { GiB } from './helpers.ts';

const HUB = 'https://huggingface.co';
const TOKEN = 'hf_testTOKENvalue0123456789abcdef';

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
  // Delayed replies (the timeout test) must not complete into requests that were aborted long ago.
  nock.abortPendingRequests();
  nock.cleanAll();
  nock.enableNetConnect();
});

const config = (stem: string): unknown => JSON.parse(fixtureConfig(stem).toString('utf8'));
const spec = (stem: string, extra: Partial<Parameters<typeof specFromHfConfig>[0]> = {}) =>
  specFromHfConfig({ repo: stem.replace('--', '/'), revision: SHA, config: config(stem), ...extra });

function estimateReply(r: Reply) {
  if (r.kind !== 'estimate') throw new Error(`expected an estimate, got ${JSON.stringify(r)}`);
  return r.report;
}
const bytesOf = (r: ReturnType<typeof estimateReply>, id: string) =>
  r.components.find((c) => c.id === id)!.bytes;

/** A repo with a config.json fixture. */
const repoWith = (stem: string, extra: Partial<FakeRepo> = {}): FakeRepo => ({
  sha: SHA,
  files: { 'config.json': fixtureConfig(stem) },
  ...extra,
});

function client(opts: HubClientOptions = {}) {
  const logs: string[] = [];
  const c = createHubClient({ log: (fields, msg) => logs.push(`${msg} ${JSON.stringify(fields)}`), ...opts });
  return { c, logs, deps: { hub: c } };
}

// ---------------------------------------------------------------- ids

describe('Hub ids are validated before any request', () => {
  it.each([
    ['Qwen/Qwen2.5-32B-Instruct', { repo: 'Qwen/Qwen2.5-32B-Instruct', text: 'Qwen/Qwen2.5-32B-Instruct' }],
    [
      'bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M',
      { repo: 'bartowski/Llama-3.2-3B-Instruct-GGUF', quant: 'Q4_K_M' },
    ],
    ['unsloth/x-GGUF:UD-Q4_K_XL', { repo: 'unsloth/x-GGUF', quant: 'UD-Q4_K_XL' }],
    ['acme/m/sub/Model-Q8_0.gguf', { repo: 'acme/m', file: 'sub/Model-Q8_0.gguf' }],
    ['hf.co/acme/m:Q8_0', { repo: 'acme/m', quant: 'Q8_0', text: 'acme/m:Q8_0' }],
  ])('%s', (word, expected) => {
    expect(parseHubRef(word)).toMatchObject(expected);
  });

  const ESCAPES = [
    '../etc/passwd',
    'acme/../../etc/passwd',
    'acme/m/../../x.gguf',
    'https://evil.com/x',
    'http://huggingface.co/acme/m',
    '//evil.com/x/y',
    '%2e%2e/x',
    'acme/%2e%2e',
    'acme\\m',
    'acme/m\\..\\x.gguf',
    '/acme/m',
    'acme/m/notes.txt',
    'acme--x/m',
    '.hidden/m',
    'acme/m:Q4/x.gguf',
    'acme/m@main',
    'evil.com:443/x',
  ];
  it.each(ESCAPES)('refuses %s', (word) => {
    expect(() => parseHubRef(word)).toThrow();
  });

  it('refuses every escape before contacting anyone: the query, the client, handleAsync', async () => {
    const { seen } = fakeHub(HUB, {});
    const evil = fakeHub('https://evil.com', {});
    const { c, deps } = client();
    for (const word of ESCAPES) {
      // The query language refuses it as a query error (some words are not even Hub-shaped).
      expect(() => parseQuery(word), word).toThrow(QueryError);
      await expect(c.resolve(word)).rejects.toMatchObject({ kind: 'bad_id' });
      const reply = await handleAsync({ text: word }, deps);
      expect(reply.kind, word).toBe('error');
    }
    expect(seen).toEqual([]);
    expect(evil.seen).toEqual([]);
    expect(c.requests).toBe(0);
  });
});

// ---------------------------------------------------------------- config.json

describe('config.json -> architecture', () => {
  it('Llama 3.1 8B: GQA with 8 KV heads, head_dim 128, untied, 128k max, 8k default', () => {
    const s = spec('meta-llama--Llama-3.1-8B-Instruct');
    expect(s).toMatchObject({
      layers: 32,
      hidden: 4096,
      intermediate: 14336,
      heads: 32,
      kvHeads: 8,
      headDim: 128,
    });
    expect(s).toMatchObject({
      vocab: 128256,
      tiedEmbeddings: false,
      maxContext: 131072,
      defaultContext: 8192,
    });
    expect(s.slidingWindow).toBeUndefined();
    expect(s.provenance).toBe(`config.json of meta-llama/Llama-3.1-8B-Instruct @ ${SHA.slice(0, 12)}`);
  });

  it('Qwen3 30B-A3B: 128 experts, 8 active, expert width 768, explicit head_dim 128', () => {
    const s = spec('Qwen--Qwen3-30B-A3B');
    expect(s.moe).toEqual({
      experts: 128,
      active: 8,
      expertIntermediate: 768,
      sharedExperts: 0,
      denseLayers: 0,
    });
    expect(s.headDim).toBe(128);
    const p = paramBreakdown(s);
    expect(p.total / 1e9).toBeCloseTo(30.5, 1);
    // Published 3.3B active; the formula counts the embeddings too.
    expect(p.active / 1e9).toBeGreaterThan(3.2);
    expect(p.active / 1e9).toBeLessThan(3.4);
  });

  it('DeepSeek-V3: MLA (512 latent + 64 RoPE), 256 routed + 1 shared expert, 3 dense layers, FP8 checkpoint', () => {
    const s = spec('deepseek-ai--DeepSeek-V3');
    expect(s.mla).toEqual({
      kvLoraRank: 512,
      qLoraRank: 1536,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
    });
    expect(s.moe).toMatchObject({
      experts: 256,
      active: 8,
      expertIntermediate: 2048,
      sharedExperts: 1,
      denseLayers: 3,
    });
    expect(s.nativeFormat).toBe('fp8');
    expect(paramBreakdown(s).total / 1e9).toBeCloseTo(671, 0);
  });

  it('Gemma 3 4B: text_config nested under the multimodal wrapper, Gemma3TextConfig defaults, 5 local : 1 global', () => {
    const s = spec('google--gemma-3-4b-it');
    expect(s).toMatchObject({ layers: 34, hidden: 2560, heads: 8, kvHeads: 4, headDim: 256, vocab: 262208 });
    expect(s.tiedEmbeddings).toBe(true);
    expect(s.slidingWindow).toEqual({ window: 1024, localLayers: 34 - Math.floor(34 / 6) });
    expect(s.notes).toMatch(/vision tower is not counted/);
  });

  it('Qwen2.5: q/k/v bias, and a sliding window that is off (use_sliding_window false) is ignored', () => {
    const s = spec('Qwen--Qwen2.5-7B-Instruct');
    expect(s.qkvBias).toBe(true);
    expect(s.slidingWindow).toBeUndefined();
  });

  it('a GPTQ repo: quantization_config sets the format', () => {
    expect(spec('TheBloke--Llama-2-7B-Chat-GPTQ').nativeFormat).toBe('gptq-int4');
  });

  it.each([
    [{ quant_method: 'gptq', bits: 4 }, 'gptq-int4'],
    [{ quant_method: 'gptq', bits: 8 }, 'gptq-int8'],
    [{ quant_method: 'awq', bits: 4, group_size: 128 }, 'awq'],
    [{ quant_method: 'bitsandbytes', load_in_4bit: true, bnb_4bit_quant_type: 'nf4' }, 'nf4'],
    [{ quant_method: 'bitsandbytes', load_in_8bit: true }, 'int8'],
    [{ load_in_4bit: true }, 'nf4'],
    [{ quant_method: 'fp8', fmt: 'e4m3', weight_block_size: [128, 128] }, 'fp8'],
    [{ quant_method: 'mxfp4' }, 'mxfp4'],
    [
      {
        quant_method: 'compressed-tensors',
        config_groups: { g: { weights: { num_bits: 8, type: 'float' } } },
      },
      'fp8',
    ],
    [
      { quant_method: 'compressed-tensors', config_groups: { g: { weights: { num_bits: 4, type: 'int' } } } },
      'gptq-int4',
    ],
    [{ quant_method: 'hqq', nbits: 4 }, undefined],
  ])('quantization_config %j -> %s', (qc, format) => {
    const r = quantFormat(qc);
    expect(r.format).toBe(format);
    if (!format) expect(r.note).toMatch(/not in the format table/);
  });

  // Inline configs written from ../shared/reference/models.csv and each family's configuration class (keys
  // as the published config.json files spell them), for families without a saved fixture.
  it('Falcon 7B: multi_query (1 KV head), no intermediate_size (4 x hidden, plain MLP), tied by default', () => {
    const s = specFromHfConfig({
      repo: 'tiiuae/falcon-7b',
      revision: SHA,
      config: {
        model_type: 'falcon',
        hidden_size: 4544,
        num_attention_heads: 71,
        num_hidden_layers: 32,
        multi_query: true,
        new_decoder_architecture: false,
        vocab_size: 65024,
      },
    });
    expect(s).toMatchObject({
      kvHeads: 1,
      headDim: 64,
      intermediate: 18176,
      mlp: 'plain',
      tiedEmbeddings: true,
      maxContext: 2048,
    });
    expect(paramBreakdown(s).total).toBe(paramBreakdown(findModel('falcon-7b')!).total);
  });

  it('gpt-oss 20B: layer_types (12 sliding of 24, window 128), MXFP4 experts from quantization_config', () => {
    const layerTypes = Array.from({ length: 24 }, (_, i) =>
      i % 2 === 0 ? 'sliding_attention' : 'full_attention',
    );
    const s = specFromHfConfig({
      repo: 'openai/gpt-oss-20b',
      revision: SHA,
      config: {
        model_type: 'gpt_oss',
        hidden_size: 2880,
        intermediate_size: 2880,
        num_hidden_layers: 24,
        num_attention_heads: 64,
        num_key_value_heads: 8,
        head_dim: 64,
        vocab_size: 201088,
        num_local_experts: 32,
        num_experts_per_tok: 4,
        layer_types: layerTypes,
        sliding_window: 128,
        max_position_embeddings: 131072,
        attention_bias: true,
        tie_word_embeddings: false,
        quantization_config: { quant_method: 'mxfp4' },
      },
    });
    expect(s.slidingWindow).toEqual({ window: 128, localLayers: 12 });
    expect(s.moe).toMatchObject({ experts: 32, active: 4, expertIntermediate: 2880, nativeFormat: 'mxfp4' });
    expect(s.nativeFormat).toBe('mxfp4');
  });

  it('Mistral 7B v0.1: sliding_window 4096 on every layer', () => {
    const s = specFromHfConfig({
      repo: 'mistralai/Mistral-7B-v0.1',
      revision: SHA,
      config: {
        model_type: 'mistral',
        hidden_size: 4096,
        intermediate_size: 14336,
        num_hidden_layers: 32,
        num_attention_heads: 32,
        num_key_value_heads: 8,
        vocab_size: 32000,
        max_position_embeddings: 32768,
        sliding_window: 4096,
      },
    });
    expect(s.slidingWindow).toEqual({ window: 4096, localLayers: 32 });
  });

  it.each([
    [{ model_type: 'llama', hidden_size: 'big' }, /malformed at hidden_size/],
    [
      { model_type: 'llama', hidden_size: 4096, num_attention_heads: 32, vocab_size: 32000 },
      /no num_hidden_layers/,
    ],
    [{ model_type: 't5', d_model: 512 }, /no num_hidden_layers/],
    [
      {
        // A layer kind no runtime model here describes (Qwen3-Next's linear_attention is modeled: see
        // test/hybrid-architectures.test.ts).
        model_type: 'retnet',
        hidden_size: 2048,
        num_hidden_layers: 2,
        num_attention_heads: 16,
        num_key_value_heads: 2,
        vocab_size: 1000,
        intermediate_size: 5120,
        max_position_embeddings: 4096,
        layer_types: ['retention', 'full_attention'],
      },
      /not modeled/,
    ],
    [
      {
        model_type: 'llama',
        hidden_size: 4096,
        num_hidden_layers: 2,
        num_attention_heads: 32,
        num_key_value_heads: 5,
        vocab_size: 10,
        intermediate_size: 10,
        max_position_embeddings: 10,
      },
      /KV heads/,
    ],
    ['not an object', /malformed/],
  ])('malformed config %j is refused with a reason', (cfg, message) => {
    expect(() => specFromHfConfig({ repo: 'acme/m', revision: SHA, config: cfg })).toThrow(ModelConfigError);
    expect(() => specFromHfConfig({ repo: 'acme/m', revision: SHA, config: cfg })).toThrow(message);
  });

  it('safetensors metadata: the exact count and stored bytes for plain floats; packed GPTQ keeps the architecture count', () => {
    const bf16 = spec('meta-llama--Llama-3.1-8B-Instruct', {
      safetensors: { parameters: { BF16: 8_030_261_248 }, total: 8_030_261_248 },
    });
    expect(bf16.paramsOverride).toBe(8_030_261_248);
    expect(bf16.exactWeights).toMatchObject({ format: 'bf16', gpuBytes: 2 * 8_030_261_248, hostBytes: 0 });
    const gptq = spec('TheBloke--Llama-2-7B-Chat-GPTQ', {
      safetensors: { parameters: { I32: 809_500_672, F16: 266_665_984 }, total: 1_076_166_656 },
    });
    expect(gptq.paramsOverride).toBeUndefined();
    expect(gptq.exactWeights).toMatchObject({
      format: 'gptq-int4',
      gpuBytes: 809_500_672 * 4 + 266_665_984 * 2,
    });
    const mtp = spec('deepseek-ai--DeepSeek-V3', {
      safetensors: {
        parameters: { BF16: 3_918_786_560, F8_E4M3: 680_571_043_840, F32: 41_555_600 },
        total: 684_531_386_000,
      },
    });
    expect(mtp.paramsOverride).toBeUndefined();
    expect(mtp.notes).toMatch(/multi-token-prediction/);
  });
});

describe('the catalog and the Hub agree on every catalog model among the fixtures', () => {
  const PAIRS: [stem: string, catalogId: string][] = [
    ['meta-llama--Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['Qwen--Qwen3-30B-A3B', 'qwen3-30b-a3b'],
    ['deepseek-ai--DeepSeek-V3', 'deepseek-v3'],
    ['google--gemma-3-4b-it', 'gemma-3-4b'],
    ['Qwen--Qwen2.5-7B-Instruct', 'qwen2.5-7b'],
    ['Qwen--Qwen3-8B', 'qwen3-8b'],
    ['microsoft--phi-4', 'phi-4'],
    ['TheBloke--Llama-2-7B-Chat-GPTQ', 'llama-2-7b'],
  ];
  it.each(PAIRS)('%s = catalog %s', (stem, id) => {
    const hub = spec(stem);
    const cat = findModel(id)!;
    expect(cat.id).toBe(id);
    for (const k of ['layers', 'hidden', 'heads', 'kvHeads', 'headDim', 'vocab', 'tiedEmbeddings'] as const)
      expect(hub[k], k).toBe(cat[k]);
    expect(hub.moe, 'moe').toEqual(cat.moe);
    expect(hub.mla, 'mla').toEqual(cat.mla);
    expect(hub.slidingWindow, 'window').toEqual(cat.slidingWindow);
    const a = paramBreakdown(hub).total;
    const b = paramBreakdown(cat).total;
    expect(Math.abs(a - b) / b, 'params').toBeLessThan(0.01);
  });
});

// ---------------------------------------------------------------- GGUF

describe('GGUF header -> exact weights', () => {
  const shape = { layers: 4, hidden: 512, ff: 1536, heads: 8, kvHeads: 2, vocab: 1000, context: 8192 };

  it('@huggingface/gguf reads the written header; every tensor is priced by its ggml block size', async () => {
    const g = llamaGguf(shape);
    const dir = mkdtempSync(join(tmpdir(), 'gguf-'));
    const path = join(dir, 'm.gguf');
    writeFileSync(path, g.header);
    const parsed = await gguf(path, { allowLocalFile: true });
    expect(parsed.tensorInfos).toHaveLength(g.tensors.length);
    const s = specFromGguf({
      repo: 'acme/m',
      revision: SHA,
      file: 'm-Q4_K_M.gguf',
      metadata: parsed.metadata as Record<string, unknown>,
      tensors: parsed.tensorInfos,
    });
    const total = g.tensors.reduce((a, t) => a + tensorSize(t), 0);
    const embd = tensorSize(g.tensors[0]!);
    expect(s.exactWeights).toMatchObject({ format: 'q4_k_m', gpuBytes: total - embd, hostBytes: embd });
    expect(s.exactWeights!.source).toMatch(/^the GGUF header of m-Q4_K_M\.gguf \(39 tensors: /);
    expect(s).toMatchObject({
      layers: 4,
      hidden: 512,
      intermediate: 1536,
      heads: 8,
      kvHeads: 2,
      headDim: 64,
      vocab: 1000,
      maxContext: 8192,
    });
    expect(s.paramsOverride).toBe(g.tensors.reduce((a, t) => a + t.shape.reduce((x, y) => x * y, 1), 0));
    expect(s.tiedEmbeddings).toBe(false);
    // Q4_K: 144 bytes per 256 weights; Q6_K 210; F32 4 per weight.
    expect(tensorSize({ name: 'x', shape: [256, 2], type: 12 })).toBe(288);
  });

  it('the estimate uses the exact bytes, and says so; KV and compute follow from the metadata', async () => {
    const g = llamaGguf({
      layers: 32,
      hidden: 4096,
      ff: 14336,
      heads: 32,
      kvHeads: 8,
      vocab: 128256,
      context: 131072,
      tokenizer: false,
    });
    const dir = mkdtempSync(join(tmpdir(), 'gguf-'));
    writeFileSync(join(dir, 'l.gguf'), g.header);
    const parsed = await gguf(join(dir, 'l.gguf'), { allowLocalFile: true });
    const s = specFromGguf({
      repo: 'acme/l',
      revision: SHA,
      file: 'l-Q4_K_M.gguf',
      metadata: parsed.metadata as Record<string, unknown>,
      tensors: parsed.tensorInfos,
      id: 'acme/l:Q4_K_M',
    });
    const { request, model } = toRequest(parseDraft('acme/l:Q4_K_M ctx=8k'), s);
    expect(request).toMatchObject({ runtime: 'llama.cpp', format: 'q4_k_m', model: 'acme/l:Q4_K_M' });
    expect(request.assumed.join(' ')).toMatch(/the file's own type/);
    const r = buildReport(request, model);
    const w = r.components.find((c) => c.id === 'weights')!;
    expect(w.bytes).toBe(s.exactWeights!.gpuBytes);
    expect(w.detail).toMatch(/exact bytes from the GGUF header of l-Q4_K_M\.gguf/);
    expect(r.hostBytes).toBe(s.exactWeights!.hostBytes);
    // Same architecture as the catalog's Llama 3.1 8B: the KV cache is identical, the weights within a few %.
    const cat = parseQuery('llama-3.1-8b q4_k_m ctx=8k');
    const catReport = buildReport(cat.request, cat.model);
    expect(bytesOf(r, 'kv_cache')).toBe(bytesOf(catReport, 'kv_cache'));
    expect(Math.abs(w.bytes / bytesOf(catReport, 'weights') - 1)).toBeLessThan(0.06);
    expect(r.assumptions[0]).toBe(
      `architecture read from the GGUF header of l-Q4_K_M.gguf in acme/l @ ${SHA.slice(0, 12)}`,
    );
    // Another format than the file's: the formula, not the file's bytes.
    const other = estimate(toRequest(parseDraft('acme/l:Q4_K_M q8_0'), s).request, s);
    expect(other.components[0]!.detail).not.toMatch(/exact/);
    expect(() => toRequest(parseDraft('acme/l:Q4_K_M runtime=vllm'), s)).toThrow(/llama\.cpp or Ollama/);
  });

  it('refuses a tensor whose type or row length the format does not allow', () => {
    const md = {
      'general.architecture': 'llama',
      'llama.block_count': 1,
      'llama.embedding_length': 64,
      'llama.attention.head_count': 1,
      'llama.context_length': 16,
      'llama.feed_forward_length': 64,
    };
    const bad = (dtype: number, shape: number[]) => () =>
      specFromGguf({
        repo: 'a/b',
        revision: SHA,
        file: 'x.gguf',
        metadata: md,
        tensors: [{ name: 'token_embd.weight', shape, dtype }],
      });
    expect(bad(99, [64, 10])).toThrow(/type table/);
    expect(bad(12, [100, 10])).toThrow(/blocks of 256/);
  });
});

// ---------------------------------------------------------------- query words

describe('query words: owner/name', () => {
  it('keeps the id as typed, and a catalog hit stays the catalog (no lookup)', () => {
    expect(parseDraft('Acme/My-Model-7B q4_k_m ctx=16k')).toMatchObject({
      hubModel: 'Acme/My-Model-7B',
      format: 'q4_k_m',
      context: 16384,
    });
    const cat = parseDraft('meta-llama/Llama-3.1-8B-Instruct ctx=8k');
    expect(cat.model).toBe('llama-3.1-8b');
    expect(cat.hubModel).toBeUndefined();
    expect(needsLookup('meta-llama/Llama-3.1-8B-Instruct')).toBe(false);
    expect(needsLookup('/vram Acme/My-Model-7B')).toBe(true);
    expect(needsLookup('help')).toBe(false);
    expect(needsLookup({ text: '', options: { model: 'Acme/My-Model-7B' } })).toBe(true);
  });

  it.each([
    'Acme/My-Model-7B ctx=8192 private',
    'bartowski/Some-Model-GGUF:Q4_K_M ctx=4096',
    'acme/m/sub/Model-Q8_0.gguf runtime=llama.cpp',
    'model=Acme/X lora rank=8',
  ])('draftToText round-trips %s', (text) => {
    const d = parseDraft(text);
    expect(d.hubModel).toBeDefined();
    expect(parseDraft(draftToText(d))).toEqual(d);
  });

  it('two models in one query, and a Hub model on the sync path, are clear errors', () => {
    expect(() => parseDraft('acme/x llama-3.1-8b')).toThrow(/two models/);
    expect(() => parseDraft('llama-3.1-8b acme/x')).toThrow(/two models/);
    expect(() => toRequest(parseDraft('acme/x'))).toThrow(/looking up Hub models needs the async path/);
  });

  it('quantization_config gives the default format; a format word overrides it', () => {
    const s = spec('TheBloke--Llama-2-7B-Chat-GPTQ');
    const d = toRequest(parseDraft('TheBloke/Llama-2-7B-Chat-GPTQ'), s).request;
    expect(d.format).toBe('gptq-int4');
    expect(d.assumed.join(' ')).toMatch(/native GPTQ 4-bit/);
    expect(toRequest(parseDraft('TheBloke/Llama-2-7B-Chat-GPTQ nf4'), s).request.format).toBe('nf4');
  });
});

// ---------------------------------------------------------------- through the (fake) Hub

describe('lookups through the Hub client (nock)', () => {
  it('a dense GQA model: config.json at the commit, 8 KV heads priced, the source in the reply', async () => {
    const { seen } = fakeHub(HUB, {
      'acme/Llama-3.1-8B-Instruct-ft': repoWith('meta-llama--Llama-3.1-8B-Instruct'),
    });
    const { deps } = client();
    const r = estimateReply(await handleAsync({ text: '/vram acme/Llama-3.1-8B-Instruct-ft ctx=8k' }, deps));
    expect(r.title).toMatch(/^acme\/Llama-3\.1-8B-Instruct-ft · BF16 · 8k context/);
    expect(bytesOf(r, 'kv_cache')).toBe(1 * GiB);
    expect(r.assumptions[0]).toBe(
      `architecture read from config.json of acme/Llama-3.1-8B-Instruct-ft @ ${SHA.slice(0, 12)}`,
    );
    expect(seen.map((s) => s.path.split('?')[0])).toEqual([
      '/api/models/acme/Llama-3.1-8B-Instruct-ft/revision/HEAD',
      `/acme/Llama-3.1-8B-Instruct-ft/resolve/${SHA}/config.json`,
      `/acme/Llama-3.1-8B-Instruct-ft/resolve/${SHA}/config.json`,
    ]);
    expect(seen.every((s) => s.host === 'huggingface.co' && s.authorization === undefined)).toBe(true);
  });

  it('an MoE: every expert resident, speed from the active ones', async () => {
    fakeHub(HUB, { 'acme/Qwen3-30B-A3B-ft': repoWith('Qwen--Qwen3-30B-A3B') });
    const r = estimateReply(await handleAsync({ text: 'acme/Qwen3-30B-A3B-ft' }, client().deps));
    expect(r.assumptions.join('\n')).toMatch(/all 128 experts stay resident/);
    expect(r.model.params / 1e9).toBeCloseTo(30.5, 1);
  });

  it('an MLA model: the latent cache in vLLM, FP8 weights from quantization_config', async () => {
    fakeHub(HUB, { 'acme/DeepSeek-V3-ft': repoWith('deepseek-ai--DeepSeek-V3') });
    const r = estimateReply(
      await handleAsync({ text: 'acme/DeepSeek-V3-ft runtime=vllm ctx=8k' }, client().deps),
    );
    expect(r.request.format).toBe('fp8');
    expect(r.components.find((c) => c.id === 'kv_cache')!.detail).toMatch(/MLA latent \(512 \+ 64 RoPE\)/);
    expect(bytesOf(r, 'kv_cache')).toBe((512 + 64) * 2 * 61 * 8192);
  });

  it('a GPTQ repo: the format comes from quantization_config unless the query names one; safetensors bytes are exact', async () => {
    fakeHub(HUB, {
      'TheBloke/Llama-2-7B-Chat-GPTQ': repoWith('TheBloke--Llama-2-7B-Chat-GPTQ', {
        safetensors: { parameters: { I32: 809_500_672, F16: 266_665_984 }, total: 1_076_166_656 },
      }),
    });
    const { deps } = client();
    const r = estimateReply(await handleAsync({ text: 'TheBloke/Llama-2-7B-Chat-GPTQ' }, deps));
    expect(r.request.format).toBe('gptq-int4');
    const w = r.components.find((c) => c.id === 'weights')!;
    expect(w.bytes).toBe(809_500_672 * 4 + 266_665_984 * 2);
    expect(w.detail).toMatch(/exact bytes from the safetensors metadata \(I32 0\.810B, F16 0\.267B\)/);
    const nf4 = estimateReply(await handleAsync({ text: 'TheBloke/Llama-2-7B-Chat-GPTQ nf4' }, deps));
    expect(nf4.request.format).toBe('nf4');
    expect(nf4.components[0]!.detail).not.toMatch(/exact/);
  });

  it('a GGUF file by quant tag and by path: ranged header reads, exact weights, at most 2 MB per request', async () => {
    const g = llamaGguf({
      layers: 32,
      hidden: 4096,
      ff: 14336,
      heads: 32,
      kvHeads: 8,
      vocab: 128256,
      context: 131072,
    });
    expect(g.header.length).toBeGreaterThan(2_000_000); // the tokenizer makes the header span two ranges
    const { seen } = fakeHub(HUB, {
      'acme/Llama-GGUF': {
        sha: SHA,
        files: {
          'Llama-Q4_K_M.gguf': { body: g.header, size: g.fileSize },
          'Llama-Q8_0.gguf': Buffer.from('unused'),
          'mmproj-Q4_K_M.gguf': Buffer.from('unused'),
          'README.md': Buffer.from('#'),
        },
      },
    });
    const { c, deps } = client();
    const r = estimateReply(await handleAsync({ text: 'acme/Llama-GGUF:Q4_K_M ctx=8k' }, deps));
    expect(r.request).toMatchObject({ runtime: 'llama.cpp', format: 'q4_k_m' });
    const total = g.tensors.reduce((a, t) => a + tensorSize(t), 0);
    const embd = tensorSize(g.tensors[0]!);
    expect(bytesOf(r, 'weights')).toBe(total - embd);
    expect(r.hostBytes).toBe(embd);
    expect(r.components[0]!.detail).toMatch(
      /exact bytes from the GGUF header of Llama-Q4_K_M\.gguf \(291 tensors/,
    );
    const ranges = seen.filter((s) => s.range).map((s) => /bytes=(\d+)-(\d+)/.exec(s.range!)!);
    expect(ranges).toHaveLength(2);
    for (const m of ranges) expect(Number(m[2]) - Number(m[1]) + 1).toBeLessThanOrEqual(2_000_000);

    const before = c.requests;
    const byPath = estimateReply(await handleAsync({ text: 'acme/Llama-GGUF/Llama-Q4_K_M.gguf' }, deps));
    expect(bytesOf(byPath, 'weights')).toBe(total - embd);
    expect(c.requests - before).toBe(2); // no API call: the commit comes from X-Repo-Commit
    expect(byPath.assumptions[0]).toMatch(
      new RegExp(`GGUF header of Llama-Q4_K_M\\.gguf in acme/Llama-GGUF @ ${SHA.slice(0, 12)}`),
    );

    const missing = await handleAsync({ text: 'acme/Llama-GGUF:IQ2_XXS' }, deps);
    expect(missing).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(
        /no \.gguf file in acme\/Llama-GGUF matches IQ2_XXS; it has Q4_K_M, Q8_0/,
      ),
    });
  });

  it('a GGUF header larger than the read budget is refused, not read to the end', async () => {
    const g = llamaGguf({
      layers: 2,
      hidden: 256,
      ff: 512,
      heads: 4,
      kvHeads: 2,
      vocab: 200_000,
      context: 4096,
    });
    const { seen } = fakeHub(HUB, {
      'acme/big': { sha: SHA, files: { 'big-Q4_K_M.gguf': { body: g.header, size: g.fileSize } } },
    });
    // The mock socket keeps writing a body the client cancels, and a write landing after the cancel trips
    // undici's parser (an uncaught TypeError in a later test, about 1 run in 12): drain every body here first,
    // then hand the client the same response to refuse.
    const drained: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      return new Response(await res.arrayBuffer(), res);
    };
    const { deps } = client({ limits: { ggufTotalBytes: 1_500_000 }, fetch: drained });
    const r = await handleAsync({ text: 'acme/big/big-Q4_K_M.gguf' }, deps);
    expect(r).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/larger than 1500 kB; not read/),
    });
    expect(seen.filter((x) => x.range)).toHaveLength(1);
  });

  it('a gated repo: 401 asks for HF_TOKEN and the license; with the token it is sent as a bearer header to the Hub only', async () => {
    const { seen } = fakeHub(HUB, {
      'meta-llama/Gated-Model': repoWith('meta-llama--Llama-3.1-8B-Instruct', { gatedToken: TOKEN }),
    });
    const anon = await handleAsync({ text: 'meta-llama/Gated-Model' }, client().deps);
    expect(anon).toMatchObject({ kind: 'error', ephemeral: true });
    expect((anon as { message: string }).message).toMatch(
      /gated: set HF_TOKEN .* accept the license on https:\/\/huggingface\.co\/meta-llama\/Gated-Model/,
    );

    const { deps, logs } = client({ token: TOKEN });
    const ok = await handleAsync({ text: 'meta-llama/Gated-Model' }, deps);
    expect(ok.kind).toBe('estimate');
    const authed = seen.filter((s) => s.authorization !== undefined);
    expect(authed.length).toBeGreaterThan(0);
    expect(authed.every((s) => s.authorization === `Bearer ${TOKEN}` && s.host === 'huggingface.co')).toBe(
      true,
    );
    expect(JSON.stringify(ok)).not.toContain(TOKEN);
    expect(JSON.stringify(anon)).not.toContain(TOKEN);
    expect(logs.join('\n')).not.toContain(TOKEN);
    expect(logs.join('\n')).toMatch(/hub lookup/);

    // A token without access to the gated repo: the advice names the license, not a missing token.
    const wrong = await handleAsync(
      { text: 'meta-llama/Gated-Model' },
      client({ token: 'hf_someoneElsesToken1234' }).deps,
    );
    expect((wrong as { message: string }).message).toMatch(/HF_TOKEN has no access/);
  });

  it('a 404: no such repo, with the nearest catalog name; no config.json: name the GGUF', async () => {
    fakeHub(HUB, { 'acme/gguf-only': { sha: SHA, files: { 'x-Q4_K_M.gguf': Buffer.from('') } } });
    const { deps } = client();
    const missing = await handleAsync({ text: 'nobody/llama-3.1-8b-instrukt' }, deps);
    expect(missing).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(
        /^no model "nobody\/llama-3\.1-8b-instrukt" on the Hugging Face Hub\. Did you mean "[^"]+" from the catalog\?/,
      ),
    });
    const noConfig = await handleAsync({ text: 'acme/gguf-only' }, deps);
    expect(noConfig).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/has no config\.json.*acme\/gguf-only:Q4_K_M/),
    });
  });

  it('a timeout: every request is cut after the timeout, with a clear reply', async () => {
    // A Hub that never answers. (nock 15's .delay() holds back only the body, and a reply that arrives after
    // the abort can trip an assertion inside undici's mock socket, so the reply simply never comes.)
    nock(HUB)
      .get(/.*/)
      .reply(() => new Promise<[number, string]>(() => undefined));
    const { deps } = client({ timeoutMs: 150 });
    // The Hub never answers, so an answer at all proves the cut (a hang would fail at the test's timeout).
    const r = await handleAsync({ text: 'acme/slow-model' }, deps);
    expect(r).toMatchObject({ kind: 'error', message: expect.stringMatching(/did not answer in time/) });
  });

  it('rate limiting (429) and a Hub outage (503) are said as such', async () => {
    nock(HUB)
      .get(/\/api\/models\/acme\/busy\//)
      .reply(429, { error: 'Too Many Requests' }, { 'content-type': 'application/json' });
    nock(HUB)
      .get(/\/api\/models\/acme\/down\//)
      .reply(503, 'down');
    const { deps } = client();
    expect(await handleAsync({ text: 'acme/busy' }, deps)).toMatchObject({
      message: expect.stringMatching(/rate-limiting/),
    });
    expect(await handleAsync({ text: 'acme/down' }, deps)).toMatchObject({
      message: expect.stringMatching(/HTTP 503/),
    });
  });

  it('malformed files: config.json that is not JSON or not a model, a GGUF without the magic, a config over 1 MB', async () => {
    fakeHub(HUB, {
      'acme/not-json': { sha: SHA, files: { 'config.json': Buffer.from('{"model_type": "llama",') } },
      'acme/not-a-model': {
        sha: SHA,
        files: { 'config.json': Buffer.from('{"model_type":"bert-ish","hidden_size":"x"}') },
      },
      'acme/bad-gguf': { sha: SHA, files: { 'm-Q4_K_M.gguf': Buffer.from('NOPE'.repeat(100)) } },
      'acme/huge': { sha: SHA, files: { 'config.json': Buffer.from(`{"pad":"${'x'.repeat(1_100_000)}"}`) } },
    });
    const { deps } = client();
    expect(await handleAsync({ text: 'acme/not-json' }, deps)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(await handleAsync({ text: 'acme/not-a-model' }, deps)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/could not size acme\/not-a-model: .*malformed/),
    });
    expect(await handleAsync({ text: 'acme/bad-gguf:Q4_K_M' }, deps)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/not a readable GGUF file/),
    });
    expect(await handleAsync({ text: 'acme/huge' }, deps)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/larger than 1 MB/),
    });
  });

  it('caches answers (a second query makes no request), failures briefly, and bounds the cache', async () => {
    fakeHub(HUB, {
      'acme/a': repoWith('Qwen--Qwen3-8B'),
      'acme/b': repoWith('Qwen--Qwen3-8B'),
      'acme/c': repoWith('Qwen--Qwen3-8B'),
    });
    let now = 1_000_000;
    const { c, deps } = client({ now: () => now, cache: { entries: 2, ttlMs: 60_000, failureTtlMs: 5_000 } });
    await handleAsync({ text: 'acme/a' }, deps);
    const n = c.requests;
    expect(n).toBe(3);
    const again = await handleAsync({ text: 'acme/a ctx=4k lora' }, deps);
    expect(again.kind).toBe('estimate');
    expect(c.requests).toBe(n);
    expect(c.cached('acme/a')).toBe(true);

    await handleAsync({ text: 'acme/missing' }, deps);
    const afterMiss = c.requests;
    await handleAsync({ text: 'acme/missing' }, deps);
    expect(c.requests).toBe(afterMiss); // the failure is cached...
    now += 6_000;
    await handleAsync({ text: 'acme/missing' }, deps);
    expect(c.requests).toBe(afterMiss + 1); // ...briefly

    await Promise.all([c.resolve('acme/b'), c.resolve('acme/b')]); // concurrent asks share one lookup
    expect(c.requests).toBe(afterMiss + 1 + 3);
    await c.resolve('acme/c');
    expect(c.cached('acme/a')).toBe(false); // bound of 2 entries: the oldest went
    now += 61_000;
    expect(c.cached('acme/c')).toBe(false); // TTL
  });

  it('honours HF_ENDPOINT: only the mirror is contacted, the token goes there, a redirect elsewhere is refused', async () => {
    const mirror = 'https://hf-mirror.example';
    // Registered before the fake Hub's catch-all routes, so it wins for this one id.
    nock(mirror)
      .get(/\/api\/models\/acme\/moved\//)
      .reply(302, '', { location: 'https://evil.example/api/models/x' });
    const { seen } = fakeHub(mirror, { 'acme/m': repoWith('Qwen--Qwen3-8B') });
    const hub = fakeHub(HUB, {});
    const { deps } = client({ endpoint: `${mirror}/`, token: TOKEN });
    expect((await handleAsync({ text: 'acme/m' }, deps)).kind).toBe('estimate');
    expect(seen.length).toBe(3);
    expect(seen.every((s) => s.host === 'hf-mirror.example' && s.authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    );
    expect(hub.seen).toEqual([]);

    const evil = fakeHub('https://evil.example', {});
    const moved = await handleAsync({ text: 'acme/moved' }, deps);
    expect(moved).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/another host \(evil\.example\); not followed/),
    });
    expect(evil.seen).toEqual([]);
  });

  it("follows the public Hub's redirect to its download host without the token", async () => {
    const g = llamaGguf({ layers: 2, hidden: 256, ff: 512, heads: 4, kvHeads: 2, vocab: 300, context: 4096 });
    const cdn = 'https://cas-bridge.xethub.hf.co';
    nock(HUB)
      .get('/acme/lfs/resolve/main/m-Q8_0.gguf')
      .times(5)
      .reply(302, '', {
        location: `${cdn}/xet-bridge-us/abc?X-Amz-Signature=sig`,
        'x-repo-commit': SHA,
      });
    const seenCdn: (string | null)[] = [];
    nock(cdn)
      .get('/xet-bridge-us/abc')
      .query(true)
      .times(5)
      .reply((req: Request) => {
        seenCdn.push(req.headers.get('authorization'));
        return [206, g.header, { 'content-range': `bytes 0-${g.header.length - 1}/${g.fileSize}` }];
      });
    const { c } = client({ token: TOKEN });
    const s = await c.resolve('acme/lfs/m-Q8_0.gguf');
    expect(s.layers).toBe(2);
    expect(seenCdn.length).toBeGreaterThan(0);
    expect(seenCdn.every((a) => a === null)).toBe(true);
  });
});

// ---------------------------------------------------------------- commands, CLI, console

describe('handleAsync, buttons, the CLI and the console', () => {
  const stub = (impl: (id: string) => Promise<ModelSpec>): HubResolver => ({ resolve: impl });
  const llama = spec('meta-llama--Llama-3.1-8B-Instruct', { id: 'acme/x' });

  it('leaves catalog queries, help and errors on the sync path (no lookup)', async () => {
    let calls = 0;
    const deps = { hub: stub(async () => (calls++, llama)) };
    expect((await handleAsync({ text: 'llama-3.1-8b' }, deps)).kind).toBe('estimate');
    expect((await handleAsync({ text: 'help' }, deps)).kind).toBe('help');
    expect((await handleAsync({ text: 'zzz' }, deps)).kind).toBe('error');
    expect(calls).toBe(0);
  });

  it('a button on a Hub model reply looks the model up again (from the cache in practice)', async () => {
    let calls = 0;
    const deps = { hub: stub(async () => (calls++, llama)) };
    const r = await runVariantAsync('v1:lora:acme/x ctx=8192', deps);
    expect(estimateReply(r).request.mode).toBe('lora');
    const half = await runVariantAsync('v1:half:acme/x ctx=8192', deps);
    expect(estimateReply(half).request.context).toBe(4096);
    expect(calls).toBe(2);
  });

  it('CLI: 0 for an answer, 2 for a bad id or a 404, 1 only for an internal fault', async () => {
    const ok = await runCliAsync(['--json', 'acme/x'], { hub: stub(async () => llama) });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).assumptions[0]).toMatch(/^architecture read from config\.json/);
    const bad = await runCliAsync(['--json', '../etc/passwd'], { hub: stub(async () => llama) });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({ error: { message: expect.any(String) } });
    const missing = await runCliAsync(['acme/x'], {
      hub: stub(async () => {
        throw new HubLookupError('not_found', 'no model "acme/x" on the Hugging Face Hub.');
      }),
    });
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: no model "acme\/x"/) });
    const fault = await runCliAsync(['acme/x'], {
      hub: stub(async () => {
        throw new Error('boom');
      }),
    });
    expect(fault.code).toBe(1);
    expect(fault.stderr).not.toContain('boom');
  });

  it('console: a Hub line is answered after its lookup', async () => {
    const text = await answerLineAsync(
      '/vram acme/x q4_k_m',
      { hub: stub(async () => llama) },
      () => undefined,
    );
    expect(text).toMatch(/^meta-llama\/Llama-3\.1-8B-Instruct · GGUF Q4_K_M/);
    expect(text).toMatch(/architecture read from config\.json of meta-llama\/Llama-3\.1-8B-Instruct/);
  });

  it('autocomplete keeps a typed Hub id as the first choice', () => {
    expect(complete('Qwen/Qwen2.5-Coder-32B-Instruct-AWQ')[0]).toBe('Qwen/Qwen2.5-Coder-32B-Instruct-AWQ');
  });

  it('every catalog reply now says where its architecture came from', () => {
    const r = buildReport(parseQuery('llama-3.1-8b').request, parseQuery('llama-3.1-8b').model);
    expect(r.assumptions[0]).toBe(
      'architecture from the catalog: Llama 3.1 8B (meta-llama/Llama-3.1-8B-Instruct)',
    );
    expect(buildReport(parseQuery('13b').request, parseQuery('13b').model).assumptions[0]).toMatch(
      /Llama-style shape/,
    );
  });
});
