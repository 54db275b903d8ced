// A Hugging Face config.json (plus, when given, the Hub's safetensors metadata) -> a ModelSpec, the same
// shape the catalog rows have. Pure: the caller fetches the JSON (hub/client.ts); this only reads it.
//
// Key names and defaults follow transformers' configuration classes (configuration_<family>.py): Llama,
// Mistral, Mixtral, Qwen2, Qwen2-MoE, Qwen3, Qwen3-MoE, Gemma 2, Gemma 3 (text_config nested in the
// multimodal wrapper), Phi-3, DeepSeek V2/V3 (MLA, first_k_dense_replace, shared experts), gpt-oss
// (layer_types, MXFP4 experts) and Falcon. Other decoder-only families that use the same keys read the
// same way, and the reply says so.
import { z } from 'zod';
import { paramBreakdown } from './params.ts';
import type { ExactWeights, MlaSpec, ModelSpec, MoeSpec, SlidingWindow } from './types.ts';
import {
  gatedDeltaNet,
  groupLayers,
  isPlain,
  kimiDelta,
  lightning,
  mamba1,
  mamba2,
  shortConv,
  type LayerKind,
  type RecurrentShape,
} from './layout.ts';

/** A config.json or GGUF header that does not describe a model we can size; the message is for the asker. */
export class ModelConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelConfigError';
  }
}

/** The Hub's safetensors summary (`GET /api/models/{id}?expand[]=safetensors`): parameters per stored dtype. */
export interface SafetensorsSummary {
  parameters: Record<string, number>;
  total?: number;
}

export interface HfConfigInput {
  /** `owner/name` as the Hub spells it. */
  repo: string;
  /** The commit the file was read at (a sha), shown in the reply. */
  revision: string;
  /** The parsed config.json. */
  config: unknown;
  /** Parameters per stored dtype from the safetensors headers (metadata only), when the repo has them. */
  safetensors?: SafetensorsSummary;
  /** The id to give the spec (what the asker typed, normalized); defaults to `repo`. */
  id?: string;
}

// ---------------------------------------------------------------- schema

const count = (max: number) => z.number().int().min(0).max(max);
const positive = (max: number) => z.number().int().min(1).max(max);

const QuantSchema = z.looseObject({
  quant_method: z.string().optional(),
  bits: z.number().optional(),
  w_bit: z.number().optional(),
  load_in_4bit: z.boolean().optional(),
  load_in_8bit: z.boolean().optional(),
  bnb_4bit_quant_type: z.string().optional(),
  config_groups: z.record(z.string(), z.unknown()).optional(),
});

