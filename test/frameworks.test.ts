// Training frameworks as stated profiles, multi-GPU strategies and the loss switches (issue 11).
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../src/query/parse.ts';
import { component, est, GiB, refused, report } from './helpers.ts';

const q = (text: string) => parseQuery(text).request;

describe('framework words', () => {
  it.each([
    ['llama-3.1-8b qlora with unsloth', 'unsloth'],
    ['llama-3.1-8b lora in axolotl', 'axolotl'],
    ['llama-3.1-8b full framework=torchtune', 'torchtune'],
    ['llama-3.1-8b lora llama-factory', 'llama-factory'],
    ['llama-3.1-8b lora litgpt', 'litgpt'],
    ['llama-3.1-8b lora framework=hf', 'hf'],
    ['llama-3.1-8b lora peft', 'hf'],
    ['llama-3.1-8b lora', 'trl'],
  ])('%s -> %s, stated in the reply', (text, framework) => {
    const r = q(text);
    expect(r.framework).toBe(framework);
    expect(r.assumed.join(' ')).toMatch(
      text.includes(framework) || framework === 'hf' ? /./ : /framework TRL SFTTrainer/,
    );
  });

  it('each profile sets its loss and checkpointing; switches work without a framework', () => {
    expect([q('llama-3.1-8b qlora unsloth').loss, q('llama-3.1-8b qlora unsloth').activationOffload]).toEqual(
      ['fused', true],
    );
    expect(q('llama-3.1-8b lora torchtune').loss).toBe('chunked');
    expect(q('llama-3.1-8b lora framework=hf').loss).toBe('full');
    expect(q('llama-3.1-8b lora framework=hf').gradientCheckpointing).toBe(false);
    expect(q('llama-3.1-8b qlora framework=hf').gradientCheckpointing).toBe(true);
    expect(q('llama-3.1-8b lora').loss).toBe('chunked');
    expect(q('llama-3.1-8b lora loss=fused').loss).toBe('fused');
    expect(q('llama-3.1-8b lora liger').loss).toBe('fused');
    expect(q('llama-3.1-8b lora gc=offload').activationOffload).toBe(true);
  });

  it('torchtune trains in pure bf16 unless told otherwise', () => {
    expect(q('llama-3.1-8b full torchtune').precision).toBe('bf16');
    expect(q('llama-3.1-8b qlora torchtune').precision).toBe('bf16');
    expect(q('llama-3.1-8b full torchtune mixed').precision).toBe('mixed');
  });

  it('contradictions get one clear line', () => {
    expect(refused('llama-3.1-8b unsloth')).toMatch(
      /unsloth is a fine-tuning framework: add lora, qlora or full/,
    );
    expect(refused('llama-3.1-8b qlora framework=unsloth runtime=vllm')).toMatch(/runs in PyTorch/);
    expect(refused('llama-3.1-8b full zero=3 gpus=1')).toMatch(/shards the job over several GPUs/);
    expect(refused('llama-3.1-8b lora gc=off gc=offload')).toMatch(/two gradient checkpointing settings/);
    expect(refused('llama-3.1-8b full deepspeed')).toMatch(/zero=1, zero=2 or zero=3/);
    expect(refused('llama-3.1-8b full framework=megatron')).toMatch(/framework= takes one of/);
  });
});

describe('loss physics', () => {
  // Llama 3.1 8B, seq 2048 x batch 2 = 4096 tokens, vocab 128256, hidden 4096.
  const T = 4096;
  it('full: 12 bytes per logit (16-bit logits, fp32 upcast, log-softmax and its gradient)', () => {
    expect(component(est('llama-3.1-8b lora seq=2048 batch=2 framework=hf'), 'logits')).toBe(T * 128256 * 12);
  });
  it('chunked, released (torchtune, 8 chunks): one chunk of 512 tokens at 12 bytes per logit', () => {
    const e = est('llama-3.1-8b lora seq=2048 batch=2 torchtune');
    expect(component(e, 'logits')).toBe(512 * 128256 * 12);
    // The band's top is the reading where every chunk's 16-bit logits outlive it.
    expect(e.components.find((c) => c.id === 'logits')!.high).toBe(512 * 128256 * 12 + T * 128256 * 2);
  });
  it("chunked, kept (LitGPT, 128-token lm_head chunks): every chunk's 16-bit logits stay for backward", () => {
    expect(component(est('llama-3.1-8b lora seq=2048 batch=2 litgpt'), 'logits')).toBe(
      T * 128256 * 2 + 128 * 128256 * 12,
    );
  });
  it('chunked, recomputed (TRL chunked_nll): one 256-token fp32 chunk + an fp32 copy of lm_head', () => {
    expect(component(est('llama-3.1-8b lora seq=2048 batch=2 trl'), 'logits')).toBe(
      256 * 128256 * 8 + 128256 * 4096 * 4,
    );
  });
  it('fused (Liger / Cut Cross-Entropy / Unsloth): never the full logits, ~8 bytes x hidden per token', () => {
    const fused = component(est('llama-3.1-8b lora seq=2048 batch=2 loss=fused'), 'logits');
    expect(fused).toBe(T * 4096 * 8);
    // At 128k tokens the full logits would take ~188 GiB; Unsloth's fp32 chunks stay at 4 GiB (+ the
    // tokens x hidden gradient buffer).
    expect(component(est('llama-3.1-8b qlora seq=128k unsloth'), 'logits')).toBe(4 * GiB + 131072 * 4096 * 2);
  });
  it('offloaded checkpointing keeps two layer inputs on the GPU instead of all 32', () => {
    const on = component(est('llama-3.1-8b lora seq=2048 batch=2 gc=on'), 'activations');
    const off = component(est('llama-3.1-8b lora seq=2048 batch=2 gc=offload'), 'activations');
    expect(on - off).toBe(30 * T * 4096 * 2);
  });
});

