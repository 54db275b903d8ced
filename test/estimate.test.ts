// Engine figures against hand-computed values (exact where the formula is exact).
import { describe, expect, it } from 'vitest';
import { findModel } from '../src/catalog/models.ts';
import { loraParams } from '../src/estimate.ts';
import { paramBreakdown } from '../src/catalog/params.ts';
import { component, est, GiB, report } from './helpers.ts';

describe('KV cache', () => {
  it('Llama-2-13B at 8192 tokens, fp16: 2 x 40 heads x 128 x 2 B x 40 layers x 8192 = 6.25 GiB', () => {
    expect(component(report('llama-2-13b fp16 ctx=8192'), 'kv_cache')).toBe(6.25 * GiB);
  });
  it('a bare 13b is the Llama-2-13B shape, whatever the weight format (int4 weights do not shrink the KV)', () => {
    expect(component(report('13b int4 ctx=8192'), 'kv_cache')).toBe(6.25 * GiB);
  });
  it('Llama-3.1-8B uses its 8 KV heads (GQA): 1 GiB at 8192', () => {
    expect(component(report('llama-3.1-8b ctx=8192'), 'kv_cache')).toBe(1 * GiB);
  });
  it('Qwen3-0.6B uses the explicit head_dim 128, not hidden/heads = 64', () => {
    // 28 layers x 2 x 8 KV heads x 128 x 2 bytes x 8192 tokens
    expect(component(report('qwen3-0.6b ctx=8192'), 'kv_cache')).toBe(28 * 2 * 8 * 128 * 2 * 8192);
  });
  it('Gemma 2 9B caps its 21 sliding-window layers at 4096 tokens', () => {
    // 21 global layers x 8192 + 21 local x 4096, 2 x 8 KV heads x 256 x 2 bytes
    expect(component(report('gemma-2-9b ctx=8192'), 'kv_cache')).toBe(
      (21 * 8192 + 21 * 4096) * 2 * 8 * 256 * 2,
    );
  });
  it('gpt-oss-20b: alternating 128-token windows', () => {
    expect(component(report('gpt-oss-20b ctx=8192'), 'kv_cache')).toBe(
      (12 * 8192 + 12 * 128) * 2 * 8 * 64 * 2,
    );
  });
  it('DeepSeek-V3 under vLLM caches the MLA latent: 512 + 64 elements per token per layer', () => {
    expect(component(report('deepseek-v3 fp8 ctx=8192 runtime=vllm'), 'kv_cache')).toBe(61 * 576 * 2 * 8192);
  });
  it('transformers caches DeepSeek-V3 keys and values per head instead of the latent', () => {
    const kv = component(report('deepseek-v3 fp8 ctx=1024 runtime=transformers'), 'kv_cache');
    expect(kv).toBe(61 * 128 * (192 + 128) * 2 * 1024);
  });
  it('kv=q8_0 stores 34 bytes per 32 elements; kv=q4_0 18 per 32', () => {
    expect(component(report('llama-3.1-8b q4_k_m ctx=8192 kv=q8_0'), 'kv_cache')).toBe((1 * GiB * 34) / 64);
    expect(component(report('llama-3.1-8b q4_k_m ctx=8192 kv=q4_0'), 'kv_cache')).toBe((1 * GiB * 18) / 64);
  });
  it('batch multiplies the cache', () => {
    expect(component(report('llama-3.1-8b ctx=8192 batch=4'), 'kv_cache')).toBe(4 * GiB);
  });
});

describe('weights', () => {
  it('Llama-2-7B has 6,738,415,616 parameters (the published count)', () => {
    expect(paramBreakdown(findModel('llama-2-7b')!).total).toBe(6_738_415_616);
  });
  it('fp16 weights are 2 bytes per parameter', () => {
    expect(component(report('llama-2-7b fp16'), 'weights')).toBe(6_738_415_616 * 2);
  });
  it('NF4 compresses the linear layers only: embeddings, lm_head and norms stay 16-bit', () => {
    const p = paramBreakdown(findModel('llama-2-7b')!);
    const expected = Math.round((p.linear * 4.127) / 8 + (p.embedding + p.lmHead + p.norms) * 2);
    expect(component(report('llama-2-7b nf4'), 'weights')).toBe(expected);
  });
  it('MoE weights count every expert: Mixtral 8x7B in bf16 is ~87 GiB, not the 13B active', () => {
    const w = component(report('mixtral-8x7b bf16'), 'weights') / GiB;
    expect(w).toBeGreaterThan(86);
    expect(w).toBeLessThan(88);
  });
  it('llama.cpp keeps the token embeddings in system RAM', () => {
    const r = report('7b q8_0 runtime=llama.cpp');
    expect(r.hostBytes).toBe((131_072_000 * 8.5) / 8);
  });
  it('GGUF Q4_K_M averages ~4.8 bits on the linear layers of a 7B (llama.cpp quantize table: 4.84 bpw overall)', () => {
    const p = paramBreakdown(findModel('llama-2-7b')!);
    const w = component(report('7b q4_k_m runtime=llama.cpp'), 'weights');
    const bpw = ((w + (p.embedding * 4.5) / 8) * 8) / p.total;
    expect(bpw).toBeGreaterThan(4.8);
    expect(bpw).toBeLessThan(4.9);
  });
});

