// The query language (design 2.2): words in any order, aliases, forgiving phrasing, clear errors.
import { describe, expect, it } from 'vitest';
import { parseQuery, QueryError } from '../src/query/parse.ts';

const q = (text: string) => parseQuery(text).request;

function errorOf(text: string): string {
  try {
    parseQuery(text);
  } catch (e) {
    if (e instanceof QueryError) return e.message;
    throw e;
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe('models', () => {
  it.each([
    ['llama-3.1-8b', 'llama-3.1-8b'],
    ['llama3.1:8b', 'llama-3.1-8b'],
    ['Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['mixtral-8x7b', 'mixtral-8x7b'],
    ['qwen3-30b-a3b', 'qwen3-30b-a3b'],
    ['llama 3.1 8b', 'llama-3.1-8b'],
    ['qwen 2.5 72b', 'qwen2.5-72b'],
    ['mistral 7b', 'mistral-7b'],
    ['model=gemma-2-9b', 'gemma-2-9b'],
  ])('%s -> %s', (text, id) => {
    expect(q(text).model).toBe(id);
  });
  it.each([
    ['7b', 'size:7'],
    ['13B', 'size:13'],
    ['1.5b', 'size:1.5'],
    ['500m', 'size:0.5'],
  ])('a size %s maps to a stated Llama-style shape', (text, id) => {
    const r = q(text);
    expect(r.model).toBe(id);
    expect(r.assumed.join(' ')).toMatch(/Llama/);
  });
});

describe('settings', () => {
  it('reads the design examples', () => {
    expect(q('13b int4 ctx=8192')).toMatchObject({
      model: 'size:13',
      context: 8192,
      mode: 'inference',
      format: 'nf4',
    });
    expect(q('llama-3.1-70b q4_k_m ctx=32k')).toMatchObject({
      format: 'q4_k_m',
      context: 32768,
      runtime: 'llama.cpp',
    });
    expect(q('mistral-7b qlora rank=16')).toMatchObject({
      mode: 'qlora',
      format: 'nf4',
      lora: { rank: 16, targets: 'all' },
    });
  });
  it('words in any order and any case give the same request', () => {
    expect(q('CTX=8K Q4_K_M Llama-3.1-8B')).toEqual(q('llama-3.1-8b q4_k_m ctx=8k'));
  });
  it.each(['ctx=8192', 'ctx=8k', '8k context', 'context 8192', 'ctx 8k', '8k'])('%s is 8192 tokens', (c) => {
    expect(q(`llama-3.1-8b ${c}`).context).toBe(8192);
  });
  it('ignores filler words and reads the GPU after "on"', () => {
    const r = q('can i run llama 3.1 8b on my 4090 with 8k context?');
    expect(r).toMatchObject({ model: 'llama-3.1-8b', gpu: 'rtx-4090', context: 8192 });
  });
  it.each([
    ['on 2x3090', 'rtx-3090', 2],
    ['on a 4090', 'rtx-4090', null],
    ['on my m2 ultra 192gb', 'apple-m2-ultra-192gb', null],
    ['gpu=2x3090', 'rtx-3090', 2],
    ['gpu=rtx-4090 gpus=4', 'rtx-4090', 4],
    ['on 8x h100', 'h100-sxm', 8],
    ['on 8 x h100', 'h100-sxm', 8],
    ['on 2x rtx 4090', 'rtx-4090', 2],
    ['on 4x a100 80gb', 'a100-80gb-sxm', 4],
    ['on two 3090s', 'rtx-3090', 2],
    ['on 4 h100s', 'h100-sxm', 4],
  ])('hardware focus %s', (text, gpu, count) => {
    const r = q(`llama-3.1-8b ${text}`);
    expect(r.gpu).toBe(gpu);
    expect(r.gpuCount).toBe(count);
  });
  it.each([
    ['4-bit', 'nf4'],
    ['4 bit', 'nf4'],
    // "q4" is llama.cpp's word, like q5 / q6 / q8: the Q4_K_M file.
    ['q4', 'q4_k_m'],
    ['4bit runtime=ollama', 'q4_k_m'],
    ['int4 runtime=vllm', 'awq'],
    ['int8 runtime=llama.cpp', 'q8_0'],
    ['gptq', 'gptq-int4'],
    ['q4km', 'q4_k_m'],
    ['exl2=4.5', 'exl2=4.5'],
    ['mxfp4', 'mxfp4'],
    ['iq4_xs', 'iq4_xs'],
  ])('format word %s -> %s', (text, fmt) => {
    expect(q(`llama-3.1-8b ${text}`).format).toBe(fmt);
  });
  it('the KV type is independent of the weight format and defaults to 16-bit', () => {
    expect(q('llama-3.1-8b int4').kvType).toBe('fp16');
    expect(q('llama-3.1-8b q4_k_m kv=q8_0').kvType).toBe('q8_0');
    expect(q('llama-3.1-8b fp8 runtime=vllm kv=fp8').kvType).toBe('fp8');
  });
  it('training words', () => {
    const r = q('llama-3.1-8b lora seq=4096 rank=32 targets=qv optimizer=adamw8bit gc=on accum=8 batch=2');
    expect(r).toMatchObject({
      mode: 'lora',
      context: 4096,
      lora: { rank: 32, targets: 'qv' },
      optimizer: 'adamw8bit',
      gradientCheckpointing: true,
      accumulation: 8,
      batch: 2,
    });
  });
  it.each([
    ['full bf16', 'bf16'],
    ['train fp16', 'fp16'],
    ['finetune mixed', 'mixed'],
    ['full fp32', 'fp32'],
    ['full', 'mixed'],
  ])('training precision %s -> %s', (text, precision) => {
    expect(q(`llama-3.2-1b ${text}`).precision).toBe(precision);
  });
  it('states every default it fills in', () => {
    const r = q('llama-3.1-8b');
    const said = r.assumed.join('\n');
    expect(said).toMatch(/runtime/);
    expect(said).toMatch(/context 8k/);
    expect(said).toMatch(/bf16/);
  });
  it('defaults to a common context, never the maximum', () => {
    expect(q('llama-3.1-8b').context).toBe(8192);
    expect(q('llama-2-7b').context).toBe(4096);
  });
  it.each([
    ['can i finetune llama 3.1 8b with qlora on a 4090?', 'qlora'],
    ['fine-tune llama-3.1-8b with lora', 'lora'],
    ['llama-3.1-8b finetune', 'full'],
    ['llama-3.1-8b mode=train', 'full'],
    ['llama-3.1-8b lora finetune', 'lora'],
  ])('a generic training word yields to lora/qlora: %s', (text, mode) => {
    expect(q(text).mode).toBe(mode);
  });
  it('Qwen2.5-Coder uses the base model shape', () => {
    expect(q('qwen2.5-coder-32b q4_k_m').model).toBe('qwen2.5-32b');
  });
  it('private / public', () => {
    expect(q('llama-3.1-8b private').visibility).toBe('private');
    expect(q('llama-3.1-8b').visibility).toBe('public');
  });
});

describe('errors name the word and suggest the nearest', () => {
  it.each([
    ['lamma-3-8b', /"lamma-3-8b".*"llama-3-8b"/],
    ['llama-3.1-8b q4_k_n', /q4_k_m/],
    ['llama-3.1-8b runtim=vllm', /runtime=/],
    ['llama-3.1-8b on rtx 4099', /rtx-4090/],
    ['lama 3.1 8b', /llama-3.1-8b/],
  ])('%s', (text, re) => {
    expect(errorOf(text)).toMatch(re);
  });
  it.each([
    ['llama-3-8b ctx=10000000000000000', /ctx must be between/],
    ['llama-3-8b ctx=0', /ctx must be between/],
    ['llama-3-8b batch=-3', /batch/],
    ['llama-3-8b batch=0', /batch/],
    ['llama-3-8b batch=1.5', /batch/],
    ['llama-3-8b rank=100000', /rank/],
    ['llama-3-8b ctx=abc', /ctx/],
    ['99999999b', /model size/],
    ['exl2=13', /exl2=/],
  ])('bounds: %s', (text, re) => {
    expect(errorOf(text)).toMatch(re);
  });
  it.each([
    ['llama-3-8b mistral-7b', /two models/],
    ['llama-3-8b q4_k_m q8_0', /two weight formats/],
    ['llama-3-8b ctx=4k ctx=8k', /two context/],
    ['llama-3-8b lora qlora', /two modes/],
    ['llama-3-8b full q4_k_m', /full fine-tuning/],
    ['llama-3-8b q4_k_m runtime=vllm', /GGUF/],
    ['llama-3-8b awq runtime=llama.cpp', /GGUF/],
    ['llama-3-8b lora runtime=vllm', /PyTorch/],
    ['llama-3-8b rank=8', /LoRA settings|training setting/],
    ['llama-3-8b kv=q4_0 runtime=vllm', /kv=fp8/],
    ['llama-3-8b 8192', /ambiguous/],
    ['ctx=8k', /name a model/],
    ['', /name a model/],
  ])('conflicts and gaps: %s', (text, re) => {
    expect(errorOf(text)).toMatch(re);
  });
  it('refuses a query longer than a chat message could be', () => {
    expect(errorOf(`llama-3-8b ${'x'.repeat(600)}`)).toMatch(/characters/);
  });
});