const LayerSchema = z.looseObject({
  model_type: z.string().max(100).optional(),
  architectures: z.array(z.string().max(200)).max(20).optional(),
  num_hidden_layers: positive(2000).optional(),
  n_layer: positive(2000).optional(),
  num_layers: positive(2000).optional(),
  hidden_size: positive(1_000_000).optional(),
  n_embd: positive(1_000_000).optional(),
  intermediate_size: positive(10_000_000).optional(),
  ffn_hidden_size: positive(10_000_000).nullable().optional(),
  num_attention_heads: positive(10_000).optional(),
  n_head: positive(10_000).optional(),
  num_key_value_heads: positive(10_000).nullable().optional(),
  num_kv_heads: positive(10_000).nullable().optional(),
  multi_query: z.boolean().optional(),
  new_decoder_architecture: z.boolean().optional(),
  head_dim: positive(100_000).nullable().optional(),
  vocab_size: positive(100_000_000).optional(),
  tie_word_embeddings: z.boolean().optional(),
  attention_bias: z.boolean().optional(),
  max_position_embeddings: positive(1_000_000_000).optional(),
  n_positions: positive(1_000_000_000).optional(),
  sliding_window: positive(1_000_000_000).nullable().optional(),
  use_sliding_window: z.boolean().optional(),
  max_window_layers: count(2000).optional(),
  sliding_window_pattern: positive(2000).optional(),
  layer_types: z.array(z.string().max(100)).max(2000).optional(),
  // MoE
  num_local_experts: count(100_000).optional(),
  num_experts: count(100_000).nullable().optional(),
  n_routed_experts: count(100_000).nullable().optional(),
  num_experts_per_tok: count(100_000).nullable().optional(),
  experts_per_token: count(100_000).optional(),
  moe_intermediate_size: positive(10_000_000).optional(),
  n_shared_experts: count(1000).nullable().optional(),
  shared_expert_intermediate_size: count(10_000_000).optional(),
  first_k_dense_replace: count(2000).optional(),
  moe_layer_freq: positive(2000).optional(),
  decoder_sparse_step: positive(2000).optional(),
  mlp_only_layers: z.array(count(2000)).max(2000).optional(),
  num_nextn_predict_layers: count(100).optional(),
  // hybrid layouts: linear attention (Qwen3-Next, Qwen3.5), Mamba (Granite 4, Nemotron-H, Falcon-H1, Jamba),
  // short conv (LFM2), lightning (MiniMax-01), KDA (Kimi Linear), shared KV (Gemma 3n), DSA (DeepSeek V3.2)
  full_attention_interval: positive(2000).optional(),
  linear_num_key_heads: positive(10_000).optional(),
  linear_num_value_heads: positive(10_000).optional(),
  linear_key_head_dim: positive(100_000).optional(),
  linear_value_head_dim: positive(100_000).optional(),
  linear_conv_kernel_dim: positive(1000).optional(),
  mamba_n_heads: positive(100_000).optional(),
  mamba_num_heads: positive(100_000).optional(),
  mamba_d_head: z.union([positive(100_000), z.literal('auto')]).optional(),
  mamba_head_dim: positive(100_000).optional(),
  mamba_d_state: positive(100_000).optional(),
  ssm_state_size: positive(100_000).optional(),
  mamba_n_groups: positive(10_000).optional(),
  n_groups: positive(10_000).optional(),
  mamba_d_conv: positive(1000).optional(),
  conv_kernel: positive(1000).optional(),
  mamba_expand: positive(100).optional(),
  expand: positive(100).optional(),
  mamba_d_ssm: positive(10_000_000).nullable().optional(),
  mamba_ssm_cache_dtype: z.string().max(40).optional(),
  mamba_ssm_dtype: z.string().max(40).optional(),
  hybrid_override_pattern: z.string().max(2000).optional(),
  layers_block_type: z.array(z.string().max(100)).max(2000).optional(),
  attn_layer_period: positive(2000).optional(),
  attn_layer_offset: count(2000).optional(),
  attn_type_list: z.array(count(10)).max(2000).optional(),
  conv_L_cache: positive(1000).optional(),
  full_attn_idxs: z.array(count(2000)).max(2000).optional(),
  linear_attn_config: z
    .looseObject({
      kda_layers: z.array(positive(2000)).max(2000).optional(),
      full_attn_layers: z.array(positive(2000)).max(2000).optional(),
      num_heads: positive(10_000).optional(),
      head_dim: positive(100_000).optional(),
      short_conv_kernel_size: positive(1000).optional(),
    })
    .nullable()
    .optional(),
  num_kv_shared_layers: count(2000).optional(),
  global_head_dim: positive(100_000).optional(),
  num_global_key_value_heads: positive(10_000).nullable().optional(),
  index_n_heads: positive(10_000).optional(),
  index_head_dim: positive(100_000).optional(),
  mtp_num_hidden_layers: count(100).optional(),
  // MLA
  kv_lora_rank: positive(1_000_000).nullable().optional(),
  q_lora_rank: positive(1_000_000).nullable().optional(),
  qk_nope_head_dim: count(100_000).optional(),
  qk_rope_head_dim: count(100_000).optional(),
  v_head_dim: positive(100_000).optional(),
  torch_dtype: z.string().max(40).nullable().optional(),
  dtype: z.string().max(40).nullable().optional(),
  quantization_config: QuantSchema.nullable().optional(),
});
type Layer = z.infer<typeof LayerSchema>;

const ConfigSchema = LayerSchema.extend({
  text_config: LayerSchema.nullable().optional(),
  vision_config: z.looseObject({}).nullable().optional(),
  audio_config: z.looseObject({}).nullable().optional(),
});

/**
 * transformers' defaults for the keys a published config may leave out. Gemma 3's multimodal configs
 * (google/gemma-3-4b-it) carry only a few text_config keys and rely on Gemma3TextConfig for the rest.
 */
const DEFAULTS: Record<string, Partial<Layer>> = {
  // transformers/models/gemma3/configuration_gemma3.py, Gemma3TextConfig.__init__
  gemma3_text: {
    vocab_size: 262_208,
    num_attention_heads: 8,
    num_key_value_heads: 4,
    head_dim: 256,
    max_position_embeddings: 131_072,
    sliding_window: 4096,
    sliding_window_pattern: 6,
    tie_word_embeddings: true,
  },
  // transformers/models/gemma2/configuration_gemma2.py, Gemma2Config.__init__
  gemma2: {
    num_attention_heads: 8,
    num_key_value_heads: 4,
    head_dim: 256,
    max_position_embeddings: 8192,
    sliding_window: 4096,
    tie_word_embeddings: true,
  },
  // transformers/models/falcon/configuration_falcon.py: no max_position_embeddings in the 7B/40B configs
  falcon: { max_position_embeddings: 2048, tie_word_embeddings: true },
  gemma: { tie_word_embeddings: true },
};