describe('training', () => {
  it('LoRA r=16 on q,v of Llama-3-8B trains 6,815,744 parameters (as PEFT prints)', () => {
    expect(loraParams(findModel('llama-3-8b')!, 16, 'qv')).toBe(6_815_744);
  });
  it('LoRA r=16 on all linear layers of Llama-3-8B trains 41,943,040 parameters', () => {
    expect(loraParams(findModel('llama-3-8b')!, 16, 'all')).toBe(41_943_040);
  });
  // The gradients component's `high` is the full gradient size; its `bytes` is what remains at the peak once
  // backward has freed the activations (see "gradients fill in as activations are freed" below).
  const fullStates = (r: ReturnType<typeof report>) =>
    component(r, 'weights') +
    r.components.find((c) => c.id === 'gradients')!.high +
    component(r, 'optimizer');
  it('mixed-precision full fine-tune with AdamW costs 16 bytes per parameter before activations', () => {
    expect(fullStates(report('llama-2-7b full mixed seq=512')) / 6_738_415_616).toBeCloseTo(16, 2);
  });
  it('pure bf16 AdamW: 2 + 2 + 4 = 8 bytes per parameter', () => {
    expect(fullStates(report('llama-2-7b full bf16 seq=512')) / 6_738_415_616).toBeCloseTo(8, 2);
  });
  it('gradients fill in as activations are freed: the peak holds max(gradients, activations + loss)', () => {
    const r = report('llama-2-7b full bf16 seq=512');
    const g = r.components.find((c) => c.id === 'gradients')!;
    const dynamic = component(r, 'activations') + component(r, 'logits');
    expect(g.bytes).toBe(Math.max(0, g.high - dynamic));
    // With accumulation the gradients persist into the next forward: all of them count.
    const acc = report('llama-2-7b full bf16 seq=512 accum=4');
    expect(component(acc, 'gradients')).toBe(6_738_415_616 * 2);
  });
  it('8-bit AdamW keeps 2 bytes of state per parameter', () => {
    expect(component(report('llama-2-7b full bf16 optimizer=adamw8bit'), 'optimizer')).toBe(
      6_738_415_616 * 2,
    );
  });
  it('QLoRA trains only the adapters: gradients and optimizer cover LoRA parameters', () => {
    // PEFT's own loop keeps adapters, gradients and moments in fp32 (TRL casts QLoRA adapters to bf16).
    const r = report('llama-3-8b qlora rank=16 targets=qv framework=hf');
    expect(r.components.find((c) => c.id === 'gradients')!.high).toBe(6_815_744 * 4);
    expect(component(r, 'optimizer')).toBe(6_815_744 * 8);
  });
  it('gradient checkpointing cuts activations by an order of magnitude at long sequences', () => {
    const off = component(report('llama-3.1-8b lora seq=4096 gc=off'), 'activations');
    const on = component(report('llama-3.1-8b lora seq=4096 gc=on'), 'activations');
    expect(on * 5).toBeLessThan(off);
  });
  it('eager attention (fa=off) adds the tokens x tokens scores', () => {
    const fa = component(report('llama-3.1-8b lora seq=4096 gc=off fa=on'), 'activations');
    const eager = component(report('llama-3.1-8b lora seq=4096 gc=off fa=off'), 'activations');
    // 32 layers x 32 heads x 4096^2 x 6 bytes more
    expect(eager - fa).toBe(32 * 32 * 4096 * 4096 * 6);
  });
  it('the Trainer full fp32 logits dominate at long sequences with a large vocabulary: 12 bytes per logit', () => {
    expect(component(report('llama-3.1-8b lora seq=4096 framework=hf'), 'logits')).toBe(4096 * 128256 * 12);
  });
  it('accumulation adds at most the gradients to the peak (they outlive the backward), and the reply says so', () => {
    const a = report('llama-3.1-8b qlora seq=2048 batch=2');
    const b = report('llama-3.1-8b qlora seq=2048 batch=2 accum=8');
    const grads = b.components.find((c) => c.id === 'gradients')!.high;
    expect(b.total.bytes - a.total.bytes).toBeLessThanOrEqual(grads);
    expect(b.total.bytes).toBeGreaterThanOrEqual(a.total.bytes);
    expect(b.assumptions.join(' ')).toMatch(/micro-batch/);
  });
});

