// Architectures beyond uniform attention (issue 10): hybrid linear attention, Mamba hybrids, short-conv layers,
// shared-KV layers, DeepSeek's sparse-attention indexer, vision towers and MTP layers. Every figure is computed
// by hand from the config facts quoted in the test and the runtime code that sizes it (docs/methodology.md,
// "Recurrent state"), through config.json (hf-config.ts), the catalog and the estimator.
import { describe, expect, it } from 'vitest';
import { specFromGguf } from '../src/catalog/gguf.ts';
import { specFromHfConfig } from '../src/catalog/hf-config.ts';
import { findModel } from '../src/catalog/models.ts';
import type { ModelSpec } from '../src/catalog/types.ts';
import { estimate } from '../src/estimate.ts';
import { parseQuery } from '../src/query/parse.ts';
import { component, est, GiB } from './helpers.ts';

const SHA = 'a'.repeat(40);
const fromConfig = (config: Record<string, unknown>): ModelSpec =>
  specFromHfConfig({ repo: 'test/model', revision: SHA, config });
/** The estimate for `words` on a spec that is not in the catalog (a Hub lookup's result). */
function estimateOn(spec: ModelSpec, words: string) {
  const { request } = parseQuery(`llama-3.1-8b ${words}`);
  return estimate({ ...request, model: spec.id }, spec);
}
const has = (e: { components: { id: string }[] }, id: string) => e.components.some((c) => c.id === id);

// Qwen3-Next-80B-A3B config.json (Qwen3NextConfig keys): 48 layers, hidden 2048, 16 heads, 2 KV heads of 256,
// full_attention_interval 4, linear 16 key heads / 32 value heads of 128, conv kernel 4, 512 experts top-10.
const QWEN3_NEXT = {
  model_type: 'qwen3_next',
  num_hidden_layers: 48,
  hidden_size: 2048,
  intermediate_size: 5120,
  num_attention_heads: 16,
  num_key_value_heads: 2,
  head_dim: 256,
  vocab_size: 151936,
  max_position_embeddings: 262144,
  full_attention_interval: 4,
  linear_num_key_heads: 16,
  linear_num_value_heads: 32,
  linear_key_head_dim: 128,
  linear_value_head_dim: 128,
  linear_conv_kernel_dim: 4,
  num_experts: 512,
  num_experts_per_tok: 10,
  moe_intermediate_size: 512,
  shared_expert_intermediate_size: 512,
  tie_word_embeddings: false,
};

describe('hybrid linear attention (Gated DeltaNet)', () => {
  it('config.json: every 4th layer keeps KV, the other 36 a fixed state', () => {
    const s = fromConfig(QWEN3_NEXT);
    expect(s.kvGroups).toEqual([{ layers: 12, kvHeads: 2, headDim: 256 }]);
    // state 32 v-heads x 128 x 128; conv (2 x 16 x 128 + 32 x 128) x (4 - 1)
    expect(s.stateGroups).toEqual([
      { kind: 'gated-deltanet', layers: 36, stateElements: 524_288, convElements: 24_576 },
    ]);
  });

  it('the catalog row and config.json agree', () => {
    const s = fromConfig(QWEN3_NEXT);
    const m = findModel('qwen3-next-80b-a3b')!;
    expect(m.kvGroups).toEqual(s.kvGroups);
    expect(m.stateGroups).toEqual(s.stateGroups);
  });

  it('KV at 128k tokens: 12 layers x 2 x 2 heads x 256 x 2 bytes x 131,072 = 3 GiB, a quarter of all 48 layers, under a tenth of Qwen3-32B', () => {
    const e = est('qwen3-next-80b-a3b ctx=128k runtime=vllm fp8');
    expect(component(e, 'kv_cache')).toBe(12 * 2 * 2 * 256 * 2 * 131072);
    const dense = 48 * 2 * 2 * 256 * 2 * 131072;
    expect(component(e, 'kv_cache') / dense).toBe(0.25);
    expect(component(e, 'kv_cache')).toBe(3 * GiB);
    // Qwen3-32B, a dense model people weigh against it (64 layers x 8 KV heads x 128): 32 GiB.
    expect(component(est('qwen3-32b ctx=128k runtime=vllm fp8'), 'kv_cache')).toBe(32 * GiB);
  });

  it('vLLM: state in the model dtype, 2 pages per sequence with prefix caching (mamba_cache_mode "align")', () => {
    const e = est('qwen3-next-80b-a3b ctx=8k runtime=vllm fp8');
    expect(component(e, 'state')).toBe(36 * (524_288 * 2 + 24_576 * 2) * 2);
    // The state does not grow with the context.
    expect(component(est('qwen3-next-80b-a3b ctx=128k runtime=vllm fp8'), 'state')).toBe(
      component(e, 'state'),
    );
  });

  it("llama.cpp: f32 state and conv rows for llama-server's 4 default sequences", () => {
    const e = est('qwen3-next-80b-a3b q4_k_m ctx=8k');
    expect(component(e, 'state')).toBe(36 * (524_288 * 4 + 24_576 * 4) * 4);
  });

  it('transformers: the delta-rule state in fp32, the conv window in bf16, batch sequences', () => {
    const e = est('qwen3-next-80b-a3b ctx=8k batch=3');
    expect(component(e, 'state')).toBe(36 * (524_288 * 4 + 24_576 * 2) * 3);
  });

  it('the MTP layer is said, not loaded', () => {
    const e = est('qwen3-next-80b-a3b ctx=8k runtime=vllm fp8');
    expect(e.notes.some((n) => n.includes('multi-token-prediction'))).toBe(true);
  });
});