/** Families whose configuration class ties input and output embeddings unless the config says otherwise. */
const TIED_BY_DEFAULT = new Set(['gemma', 'gemma2', 'gemma3', 'gemma3_text', 'falcon']);
/** Qwen2-style attention: q, k and v projections carry a bias even though the config has no key for it. */
const QKV_BIAS = new Set(['qwen2', 'qwen2_moe']);
/** Families that apply `sliding_window` to every layer when it is set. */
const ALL_LAYERS_WINDOW = new Set(['mistral', 'mixtral', 'phi3', 'starcoder2']);
/** Families whose window is governed by use_sliding_window / max_window_layers. */
const QWEN_WINDOW = new Set(['qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe']);
/** Decoder families this parser has been checked against (others read the same keys, said in the reply). */
const KNOWN_FAMILIES = new Set([
  // hybrids whose layer layouts and state keys are read (layout.ts)
  'qwen3_next',
  'qwen3_5_text',
  'qwen3_5_moe_text',
  'granitemoehybrid',
  'nemotron_h',
  'falcon_h1',
  'jamba',
  'lfm2',
  'minimax',
  'kimi_linear',
  'gemma3n_text',
  'llama',
  'mistral',
  'mixtral',
  'qwen2',
  'qwen2_moe',
  'qwen3',
  'qwen3_moe',
  'gemma',
  'gemma2',
  'gemma3',
  'gemma3_text',
  'phi3',
  'deepseek_v2',
  'deepseek_v3',
  'gpt_oss',
  'falcon',
  'RefinedWeb',
  'RefinedWebModel',
]);

// ---------------------------------------------------------------- quantization_config

/**
 * quantization_config -> one of our weight format ids: GPTQ 4/8-bit, AWQ, bitsandbytes NF4 / LLM.int8,
 * FP8, MXFP4, and compressed-tensors' int4 / int8 / fp8 weight schemes. `undefined` with a reason for
 * methods the format table does not model.
 */
export function quantFormat(qc: unknown): { format?: string; note?: string } {
  const parsed = QuantSchema.safeParse(qc);
  if (!parsed.success) return { note: 'quantization_config is not an object; weights estimated as 16-bit' };
  const q = parsed.data;
  const method = (q.quant_method ?? (q.load_in_4bit || q.load_in_8bit ? 'bitsandbytes' : '')).toLowerCase();
  const bits = q.bits ?? q.w_bit;
  switch (method) {
    case 'gptq':
      if (bits === 4) return { format: 'gptq-int4' };
      if (bits === 8) return { format: 'gptq-int8' };
      return { note: `GPTQ at ${bits ?? '?'} bits is not in the format table; weights estimated as 16-bit` };
    case 'awq':
      return bits === undefined || bits === 4
        ? { format: 'awq' }
        : { note: `AWQ at ${bits} bits is not in the format table; weights estimated as 16-bit` };
    case 'bitsandbytes':
      if (q.load_in_4bit || q.bnb_4bit_quant_type) return { format: 'nf4' };
      if (q.load_in_8bit) return { format: 'int8' };
      return { format: 'nf4' };
    case 'fp8':
    case 'fbgemm_fp8':
      return { format: 'fp8' };
    case 'mxfp4':
      return { format: 'mxfp4' };
    case 'compressed-tensors': {
      const weights = Object.values(q.config_groups ?? {})
        .map((g) => (g as { weights?: { num_bits?: unknown; type?: unknown } } | null)?.weights)
        .find((w) => w && typeof w.num_bits === 'number');
      if (weights?.num_bits === 8 && weights.type === 'float') return { format: 'fp8' };
      if (weights?.num_bits === 4 && weights.type === 'int')
        return {
          format: 'gptq-int4',
          note: 'compressed-tensors int4 weights read as GPTQ-style 4-bit, group 128',
        };
      if (weights?.num_bits === 8 && weights.type === 'int')
        return { format: 'gptq-int8', note: 'compressed-tensors int8 weights read as GPTQ-style 8-bit' };
      return {
        note: 'this compressed-tensors scheme is not in the format table; weights estimated as 16-bit',
      };
    }
    default:
      return {
        note: `quantization method "${method.slice(0, 40) || 'unknown'}" is not in the format table; weights estimated as 16-bit (name a format to override)`,
      };
  }
}

// ---------------------------------------------------------------- safetensors

/** Bytes per element of each safetensors dtype (the safetensors format spec). */
export const SAFETENSORS_DTYPE_BYTES: Record<string, number> = {
  F64: 8,
  I64: 8,
  U64: 8,
  C64: 8,
  F32: 4,
  I32: 4,
  U32: 4,
  F16: 2,
  BF16: 2,
  I16: 2,
  U16: 2,
  F8_E4M3: 1,
  F8_E4M3FNUZ: 1,
  F8_E5M2: 1,
  F8_E5M2FNUZ: 1,
  F8_E8M0: 1,
  E8M0: 1,
  UE8: 1,
  I8: 1,
  U8: 1,
  BOOL: 1,
  F6_E2M3: 0.75,
  F6_E3M2: 0.75,
  F4: 0.5,
  FP4: 0.5,
};

