// What each serving stack does with memory, as constants with their sources (docs/methodology.md, "Runtimes").
import type { Runtime } from './formats.ts';
import type { GpuSpec, StateKind } from './types.ts';
import type { WeightFormat } from './formats.ts';
import { GIB } from '../units.ts';

export interface RuntimeProfile {
  id: Runtime;
  label: string;
  /**
   * Tokens pushed through the model in one forward pass during prefill. `null` = the whole prompt at once
   * (Hugging Face generate has no chunked prefill).
   */
  prefillChunk: number | null;
  /** How activation scratch is sized: PyTorch-style live tensors, or ggml's compute buffer. */
  scratch: 'torch' | 'ggml';
  /** Flash attention by default (SDPA / FlashAttention kernels, no tokens x tokens score matrix). */
  flashAttention: boolean;
  /** Fixed per-GPU cost outside the model (CUDA context, library workspaces, NCCL), central and range. */
  overhead: { bytes: number; low: number; high: number; what: string };
  /** Extra per-GPU cost once the job is split over several cards (NCCL buffers, a second context). */
  splitOverhead: number;
  /** The token-embedding table stays in system RAM (llama.cpp, ExLlamaV2 look rows up on the CPU). */
  embeddingsOnHost: boolean;
  /** Fraction of the card the runtime claims up front (vLLM gpu_memory_utilization), 1 if it allocates on demand. */
  memoryUtilization: number;
  /** How the runtime keeps recurrent layers' state (linear attention, Mamba, short conv); see RecurrentProfile. */
  recurrent: RecurrentProfile;
  /** Loads a multimodal checkpoint's vision/audio encoder with the language model. */
  loadsEncoder: boolean;
  /** Words for the reply's assumptions. */
  note: string;
}

/**
 * Recurrent state as each runtime allocates it (docs/methodology.md, "Recurrent state"): the dtype of the
 * SSM / delta-rule state and of the convolution window, and how many state slots one sequence holds.
 */
export interface RecurrentProfile {
  /** Bytes per element of the recurrent (SSM / delta-rule / lightning) state. */
  stateBytes(kind: StateKind, ssmFp32: boolean): number;
  /** Bytes per element of the convolution window. */
  convBytes: number;
  /** State slots per sequence (vLLM's prefix caching keeps a second page, SGLang's radix cache three). */
  copies: number;
  /** Sequences the runtime allocates state for at least (llama-server's default --parallel). */
  minSequences: number;
  /** In words, for the component's explanation. */
  what: string;
}

const DELTA_RULE: ReadonlySet<StateKind> = new Set(['gated-deltanet', 'kimi-delta']);

// vLLM and SGLang share the serving stack's fixed cost: "non_torch_memory 1.79GiB" at TP=1 and 3.58 GiB
// per GPU at TP=2 on an H100 (calibration VLLM05, VLLM08).
const SERVING_OVERHEAD: RuntimeProfile['overhead'] = {
  bytes: 1.8 * GIB,
  low: 1.2 * GIB,
  high: 2.6 * GIB,
  what: 'CUDA context, NCCL, cuBLAS, CUDA graphs',
};