describe('Mamba-2 hybrids', () => {
  // Nemotron-Nano-9B-v2-like: 56 layers from hybrid_override_pattern (M = Mamba-2, * = attention, - = MLP),
  // mamba_num_heads 128 x mamba_head_dim 80, ssm_state_size 128, n_groups 8, conv_kernel 4.
  const pattern = 'M-M-M-MM-M-M-M*-M-M-M*-M-M-M-M*-M-M-M-M*-M-MM-M-M-M-M-M-';
  const NEMOTRON_H = {
    model_type: 'nemotron_h',
    num_hidden_layers: pattern.length,
    hidden_size: 4480,
    intermediate_size: 15680,
    num_attention_heads: 40,
    num_key_value_heads: 8,
    head_dim: 128,
    vocab_size: 131072,
    max_position_embeddings: 131072,
    hybrid_override_pattern: pattern,
    mamba_num_heads: 128,
    mamba_head_dim: 80,
    ssm_state_size: 128,
    n_groups: 8,
    conv_kernel: 4,
  };

  it('hybrid_override_pattern: KV on the * layers, state on the M layers, nothing on the - layers', () => {
    const s = fromConfig(NEMOTRON_H);
    const count = (ch: string) => [...pattern].filter((c) => c === ch).length;
    expect(s.kvGroups).toEqual([{ layers: count('*'), kvHeads: 8, headDim: 128 }]);
    // state 128 x 80 x 128; conv (128 x 80 + 2 x 8 x 128) x 3
    expect(s.stateGroups).toEqual([
      {
        kind: 'mamba2',
        layers: count('M'),
        stateElements: 1_310_720,
        convElements: 36_864,
        ssmFp32: true,
      },
    ]);
  });

  it("vLLM keeps Nemotron-H's SSM state in fp32 (NemotronHForCausalLMConfig), the conv window in bf16", () => {
    const s = fromConfig(NEMOTRON_H);
    const e = estimateOn(s, 'ctx=8k runtime=vllm');
    expect(component(e, 'state')).toBe(s.stateGroups![0]!.layers * (1_310_720 * 4 + 36_864 * 2) * 2);
  });

  it('Granite 4.0-H: layer_types "mamba" / "attention", head size "auto" = 2 x hidden / heads', () => {
    const s = fromConfig({
      model_type: 'granitemoehybrid',
      num_hidden_layers: 8,
      hidden_size: 1536,
      intermediate_size: 4096,
      num_attention_heads: 12,
      num_key_value_heads: 4,
      vocab_size: 100352,
      max_position_embeddings: 131072,
      layer_types: ['mamba', 'mamba', 'mamba', 'attention', 'mamba', 'mamba', 'mamba', 'attention'],
      mamba_n_heads: 48,
      mamba_d_head: 'auto',
      mamba_d_state: 128,
      mamba_n_groups: 1,
      mamba_d_conv: 4,
      mamba_expand: 2,
    });
    expect(s.kvGroups).toEqual([{ layers: 2, kvHeads: 4, headDim: 128 }]);
    // inner 2 x 1536 = 3072 = 48 heads x 64; state 3072 x 128; conv (3072 + 2 x 128) x 3
    expect(s.stateGroups).toEqual([
      { kind: 'mamba2', layers: 6, stateElements: 393_216, convElements: 9_984 },
    ]);
  });

  it('Falcon-H1: attention and Mamba-2 side by side in every layer', () => {
    const s = fromConfig({
      model_type: 'falcon_h1',
      num_hidden_layers: 4,
      hidden_size: 1024,
      intermediate_size: 2048,
      num_attention_heads: 8,
      num_key_value_heads: 2,
      head_dim: 64,
      vocab_size: 32768,
      max_position_embeddings: 16384,
      mamba_d_ssm: 1536,
      mamba_n_heads: 24,
      mamba_d_state: 128,
      mamba_n_groups: 1,
      mamba_d_conv: 4,
    });
    expect(s.kvGroups).toEqual([{ layers: 4, kvHeads: 2, headDim: 64 }]);
    // head size auto = 1536 / 24 = 64; state 1536 x 128; conv (1536 + 256) x 3
    expect(s.stateGroups).toEqual([
      { kind: 'mamba2', layers: 4, stateElements: 196_608, convElements: 5_376 },
    ]);
  });

  it('Jamba: attention where i % 8 == 4, Mamba-1 elsewhere (state inner x d_state, conv inner x 3)', () => {
    const s = fromConfig({
      model_type: 'jamba',
      num_hidden_layers: 16,
      hidden_size: 1024,
      intermediate_size: 4096,
      num_attention_heads: 8,
      num_key_value_heads: 2,
      vocab_size: 65536,
      max_position_embeddings: 262144,
      attn_layer_period: 8,
      attn_layer_offset: 4,
      mamba_d_state: 16,
      mamba_d_conv: 4,
      mamba_expand: 2,
    });
    expect(s.kvGroups).toEqual([{ layers: 2, kvHeads: 2, headDim: 128 }]);
    expect(s.stateGroups).toEqual([
      { kind: 'mamba', layers: 14, stateElements: 32_768, convElements: 6_144 },
    ]);
  });

  it('a hybrid needs far less at long context than a dense model of its size', () => {
    const hybrid = est('granite-4.0-h-small ctx=128k runtime=vllm fp8');
    const dense = est('qwen3-32b ctx=128k runtime=vllm fp8');
    expect(component(hybrid, 'kv_cache')).toBeLessThan(component(dense, 'kv_cache') / 8);
    expect(has(hybrid, 'state')).toBe(true);
  });
});