const FLOAT_DTYPES = new Set(['F64', 'F32', 'F16', 'BF16']);

/**
 * Parameters per dtype from one safetensors header (the JSON after the 8-byte length): metadata only,
 * the shapes of the tensors, never their data.
 */
export function summarizeSafetensorsHeader(header: Record<string, unknown>): SafetensorsSummary {
  const parameters: Record<string, number> = {};
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const t = info as { dtype?: unknown; shape?: unknown };
    if (typeof t?.dtype !== 'string' || !Array.isArray(t.shape))
      throw new ModelConfigError(`the safetensors header entry "${name.slice(0, 60)}" is malformed`);
    const n = t.shape.reduce<number>((a, d) => {
      if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0)
        throw new ModelConfigError(`the safetensors header entry "${name.slice(0, 60)}" has a bad shape`);
      return a * d;
    }, 1);
    parameters[t.dtype] = (parameters[t.dtype] ?? 0) + n;
  }
  return { parameters, total: Object.values(parameters).reduce((a, b) => a + b, 0) };
}

function storedBytes(s: SafetensorsSummary): number | undefined {
  let bytes = 0;
  for (const [dtype, n] of Object.entries(s.parameters)) {
    const b = SAFETENSORS_DTYPE_BYTES[dtype];
    if (b === undefined || !Number.isFinite(n) || n < 0) return undefined;
    bytes += n * b;
  }
  return Math.round(bytes);
}

function dtypeList(s: SafetensorsSummary): string {
  return Object.entries(s.parameters)
    .sort((a, b) => b[1] - a[1])
    .map(([d, n]) => `${d} ${(n / 1e9).toFixed(n >= 1e9 ? 2 : 3)}B`)
    .join(', ');
}

// ---------------------------------------------------------------- config -> spec

function need<T>(value: T | null | undefined, key: string, repo: string): T {
  if (value === undefined || value === null)
    throw new ModelConfigError(
      `${repo}'s config.json has no ${key}: not a decoder-only language model this bot can size`,
    );
  return value;
}

/** Layers that use a dense MLP instead of experts. */
function denseLayerCount(c: Layer, layers: number): number {
  if (c.first_k_dense_replace !== undefined || c.moe_layer_freq !== undefined) {
    // DeepSeek: layer i is MoE when i >= first_k_dense_replace and i % moe_layer_freq == 0.
    const k = c.first_k_dense_replace ?? 0;
    const freq = c.moe_layer_freq ?? 1;
    let moe = 0;
    for (let i = 0; i < layers; i++) if (i >= k && i % freq === 0) moe++;
    return layers - moe;
  }
  // Qwen2-MoE / Qwen3-MoE: layer i is sparse when it is not in mlp_only_layers and (i + 1) % step == 0.
  const step = c.decoder_sparse_step ?? 1;
  const dense = new Set(c.mlp_only_layers ?? []);
  let moe = 0;
  for (let i = 0; i < layers; i++) if (!dense.has(i) && (i + 1) % step === 0) moe++;
  return layers - moe;
}

/** Layer-type words of configs (transformers normalizes "mamba" -> linear, "attention" -> full). */
const LAYER_WORDS: Record<string, LayerKind> = {
  full_attention: 'full',
  attention: 'full',
  global: 'full',
  sliding_attention: 'sliding',
  chunked_attention: 'sliding',
  local: 'sliding',
  linear_attention: 'recurrent',
  mamba: 'recurrent',
  conv: 'recurrent',
  hybrid: 'both',
  mlp: 'none',
  moe: 'none',
};

/** Nemotron-H's hybrid_override_pattern: M = Mamba-2, * = attention, - = MLP, E = MoE. */
const PATTERN_CHARS: Record<string, LayerKind> = { M: 'recurrent', '*': 'full', '-': 'none', E: 'none' };

/**
 * Which layers keep KV, a window, a recurrent state or nothing, from whichever key the family uses;
 * undefined when every layer is plain attention (the older uniform description then applies).
 */
