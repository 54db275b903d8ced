// Plain data shapes for the catalogs. Field names follow Hugging Face config.json keys
// (in camelCase) so a row can be checked against its config in one glance.

/** Sliding-window / chunked local attention: `localLayers` of the model's layers only keep the last `window` tokens. */
export interface SlidingWindow {
  window: number;
  /** How many layers are local (windowed). The rest attend to the whole context. */
  localLayers: number;
}

/** Mixture of experts: every expert is resident in memory; only `active` run per token. */
export interface MoeSpec {
  /** Routed experts per MoE layer. */
  experts: number;
  /** Routed experts used per token (num_experts_per_tok). */
  active: number;
  /** Width of one routed expert's MLP (moe_intermediate_size). */
  expertIntermediate: number;
  /** Always-on shared experts per MoE layer (DeepSeek, Llama 4), each `expertIntermediate` wide unless sharedIntermediate is set. */
  sharedExperts: number;
  sharedIntermediate?: number;
  /** Layers that use a dense MLP (width `intermediate`) instead of experts (DeepSeek first_k_dense_replace, Llama 4 Maverick interleave). */
  denseLayers: number;
  /** Routed experts stored in MXFP4 in the published checkpoint (gpt-oss). */
  nativeFormat?: string;
}

/** Multi-head latent attention (DeepSeek V2/V3): the cache holds one latent + one RoPE key per token per layer. */
export interface MlaSpec {
  kvLoraRank: number;
  qLoraRank: number;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
}

/**
 * Weight bytes read from the file itself instead of computed from parameters x bits: the sum of every
 * tensor's stored size in a GGUF header, or of a safetensors checkpoint's tensors. They hold only for the
 * format they were read in (`format`); another format falls back to the formula.
 */
export interface ExactWeights {
  /** Weight format id the bytes are for (`q4_k_m`, `bf16`, `gptq-int4`, ...). */
  format: string;
  /** Bytes the runtime keeps on the GPU. */
  gpuBytes: number;
  /** Bytes the runtime keeps in system RAM instead (llama.cpp's token_embd); 0 when everything is on the GPU. */
  hostBytes: number;
  /** Where the bytes were read, for the reply: `the GGUF header of x.gguf (291 tensors: ...)`. */
  source: string;
}

/**
 * Attention layers that keep their own KV cache with one shape. A model lists its groups when its layers are
 * not all alike (hybrids, shared-KV layers, per-layer KV head counts, local/global head sizes); layers that
 * hold no KV of their own (linear attention, Mamba, short convolutions, Gemma 3n's shared-KV layers) are
 * simply not in any group. For MLA models (`mla` set) only `layers` and `window` are read: each layer caches
 * the latent.
 */
export interface KvGroup {
  layers: number;
  kvHeads: number;
  /** Key head size (and value head size unless vHeadDim is set). */
  headDim: number;
  /** Value head size when it differs from the key's. */
  vHeadDim?: number;
  /** Sliding-window / chunked attention: these layers keep only the last `window` tokens. */
  window?: number;
  /** Compressed attention (DeepSeek V4): one cache entry per this many tokens. */
  tokensPerEntry?: number;
  /** A second cache on layers another group already counts (DeepSeek V4's compressed history). */
  sameLayers?: boolean;
}

/**
 * Recurrent layers keep a fixed state per sequence, whatever the context:
 * - `gated-deltanet` (Qwen3-Next, Qwen3.5): state = v_heads x k_head_dim x v_head_dim; conv over q, k, v.
 * - `kimi-delta` (Kimi Linear KDA): same shape as Gated DeltaNet.
 * - `lightning` (MiniMax-01 / M1 linear attention): state = heads x head_dim x head_dim; no conv.
 * - `mamba2` (Granite 4.0-H, Nemotron-H, Falcon-H1, Jamba 1.5+ when Mamba-2): state = mamba heads x
 *   head_dim x d_state; conv over (inner + 2 x groups x d_state) channels.
 * - `mamba` (Mamba-1, Jamba): state = inner x d_state; conv over inner.
 * - `short-conv` (LFM2): no recurrent state, conv state only (hidden x (L_cache - 1)).
 */
export type StateKind = 'gated-deltanet' | 'kimi-delta' | 'lightning' | 'mamba2' | 'mamba' | 'short-conv';

export interface StateGroup {
  kind: StateKind;
  layers: number;
  /** Recurrent / SSM state elements per sequence per layer (0 for short-conv). */
  stateElements: number;
  /** Convolution state elements per sequence per layer: conv channels x (kernel - 1). */
  convElements: number;
  /** The checkpoint asks runtimes to keep the SSM state in fp32 (config mamba_ssm_cache_dtype / mamba_ssm_dtype). */
  ssmFp32?: boolean;
}

/** A multimodal checkpoint's vision (or audio) encoder + projector: its own component when the runtime loads it. */
export interface EncoderSpec {
  /** Parameters of the encoder(s) + projector, not counted in the language model's params. */
  params: number;
  /** In words: `SigLIP-400M vision encoder + projector`. */
  what: string;
}