describe('short convolutions, lightning attention, KDA', () => {
  it('LFM2: conv layers keep hidden x (L_cache - 1), no KV and no recurrent state', () => {
    const s = fromConfig({
      model_type: 'lfm2',
      num_hidden_layers: 6,
      hidden_size: 1024,
      intermediate_size: 4608,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      vocab_size: 65536,
      max_position_embeddings: 128000,
      conv_L_cache: 3,
      layer_types: ['conv', 'conv', 'full_attention', 'conv', 'conv', 'full_attention'],
    });
    expect(s.kvGroups).toEqual([{ layers: 2, kvHeads: 8, headDim: 64 }]);
    expect(s.stateGroups).toEqual([{ kind: 'short-conv', layers: 4, stateElements: 0, convElements: 2048 }]);
    // llama.cpp: f32, llama-server's 4 sequences: 4 layers x 2048 x 4 bytes x 4
    expect(component(estimateOn(s, 'q4_k_m ctx=4k'), 'state')).toBe(4 * 2048 * 4 * 4);
  });

  it('MiniMax-Text-01: attn_type_list 0 = lightning (heads x d x d state), 1 = softmax', () => {
    const s = fromConfig({
      model_type: 'minimax',
      num_hidden_layers: 8,
      hidden_size: 6144,
      intermediate_size: 9216,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      head_dim: 128,
      vocab_size: 200064,
      max_position_embeddings: 10240000,
      attn_type_list: [0, 0, 0, 0, 0, 0, 0, 1],
    });
    expect(s.kvGroups).toEqual([{ layers: 1, kvHeads: 8, headDim: 128 }]);
    expect(s.stateGroups).toEqual([
      { kind: 'lightning', layers: 7, stateElements: 64 * 128 * 128, convElements: 0 },
    ]);
  });

  it('Kimi Linear: 1-indexed KDA layers, MLA on the rest; vLLM keeps the KDA state in fp32', () => {
    const s = fromConfig({
      model_type: 'kimi_linear',
      num_hidden_layers: 4,
      hidden_size: 2304,
      intermediate_size: 9216,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      vocab_size: 163840,
      max_position_embeddings: 1048576,
      kv_lora_rank: 512,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      linear_attn_config: {
        kda_layers: [1, 2, 3],
        full_attn_layers: [4],
        num_heads: 32,
        head_dim: 128,
        short_conv_kernel_size: 4,
      },
    });
    expect(s.kvGroups!.map((g) => g.layers)).toEqual([1]);
    expect(s.stateGroups).toEqual([
      { kind: 'kimi-delta', layers: 3, stateElements: 32 * 128 * 128, convElements: 3 * 32 * 128 * 3 },
    ]);
    const e = estimateOn(s, 'ctx=8k runtime=vllm');
    // KV: the MLA latent (512 + 64) x 2 bytes on the one full layer
    expect(component(e, 'kv_cache')).toBe(576 * 2 * 8192);
    expect(component(e, 'state')).toBe(3 * (524_288 * 4 + 36_864 * 2) * 2);
  });
});