function layerKinds(c: Layer, family: string, layers: number, repo: string): LayerKind[] | undefined {
  const fromWords = (list: readonly string[], what: string): LayerKind[] => {
    if (list.length !== layers)
      throw new ModelConfigError(`${what} lists ${list.length} layers but num_hidden_layers is ${layers}`);
    return list.map((t) => {
      const kind = Object.hasOwn(LAYER_WORDS, t) ? LAYER_WORDS[t] : undefined;
      if (!kind) throw new ModelConfigError(`${repo}: layer type "${t.slice(0, 40)}" is not modeled`);
      return kind;
    });
  };
  if (c.layer_types) return fromWords(c.layer_types, 'layer_types');
  if (c.layers_block_type) return fromWords(c.layers_block_type, 'layers_block_type');
  if (c.hybrid_override_pattern) {
    const chars = [...c.hybrid_override_pattern];
    if (chars.length !== layers)
      throw new ModelConfigError(`hybrid_override_pattern has ${chars.length} layers, not ${layers}`);
    return chars.map((ch) => {
      const kind = Object.hasOwn(PATTERN_CHARS, ch) ? PATTERN_CHARS[ch] : undefined;
      if (!kind) throw new ModelConfigError(`${repo}: hybrid_override_pattern has an unknown layer "${ch}"`);
      return kind;
    });
  }
  const each = (f: (i: number) => LayerKind) => Array.from({ length: layers }, (_, i) => f(i));
  // MiniMax-Text-01 / M1: 0 = lightning (linear) attention, 1 = softmax attention.
  if (c.attn_type_list) {
    if (c.attn_type_list.length !== layers)
      throw new ModelConfigError(`attn_type_list lists ${c.attn_type_list.length} layers, not ${layers}`);
    return c.attn_type_list.map((t) => (t === 0 ? 'recurrent' : 'full'));
  }
  // Kimi Linear: 1-indexed lists of KDA and full-attention layers.
  const kda = c.linear_attn_config?.kda_layers;
  if (kda) {
    const linear = new Set(kda.map((l) => l - 1));
    return each((i) => (linear.has(i) ? 'recurrent' : 'full'));
  }
  // Qwen3-Next / Qwen3.5 without layer_types: every full_attention_interval-th layer is full.
  if (family === 'qwen3_next' || family.startsWith('qwen3_5') || c.full_attention_interval) {
    const n = c.full_attention_interval ?? 4;
    return each((i) => ((i + 1) % n === 0 ? 'full' : 'recurrent'));
  }
  // Jamba: attention where i % period == offset, Mamba elsewhere.
  if (family === 'jamba' || c.attn_layer_period) {
    const period = c.attn_layer_period ?? 8;
    const offset = c.attn_layer_offset ?? 4;
    return each((i) => (i % period === offset ? 'full' : 'recurrent'));
  }
  // LFM2 without layer_types: full attention at full_attn_idxs, short conv elsewhere.
  if (c.full_attn_idxs) {
    const full = new Set(c.full_attn_idxs);
    return each((i) => (full.has(i) ? 'full' : 'recurrent'));
  }
  // Falcon-H1: attention and a Mamba-2 mixer in every layer.
  if (family === 'falcon_h1') return each(() => 'both');
  return undefined;
}

/** The recurrent layers' state, from the family's keys (see layout.ts for the shapes). */
function recurrentShape(c: Layer, family: string, hidden: number, repo: string): RecurrentShape | undefined {
  const kda = c.linear_attn_config;
  if (kda?.kda_layers) {
    return kimiDelta(
      need(kda.num_heads, 'linear_attn_config.num_heads', repo),
      need(kda.head_dim, 'linear_attn_config.head_dim', repo),
      kda.short_conv_kernel_size ?? 4,
    );
  }
  if (c.linear_num_value_heads || family === 'qwen3_next' || family.startsWith('qwen3_5')) {
    const shape = gatedDeltaNet(
      c.linear_num_key_heads ?? 16,
      c.linear_num_value_heads ?? 32,
      c.linear_key_head_dim ?? 128,
      c.linear_value_head_dim ?? 128,
      c.linear_conv_kernel_dim ?? 4,
    );
    return c.mamba_ssm_dtype === 'float32' ? { ...shape, ssmFp32: true } : shape;
  }
  if (c.attn_type_list) {
    const heads = need(c.num_attention_heads, 'num_attention_heads', repo);
    return lightning(heads, c.head_dim ?? hidden / heads);
  }
  if (c.conv_L_cache) return shortConv(hidden, c.conv_L_cache);
  if (family === 'jamba')
    return mamba1((c.mamba_expand ?? 2) * hidden, c.mamba_d_state ?? 16, c.mamba_d_conv ?? 4);
  const heads = c.mamba_n_heads ?? c.mamba_num_heads;
  if (heads) {
    // GraniteMoeHybrid / Falcon-H1: head size "auto" = inner / heads, inner = mamba_d_ssm or expand x hidden.
    const inner = c.mamba_d_ssm ?? (c.mamba_expand ?? c.expand ?? 2) * hidden;
    const headDim =
      c.mamba_head_dim ?? (typeof c.mamba_d_head === 'number' ? c.mamba_d_head : Math.round(inner / heads));
    return mamba2(
      heads,
      headDim,
      c.mamba_d_state ?? c.ssm_state_size ?? 128,
      c.mamba_n_groups ?? c.n_groups ?? 1,
      c.mamba_d_conv ?? c.conv_kernel ?? 4,
      (c.mamba_ssm_cache_dtype ?? (family === 'nemotron_h' ? 'float32' : '')) === 'float32',
    );
  }
  return undefined;
}