export const RUNTIME_PROFILES: Record<Runtime, RuntimeProfile> = {
  transformers: {
    id: 'transformers',
    label: 'Hugging Face transformers',
    prefillChunk: null,
    scratch: 'torch',
    flashAttention: true, // attn_implementation="sdpa" is the default since transformers 4.36
    // CUDA context + cuBLAS/cuDNN workspaces seen by nvidia-smi but not by torch.cuda.memory_allocated:
    // 1343 MiB on a V100 (transformers docs, calibration HFD06); ~0.4-0.6 GiB with CUDA >= 12 lazy loading.
    overhead: { bytes: 0.6 * GIB, low: 0.3 * GIB, high: 1.4 * GIB, what: 'CUDA context + cuBLAS workspace' },
    splitOverhead: 0.3 * GIB,
    embeddingsOnHost: false,
    memoryUtilization: 1,
    recurrent: {
      // modeling_qwen3_next.py: the delta-rule kernels return an fp32 state; Mamba caches
      // (HybridMambaAttentionDynamicCache) use the model dtype; conv windows in the model dtype.
      stateBytes: (kind) => (DELTA_RULE.has(kind) ? 4 : 2),
      convBytes: 2,
      copies: 1,
      minSequences: 1,
      what: 'delta-rule state fp32, Mamba state and conv 16-bit',
    },
    loadsEncoder: true,
    note: 'transformers: the whole prompt is prefilled in one pass, only the last position gets logits (transformers >= 4.45)',
  },
  vllm: {
    id: 'vllm',
    label: 'vLLM',
    prefillChunk: 8192, // max_num_batched_tokens with chunked prefill (vLLM V1 server default)
    scratch: 'torch',
    flashAttention: true,
    overhead: SERVING_OVERHEAD,
    splitOverhead: 1.8 * GIB,
    embeddingsOnHost: false,
    memoryUtilization: 0.9, // --gpu-memory-utilization default
    recurrent: {
      // vllm/model_executor/layers/mamba/mamba_utils.py MambaStateDtypeCalculator: mamba_cache_dtype "auto" =
      // model dtype; KDA's recurrent state is always fp32; NemotronH and Qwen3.5 configs ask for an fp32 SSM
      // state (models/config.py). With prefix caching (on by default) a sequence holds 2 state pages ("align").
      stateBytes: (kind, ssmFp32) => (kind === 'kimi-delta' || ssmFp32 ? 4 : 2),
      convBytes: 2,
      copies: 2,
      minSequences: 1,
      what: 'state in the model dtype unless the checkpoint asks fp32, x 2 pages with prefix caching',
    },
    loadsEncoder: true,
    note: 'vLLM preallocates 90% of each GPU (gpu_memory_utilization=0.9) and fills what the job leaves with KV-cache blocks, so nvidia-smi shows ~90% whatever the job; the figures here are what the job needs inside that budget',
  },
  sglang: {
    id: 'sglang',
    label: 'SGLang',
    prefillChunk: 8192, // --chunked-prefill-size default on large GPUs
    scratch: 'torch',
    flashAttention: true,
    overhead: SERVING_OVERHEAD,
    splitOverhead: 1.8 * GIB,
    embeddingsOnHost: false,
    memoryUtilization: 0.88, // --mem-fraction-static is sized by GPU; ~0.88 on 80 GB cards
    recurrent: {
      // sglang/srt/configs/mamba_utils.py mamba2_state_dtype: conv bf16, SSM state fp32 by default; the radix
      // cache keeps 3 state slots per running request (MAMBA_CACHE_SIZE_MAX_RUNNING_REQUESTS_RATIO).
      stateBytes: () => 4,
      convBytes: 2,
      copies: 3,
      minSequences: 1,
      what: 'SSM state fp32, conv bf16, x 3 slots for the radix cache',
    },
    loadsEncoder: true,
    note: 'SGLang reserves a static fraction of each GPU (mem_fraction_static ~0.88) for weights and its KV pool; the figures here are what the job needs inside it',
  },
  'llama.cpp': {
    id: 'llama.cpp',
    label: 'llama.cpp',
    prefillChunk: 512, // n_ubatch default
    scratch: 'ggml',
    // Conservative: older builds and many front-ends run without flash attention; newer builds pick -fa auto.
    flashAttention: false,
    overhead: { bytes: 0.3 * GIB, low: 0.15 * GIB, high: 0.6 * GIB, what: 'CUDA context' },
    splitOverhead: 0.3 * GIB,
    embeddingsOnHost: true,
    memoryUtilization: 1,
    recurrent: {
      // llama-model.cpp create_memory: recurrent R and S tensors are GGML_TYPE_F32; llama-server's default
      // --parallel (auto) is 4 sequences, each with its own state rows.
      stateBytes: () => 4,
      convBytes: 4,
      copies: 1,
      minSequences: 4,
      what: "f32 state and conv, for llama-server's 4 default sequences",
    },
    loadsEncoder: false,
    note: 'llama.cpp: full GPU offload (-ngl 99), n_ubatch 512; token embeddings stay in system RAM',
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama',
    prefillChunk: 512, // num_batch default
    scratch: 'ggml',
    flashAttention: false, // OLLAMA_FLASH_ATTENTION is off unless set (or the model family enables it)
    overhead: { bytes: 0.4 * GIB, low: 0.2 * GIB, high: 0.8 * GIB, what: 'CUDA context + Ollama runner' },
    splitOverhead: 0.3 * GIB,
    embeddingsOnHost: true,
    memoryUtilization: 1,
    recurrent: {
      // Ollama runs llama.cpp's recurrent memory (f32) for one sequence unless OLLAMA_NUM_PARALLEL is raised.
      stateBytes: () => 4,
      convBytes: 4,
      copies: 1,
      minSequences: 1,
      what: 'f32 state and conv',
    },
    loadsEncoder: true,
    note: 'Ollama runs llama.cpp underneath: full offload, num_batch 512, token embeddings in system RAM',
  },
  exllamav2: {
    id: 'exllamav2',
    label: 'ExLlamaV2',
    prefillChunk: 2048, // max_input_len / chunk size default
    scratch: 'torch',
    flashAttention: true,
    overhead: { bytes: 0.6 * GIB, low: 0.3 * GIB, high: 1.2 * GIB, what: 'CUDA context + PyTorch' },
    splitOverhead: 0.3 * GIB,
    embeddingsOnHost: true,
    memoryUtilization: 1,
    recurrent: {
      stateBytes: () => 2,
      convBytes: 2,
      copies: 1,
      minSequences: 1,
      what: '16-bit state',
    },
    loadsEncoder: false,
    note: 'ExLlamaV2: cache preallocated for the full context, prompt processed in chunks of 2048, embeddings in system RAM',
  },
  mlx: {
    id: 'mlx',
    label: 'MLX',
    prefillChunk: 2048, // mlx_lm prefill_step_size
    scratch: 'torch',
    flashAttention: true, // mx.fast.scaled_dot_product_attention
    overhead: {
      bytes: 0.2 * GIB,
      low: 0.1 * GIB,
      high: 0.5 * GIB,
      what: 'Metal command buffers + Python runtime',
    },
    splitOverhead: 0,
    embeddingsOnHost: false,
    memoryUtilization: 1,
    recurrent: {
      // mlx_lm gated_delta.py creates the delta-rule state in fp32; ssm.py computes Mamba states in fp32;
      // conv windows keep the input dtype.
      stateBytes: () => 4,
      convBytes: 2,
      copies: 1,
      minSequences: 1,
      what: 'state fp32, conv 16-bit',
    },
    loadsEncoder: false,
    note: 'MLX on Apple silicon: prompt prefilled in steps of 2048 tokens',
  },
};