describe('shared KV, sparse attention, encoders', () => {
  it('Gemma 3n: the last num_kv_shared_layers layers hold no KV of their own', () => {
    const types = Array.from({ length: 30 }, (_, i) =>
      (i + 1) % 5 === 0 ? 'full_attention' : 'sliding_attention',
    );
    const s = fromConfig({
      model_type: 'gemma3n_text',
      num_hidden_layers: 30,
      hidden_size: 2048,
      intermediate_size: 8192,
      num_attention_heads: 8,
      num_key_value_heads: 2,
      head_dim: 256,
      vocab_size: 262400,
      max_position_embeddings: 32768,
      sliding_window: 512,
      layer_types: types,
      num_kv_shared_layers: 10,
    });
    // The first 20 layers: 16 sliding, 4 full.
    expect(s.kvGroups).toEqual([
      { layers: 16, kvHeads: 2, headDim: 256, window: 512 },
      { layers: 4, kvHeads: 2, headDim: 256 },
    ]);
  });

  it('DeepSeek V3.2: the MLA latent plus 132 bytes of indexer key per token per layer in vLLM', () => {
    const e = est('deepseek-v3.2 ctx=8k runtime=vllm');
    expect(component(e, 'kv_cache')).toBe(61 * 8192 * (576 * 2 + 132));
    // llama.cpp keeps the indexer keys in the main cache type: 128 x 2 bytes at f16.
    const g = est('deepseek-v3.2 q4_k_m ctx=8k');
    expect(component(g, 'kv_cache')).toBe(61 * 8192 * (576 * 2 + 256));
  });

  it('vision towers: loaded by transformers, vLLM and Ollama; llama.cpp only names the mmproj file', () => {
    const tower = 419.8e6 * 2; // Gemma 3 4B: SigLIP-So400m + projector, 16-bit
    expect(component(est('gemma-3-4b ctx=8k'), 'vision')).toBe(Math.round(tower));
    expect(component(est('gemma3:4b ctx=8k'), 'vision')).toBe(Math.round(tower));
    const cpp = est('gemma-3-4b q4_k_m ctx=8k runtime=llama.cpp');
    expect(has(cpp, 'vision')).toBe(false);
    expect(cpp.notes.some((n) => n.includes('mmproj'))).toBe(true);
  });
});