function slidingWindow(
  c: Layer,
  family: string,
  layers: number,
  maxContext: number,
): SlidingWindow | undefined {
  const window = c.sliding_window ?? undefined;
  if (c.layer_types) {
    if (c.layer_types.length !== layers)
      throw new ModelConfigError(
        `layer_types lists ${c.layer_types.length} layers but num_hidden_layers is ${layers}`,
      );
    let local = 0;
    for (const t of c.layer_types) {
      if (t === 'sliding_attention' || t === 'chunked_attention') local++;
      else if (t !== 'full_attention')
        throw new ModelConfigError(
          `layer type "${t.slice(0, 40)}" (linear attention or state-space layers) is not modeled yet`,
        );
    }
    if (local === 0 || window === undefined || window >= maxContext) return undefined;
    return { window, localLayers: local };
  }
  if (window === undefined || window >= maxContext) return undefined;
  if (QWEN_WINDOW.has(family)) {
    if (!c.use_sliding_window) return undefined;
    // transformers Qwen2: layer i slides when i >= max_window_layers.
    const local = Math.max(0, layers - (c.max_window_layers ?? layers));
    return local > 0 ? { window, localLayers: local } : undefined;
  }
  // Gemma 2: even layers slide (is_sliding = not bool(layer_idx % 2)).
  if (family === 'gemma2') return { window, localLayers: Math.ceil(layers / 2) };
  // Gemma 3: every `sliding_window_pattern`-th layer is global.
  if (family === 'gemma3_text' || family === 'gemma3') {
    const pattern = c.sliding_window_pattern ?? 6;
    return { window, localLayers: layers - Math.floor(layers / pattern) };
  }
  if (ALL_LAYERS_WINDOW.has(family)) return { window, localLayers: layers };
  return undefined;
}

function defaultsFor(family: string): Partial<Layer> {
  return DEFAULTS[family] ?? {};
}

