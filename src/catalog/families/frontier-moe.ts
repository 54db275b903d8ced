// Frontier open-weight MoE families (and their dense/vision siblings): DeepSeek V2/V3.2, Kimi (Moonshot),
// GLM (Zhipu / Z.ai), MiniMax, MiMo (Xiaomi). Every number below was read from a config.json copy, a
// transformers / vLLM / Megatron configuration, a training script of the model's own team (THUDM/slime) or
// a model card; `source` names them and `notes` says what was derived. DeepSeek-V3/R1 and their dated
// re-releases (V3-0324, V3.1, V3.1-Terminus, R1-0528) share the V3 shape and live in models.ts.
import type { ModelSpec } from '../types.ts';

// THUDM/slime @ 624b824a (scripts/models/*.sh): the GLM team's own Megatron arguments for these checkpoints.
const SLIME = 'github.com/THUDM/slime@624b824a scripts/models';
// xorbitsai/inference @ 7ecec16b xinference/model/llm/llm_family.json: context_length per model.
const XINF = 'github.com/xorbitsai/inference@7ecec16b xinference/model/llm/llm_family.json';

// ---------------------------------------------------------------- shared shapes

/** DeepSeek-V3 body (V3.2 keeps it and adds the DSA indexer). */
const DEEPSEEK_V3_BODY = {
  layers: 61,
  hidden: 7168,
  intermediate: 18432,
  heads: 128,
  kvHeads: 128,
  // MLA: head_dim is not in the config; 128 = qk_nope_head_dim = v_head_dim. The cache comes from `mla`.
  headDim: 128,
  vocab: 129280,
  tiedEmbeddings: false,
  mlp: 'gated',
  moe: { experts: 256, active: 8, expertIntermediate: 2048, sharedExperts: 1, denseLayers: 3 },
  mla: { kvLoraRank: 512, qLoraRank: 1536, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
  defaultContext: 8192,
  maxContext: 163840,
  nativeFormat: 'fp8',
} as const;

/** Kimi K2 body: DeepSeek-V3 layout with 384 experts, 64 heads and a single dense layer. */
const KIMI_K2_BODY = {
  layers: 61,
  hidden: 7168,
  intermediate: 18432,
  heads: 64,
  kvHeads: 64,
  headDim: 128,
  vocab: 163840,
  tiedEmbeddings: false,
  mlp: 'gated',
  moe: { experts: 384, active: 8, expertIntermediate: 2048, sharedExperts: 1, denseLayers: 1 },
  mla: { kvLoraRank: 512, qLoraRank: 1536, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
  defaultContext: 8192,
} as const;

/** GLM-4.5 / 4.6 / 4.7 (355B-A32B): GQA 96 q / 8 kv heads of 128 (q width 12288 > hidden), QKV bias. */
const GLM_355B_BODY = {
  layers: 92,
  hidden: 5120,
  intermediate: 12288,
  heads: 96,
  kvHeads: 8,
  headDim: 128,
  vocab: 151552,
  tiedEmbeddings: false,
  mlp: 'gated',
  qkvBias: true,
  moe: { experts: 160, active: 8, expertIntermediate: 1536, sharedExperts: 1, denseLayers: 3 },
  // Published 355B total / 32B active (main model; the MTP layer is its own component).
  paramsOverride: 355e9,
  activeParamsOverride: 32e9,
  defaultContext: 8192,
  // One MTP layer (num_nextn_predict_layers 1): one MoE decoder layer + 2h x h projection + 3 norms, computed.
  mtp: { layers: 1, params: 3_988_069_632 },
} as const;

const GLM_355B_NOTE =
  'GQA 8 KV heads x 128, partial RoPE (0.5). Formula 352.8B / 33.6B against the published 355B / 32B (published kept). ' +
  'MTP: layer 92 (num_nextn_predict_layers 1), 3.99B computed (one MoE layer + eh_proj 2h x h), not loaded unless speculative decoding uses it.';

/** MiniMax-M2 family body (M2, M2.1, M2.5 share it). */
const MINIMAX_M2_BODY = {
  layers: 62,
  hidden: 3072,
  // No dense MLP: every layer is MoE (intermediate_size 1536 is the expert width).
  intermediate: 1536,
  heads: 48,
  kvHeads: 8,
  headDim: 128,
  vocab: 200064,
  tiedEmbeddings: false,
  mlp: 'gated',
  moe: { experts: 256, active: 8, expertIntermediate: 1536, sharedExperts: 0, denseLayers: 0 },
  defaultContext: 8192,
  maxContext: 196608,
  nativeFormat: 'fp8',
} as const;

/** MiniMax-01 / M1 body: 80 layers, 7 lightning-attention : 1 softmax-attention, 32 experts top-2. */
const MINIMAX_01_BODY = {
  layers: 80,
  hidden: 6144,
  intermediate: 9216,
  heads: 64,
  kvHeads: 8,
  headDim: 128,
  vocab: 200064,
  tiedEmbeddings: false,
  mlp: 'gated',
  moe: { experts: 32, active: 2, expertIntermediate: 9216, sharedExperts: 0, denseLayers: 0 },
  // The 70 lightning layers are not GQA layers, which is all the formula prices: the published count wins.
  paramsOverride: 456e9,
  activeParamsOverride: 45.9e9,
  defaultContext: 8192,
  maxContext: 10240000,
} as const;

const MINIMAX_01_NOTE =
  'Hybrid: attn_type_list [0 x 7, 1] x 10 = 70 lightning (linear) layers + 10 softmax layers (every 8th). ' +
  'KV only on the 10 softmax layers (8 KV heads x 128); lightning state 64 heads x 128 x 128 = 1,048,576 elements per layer per sequence, constant in context. ' +
  'RoPE on 64 of 128 head dims (rotary_dim 64). Published 456B total / 45.9B active used (the GQA formula does not describe the lightning layers). ' +
  'max_position_embeddings 10,240,000; the card documents 1M training / 4M inference context.';

/** GLM-4's 9B dense shape: GLM-4-9B-chat, GLM-4-9B-0414 and GLM-4.1V / 4.6V-Flash's language model. */
const GLM4_9B_BODY = {
  layers: 40,
  hidden: 4096,
  intermediate: 13696,
  heads: 32,
  kvHeads: 2,
  headDim: 128,
  vocab: 151552,
  tiedEmbeddings: false,
  mlp: 'gated',
  qkvBias: true,
} as const;

export const FRONTIER_MOE: readonly ModelSpec[] = [
  // ---------------------------------------------------------------- DeepSeek
  {
    id: 'deepseek-v3.2-exp',
    name: 'DeepSeek-V3.2-Exp',
    hfId: 'deepseek-ai/DeepSeek-V3.2-Exp',
    aliases: ['deepseek-v3.2-exp-671b', 'deepseek-v32-exp'],
    ...DEEPSEEK_V3_BODY,
    // DeepSeek Sparse Attention: a lightning indexer keeps one 128-wide key per token per layer.
    indexer: { heads: 64, headDim: 128 },
    paramsOverride: 671e9,
    activeParamsOverride: 37e9,
    mtp: { layers: 1, params: 11.5e9 },
    uses: ['general', 'reasoning', 'coding'],
    released: '2025-09',
    family: 'DeepSeek V3.2',
    source: `GitHub doc quoting deepseek-ai/DeepSeek-V3.2 config.json verbatim (same shape, model_type deepseek_v32); OpenMMLab DeepseekV32Config defaults (index_head_dim 128, index_n_heads 64, index_topk 2048); ${XINF} (DeepSeek-V3.2-Exp 671B, 163840); github.com/tenstorrent/tt-metal models/demos/deepseek_v3/reference/README_WEIGHTS.md (MTP 11.5B); transformers docs model_doc/deepseek_v32 (built on V3.1-Terminus, "685B-parameter" checkpoint, indexer key cache single-head index_head_dim); GitHub book text (V3.2-Exp released September 29, 2025)`,
    notes:
      'V3.1-Terminus body + DeepSeek Sparse Attention (index_n_heads 64, index_head_dim 128, index_topk 2048): the cache is the MLA latent (512 + 64 RoPE) plus one indexer key per token per layer. ' +
      'Published 671B / 37B kept (the 685B on the card counts the MTP layer too); the indexer adds ~0.85B (computed 61 x (1536 x 8192 + 7168 x 128 + 7168 x 64)). ' +
      'MTP: 1 layer, 11.5B as DeepSeek publishes for V3 (same layer shape; V3.2 adds an indexer, ~14M). Weights ship block-FP8 (e4m3, 128 x 128, ue8m0 scales).',
  },
  {
    id: 'deepseek-v3.2',
    name: 'DeepSeek-V3.2',
    hfId: 'deepseek-ai/DeepSeek-V3.2',
    // V3.2-Speciale: "the model structure of DeepSeek-V3.2 and DeepSeek-V3.2-Speciale are the same" (its card).
    aliases: [
      'deepseek-v3.2:cloud',
      'deepseek-v3.2:671b-cloud',
      'deepseek-v3.2-671b',
      'deepseek-v32',
      'deepseek-v3.2-speciale',
    ],
    ...DEEPSEEK_V3_BODY,
    indexer: { heads: 64, headDim: 128 },
    paramsOverride: 671e9,
    activeParamsOverride: 37e9,
    mtp: { layers: 1, params: 11.5e9 },
    uses: ['general', 'reasoning', 'coding'],
    released: '2025-12',
    family: 'DeepSeek V3.2',
    source: `GitHub doc "DeepSeek-V3.2 模型架构详解" quoting deepseek-ai/DeepSeek-V3.2 config.json verbatim; GitHub Rust test parses_deepseek_v32_indexer_config (index 64 x 128, topk 2048); ${XINF} (DeepSeek-V3.2 671B, 163840); tt-metal README_WEIGHTS.md (MTP 11.5B); transformers docs model_doc/deepseek_v32 (V3.2 technical report arXiv 2512.02556); Ollama name deepseek-v3.2:cloud from GitHub client configs`,
    notes:
      'Config: 61 layers (3 dense + 58 MoE), 256 routed + 1 shared experts top-8, MLA 512/1536/128/64/128, indexer 64 heads x 128 (topk 2048), num_nextn_predict_layers 1, YaRN factor 40 from 4096, block-FP8. ' +
      'KV: MLA latent 576 per token per layer + indexer key. Published 671B / 37B kept (indexer ~0.85B on top, computed). ' +
      'Ollama: cloud only (deepseek-v3.2:cloud), no local tag seen. released month from the technical report number (2512).',
  },
  {
    id: 'deepseek-v4-pro',
    released: '2026-04',
    name: 'DeepSeek-V4-Pro (preview, 1.6T-A49B)',
    hfId: 'deepseek-ai/DeepSeek-V4-Pro',
    aliases: ['deepseek-v4-pro:cloud', 'deepseek-v4', 'deepseek-v4-1.6t'],
    layers: 61,
    hidden: 7168,
    // No dense MLP layers (the first 3 layers are hash-routed MoE): intermediate = the expert width.
    intermediate: 3072,
    heads: 128,
    kvHeads: 1,
    headDim: 512,
    vocab: 129280,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: {
      experts: 384,
      active: 6,
      expertIntermediate: 3072,
      sharedExperts: 1,
      denseLayers: 0,
      nativeFormat: 'mxfp4',
    },
    paramsOverride: 1.6e12,
    activeParamsOverride: 49e9,
    // Compressed attention, approximated per token (KvGroup has no compression ratio; see notes):
    kvGroups: [
      // every layer keeps its last 128 tokens uncompressed: one 512-wide entry (K = V) per token
      { layers: 61, kvHeads: 1, headDim: 256, vHeadDim: 256, window: 128 },
      // 30 CSA layers (ratio 4): one 512-wide entry + a 128-wide indexer key per 4 tokens
      { layers: 30, kvHeads: 1, headDim: 320, vHeadDim: 320, tokensPerEntry: 4, sameLayers: true },
      // 31 HCA layers (ratio 128): one 512-wide entry per 128 tokens
      { layers: 31, kvHeads: 1, headDim: 256, vHeadDim: 256, tokensPerEntry: 128, sameLayers: true },
    ],
    defaultContext: 8192,
    maxContext: 1048576,
    nativeFormat: 'mxfp4',
    uses: ['general', 'reasoning', 'coding'],
    family: 'DeepSeek V4',
    source: `GitHub copy of the deepseek-ai/DeepSeek-V4-Pro config.json (DeepseekV4ForCausalLM: 61 layers, 7168, 128 heads, 1 KV head, head_dim 512, q_lora 1536, o_lora 1024, o_groups 16, rope 64, 384 experts top-6 x 3072, 1 shared, num_hash_layers 3, num_nextn_predict_layers 1, index 64 x 128 top-1024, sliding_window 128, max_position 1048576, compress_ratios, expert_dtype fp4 + FP8 e4m3 blocks); GitHub review of an explainer quoting the official config (HCA 31 / CSA 30 layers, 576-byte FP8 cache entries); GitHub runtime-spec test (ratio-4 and ratio-128 layers: cache entry width 512, window 128, indexer 64 x 128 on ratio 4 only); ${XINF} (V4-Pro 1.6T / 49B, V4-Flash 284B / 13B, one million tokens); Ollama deepseek-v4-pro:cloud from GitHub configs`,
    notes:
      'UNVERIFIED cache model: DeepSeek V4 is not MLA. Each layer keeps a 128-token window of 512-wide entries (one KV head, K and V shared) plus a compressed history: compress_ratios (first 61 of 62 entries) give 30 CSA layers (ratio 4, with a lightning indexer of 64 x 128, top-1024) and 31 HCA layers (ratio 128); the 62nd entry (0) is the MTP layer. ' +
      'KvGroup cannot say "one entry per 4 tokens", so the compressed history is written as per-token widths: CSA (512 + 128 indexer) / 4 = 160 = 2 x 80, HCA 512 / 128 = 4 = 2 x 2; the window group is 2 x 256 = 512 per token for 128 tokens. The layer counts in the reply therefore add up to 122. ' +
      'Real runtimes store the entries in FP8 + BF16 RoPE (576 bytes per 512 entry) and keep compressor buffers (not counted). Published 1.6T / 49B used (hyper-connections, o-LoRA and compressors are outside the formula). ' +
      'Routed experts ship in FP4 (expert_dtype fp4, ue8m0 scales: MXFP4-like), the rest FP8; "mxfp4" prices the rest as 16-bit. 1 MTP layer (params not computed). xinference lists 163840 context for the preview; the config says 1048576.',
  },
  {
    id: 'deepseek-v4-flash',
    released: '2026-04',
    name: 'DeepSeek-V4-Flash (preview, 284B-A13B)',
    hfId: 'deepseek-ai/DeepSeek-V4-Flash',
    aliases: ['deepseek-v4-flash-284b', 'deepseek-v4-flash-0731'],
    layers: 43,
    hidden: 4096,
    intermediate: 2048,
    heads: 64,
    kvHeads: 1,
    headDim: 512,
    vocab: 129280,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: {
      experts: 256,
      active: 6,
      expertIntermediate: 2048,
      sharedExperts: 1,
      denseLayers: 0,
      nativeFormat: 'mxfp4',
    },
    paramsOverride: 284e9,
    activeParamsOverride: 13e9,
    kvGroups: [
      { layers: 43, kvHeads: 1, headDim: 256, vHeadDim: 256, window: 128 },
      // 21 CSA layers (ratio 4): one 512-wide entry + a 128-wide indexer key per 4 tokens
      { layers: 21, kvHeads: 1, headDim: 320, vHeadDim: 320, tokensPerEntry: 4, sameLayers: true },
      // 20 HCA layers (ratio 128): one 512-wide entry per 128 tokens
      { layers: 20, kvHeads: 1, headDim: 256, vHeadDim: 256, tokensPerEntry: 128, sameLayers: true },
    ],
    defaultContext: 8192,
    maxContext: 1048576,
    nativeFormat: 'mxfp4',
    uses: ['general', 'reasoning', 'coding'],
    family: 'DeepSeek V4',
    source: `GitHub profiling note reading a DeepSeek-V4-Flash-0731 config.json (43 layers, 4096, head_dim 512, 64 heads, index 64 x 128 top-512; compress_ratios over the 43 layers: 2 x 0, 21 x 4, 20 x 128); GitHub config patch with the DeepSeek-V4-Flash values (2048 expert width, 256 experts top-6, 1 shared, 1 KV head, q_lora 1024, o_lora 1024, o_groups 8, max_position 1048576, sliding_window 128, nextn 1, vocab 129280); ${XINF} (V4-Flash 284B / 13B; Flash-0731 listed at 304B with a DSpark speculative module)`,
    notes:
      'UNVERIFIED cache model, same scheme as V4-Pro: 2 window-only layers, 21 CSA (ratio 4, indexer 64 x 128, top-512) and 20 HCA (ratio 128) layers, written as per-token widths (CSA 160 = (512 + 128) / 4, HCA 4 = 512 / 128) plus a 128-token window of 512-wide entries on all 43 layers. ' +
      'Published 284B / 13B used. The 0731 release (alias) adds a DSpark draft module (xinference: 304B) that is not counted. Routed experts FP4 (priced as MXFP4), rest FP8. 1 MTP layer (params not computed).',
  },
  {
    id: 'deepseek-v2',
    name: 'DeepSeek-V2 (236B)',
    hfId: 'deepseek-ai/DeepSeek-V2-Chat',
    aliases: [
      'deepseek-v2:236b',
      'deepseek-v2-236b',
      'deepseek-v2-chat-0628',
      'deepseek-v2.5',
      'deepseek-v2.5:236b',
      'deepseek-v2.5-236b',
    ],
    layers: 60,
    hidden: 5120,
    intermediate: 12288,
    heads: 128,
    kvHeads: 128,
    headDim: 128,
    vocab: 102400,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 160, active: 6, expertIntermediate: 1536, sharedExperts: 2, denseLayers: 1 },
    mla: { kvLoraRank: 512, qLoraRank: 1536, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
    defaultContext: 8192,
    maxContext: 163840,
    uses: ['general', 'coding'],
    released: '2024-05',
    family: 'DeepSeek V2',
    source:
      'GitHub copy of the DeepSeek-V2 config.json (DeepseekV2ForCausalLM, 60 layers, 160 experts top-6, 2 shared, MLA 512/1536); github.com/ZHUI/paddlenlp_model_readme deepseek-ai/DeepSeek-V2-Lite/index.md (HF card table: DeepSeek-V2 236B / 21B, 128k; V2 released 2024.05.06); Ollama tags deepseek-v2:236b, deepseek-v2.5:236b from GitHub model lists',
    notes:
      'MLA: cache 512 latent + 64 RoPE key per token per layer. 1 dense + 59 MoE layers. Published 236B / 21B; the formula lands within 1%. ' +
      'max_position 163840 in config (YaRN factor 40 from 4096); the card says 128k. DeepSeek-V2.5 (merge of V2-Chat and Coder-V2-Instruct) is listed here as the same 236B shape (not read from its own config).',
  },
  {
    id: 'deepseek-v2-lite',
    name: 'DeepSeek-V2-Lite (16B)',
    hfId: 'deepseek-ai/DeepSeek-V2-Lite-Chat',
    aliases: ['deepseek-v2:16b', 'deepseek-v2-16b', 'deepseek-v2-lite-16b'],
    layers: 27,
    hidden: 2048,
    intermediate: 10944,
    heads: 16,
    kvHeads: 16,
    headDim: 128,
    vocab: 102400,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 64, active: 6, expertIntermediate: 1408, sharedExperts: 2, denseLayers: 1 },
    // q_lora_rank null: queries are not compressed (one full q_proj); qLoraRank 0 drops the q-LoRA terms.
    mla: { kvLoraRank: 512, qLoraRank: 0, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
    paramsOverride: 15.7e9,
    activeParamsOverride: 2.4e9,
    defaultContext: 8192,
    maxContext: 163840,
    uses: ['general'],
    released: '2024-05',
    family: 'DeepSeek V2',
    source:
      'GitHub Rust test parses_deepseek_v2_lite_config ("the numbers are the real config\'s": 27 layers, 2048, 10944, 16 heads, q_lora_rank null, 64 experts top-6, 2 shared, 1408); github.com/ZHUI/paddlenlp_model_readme deepseek-ai/DeepSeek-V2-Lite/index.md (HF card: 15.7B total, 2.4B active, 32k, released 2024.05.16)',
    notes:
      'No query compression (q_lora_rank null), so the MLA formula misses the full q_proj (27 x 2048 x 3072): published 15.7B / 2.4B used. ' +
      'MLA cache: 512 latent + 64 RoPE key per token per layer. Config max_position 163840 (YaRN 40 from 4096); the card says 32k context.',
  },
  // ---------------------------------------------------------------- Kimi (Moonshot AI)
  {
    id: 'kimi-k2',
    name: 'Kimi K2 Instruct',
    hfId: 'moonshotai/Kimi-K2-Instruct',
    aliases: ['kimi-k2:1t', 'kimi-k2:1t-cloud', 'kimi-k2-1t', 'moonshot-kimi-k2'],
    ...KIMI_K2_BODY,
    maxContext: 131072,
    nativeFormat: 'fp8',
    uses: ['general', 'coding'],
    released: '2025-07',
    family: 'Kimi K2',
    source: `github.com/MoonshotAI/Kimi-K2 README.md (model summary: 1T / 32B, 61 layers incl. 1 dense, 7168, expert 2048, 64 heads, 384 experts top-8, 1 shared, 160K vocab, 128K context, MLA); GitHub test fixture "Real Kimi-K2-Base values" (config keys: q_lora 1536, kv_lora 512, nope 128, rope 64, v 128, vocab 163840, intermediate 18432, first_k_dense_replace 1); ${SLIME}/kimi-k2.sh (YaRN factor 32 from 4096 = 131072); kvcache-ai/ktransformers doc/en/Kimi-K2.md (fp8 checkpoint); a 2025-07-12 web post on the MoonshotAI/Kimi-K2 release`,
    notes:
      'DeepSeek-V3 architecture (DeepseekV3ForCausalLM, model_type kimi_k2): MLA cache 512 + 64 per token per layer; 64 heads (V3 has 128). No MTP layer (num_nextn_predict_layers 0). ' +
      'Formula ~1.026T / 32.9B against the rounded published 1T / 32B (formula kept: the "1T" is a rounded figure, not a different count). ' +
      'Weights ship block-FP8. Ollama: cloud only (kimi-k2:1t-cloud); the cloud tag may serve the 0905 update.',
  },
  {
    id: 'kimi-k2-0905',
    name: 'Kimi K2 Instruct 0905',
    hfId: 'moonshotai/Kimi-K2-Instruct-0905',
    aliases: ['kimi-k2-instruct-0905', 'kimi-k2-0905-preview'],
    ...KIMI_K2_BODY,
    maxContext: 262144,
    nativeFormat: 'fp8',
    uses: ['general', 'coding'],
    released: '2025-09',
    family: 'Kimi K2',
    source:
      'Same shape as Kimi-K2-Instruct (MoonshotAI/Kimi-K2 README; "Real Kimi-K2-Base values" fixture); 262144 context from provider catalogs on GitHub (contextWindow 262144 for moonshotai/Kimi-K2-Instruct-0905; litellm table 262K)',
    notes:
      'UNVERIFIED: the 0905 config.json was not read; shape taken from K2-Instruct (same family), context 256K from provider catalogs, released month from the 0905 name. MLA cache 512 + 64 per token per layer; no MTP.',
  },
  {
    id: 'kimi-k2-thinking',
    released: '2025-11',
    name: 'Kimi K2 Thinking',
    hfId: 'moonshotai/Kimi-K2-Thinking',
    aliases: ['kimi-k2-thinking:cloud'],
    ...KIMI_K2_BODY,
    maxContext: 262144,
    // Routed experts ship as compressed-tensors INT4 (group 32, QAT); attention, shared experts and lm_head stay BF16.
    nativeFormat: 'gptq-int4',
    uses: ['general', 'reasoning', 'coding'],
    family: 'Kimi K2',
    source: `GitHub vram-calculator test KIMI_K2_THINKING_CONFIG (kimi_k2, 61 layers, 7168, 64 heads, 384 experts top-8, nextn 0, compressed-tensors int4, ignore lm_head / self_attn / shared_experts); ${SLIME}/kimi-k2-thinking.sh (YaRN factor 64 from 4096 = 262144); slime docs (INT4 group size 32 for kimi-k2-Thinking-int4); Ollama name kimi-k2-thinking:cloud from GitHub configs`,
    notes:
      'Same MLA MoE body as K2. Native INT4 (QAT) on the routed experts, group size 32: "gptq-int4" is the nearest format id (group 128 in the table, so scales are slightly under-counted); attention, shared expert and lm_head stay BF16. ' +
      'Ollama: cloud only. released month not read from a source.',
  },
  {
    id: 'kimi-k2.5',
    released: '2026-01',
    name: 'Kimi K2.5',
    hfId: 'moonshotai/Kimi-K2.5',
    aliases: ['kimi-k2.5:cloud', 'kimi-k25', 'kimi-k2.6', 'kimi-k2.6:cloud', 'kimi-k26'],
    ...KIMI_K2_BODY,
    maxContext: 262144,
    nativeFormat: 'gptq-int4',
    encoder: { params: 400e6, what: 'MoonViT vision encoder (~400M, published) + projector' },
    uses: ['general', 'reasoning', 'coding', 'vision'],
    family: 'Kimi K2',
    source: `GitHub test KIMI_K25_CONFIG (kimi_k25 wrapping a kimi_k2 text_config: 61 layers, 7168, 64 heads, 384 experts top-8, 1 shared, first_k_dense_replace 1, nextn 0, max_position 262144, compressed-tensors int4); GitHub adapter bind_config for moonshotai/Kimi-K2.6 @ 7eb5002f (identical text_config, int4 group 32); model-card tables copied on GitHub (1T / 32B, MoonViT 400M, 256K); ${XINF} (Kimi-K2.5 262144)`,
    notes:
      'Multimodal: the language model is the K2 body (MLA cache 512 + 64 per token per layer); MoonViT ~400M (published, rounded) is the encoder. Native INT4 on the MoE experts (group 32). ' +
      'Kimi K2.6 is listed as an alias: its text_config binds to the same values (vision tower assumed the same MoonViT 400M per its card). Ollama: cloud only (kimi-k2.5:cloud, kimi-k2.6:cloud).',
  },
  {
    id: 'kimi-linear-48b-a3b',
    released: '2025-10',
    name: 'Kimi Linear 48B-A3B',
    hfId: 'moonshotai/Kimi-Linear-48B-A3B-Instruct',
    aliases: ['kimi-linear', 'kimi-linear-48b', 'kimi-linear-a3b'],
    layers: 27,
    hidden: 2304,
    intermediate: 9216,
    heads: 32,
    kvHeads: 32,
    headDim: 128,
    vocab: 163840,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 256, active: 8, expertIntermediate: 1024, sharedExperts: 1, denseLayers: 1 },
    // MLA on the 7 full-attention layers; q_lora_rank null (full q projection), NoPE (mla_use_nope).
    mla: { kvLoraRank: 512, qLoraRank: 0, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
    paramsOverride: 48e9,
    activeParamsOverride: 3e9,
    // full_attn_layers [4, 8, 12, 16, 20, 24, 27] (1-based): 7 MLA layers; the other 20 are KDA.
    kvGroups: [{ layers: 7, kvHeads: 32, headDim: 128 }],
    // KDA: 32 heads x 128 x 128 = 524,288 state; conv over q, k, v: 3 x 32 x 128 = 12,288 channels x (4 - 1).
    stateGroups: [{ kind: 'kimi-delta', layers: 20, stateElements: 524_288, convElements: 36_864 }],
    defaultContext: 8192,
    maxContext: 1048576,
    uses: ['general'],
    family: 'Kimi Linear',
    source:
      'GitHub copies of moonshotai/Kimi-Linear-48B-A3B-Instruct config.json (a checked-config table and a Rust test resolve_model_config_reports_supported_kimi_linear: linear_attn_config full_attn_layers [4,8,12,16,20,24,27], 20 kda_layers, num_heads 32, head_dim 128, short_conv_kernel_size 4; model_max_length 1048576); github.com/MoonshotAI/Kimi-Linear README.md (48B total / 3B active, 3:1 KDA : MLA, 1M context)',
    notes:
      'Hybrid: 20 Kimi Delta Attention layers + 7 MLA layers (counted from full_attn_layers, 1-based; 27 layers). KV cache only on the 7 MLA layers (latent 512 + 64). ' +
      'KDA state 32 heads x 128 x 128 = 524,288; conv (3 x 32 x 128) x (4 - 1) = 36,864. MLA layers use NoPE (mla_use_nope) and no q-LoRA (q_lora_rank null). ' +
      'Published 48B / 3B used (the MLA formula does not describe the KDA layers). 1 dense + 26 MoE layers. released month not read from a source.',
  },
  {
    id: 'moonlight-16b-a3b',
    released: '2025-02',
    name: 'Moonlight 16B-A3B',
    hfId: 'moonshotai/Moonlight-16B-A3B-Instruct',
    aliases: ['moonlight', 'moonlight-16b', 'moonlight-a3b'],
    layers: 27,
    hidden: 2048,
    intermediate: 11264,
    heads: 16,
    kvHeads: 16,
    headDim: 128,
    vocab: 163840,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 64, active: 6, expertIntermediate: 1408, sharedExperts: 2, denseLayers: 1 },
    mla: { kvLoraRank: 512, qLoraRank: 0, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
    paramsOverride: 16e9,
    activeParamsOverride: 3e9,
    defaultContext: 8192,
    maxContext: 8192,
    uses: ['general'],
    family: 'Moonlight',
    source: `${SLIME}/moonlight.sh (27 layers, 2048, ffn 11264, 16 heads, kv_lora 512, no q-LoRA, nope 128, rope 64, v 128, vocab 163840, 64 experts top-6, 2 shared x 1408); GitHub test parses_real_kimi_vl_text_config (same text config: q_lora_rank null); Moonlight tech-report README copy on GitHub (16B total / 3B active); ${XINF} (context 8192)`,
    notes:
      'DeepSeek-V3-style MLA MoE without query compression: the formula misses the full q_proj, so the published (rounded) 16B / 3B are used. MLA cache 512 + 64 per token per layer. ' +
      'A Megatron-Bridge doc lists vocab 151,936, intermediate 10944 and 8 shared experts: it disagrees with the slime arguments and the Kimi-VL text config (both 163840 / 11264 / 2 shared), which are kept.',
  },
  // ---------------------------------------------------------------- GLM (Zhipu AI / Z.ai)
  {
    id: 'glm-4.5',
    name: 'GLM-4.5 (355B-A32B)',
    hfId: 'zai-org/GLM-4.5',
    aliases: ['glm-4.5-355b', 'glm-4.5-355b-a32b', 'glm4.5'],
    ...GLM_355B_BODY,
    maxContext: 131072,
    uses: ['general', 'reasoning', 'coding'],
    released: '2025-07',
    family: 'GLM-4.5',
    source: `${SLIME}/glm4.5-355B-A32B.sh (92 layers = 3 dense + 89 MoE, 5120, ffn 12288, 96 heads, 8 KV groups x 128, qkv bias, qk-layernorm, vocab 151552, 160 experts top-8, expert/shared 1536); huggingface/transformers docs/source/en/model_doc/glm4_moe.md (355B / 32B, Air 106B / 12B, released 2025-07-28); ${XINF} (glm-4.5 131072); Megatron-Bridge docs/models/llm/glm45.md (MTP 1 layer)`,
    notes: `${GLM_355B_NOTE} Ollama: no local GLM-4.5 tag seen.`,
  },
  {
    id: 'glm-4.5-air',
    name: 'GLM-4.5-Air (106B-A12B)',
    hfId: 'zai-org/GLM-4.5-Air',
    aliases: ['glm-4.5-air-106b', 'glm-4.5-air-106b-a12b', 'glm4.5-air'],
    layers: 46,
    hidden: 4096,
    intermediate: 10944,
    heads: 96,
    kvHeads: 8,
    headDim: 128,
    vocab: 151552,
    tiedEmbeddings: false,
    mlp: 'gated',
    qkvBias: true,
    moe: { experts: 128, active: 8, expertIntermediate: 1408, sharedExperts: 1, denseLayers: 1 },
    paramsOverride: 106e9,
    activeParamsOverride: 12e9,
    mtp: { layers: 1, params: 2_375_059_456 },
    defaultContext: 8192,
    maxContext: 131072,
    uses: ['general', 'reasoning', 'coding'],
    released: '2025-07',
    family: 'GLM-4.5',
    source: `${SLIME}/glm4.5-106B-A12B.sh (46 layers = 1 dense + 45 MoE, 4096, ffn 10944, 96 heads, 8 KV groups x 128, qkv bias, vocab 151552, 128 experts top-8, 1408); transformers Glm4MoeConfig defaults (same values); transformers glm4_moe.md (106B / 12B); ${XINF} (131072)`,
    notes:
      'GQA 8 KV heads x 128 (q width 12288 > hidden 4096), partial RoPE 0.5, no qk-norm (unlike the 355B). Published 106B / 12B kept (formula 106.9B / 13.4B). ' +
      'MTP: 1 layer, 2.38B computed (one MoE layer + eh_proj).',
  },
  {
    id: 'glm-4.6',
    name: 'GLM-4.6 (355B-A32B)',
    hfId: 'zai-org/GLM-4.6',
    aliases: ['glm-4.6:cloud', 'glm4.6', 'glm-4.6-355b'],
    ...GLM_355B_BODY,
    maxContext: 202752,
    uses: ['general', 'reasoning', 'coding'],
    released: '2025-09',
    family: 'GLM-4.6',
    source: `GitHub GLM-4.6 deep-dive quoting zai-org/GLM-4.6 config (92 layers, 5120, 12288, 96 / 8 heads, head_dim 128, attention_bias true, 160 experts top-8, 1536, 3 dense, max_position 202752, nextn 1, untied); ${XINF} (GLM-4.6 202752, 355B); ${SLIME}/glm4.5-355B-A32B.sh (same body); GitHub GLM-4.6 model card copy (release date September 30, 2025)`,
    notes: `Same body as GLM-4.5, 200K context. ${GLM_355B_NOTE} Ollama: cloud only (glm-4.6:cloud).`,
  },
  {
    id: 'glm-4.7',
    name: 'GLM-4.7 (355B-A32B)',
    hfId: 'zai-org/GLM-4.7',
    aliases: ['glm-4.7:cloud', 'glm4.7', 'glm-4.7-355b'],
    ...GLM_355B_BODY,
    maxContext: 202752,
    uses: ['general', 'reasoning', 'coding'],
    released: '2025-12',
    family: 'GLM-4.7',
    source: `GitHub param-counter test GLM_47_CONFIG (glm4_moe: 92 layers, 5120, 12288, 96 / 8 heads, head_dim 128, vocab 151552, 160 experts top-8, 1536, 3 dense, nextn 1, untied); ${XINF} (GLM-4.7 202752, 355B); a GitHub research report on GLM-4.7 (released 22 December 2025, listed as 358B)`,
    notes: `Same body as GLM-4.5/4.6. ${GLM_355B_NOTE} Ollama: cloud only (glm-4.7:cloud).`,
  },
  {
    id: 'glm-4.7-flash',
    released: '2026-01',
    name: 'GLM-4.7-Flash (30B-A3B)',
    hfId: 'zai-org/GLM-4.7-Flash',
    aliases: ['glm-4.7-flash:latest', 'glm-4.7-flash-30b', 'glm-4.7-flash-30b-a3b', 'glm4.7-flash'],
    layers: 47,
    hidden: 2048,
    intermediate: 10240,
    heads: 20,
    kvHeads: 20,
    // MLA: v_head_dim 256; the cache comes from `mla`.
    headDim: 256,
    vocab: 154880,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 64, active: 4, expertIntermediate: 1536, sharedExperts: 1, denseLayers: 1 },
    mla: { kvLoraRank: 512, qLoraRank: 768, qkNopeHeadDim: 192, qkRopeHeadDim: 64, vHeadDim: 256 },
    mtp: { layers: 1, params: 643_706_112 },
    defaultContext: 8192,
    maxContext: 202752,
    uses: ['general', 'coding', 'reasoning'],
    family: 'GLM-4.7',
    source: `vllm-project/vllm test _glm4_moe_lite_min_config (GLM-4.7-Flash: glm4_moe_lite, 154880, 2048, 10240, 1536, 47 layers, 20 heads, max 202752, q_lora 768, kv_lora 512, nope 192, rope 64, v 256, 64 experts + 1 shared top-4, first_k_dense_replace 1); GitHub metadata test (num_nextn_predict_layers 1); ${SLIME}/glm4.7-30B-A3B.sh (same, untied); ${XINF} (GLM-4.7-Flash 30B, 202752); Ollama library glm-4.7-flash (local, ~18-19 GB default tag) from GitHub notes`,
    notes:
      'DeepSeek-style MLA (cache 512 latent + 64 RoPE per token per layer = 576), 1 dense + 46 MoE layers. Formula 29.9B total / 3.9B active (no published exact count read; xinference lists 30B, the name says A3B). ' +
      'MTP: 1 layer, 0.64B computed (one MoE layer + eh_proj). Ollama runs it locally (glm-4.7-flash); its default tag quantization was not read (q4_k_m assumed).',
  },
  {
    id: 'glm-5',
    released: '2026-02',
    name: 'GLM-5 (744B-A40B)',
    hfId: 'zai-org/GLM-5',
    aliases: ['glm-5:cloud', 'glm5', 'glm-5-744b', 'glm-5-744b-a40b'],
    layers: 78,
    hidden: 6144,
    intermediate: 12288,
    heads: 64,
    kvHeads: 64,
    headDim: 256,
    vocab: 154880,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 256, active: 8, expertIntermediate: 2048, sharedExperts: 1, denseLayers: 3 },
    mla: { kvLoraRank: 512, qLoraRank: 2048, qkNopeHeadDim: 192, qkRopeHeadDim: 64, vHeadDim: 256 },
    indexer: { heads: 32, headDim: 128 },
    paramsOverride: 744e9,
    activeParamsOverride: 40e9,
    mtp: { layers: 1, params: 9_952_920_064 },
    defaultContext: 8192,
    maxContext: 202752,
    uses: ['general', 'reasoning', 'coding'],
    family: 'GLM-5',
    source: `huggingface/transformers src/transformers/models/glm_moe_dsa/configuration_glm_moe_dsa.py (checkpoint zai-org/GLM-5: 154880, 6144, 12288, 2048, 78 layers, 64 heads, 256 + 1 experts top-8, kv_lora 512, q_lora 2048, rope 64, v 256, nope 192, max 202752, index_topk 2048, index_head_dim 128, index_n_heads 32, first_k_dense_replace 3); Ascend omniinfer doc quoting the GLM-5 config (same values, num_nextn_predict_layers 1); ${SLIME}/glm5-744B-A40B.sh; ${XINF} (glm-5 744B, 202752)`,
    notes:
      'MLA + DeepSeek Sparse Attention (indexer 32 heads x 128, top-2048): cache = latent 512 + 64 RoPE per token per layer + one indexer key. Published 744B / 40B (model name) kept; formula 743.2B / 41.1B, + ~0.73B of indexers (computed 78 x (2048 x 4096 + 6144 x 128 + 6144 x 32)). ' +
      'MTP: 1 layer, 9.95B computed (one MoE MLA layer + indexer + eh_proj). Ollama: cloud only (glm-5:cloud). GLM-5.1 / 5.2 not covered here (5.2 shares indexers across layers).',
  },
  {
    id: 'glm-4.5v',
    released: '2025-08',
    name: 'GLM-4.5V (106B-A12B, vision)',
    hfId: 'zai-org/GLM-4.5V',
    aliases: ['glm-4.5v-106b', 'glm4.5v', 'glm-4.5-v'],
    layers: 46,
    hidden: 4096,
    intermediate: 10944,
    heads: 96,
    kvHeads: 8,
    headDim: 128,
    vocab: 151424,
    tiedEmbeddings: false,
    mlp: 'gated',
    qkvBias: true,
    moe: { experts: 128, active: 8, expertIntermediate: 1408, sharedExperts: 1, denseLayers: 1 },
    paramsOverride: 106e9,
    activeParamsOverride: 12e9,
    encoder: {
      params: 892e6,
      what: 'GLM-4.1V-style ViT (24 x 1536) + downsample conv + patch merger, ~0.89B computed',
    },
    defaultContext: 8192,
    maxContext: 65536,
    uses: ['general', 'vision', 'reasoning'],
    family: 'GLM-4.5',
    source: `huggingface/transformers src/transformers/models/glm4v_moe/configuration_glm4v_moe.py (Glm4vMoeTextConfig, checkpoint zai-org/GLM-4.5V: 151424, 4096, 10944, 46 layers, 96 / 8 heads, max 65536, attention_bias, 128 experts + 1 shared top-8, 1408, first_k_dense_replace 1; vision defaults depth 24, hidden 1536, out 4096, intermediate 13696); transformers glm4v modular (vision block and merger shapes); ${XINF} (glm-4.5v 106B)`,
    notes:
      'Text model = GLM-4.5-Air shape (published 106B / 12B kept). Encoder computed from the vision defaults: 24 blocks x (qkv 1536 x 4608 + proj 1536^2 + gated MLP 3 x 1536 x 4096) + patch/pos embeddings + downsample conv 1536 -> 4096 (2 x 2) + merger (4096^2 + 3 x 4096 x 13696) ~ 0.89B. ' +
      'UNVERIFIED: the vision_config of the GLM-4.5V checkpoint itself was not read (defaults used). max_position 65536 from the config defaults; xinference lists 131072.',
  },
  {
    id: 'glm-4.6v',
    name: 'GLM-4.6V (106B-A12B, vision)',
    hfId: 'zai-org/GLM-4.6V',
    aliases: ['glm-4.6v-106b', 'glm4.6v', 'glm-4.6-v'],
    layers: 46,
    hidden: 4096,
    intermediate: 10944,
    heads: 96,
    kvHeads: 8,
    headDim: 128,
    vocab: 151424,
    tiedEmbeddings: false,
    mlp: 'gated',
    qkvBias: true,
    moe: { experts: 128, active: 8, expertIntermediate: 1408, sharedExperts: 1, denseLayers: 1 },
    paramsOverride: 106e9,
    activeParamsOverride: 12e9,
    encoder: {
      params: 892e6,
      what: 'GLM-4.1V-style ViT (24 x 1536) + downsample conv + patch merger, ~0.89B computed',
    },
    defaultContext: 8192,
    maxContext: 131072,
    uses: ['general', 'vision', 'reasoning'],
    released: '2025-12',
    family: 'GLM-4.6',
    source:
      'GitHub test fixture of a glm-4.6v checkpoint directory (Glm4vMoeForConditionalGeneration, glm4v_moe, 128 experts top-8, moe_intermediate_size 1408, image_token_id 151363); GitHub news copy "Z.ai debuts open-source GLM-4.6V" (2025-12-08: GLM-4.6V 106B and GLM-4.6V-Flash 9B, ViT encoder + MLP projector, 128K tokens); shape otherwise from the GLM-4.5V transformers defaults (see glm-4.5v)',
    notes:
      'UNVERIFIED: the GLM-4.6V config.json was not read. Same glm4v_moe architecture as GLM-4.5V (GLM-4.5-Air text body: 46 layers, GQA 8 KV heads x 128, 128 experts + 1 shared top-8) per the fixture; 128K context per the release news. ' +
      'Published 106B / 12B (Air-class) kept; encoder ~0.89B computed from the GLM-4.1V vision defaults. GLM-4.6V-Flash (9B, dense) is not covered.',
  },
  {
    id: 'glm-4-32b-0414',
    name: 'GLM-4-32B-0414',
    hfId: 'zai-org/GLM-4-32B-0414',
    aliases: ['glm-4-32b', 'glm4-32b-0414', 'glm-z1-32b-0414', 'glm-z1-32b'],
    layers: 64,
    hidden: 6144,
    intermediate: 23040,
    heads: 48,
    kvHeads: 8,
    headDim: 128,
    vocab: 151552,
    tiedEmbeddings: false,
    mlp: 'gated',
    defaultContext: 8192,
    maxContext: 32768,
    uses: ['general', 'reasoning'],
    released: '2025-04',
    family: 'GLM-4-0414',
    source: `github.com/THUDM/GLM-4 README (GLM-4-32B-0414 series released 2025/04/14; GLM-Z1-32B-0414 built on GLM-4-32B-0414); ${SLIME}/glm4-32B.sh (64 layers, 6144, ffn 23040, 48 heads, 8 query groups, max 32768, vocab 151552, no bias, untied, post-attn / post-mlp layernorms); ${XINF} (glm4-0414 32B / 9B, 32768)`,
    notes:
      'Dense GQA (8 KV heads x 128). Four RMSNorms per layer (sandwich norms), not counted by the 2-norm formula (tiny). GLM-Z1-32B-0414 (reasoning model built on GLM-4-32B-0414 per the THUDM/GLM-4 README) is an alias. No published exact count read ("32B"); formula 34.7B from the slime arguments (64 layers, 8 KV groups), which load the real checkpoint; GLM-4-32B-0414 config.json itself not read.',
  },
  {
    id: 'glm-4-9b-0414',
    name: 'GLM-4-9B-0414',
    hfId: 'zai-org/GLM-4-9B-0414',
    aliases: ['glm4-9b-0414', 'glm-z1-9b-0414', 'glm-z1-9b'],
    ...GLM4_9B_BODY,
    defaultContext: 8192,
    maxContext: 32768,
    uses: ['general', 'reasoning'],
    released: '2025-04',
    family: 'GLM-4-0414',
    source: `${SLIME}/glm4-9B.sh (40 layers, 4096, ffn 13696, 32 heads, 2 query groups, qkv bias, vocab 151552, untied; slime docs/en/examples/glm4-9B.md loads zai-org/GLM-Z1-9B-0414 with these arguments); ${XINF} (glm4-0414 9B, 32768)`,
    notes:
      'Dense GQA with only 2 KV heads x 128. Sandwich norms (4 per layer). GLM-Z1-9B-0414 is an alias: slime converts that very checkpoint with these arguments (model_type glm4, 17.5 GB in a ModelScope listing).',
  },
  {
    id: 'glm-4.6v-flash',
    name: 'GLM-4.6V-Flash (9B)',
    hfId: 'zai-org/GLM-4.6V-Flash',
    aliases: ['glm-4.6v-flash-9b', 'glm4.6v-flash'],
    // GLM-4.1V-9B's language model, this 9B shape (same model type): the recount is the Hub's total exactly.
    ...GLM4_9B_BODY,
    encoder: { params: 892_500_000, what: 'GLM-4V ViT (24 x 1536, 0.71B) + merger (0.19B), computed' },
    defaultContext: 8192,
    maxContext: 131072,
    uses: ['vision', 'general'],
    released: '2025-12',
    family: 'GLM-4.6V',
    source:
      'Hugging Face API total for zai-org/GLM-4.6V-Flash, 10,292,777,472 params (public GitHub copy, index id 70102877713); GLM-4.1V-9B config (40 x 4096, 13696, 32/2 heads x 128, vocab 151552, untied; vision 24 x 1536 -> 4096); model card (128K context)',
    notes:
      "Its own config.json was not read: GLM-4.1V-9B's shape reproduces the published total exactly (language 9.400B + vision 0.893B).",
  },
  {
    id: 'glm-4-9b-chat',
    name: 'GLM-4-9B-Chat (2024)',
    hfId: 'THUDM/glm-4-9b-chat',
    aliases: ['glm4:9b', 'glm4', 'glm-4-9b', 'glm4-9b', 'glm-4-9b-chat-hf'],
    ...GLM4_9B_BODY,
    defaultContext: 8192,
    maxContext: 131072,
    uses: ['general'],
    released: '2024-06',
    family: 'GLM-4',
    source: `GitHub LLaMA-Factory log quoting THUDM/glm-4-9b-chat config.json (chatglm: 40 layers, 4096, ffn 13696, 32 heads, multi_query_group_num 2, kv_channels 128, padded_vocab_size 151552, seq_length 131072, untied); ${XINF} (glm4-chat 131072; glm4-chat-1m 1048576); github.com/THUDM/GLM-4 README (GLM-4-9B series released 2024/06/05; Chat 128K, base 8K; adapted to Ollama 2024/7/9); Ollama glm4:9b (~5.5 GB) from GitHub READMEs`,
    notes:
      'ChatGLM layout (fused QKV with bias: add_qkv_bias not in the excerpt read, taken from the GLM-4-9B slime arguments). 2 KV heads x 128. ' +
      'The 1M-context variant (glm-4-9b-chat-1m) is not an alias. Ollama: glm4 (9b) runs locally.',
  },
  // ---------------------------------------------------------------- MiniMax
  {
    id: 'minimax-m2',
    name: 'MiniMax-M2 (230B-A10B)',
    hfId: 'MiniMaxAI/MiniMax-M2',
    aliases: [
      'minimax-m2:cloud',
      'minimax-m2-230b',
      'minimax-m2.1',
      'minimax-m2.1:cloud',
      'minimax-m2.5',
      'minimax-m2.5-229b',
    ],
    ...MINIMAX_M2_BODY,
    uses: ['general', 'coding', 'reasoning'],
    released: '2025-10',
    family: 'MiniMax-M2',
    source: `huggingface/transformers src/transformers/models/minimax_m2/configuration_minimax_m2.py (200064, 3072, 1536, 62 layers, 48 / 8 heads, head_dim 128, max 196608, 256 experts top-8, untied); GitHub fixtures of the MiniMax-M2 config.json (use_mtp true, num_mtp_modules 3, mtp_transformer_layers 1, rotary_dim 64, qk norm per layer, FP8 block quantization); ${SLIME}/minimax-m2.sh (M2.5: same body); GitHub param-counter test (M2.5 safetensors 228,703,644,928 params "from HF API"; M2.1 identical architecture to M2.5); transformers docs minimax.md (M2 released 2025-10-27); ${XINF} (MiniMax-M2 / M2.5 230B, 196608)`,
    notes:
      'All 62 layers MoE (256 experts top-8, no shared expert), GQA 8 KV heads x 128, RoPE on 64 of 128 dims, per-layer q/k norms. ' +
      'Formula 228.7B total matches the stored safetensors count (228.70B), so the published checkpoint holds no MTP weights although the config declares 3 MTP modules: no mtp entry. ' +
      'Formula active ~11.0B vs the published "10B" (the 1.2B of embeddings + lm_head probably left out of that figure; formula kept). M2.1 and M2.5 are aliases (same architecture). Ollama: cloud only (minimax-m2:cloud, minimax-m2.1:cloud).',
  },
  {
    id: 'minimax-m1',
    released: '2025-06',
    name: 'MiniMax-M1 (456B-A45.9B)',
    hfId: 'MiniMaxAI/MiniMax-M1-80k',
    aliases: ['minimax-m1-80k', 'minimax-m1-40k', 'minimax-m1-456b'],
    ...MINIMAX_01_BODY,
    // attn_type_list [0,0,0,0,0,0,0,1] x 10: layers 8, 16, ..., 80 are softmax attention (GQA 8 x 128).
    kvGroups: [{ layers: 10, kvHeads: 8, headDim: 128 }],
    // Lightning attention state: 64 heads x 128 x 128 = 1,048,576 per layer; no convolution.
    stateGroups: [{ kind: 'lightning', layers: 70, stateElements: 1_048_576, convElements: 0 }],
    uses: ['general', 'reasoning'],
    family: 'MiniMax-01',
    source:
      'GitHub copies of the MiniMax-M1 config.json (minimax_m1: 80 layers, 6144, intermediate 9216, 64 / 8 heads, head_dim 128, 32 experts top-2, vocab 200064, max_position 10240000, rotary_dim 64, attn_type_list [0,0,0,0,0,0,0,1] x 10, untied); huggingface/transformers docs/source/en/model_doc/minimax.md (456B / 45.9B, softmax after every 7 lightning layers)',
    notes: `Same architecture as MiniMax-Text-01 (40k and 80k thinking-budget checkpoints alike). ${MINIMAX_01_NOTE} released month not read from a source.`,
  },
  {
    id: 'minimax-text-01',
    name: 'MiniMax-Text-01 (456B-A45.9B)',
    hfId: 'MiniMaxAI/MiniMax-Text-01',
    aliases: ['minimax-01', 'minimax-text-01-hf', 'minimax-text01'],
    ...MINIMAX_01_BODY,
    // attn_type_list [0,0,0,0,0,0,0,1] x 10: layers 8, 16, ..., 80 are softmax attention (GQA 8 x 128).
    kvGroups: [{ layers: 10, kvHeads: 8, headDim: 128 }],
    // Lightning attention state: 64 heads x 128 x 128 = 1,048,576 per layer; no convolution.
    stateGroups: [{ kind: 'lightning', layers: 70, stateElements: 1_048_576, convElements: 0 }],
    uses: ['general'],
    released: '2025-01',
    family: 'MiniMax-01',
    source:
      'huggingface/transformers docs/source/en/model_doc/minimax.md (456B / 45.9B, 80 layers, softmax attention after every 7 lightning, 64 heads x 128, 32 experts x 9216 top-2, hidden 6144, vocab 200064, RoPE on half the head dim, released 2025-01-14); transformers MiniMax-VL-01 conversion test (released text_config: attn_type_list (i + 1) % 8 == 0, 8 KV heads, rotary_dim 64); GitHub copy of a transformers-format MiniMax config (layer_types with full_attention every 8th layer, max_position 10240000; which checkpoint it came from is not stated)',
    notes: MINIMAX_01_NOTE,
  },
  // ---------------------------------------------------------------- MiMo (Xiaomi)
  {
    id: 'mimo-7b',
    released: '2025-04',
    name: 'MiMo-7B',
    hfId: 'XiaomiMiMo/MiMo-7B-RL',
    aliases: ['mimo-7b-rl', 'xiaomi-mimo-7b'],
    layers: 36,
    hidden: 4096,
    intermediate: 11008,
    heads: 32,
    kvHeads: 8,
    headDim: 128,
    vocab: 151680,
    tiedEmbeddings: false,
    mlp: 'gated',
    qkvBias: true,
    mtp: { layers: 1, params: 210_790_400 },
    defaultContext: 8192,
    maxContext: 32768,
    uses: ['reasoning'],
    family: 'MiMo',
    source: `${SLIME}/mimo-7B-rl.sh (36 layers, 4096, ffn 11008, 32 heads, 8 query groups, qkv bias, vocab 151680, untied, max_position 32768, rotary base 640000, mtp-num-layers 1)`,
    notes:
      'Dense Qwen2-style GQA (8 KV heads x 128). MTP: 1 layer, 0.21B computed (one dense decoder layer + eh_proj 2h x h); not loaded unless speculative decoding uses it. No published exact count read.',
  },
  {
    id: 'mimo-v2-flash',
    released: '2025-12',
    name: 'MiMo-V2-Flash (309B-A15B)',
    hfId: 'XiaomiMiMo/MiMo-V2-Flash',
    aliases: ['mimo-v2-flash-309b'],
    layers: 48,
    hidden: 4096,
    intermediate: 16384,
    heads: 64,
    kvHeads: 4,
    // Keys 192 wide, values 128: see kvGroups.
    headDim: 192,
    vocab: 152576,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 256, active: 8, expertIntermediate: 2048, sharedExperts: 0, denseLayers: 1 },
    paramsOverride: 309e9,
    activeParamsOverride: 15e9,
    // hybrid_layer_pattern: layer l is global when l == 0 or (l + 1) % 6 == 0 -> 9 global, 39 sliding-window (128).
    kvGroups: [
      { layers: 9, kvHeads: 4, headDim: 192, vHeadDim: 128 },
      { layers: 39, kvHeads: 8, headDim: 192, vHeadDim: 128, window: 128 },
    ],
    defaultContext: 8192,
    maxContext: 262144,
    nativeFormat: 'fp8',
    uses: ['general', 'reasoning', 'coding'],
    family: 'MiMo-V2',
    source:
      'GitHub Rust test mimo_v2_flash_hub_config (hub config: 152576, 4096, 48 layers, 64 heads, 4 KV heads, head_dim 192, v_head_dim 128, SWA 64 / 8 heads, window 128, hybrid_layer_pattern l == 0 || (l + 1) % 6 == 0 global, moe_layer_freq dense at layer 0, 16384, 256 experts top-8, 2048, SWA attention-sink bias); NVIDIA Megatron-Bridge MiMo-V2-Flash bridge test (max_position 262144); GitHub fixture with block-FP8 quantization_config',
    notes:
      'UNVERIFIED params: 309B / 15B are the model-name figures (no card text read); the GQA formula cannot express 192-wide keys with 128-wide values. ' +
      'KV: 9 global layers (4 KV heads, K 192 + V 128) + 39 sliding-window layers (8 KV heads, window 128) counted from the pattern; SWA layers have learned attention sinks. ' +
      'max_position 262144 (Megatron-Bridge test) vs 1048576 in another fixture: the lower kept. MTP layers not read: none recorded. n_shared_experts absent from the config read: 0.',
  },
  // ---------------------------------------------------------------- Tencent Hunyuan, inclusionAI Ling
  {
    id: 'hunyuan-a13b',
    released: '2025-06',
    name: 'Hunyuan-A13B (80B-A13B)',
    hfId: 'tencent/Hunyuan-A13B-Instruct',
    aliases: ['hunyuan-a13b-instruct', 'hunyuan-80b-a13b', 'tencent-hunyuan-a13b'],
    layers: 32,
    hidden: 4096,
    // intermediate_size 3072 is the experts' width: every layer is MoE (moe_layer_num_skipped 0).
    intermediate: 3072,
    heads: 32,
    kvHeads: 8,
    headDim: 128,
    vocab: 128167,
    tiedEmbeddings: true,
    mlp: 'gated',
    moe: { experts: 64, active: 8, expertIntermediate: 3072, sharedExperts: 1, denseLayers: 0 },
    defaultContext: 8192,
    maxContext: 262144,
    uses: ['general', 'reasoning'],
    family: 'Hunyuan',
    source:
      'Tencent-Hunyuan/Hunyuan-A13B models/config.json (mirror tianyu1412/Hunyuan-A13B @df832eb: 32 x 4096, 32/8 heads, head_dim 128, vocab 128167, tied, 64 experts top-8 x 3072, 1 shared, max_position 32768 with dynamic NTK alpha 1000); its README (80B / 13B active, 256K native context); Tencent-Hunyuan/Hunyuan-A13B issue 11 (vLLM defaults to 32K)',
    notes:
      'Computed 80.39B / 12.75B active (published 80B / 13B). The config says 32768 positions with NTK scaling; 256K is the published native context and used as the maximum.',
  },
  {
    id: 'ling-flash-2.0',
    released: '2025-09',
    name: 'Ling-flash-2.0 (100B-A6B)',
    hfId: 'inclusionAI/Ling-flash-2.0',
    aliases: ['ling-flash-2', 'ling-flash', 'ling-flash-2.0-100b'],
    layers: 32,
    hidden: 4096,
    // Layer 0 is dense (first_k_dense_replace 1) at intermediate_size 9216; layers 1-31 are MoE.
    intermediate: 9216,
    heads: 32,
    kvHeads: 4,
    headDim: 128,
    vocab: 157184,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 256, active: 8, expertIntermediate: 1024, sharedExperts: 1, denseLayers: 1 },
    defaultContext: 8192,
    maxContext: 131072,
    uses: ['general', 'reasoning'],
    family: 'Ling',
    source:
      'config.json copy in eveyin2026abc-creator/yq tests/assets/model_config/ling_flash_2_0 @2232e7f (bailing_moe: 32 x 4096, 32/4 heads, head_dim 128, vocab 157184, untied, 256 experts top-8 x 1024, 1 shared, first_k_dense_replace 1 at 9216, max_position 32768); HF API dump in daniel-p-green/alain-ai-learning-platform @522537b (safetensors 102,889,705,216 params); model card (100B / 6.1B active, 32K -> 128K with YaRN)',
    notes:
      'The formula gives exactly the safetensors bf16 count (102,889,697,280): the chat checkpoint has no MTP layer. 128K needs YaRN (factor 4 from 32K).',
  },
  {
    id: 'ling-1t',
    released: '2025-10',
    name: 'Ling-1T (1T-A50B)',
    hfId: 'inclusionAI/Ling-1T',
    // Ring-1T: "adopts the Ling 2.0 architecture and is trained on the Ling-1T-base" (its card); fields assumed.
    aliases: ['ling-1t-fp8', 'ring-1t', 'ring-1t-fp8'],
    layers: 80,
    hidden: 8192,
    // The first 4 layers are dense (first_k_dense_replace 4) at 18432; the other 76 are MoE.
    intermediate: 18432,
    heads: 64,
    kvHeads: 8,
    headDim: 128,
    vocab: 157184,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 256, active: 8, expertIntermediate: 2048, sharedExperts: 1, denseLayers: 4 },
    defaultContext: 8192,
    maxContext: 131072,
    uses: ['general', 'reasoning'],
    family: 'Ling',
    source:
      'GGUF metadata of a Ling-1T conversion from the BF16 weights, posted in ikawrakow/ik_llama.cpp PR 837 and issues 854 / 873 (bailingmoe2: 80 blocks, 8192, 64/8 heads, head 128, vocab 157184, ffn 18432, 4 leading dense blocks, 256 experts top-8 x 2048, 1 shared, nextn 0, context 32768, 999.705B params); NVIDIA-NeMo/Automodel ling_1t_sft.yaml @67ca563a (80 layers, 256 experts, first_k_dense_replace 4); model card (1T / ~50B active, 128K with YaRN)',
    notes:
      'Computed 999.70B / ~51.1B active = the GGUF count. Untied: the 2.575B outside the repeating layers is two 157184 x 8192 matrices. No MTP weights in the published checkpoints. Ring-1T is listed as an alias (same Ling 2.0 architecture per its card; its 64K native context not separately modelled). An FP8 repository exists; BF16 is the main one.',
  },
  {
    id: 'step3',
    released: '2025-07',
    name: 'Step3 (321B-A38B)',
    hfId: 'stepfun-ai/step3',
    aliases: ['step-3', 'stepfun-step3', 'step3-fp8'],
    layers: 61,
    hidden: 7168,
    // Layers 0-3 and 60 are dense at 18432; 4-59 are MoE.
    intermediate: 18432,
    heads: 64,
    // Multi-matrix factorization attention: one K/V head of 256 shared by the 64 query heads.
    kvHeads: 1,
    headDim: 256,
    vocab: 128815,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 48, active: 3, expertIntermediate: 5120, sharedExperts: 1, denseLayers: 5 },
    // The low-rank query (hidden -> 2048 -> 64 x 256) is not in the attention formula: the published counts.
    paramsOverride: 316e9,
    activeParamsOverride: 38e9,
    encoder: {
      params: 5e9,
      what: 'vision encoder + projector (~5B: the published 321B VLM minus the 316B LLM)',
    },
    defaultContext: 8192,
    maxContext: 65536,
    uses: ['vision', 'general', 'reasoning'],
    family: 'Step3',
    source:
      'huggingface.co/stepfun-ai/step3 config.json (refs/pr/2; docs corpus: 61 layers, 7168, 18432, 64 heads x 256, 1 attention group, share_q_dim 2048, 48 experts top-3 x 5120, 1 shared, moe_layers 4-59, vocab 128815, 65536); vLLM model_executor/models/step3_text.py @0169d396 (one KV head, separate lm_head); stepfun-ai/Step3 README @094d0d3 (316B LLM / 38B active, 321B VLM; bf16 and block-fp8 checkpoints)',
    notes:
      'KV cache 61 x 2 x 256 x 2 bytes = 62,464 bytes per token: one K/V head. Formula with untied embeddings computes 316.3B / 38.8B; the override keeps the published figures since the low-rank query is not modelled. The vision encoder size is the published difference (its config was not read in full).',
  },
  {
    id: 'grok-2',
    released: '2025-08',
    name: 'Grok 2 (270B)',
    hfId: 'xai-org/grok-2',
    aliases: ['grok2', 'xai-grok-2'],
    layers: 64,
    hidden: 8192,
    intermediate: 32768,
    heads: 64,
    kvHeads: 8,
    headDim: 128,
    vocab: 131072,
    tiedEmbeddings: false,
    mlp: 'gated',
    // residual_moe: every layer runs a dense MLP (32768) beside the 8 experts (top-2): an always-on shared expert.
    moe: {
      experts: 8,
      active: 2,
      expertIntermediate: 16384,
      sharedExperts: 1,
      sharedIntermediate: 32768,
      denseLayers: 0,
    },
    defaultContext: 8192,
    maxContext: 131072,
    uses: ['general'],
    family: 'Grok',
    source:
      'config values transcribed in vedantdere/Grok-2-Pytorch config.py @06590176 (64 layers, 8192, 64/8 heads x 128, vocab 131072, 8 experts top-2 x 16384, residual_moe with intermediate 32768, max_position 131072); sgl-project/sglang models/grok.py @031ad4ce (MLP and MoE in parallel, separate lm_head); sgl-jax fixtures (bfloat16); xai-org/grok-2 README (~500 GB, TP=8 on 8 GPUs with > 40 GB each, served with --quantization fp8)',
    notes:
      "Computed 269.5B (539 GB in BF16, the README says ~500 GB) and ~114.9B active: the dense residual MLP runs for every token. Untied embeddings inferred from SGLang's separate lm_head. xAI publishes no parameter count.",
  },
  {
    id: 'deepseek-ocr',
    released: '2025-10',
    name: 'DeepSeek-OCR (3B)',
    hfId: 'deepseek-ai/DeepSeek-OCR',
    aliases: ['deepseek-ocr-3b'],
    layers: 12,
    hidden: 1280,
    // Layer 0 is dense (6848); layers 1-11 are MoE. use_mla false: plain multi-head attention.
    intermediate: 6848,
    heads: 10,
    kvHeads: 10,
    headDim: 128,
    vocab: 129280,
    tiedEmbeddings: false,
    mlp: 'gated',
    moe: { experts: 64, active: 6, expertIntermediate: 896, sharedExperts: 2, denseLayers: 1 },
    encoder: {
      params: 401_500_000,
      what: 'DeepEncoder: SAM-ViT-B (95.6M) + CLIP-L/14 (303.2M) + projector (2.6M), computed',
    },
    defaultContext: 8192,
    maxContext: 8192,
    uses: ['vision', 'small'],
    family: 'DeepSeek-OCR',
    source:
      'config.json and tensor table of deepseek-ai/DeepSeek-OCR in a public GitHub copy (index id 63052762923: deepseek_v2 with use_mla false, 12 x 1280, 10 heads, 64 experts top-6 x 896, 2 shared, 1 dense layer at 6848, vocab 129280, 8192; 3,336,106,240 params)',
    notes: 'Decoder 2.935B (~0.74B active) + DeepEncoder 0.40B = the checkpoint total exactly.',
  },
];