describe('inference activations', () => {
  it('transformers prefills the whole prompt: 3 x intermediate + 4 x hidden per token, 16-bit', () => {
    const a = component(report('qwen2.5-7b bf16 ctx=32768 runtime=transformers'), 'activations');
    const expected = 32768 * (3 * 18944 + 4 * 3584) * 2 + 152064 * 4;
    expect(a).toBe(expected);
  });
  it('llama.cpp compute buffer without flash attention matches the CI log (164 MiB at n_ctx 2048) within 5%', () => {
    const a = component(report('7b q4_0 ctx=2048 runtime=llama.cpp'), 'activations');
    expect(Math.abs(a / 2 ** 20 - 164) / 164).toBeLessThan(0.05);
  });
  it('flash attention shrinks the llama.cpp compute buffer', () => {
    const off = component(report('7b q4_0 ctx=32k runtime=llama.cpp fa=off'), 'activations');
    const on = component(report('7b q4_0 ctx=32k runtime=llama.cpp fa=on'), 'activations');
    expect(on * 4).toBeLessThan(off);
  });
});

describe('the report adds up', () => {
  const queries = [
    '13b int4 ctx=8192',
    'llama-3.1-70b q4_k_m ctx=32k',
    'mistral-7b qlora rank=16',
    'deepseek-r1 q2_k runtime=llama.cpp',
    'qwen3-235b-a22b fp8 runtime=vllm ctx=32k batch=8',
    'llama-3.1-405b full mixed gpus=64 gpu=h100',
  ];
  for (const q of queries) {
    it(`components sum to the total and low <= total <= high: ${q}`, () => {
      const r = report(q);
      expect(r.components.reduce((a, c) => a + c.bytes, 0)).toBe(r.total.bytes);
      expect(r.total.low).toBeLessThanOrEqual(r.total.bytes);
      expect(r.total.bytes).toBeLessThanOrEqual(r.total.high);
      for (const c of r.components) {
        expect(Number.isInteger(c.bytes)).toBe(true);
        expect(c.detail.length).toBeGreaterThan(10);
      }
    });
  }
  it('every estimate explains each component with numbers', () => {
    const e = est('llama-3.1-8b q4_k_m ctx=8k');
    for (const c of e.components) expect(c.detail).toMatch(/\d/);
  });
});

describe('gpt-oss GGUF and MLX files keep the MXFP4 experts', () => {
  // Published file sizes (GB = 1e9): gpt-oss-20b GGUF F16 13.8, Q8_0 12.1; gpt-oss-120b Q8_0 63.4
  // (llama.cpp issue 15117, llmfit PR 1059). The file is GPU weights + the token embeddings kept in RAM.
  const fileGB = (q: string) => {
    const e = est(q);
    return (e.components.find((c) => c.id === 'weights')!.bytes + e.hostBytes) / 1e9;
  };
  it.each([
    ['gpt-oss-20b f16', 13.8],
    ['gpt-oss-20b q8_0', 12.1],
    ['gpt-oss-120b q8_0', 63.4],
  ])('%s is the published file size within 2%%', (q, gb) => {
    expect(Math.abs(fileGB(q) / gb - 1)).toBeLessThan(0.02);
  });
  it('a lower GGUF quant saves only the non-expert weights', () => {
    const q8 = component(report('gpt-oss-120b q8_0'), 'weights');
    const q2 = component(report('gpt-oss-120b iq2_m'), 'weights');
    expect(q8 - q2).toBeLessThan(1.5 * GiB);
    expect(q2).toBeGreaterThan(55 * GiB);
  });
  it('an MoE that ships in BF16 quantizes its experts too: Qwen3-30B-A3B Q8_0 is ~8.5 bits throughout', () => {
    // 30.5B params x 8.5 bits = 32.4 GB = 30.2 GiB (minus the embeddings llama.cpp keeps in RAM).
    expect(component(report('qwen3-30b-a3b q8_0'), 'weights')).toBeGreaterThan(29 * GiB);
  });
  it('two 3090s are not offered a 2-bit gpt-oss-120b that does not exist: it takes 3 cards', () => {
    const r = report('can i run gpt-oss 120b on two 3090s');
    expect(r.summary).toMatch(/takes 3 of them/);
    expect(r.summary).not.toMatch(/IQ2_M/);
  });
});

describe('Mistral Large 3 against its published figures', () => {
  it('the Q8_0 GGUF is 716 GB (llama.cpp PR 17730) within 2%', () => {
    const e = est('mistral large 3 q8_0');
    const gb = (e.components.find((c) => c.id === 'weights')!.bytes + e.hostBytes) / 1e9;
    expect(Math.abs(gb / 716 - 1)).toBeLessThan(0.02);
  });
  it('FP8 runs on one 8x H200 node (model card), not on 8x H100; NVFP4 on 4x B200 (vLLM recipe)', () => {
    expect(report('mistral large 3 on 8x h200').focus?.verdict).toBe('fits');
    expect(report('mistral large 3 on 8x h100').focus?.verdict).toBe('no');
    expect(report('mistral large 3 nvfp4 on 4x b200').focus?.verdict).toBe('fits');
  });
});