/** Multi-token-prediction layers shipped in the checkpoint (DeepSeek V3, GLM-4.5, Qwen3-Next, MiMo). */
export interface MtpSpec {
  layers: number;
  /** Parameters of the MTP module(s), not counted in the language model's params. */
  params: number;
}

/** DeepSeek Sparse Attention's lightning indexer: one extra key per token per MLA layer. */
export interface IndexerSpec {
  heads: number;
  headDim: number;
}

export type ModelUse = 'general' | 'coding' | 'reasoning' | 'vision' | 'small' | 'embedding';

export interface ModelSpec {
  /** Catalog id, lower case: `llama-3.1-8b`. */
  id: string;
  /** Display name: `Llama 3.1 8B`. */
  name: string;
  /** Hugging Face repository the architecture was read from. */
  hfId: string;
  /** Extra names people type (`llama3.1:8b` style Ollama tags, marketing names). */
  aliases: string[];
  layers: number;
  hidden: number;
  /** Dense MLP width (intermediate_size). */
  intermediate: number;
  heads: number;
  kvHeads: number;
  /** head_dim: explicit in the config, or hidden / heads. */
  headDim: number;
  vocab: number;
  tiedEmbeddings: boolean;
  /** `gated` = SwiGLU/GeGLU with gate, up and down (3 matrices); `plain` = up and down (2), e.g. Falcon. */
  mlp: 'gated' | 'plain';
  /** Bias on q/k/v projections (Qwen2/2.5). Tiny, counted for exactness. */
  qkvBias?: boolean;
  moe?: MoeSpec;
  mla?: MlaSpec;
  slidingWindow?: SlidingWindow;
  /** Published total parameters of the language model (without `encoder` and `mtp`, which are their own), used when the architecture formula misses parts (hybrid layers, biases, sinks). */
  paramsOverride?: number;
  /** Published active parameters per token for MoE models, when paramsOverride is used. */
  activeParamsOverride?: number;
  /** Context we assume when the query gives none: a common working length, never the maximum. */
  defaultContext: number;
  /** max_position_embeddings (or the documented long-context limit). */
  maxContext: number;
  /** Checkpoint's native weight format when it is not 16-bit (DeepSeek fp8, gpt-oss mxfp4). */
  nativeFormat?: string;
  /** KV-holding layers when they are not `layers` alike (see KvGroup); replaces kvHeads/headDim/slidingWindow for the cache. */
  kvGroups?: KvGroup[];
  /** Layers with a fixed per-sequence state (linear attention, Mamba, short conv). */
  stateGroups?: StateGroup[];
  /** Vision/audio tower of a multimodal checkpoint. */
  encoder?: EncoderSpec;
  /** Multi-token-prediction layers in the checkpoint (not loaded unless speculative decoding asks for them). */
  mtp?: MtpSpec;
  /** DeepSeek V3.2 sparse-attention indexer. */
  indexer?: IndexerSpec;
  /** Quantization Ollama's library serves for the untagged model when it is not q4_k_m (gpt-oss: mxfp4). */
  ollamaFormat?: string;
  /** What the model is for, for "what can my GPU run" answers. */
  uses?: ModelUse[];
  /** First public release, `YYYY-MM`. */
  released?: string;
  /** Family name for grouping (`Qwen3`, `Gemma 3`). */
  family?: string;
  /** Where the numbers were read. */
  source: string;
  notes?: string;
  /**
   * Where the architecture came from, in the reply's words: unset for the catalog, `config.json of
   * owner/name @ <sha>` or `the GGUF header of <file> in owner/name @ <sha>` for a Hub lookup.
   */
  provenance?: string;
  /** Exact stored weight bytes (GGUF header, safetensors metadata) for one format; see ExactWeights. */
  exactWeights?: ExactWeights;
}

export type GpuKind = 'discrete' | 'unified';

export interface GpuSpec {
  /** Catalog id, lower case: `rtx-4090`, `a100-80gb-sxm`, `m2-ultra-192gb`. */
  id: string;
  vendor: 'NVIDIA' | 'AMD' | 'Apple' | 'Intel' | 'Google';
  name: string;
  /** Marketed memory in GiB-sized units ("24 GB" cards have 24 GiB). */
  memoryGiB: number;
  /**
   * Fraction of memory a job can allocate. Discrete cards: 1 (the CUDA context is an explicit
   * overhead component instead). Apple: Metal's recommendedMaxWorkingSetSize, ~0.75 of RAM by
   * default. Unified PCs (Ryzen AI Max, DGX Spark): what the OS gives the GPU.
   */
  usableFraction: number;
  /** Peak memory bandwidth in GB/s (1e9 bytes/s), for the decode tokens/s ceiling. */
  bandwidthGBs: number;
  kind: GpuKind;
  category: 'consumer' | 'laptop' | 'workstation' | 'datacenter' | 'apple' | 'apu' | 'edge';
  year: number;
  /** Extra names people type: `4090`, `a100-80`, `m2-ultra-192`. */
  aliases: string[];
  /** Known only by its memory (`24gb gpu`, `a 48gb mac`): no bandwidth, not in the catalog. */
  generic?: boolean;
  /** Shown in the GPU list as a common choice; suggestions look at these first. */
  common?: boolean;
  source: string;
  notes?: string;
}