describe('multi-GPU training strategies', () => {
  const perCard = (text: string) => est(text).perCard(8);
  it('DDP keeps everything on every card; ZeRO-1/2/3 divide more and more', () => {
    const ddp = perCard('llama-3.1-8b full gpus=8 ddp');
    const z1 = perCard('llama-3.1-8b full gpus=8 zero=1');
    const z2 = perCard('llama-3.1-8b full gpus=8 zero=2');
    const z3 = perCard('llama-3.1-8b full gpus=8 zero=3');
    expect(ddp).toBeGreaterThan(z1);
    expect(z1).toBeGreaterThan(z2);
    expect(z2).toBeGreaterThan(z3);
    // Mixed precision AdamW: fp32 weights 4 + grads 4 + moments 8 bytes per parameter. ZeRO-1 divides the 8;
    // DDP also keeps a second copy of the gradients in its buckets (gradient_as_bucket_view off).
    const e = est('llama-3.1-8b full gpus=8 ddp');
    const opt = component(e, 'optimizer');
    const grads = e.components.find((c) => c.id === 'gradients')!.high;
    expect(ddp - z1).toBeCloseTo((opt * 7) / 8 + grads, -3);
  });
  it('"full fine-tune on 8x H100" states the strategy it assumed', () => {
    const r = q('llama-3.1-70b full on 8x h100');
    expect(r.parallelism).toBe('fsdp');
    expect(r.assumed.join(' ')).toMatch(/FSDP full sharding/);
  });
});

describe('runtime physics added with the frameworks', () => {
  it('llama.cpp reserves the output node for a whole micro-batch of f32 logits (large vocabularies)', () => {
    // Gemma 3 4B at 4k: 512 x (262,208 + 2,560) x 4 bytes outweighs the layers' buffers.
    expect(component(est('gemma-3-4b q4_k_m ctx=4k'), 'activations')).toBe(512 * (262208 + 2560) * 4);
    // A 32k-vocabulary 7B keeps the layer formula that matches llama.cpp's CI logs.
    expect(component(est('7b q4_0 ctx=2048 runtime=llama.cpp'), 'activations')).toBeLessThan(
      512 * 2048 * 32 * 4 + 512 * (11008 + 8192) * 4 + 1,
    );
  });
  it('torchao weight-only formats quantize lm_head and dequantize one matrix per matmul', () => {
    const e = est('llama-3.1-8b int8wo ctx=8k');
    expect(e.format.id).toBe('torchao-int8wo');
    expect(e.components.find((c) => c.id === 'weights')!.detail).toMatch(/lm_head 525M x 8 bits/);
    // The dequantized copy is the largest matrix: the 128,256 x 4,096 output projection in bf16.
    const withDequant = component(e, 'activations');
    const nf4 = component(est('llama-3.1-8b nf4 ctx=8k'), 'activations');
    expect(withDequant - nf4).toBe((128256 * 4096 - 14336 * 4096) * 2);
  });
  it('every reply says what its range covers and what the total means', () => {
    expect(report('llama-3.1-8b q4_k_m').assumptions.join(' ')).toMatch(
      /range covers .* how much of the context is prompt; the total is what the GPU holds/,
    );
    expect(report('llama-3.1-8b full optimizer=paged_adamw8bit').assumptions.join(' ')).toMatch(
      /leave out the overhead line and the paged optimizer states/,
    );
  });
});