describe('GGUF headers of hybrids (llama.cpp metadata keys)', () => {
  const tensors = (hidden: number, vocab: number) => [
    { name: 'token_embd.weight', shape: [hidden, vocab], dtype: 1 },
    { name: 'output.weight', shape: [hidden, vocab], dtype: 1 },
    { name: 'blk.0.ffn_gate.weight', shape: [hidden, 4 * hidden], dtype: 1 },
  ];
  const ggufSpec = (arch: string, md: Record<string, unknown>) =>
    specFromGguf({
      repo: 'acme/h',
      revision: SHA,
      file: 'h-F16.gguf',
      metadata: { 'general.architecture': arch, 'general.file_type': 1, ...md },
      tensors: tensors(Number(md[`${arch}.embedding_length`]), 1000),
    });

  it('qwen3next: full_attention_interval and the ssm keys give the Gated DeltaNet state', () => {
    const s = ggufSpec('qwen3next', {
      'qwen3next.block_count': 48,
      'qwen3next.embedding_length': 2048,
      'qwen3next.attention.head_count': 16,
      'qwen3next.attention.head_count_kv': 2,
      'qwen3next.attention.key_length': 256,
      'qwen3next.context_length': 262144,
      'qwen3next.feed_forward_length': 5120,
      'qwen3next.full_attention_interval': 4,
      // llama.cpp's converter: inner = 32 v-heads x 128, state = key head size 128, groups = 16 key heads
      'qwen3next.ssm.conv_kernel': 4,
      'qwen3next.ssm.inner_size': 4096,
      'qwen3next.ssm.state_size': 128,
      'qwen3next.ssm.group_count': 16,
      'qwen3next.ssm.time_step_rank': 32,
    });
    // The same groups as config.json gives (first describe block).
    expect(s.kvGroups).toEqual([{ layers: 12, kvHeads: 2, headDim: 256 }]);
    expect(s.stateGroups).toEqual([
      { kind: 'gated-deltanet', layers: 36, stateElements: 524_288, convElements: 24_576 },
    ]);
  });

  it('granitehybrid: a per-layer head_count_kv with 0 on the Mamba layers', () => {
    const s = ggufSpec('granitehybrid', {
      'granitehybrid.block_count': 4,
      'granitehybrid.embedding_length': 1536,
      'granitehybrid.attention.head_count': 12,
      'granitehybrid.attention.head_count_kv': [0, 0, 0, 4],
      'granitehybrid.context_length': 131072,
      'granitehybrid.feed_forward_length': 4096,
      'granitehybrid.ssm.conv_kernel': 4,
      'granitehybrid.ssm.inner_size': 3072,
      'granitehybrid.ssm.state_size': 128,
      'granitehybrid.ssm.group_count': 1,
    });
    expect(s.kvGroups).toEqual([{ layers: 1, kvHeads: 4, headDim: 128 }]);
    expect(s.stateGroups).toEqual([
      { kind: 'mamba2', layers: 3, stateElements: 393_216, convElements: 9_984 },
    ]);
  });

  it('nemotron_h: KV 0 and FFN > 0 is an MLP-only layer (no state), KV 0 and FFN 0 a Mamba layer', () => {
    const s = ggufSpec('nemotron_h', {
      'nemotron_h.block_count': 4,
      'nemotron_h.embedding_length': 4480,
      'nemotron_h.attention.head_count': 40,
      'nemotron_h.attention.head_count_kv': [0, 0, 8, 0],
      'nemotron_h.attention.key_length': 128,
      'nemotron_h.context_length': 131072,
      'nemotron_h.feed_forward_length': [0, 15680, 0, 15680],
      'nemotron_h.ssm.conv_kernel': 4,
      'nemotron_h.ssm.inner_size': 10240,
      'nemotron_h.ssm.state_size': 128,
      'nemotron_h.ssm.group_count': 8,
    });
    expect(s.kvGroups).toEqual([{ layers: 1, kvHeads: 8, headDim: 128 }]);
    expect(s.stateGroups).toEqual([
      { kind: 'mamba2', layers: 1, stateElements: 1_310_720, convElements: 36_864 },
    ]);
  });

  it('gemma3n: KV on the first 20 layers only, sliding layers from sliding_window_pattern', () => {
    const pattern = Array.from({ length: 30 }, (_, i) => (i + 1) % 5 !== 0);
    const s = ggufSpec('gemma3n', {
      'gemma3n.block_count': 30,
      'gemma3n.embedding_length': 2048,
      'gemma3n.attention.head_count': 8,
      'gemma3n.attention.head_count_kv': 2,
      'gemma3n.attention.key_length': 256,
      'gemma3n.attention.sliding_window': 512,
      'gemma3n.attention.sliding_window_pattern': pattern,
      'gemma3n.attention.shared_kv_layers': 10,
      'gemma3n.context_length': 32768,
      'gemma3n.feed_forward_length': 8192,
    });
    expect(s.kvGroups).toEqual([
      { layers: 16, kvHeads: 2, headDim: 256, window: 512 },
      { layers: 4, kvHeads: 2, headDim: 256 },
    ]);
  });
});