/** config.json (+ safetensors metadata) -> ModelSpec. Throws ModelConfigError with a message for the asker. */
export function specFromHfConfig(input: HfConfigInput): ModelSpec {
  const { repo } = input;
  const parsed = ConfigSchema.safeParse(input.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelConfigError(
      `${repo}'s config.json is malformed at ${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'unexpected value'}`,
    );
  }
  const top = parsed.data;
  // Multimodal wrappers (Gemma 3, Llava-style) keep the language model under text_config.
  const nested = top.text_config ?? undefined;
  const family = (nested?.model_type ?? top.model_type ?? '').trim();
  const c: Layer = nested
    ? {
        ...defaultsFor(family),
        ...nested,
        quantization_config: top.quantization_config ?? nested.quantization_config,
      }
    : { ...defaultsFor(family), ...top };
  const notes: string[] = [];
  if (nested)
    notes.push(
      `text model of a ${top.model_type ?? 'multimodal'} checkpoint: the vision tower is not counted`,
    );
  if (!KNOWN_FAMILIES.has(family))
    notes.push(
      `model_type "${family.slice(0, 40) || 'unknown'}" read with the Llama-style keys (layers, hidden, heads, KV heads, MLP width)`,
    );

  const isFalcon = family === 'falcon' || family.startsWith('RefinedWeb');
  const layers = need(c.num_hidden_layers ?? c.n_layer ?? c.num_layers, 'num_hidden_layers', repo);
  const hidden = need(c.hidden_size ?? c.n_embd, 'hidden_size', repo);
  const heads = need(c.num_attention_heads ?? c.n_head, 'num_attention_heads', repo);
  const vocab = need(c.vocab_size, 'vocab_size', repo);
  let kvHeads: number;
  if (isFalcon)
    kvHeads = c.new_decoder_architecture ? (c.num_kv_heads ?? heads) : c.multi_query === false ? heads : 1;
  else kvHeads = c.num_key_value_heads ?? c.num_kv_heads ?? heads;
  if (kvHeads > heads || heads % kvHeads !== 0)
    throw new ModelConfigError(`${repo}'s config.json has ${kvHeads} KV heads for ${heads} attention heads`);

  // MLA (DeepSeek V2/V3): the cache is a latent, and head_dim means the per-head value width.
  let mla: MlaSpec | undefined;
  let mlaDirectQ = 0;
  if (c.kv_lora_rank) {
    const nope = need(c.qk_nope_head_dim, 'qk_nope_head_dim', repo);
    const rope = need(c.qk_rope_head_dim, 'qk_rope_head_dim', repo);
    const v = need(c.v_head_dim, 'v_head_dim', repo);
    // Without q_lora_rank (DeepSeek-V2-Lite) q is one full projection; the formula's q-LoRA terms are then 0
    // and the full projection is added to the count below.
    mla = {
      kvLoraRank: c.kv_lora_rank,
      qLoraRank: c.q_lora_rank ?? 0,
      qkNopeHeadDim: nope,
      qkRopeHeadDim: rope,
      vHeadDim: v,
    };
    if (!c.q_lora_rank) mlaDirectQ = layers * hidden * heads * (nope + rope);
  }
  let headDim: number;
  if (mla) headDim = mla.vHeadDim;
  else if (c.head_dim) headDim = c.head_dim;
  else {
    if (hidden % heads !== 0)
      throw new ModelConfigError(
        `${repo}'s config.json: hidden_size ${hidden} is not a multiple of ${heads} heads and no head_dim is given`,
      );
    headDim = hidden / heads;
  }

  const maxContext = need(c.max_position_embeddings ?? c.n_positions, 'max_position_embeddings', repo);
  const experts = c.num_local_experts ?? c.num_experts ?? c.n_routed_experts ?? 0;
  let moe: MoeSpec | undefined;
  let intermediate: number;
  if (experts > 0) {
    const active = need(c.num_experts_per_tok ?? c.experts_per_token, 'num_experts_per_tok', repo);
    const expertIntermediate = need(
      c.moe_intermediate_size ?? c.intermediate_size,
      'moe_intermediate_size',
      repo,
    );
    const sharedExperts = c.n_shared_experts ?? (c.shared_expert_intermediate_size ? 1 : 0);
    moe = {
      experts,
      active: Math.min(active, experts),
      expertIntermediate,
      sharedExperts,
      denseLayers: denseLayerCount(c, layers),
      ...(c.shared_expert_intermediate_size ? { sharedIntermediate: c.shared_expert_intermediate_size } : {}),
    };
    intermediate = c.intermediate_size ?? expertIntermediate;
  } else {
    intermediate = need(
      c.intermediate_size ?? c.ffn_hidden_size ?? (isFalcon ? 4 * hidden : undefined),
      'intermediate_size',
      repo,
    );
  }

  const quant = c.quantization_config ? quantFormat(c.quantization_config) : {};
  if (quant.note) notes.push(quant.note);
  let nativeFormat = quant.format;
  if (nativeFormat === 'mxfp4' && moe) moe.nativeFormat = 'mxfp4';
  else if (nativeFormat === 'mxfp4') {
    notes.push('MXFP4 without experts is not modeled; weights estimated as 16-bit');
    nativeFormat = undefined;
  }

  const sha = input.revision;
  const spec: ModelSpec = {
    id: input.id ?? repo,
    name: repo,
    hfId: repo,
    aliases: [],
    layers,
    hidden,
    intermediate,
    heads,
    kvHeads,
    headDim,
    vocab,
    tiedEmbeddings: c.tie_word_embeddings ?? TIED_BY_DEFAULT.has(family),
    mlp: isFalcon ? 'plain' : 'gated',
    ...(QKV_BIAS.has(family) || c.attention_bias === true ? { qkvBias: true } : {}),
    ...(moe ? { moe } : {}),
    ...(mla ? { mla } : {}),
    defaultContext: Math.min(8192, maxContext),
    maxContext,
    ...(nativeFormat ? { nativeFormat } : {}),
    source: `config.json of ${repo} @ ${sha}`,
    provenance: `config.json of ${repo} @ ${sha.slice(0, 12)}`,
  };
  const kinds = layerKinds(c, family, layers, repo);
  const shared = c.num_kv_shared_layers ?? 0;
  const hasRecurrent = kinds?.some((k) => k === 'recurrent' || k === 'both') ?? false;
  if (kinds && (hasRecurrent || kinds.includes('none') || shared > 0 || c.global_head_dim)) {
    const recurrent = hasRecurrent ? recurrentShape(c, family, hidden, repo) : undefined;
    if (hasRecurrent && !recurrent)
      throw new ModelConfigError(
        `${repo} has linear-attention or state-space layers whose state shape this bot cannot read`,
      );
    const window = c.sliding_window ?? undefined;
    const layout = groupLayers(
      kinds,
      {
        kvHeads,
        headDim,
        ...(window !== undefined && window < maxContext ? { window } : {}),
        ...(c.num_global_key_value_heads ? { globalKvHeads: c.num_global_key_value_heads } : {}),
        ...(c.global_head_dim ? { globalHeadDim: c.global_head_dim } : {}),
      },
      recurrent,
      shared,
    );
    if (!isPlain(layout, layers, kvHeads, headDim)) {
      spec.kvGroups = layout.kvGroups;
      if (layout.stateGroups.length > 0) spec.stateGroups = layout.stateGroups;
    }
    if (hasRecurrent)
      notes.push(
        `${layout.stateGroups[0]?.layers ?? 0} of ${layers} layers are ${recurrent!.kind} layers with a fixed state per sequence`,
      );
  } else {
    const sw = slidingWindow(c, family, layers, maxContext);
    if (sw) spec.slidingWindow = sw;
  }
  if (c.index_n_heads && c.index_head_dim)
    spec.indexer = { heads: c.index_n_heads, headDim: c.index_head_dim };
  const mtpLayers = c.num_nextn_predict_layers ?? c.mtp_num_hidden_layers ?? 0;
  if (mtpLayers > 0) {
    // One decoder layer's worth of weights plus the 2h x h projection that joins hidden state and embedding.
    const pb = paramBreakdown({ ...spec });
    const perLayer = (pb.attention + pb.mlp + pb.experts + pb.sharedExperts) / layers;
    spec.mtp = { layers: mtpLayers, params: Math.round(mtpLayers * (perLayer + 2 * hidden * hidden)) };
  }

  // DeepSeek-V2-Lite style MLA without q-LoRA: add the full q projection the formula leaves out.
  if (mlaDirectQ > 0) {
    // A copy: paramBreakdown caches by object, and `spec` is still being filled in.
    const pb = paramBreakdown({ ...spec });
    spec.paramsOverride = pb.total + mlaDirectQ;
    if (moe) spec.activeParamsOverride = pb.active + mlaDirectQ;
  }

  applySafetensors(spec, c, input.safetensors, notes);
  if (notes.length > 0) spec.notes = notes.join('; ');
  return spec;
}