/**
 * Whether a runtime runs this format on this hardware. Apple GPUs run MLX, llama.cpp / Ollama (Metal) and
 * PyTorch's MPS backend for 16-bit weights only (bitsandbytes, AWQ/GPTQ kernels, vLLM, SGLang and ExLlamaV2
 * are CUDA/ROCm software); MLX runs on Apple silicon only; TPUs run vLLM's TPU backend and PyTorch/XLA.
 */
export function runsOn(gpu: GpuSpec, runtime: Runtime, format: WeightFormat): boolean {
  if (gpu.vendor === 'Apple')
    return (
      runtime === 'mlx' ||
      runtime === 'llama.cpp' ||
      runtime === 'ollama' ||
      (runtime === 'transformers' && format.family === 'float')
    );
  if (runtime === 'mlx') return false;
  if (gpu.vendor === 'Google')
    return runtime === 'vllm' || (runtime === 'transformers' && format.family === 'float');
  if (gpu.vendor === 'Intel') return runtime !== 'exllamav2' && runtime !== 'sglang';
  return true;
}

/** Why runsOn said no, for the reply. */
export function notRunningWhy(gpu: GpuSpec, runtime: Runtime, format: WeightFormat): string {
  const what =
    runtime === 'transformers' ? `${format.label} in transformers` : RUNTIME_PROFILES[runtime].label;
  if (gpu.vendor === 'Apple')
    return `${what} does not run on Apple GPUs: on a Mac say runtime=mlx, llama.cpp or ollama`;
  if (runtime === 'mlx') return 'MLX runs on Apple silicon only';
  return `${what} does not run on ${gpu.vendor} ${gpu.category === 'datacenter' ? 'accelerators' : 'GPUs'}`;
}