/**
 * The safetensors metadata gives the exact parameter count and the stored dtypes. The count replaces the
 * formula's when the checkpoint stores plain floats (packed int4 containers and block scales are not
 * parameters) and holds no layers the runtimes skip (DeepSeek's MTP layer); the stored bytes become the
 * exact weights for the checkpoint's own format.
 */
function applySafetensors(
  spec: ModelSpec,
  c: Layer,
  s: SafetensorsSummary | undefined,
  notes: string[],
): void {
  if (!s || Object.keys(s.parameters).length === 0) return;
  const dtypes = Object.keys(s.parameters);
  const total = s.total ?? Object.values(s.parameters).reduce((a, b) => a + b, 0);
  const mtp = spec.mtp !== undefined;
  const plainFloat = dtypes.every((d) => FLOAT_DTYPES.has(d));
  const formula = paramBreakdown({ ...spec }).total;
  notes.push(`safetensors: ${dtypeList(s)}`);
  // Hybrids: the formula prices attention on every layer and not the recurrent mixers, so the stored count
  // (less the MTP layers runtimes skip) is the better one.
  if (mtp && spec.stateGroups && plainFloat && spec.paramsOverride === undefined) {
    spec.paramsOverride = total - spec.mtp!.params;
    notes.push(
      `the safetensors count (${(total / 1e9).toFixed(1)}B) less the ${spec.mtp!.layers} multi-token-prediction layer(s) (~${(spec.mtp!.params / 1e9).toFixed(1)}B, estimated) is used`,
    );
    return;
  }
  if (mtp) {
    notes.push(
      `the safetensors count (${(total / 1e9).toFixed(1)}B) includes ${spec.mtp!.layers} multi-token-prediction layer(s) that serving runtimes skip; the architecture's count is used`,
    );
    return;
  }
  // A checkpoint carrying more than the language model (vision tower, audio encoder) is loaded whole.
  if (plainFloat && spec.paramsOverride === undefined && total > 0) {
    spec.paramsOverride = total;
    if (Math.abs(total - formula) / formula > 0.02)
      notes.push(
        `the checkpoint stores ${(total / 1e9).toFixed(2)}B parameters against ${(formula / 1e9).toFixed(2)}B from the architecture (extra towers or heads): the stored count is used`,
      );
  }
  const bytes = storedBytes(s);
  if (bytes === undefined) return;
  let format = spec.nativeFormat;
  if (!format && plainFloat) {
    const biggest = dtypes.reduce((a, b) => ((s.parameters[a] ?? 0) >= (s.parameters[b] ?? 0) ? a : b));
    format =
      biggest === 'BF16' ? 'bf16' : biggest === 'F16' ? 'fp16' : biggest === 'F32' ? 'fp32' : undefined;
  }
  if (!format) return;
  const exact: ExactWeights = {
    format,
    gpuBytes: bytes,
    hostBytes: 0,
    source: `the safetensors metadata (${dtypeList(s)})`,
  };
  spec.exactWeights = exact;
}
