// Weight formats and KV-cache types, with the effective bits each really stores.
import { dict } from '../dict.ts';

// Sources (see docs/methodology.md, "Weights"):
// - GGUF block sizes: ggml/src/ggml-common.h (Q4_0 = 18 bytes per 32 weights = 4.5 bits, Q8_0 = 34/32 = 8.5,
//   Q4_K = 144/256 = 4.5, Q5_K = 176/256 = 5.5, Q6_K = 210/256 = 6.5625, Q2_K = 84/256 = 2.625, Q3_K = 110/256 = 3.4375).
// - GGUF file types are mixes (llama.cpp src/llama-quant.cpp: attn_v / ffn_down get more bits, output.weight is Q6_K).
//   Their average over the repeating layers is read off llama.cpp CI logs of a Llama-2-7B-shaped model
//   (../shared/calibration CI01-CI07: GPU buffer minus output.weight, over 6.48e9 linear weights) and the
//   llama.cpp quantize README table (Llama 2 7B: Q3_K_M 3.91, Q4_K_S 4.58, Q4_K_M 4.84, Q5_K_M 5.68 bpw).
// - bitsandbytes NF4 with double quantization: 4 bits + 8-bit absmax per 64 + fp32 per 256 blocks = 4.127 bits
//   (Dettmers et al. 2023, QLoRA, section 3); linear layers only, embeddings and lm_head stay 16-bit.
// - GPTQ / AWQ at group size 128: 4 bits + fp16 scale and packed 4-bit zero per group (+ GPTQ's int32 g_idx) ~ 4.16-4.2.
// - MXFP4 (OCP Microscaling spec v1.0): 4-bit elements + one 8-bit scale per 32 = 4.25 bits.
// - NVFP4 (NVIDIA, "Introducing NVFP4" developer blog, 2025): 4-bit E2M1 + FP8 E4M3 scale per 16 = 4.5 bits.
// - MLX affine quantization: group 64 with fp16 scale and bias = +0.5 bits; mlx_lm quantizes embeddings too.
// - ExLlamaV2: `exl2=B` is the average bpw of the linear layers; the head defaults to 6 bpw (convert.py -hb 6).

export type Runtime = 'transformers' | 'vllm' | 'sglang' | 'llama.cpp' | 'ollama' | 'exllamav2' | 'mlx';
export const RUNTIMES: readonly Runtime[] = [
  'transformers',
  'vllm',
  'sglang',
  'llama.cpp',
  'ollama',
  'exllamav2',
  'mlx',
];

export type FormatFamily =
  'float' | 'fp8' | 'bnb' | 'gptq' | 'awq' | 'gguf' | 'exl2' | 'mxfp4' | 'nvfp4' | 'torchao' | 'mlx';

export interface WeightFormat {
  id: string;
  label: string;
  family: FormatFamily;
  /** Effective bits per weight on the linear (matmul) layers, scales and zero points included. */
  linearBits: number;
  /** Bits per weight of the token-embedding table. */
  embeddingBits: number;
  /** Bits per weight of the output projection (lm_head / output.weight) when it is not tied. */
  lmHeadBits: number;
  /** Plausible range of linearBits (mixes differ per model and per tool version). */
  linearBitsRange: [number, number];
  /** Runtime assumed when the query names none. */
  defaultRuntime: Runtime;
  /** Only the MoE experts use this format; attention and embeddings stay 16-bit (gpt-oss MXFP4). */
  expertsOnly?: boolean;
}

function float(id: string, label: string, bits: number): WeightFormat {
  return {
    id,
    label,
    family: 'float',
    linearBits: bits,
    embeddingBits: bits,
    lmHeadBits: bits,
    linearBitsRange: [bits, bits],
    defaultRuntime: 'transformers',
  };
}

/** A GGUF file type: linear mix average, token_embd type, output.weight type. */
function gguf(id: string, linear: number, range: [number, number], embd: number, out = 6.5625): WeightFormat {
  return {
    id,
    label: `GGUF ${id.replace(/-gguf$/, '').toUpperCase()}`,
    family: 'gguf',
    linearBits: linear,
    embeddingBits: embd,
    lmHeadBits: out,
    linearBitsRange: range,
    defaultRuntime: 'llama.cpp',
  };
}

const Q2K = 2.625;
const Q3K = 3.4375;
const Q4K = 4.5;
const Q5K = 5.5;
const Q6K = 6.5625;

export const FORMATS: readonly WeightFormat[] = [
  float('fp32', 'FP32', 32),
  float('fp16', 'FP16', 16),
  float('bf16', 'BF16', 16),
  {
    id: 'fp8',
    label: 'FP8 (e4m3)',
    family: 'fp8',
    // 8 bits + fp32 scales per 128x128 block (0.002 bits) or per channel; embeddings and lm_head stay 16-bit.
    linearBits: 8.0,
    embeddingBits: 16,
    lmHeadBits: 16,
    linearBitsRange: [8.0, 8.05],
    defaultRuntime: 'transformers',
  },
  {
    id: 'int8',
    label: 'INT8 (bitsandbytes LLM.int8)',
    family: 'bnb',
    // int8 weights + one fp32 scale per row; outlier columns are computed in fp16 on the fly.
    linearBits: 8.0,
    embeddingBits: 16,
    lmHeadBits: 16,
    linearBitsRange: [8.0, 8.1],
    defaultRuntime: 'transformers',
  },
  {
    id: 'nf4',
    label: 'NF4 (bitsandbytes, double quant)',
    family: 'bnb',
    linearBits: 4.127,
    embeddingBits: 16,
    lmHeadBits: 16,
    // 4.5 without double quantization (load_in_4bit's default).
    linearBitsRange: [4.127, 4.5],
    defaultRuntime: 'transformers',
  },
  {
    id: 'gptq-int4',
    label: 'GPTQ 4-bit (g128)',
    family: 'gptq',
    linearBits: 4.16,
    embeddingBits: 16,
    lmHeadBits: 16,
    // group 32 costs ~4.6 bits; act-order adds the int32 g_idx.
    linearBitsRange: [4.13, 4.6],
    defaultRuntime: 'transformers',
  },
  {
    id: 'gptq-int8',
    label: 'GPTQ 8-bit (g128)',
    family: 'gptq',
    linearBits: 8.2,
    embeddingBits: 16,
    lmHeadBits: 16,
    linearBitsRange: [8.15, 8.6],
    defaultRuntime: 'transformers',
  },
  {
    id: 'awq',
    label: 'AWQ 4-bit (g128)',
    family: 'awq',
    linearBits: 4.16,
    embeddingBits: 16,
    lmHeadBits: 16,
    linearBitsRange: [4.13, 4.3],
    defaultRuntime: 'transformers',
  },
  {
    id: 'mxfp4',
    label: 'MXFP4',
    family: 'mxfp4',
    linearBits: 4.25,
    embeddingBits: 16,
    lmHeadBits: 16,
    linearBitsRange: [4.25, 4.25],
    defaultRuntime: 'transformers',
    expertsOnly: true,
  },
  {
    // torchao weight-only int8 (transformers TorchAoConfig "int8_weight_only"): int8 + one bf16 scale per
    // output channel; every Linear is quantized, lm_head included. The matmul dequantizes the weight to bf16
    // (a transient copy per layer, priced in the activations).
    id: 'torchao-int8wo',
    label: 'torchao int8 weight-only',
    family: 'torchao',
    linearBits: 8.0,
    embeddingBits: 16,
    lmHeadBits: 8.0,
    linearBitsRange: [8.0, 8.05],
    defaultRuntime: 'transformers',
  },
  {
    // torchao int4 weight-only, group 128: 4 bits + a bf16 scale and zero point per group = 4.25 bits.
    id: 'torchao-int4wo',
    label: 'torchao int4 weight-only (g128)',
    family: 'torchao',
    linearBits: 4.25,
    embeddingBits: 16,
    lmHeadBits: 4.25,
    linearBitsRange: [4.25, 4.5],
    defaultRuntime: 'transformers',
  },
  {
    // NVIDIA's NVFP4: E2M1 elements with one FP8 (E4M3) scale per 16 (+ one fp32 scale per tensor) = 4.5
    // bits; native on Blackwell tensor cores. ModelOpt / llm-compressor checkpoints keep embeddings and
    // lm_head in 16-bit.
    id: 'nvfp4',
    label: 'NVFP4',
    family: 'nvfp4',
    linearBits: 4.5,
    embeddingBits: 16,
    lmHeadBits: 16,
    linearBitsRange: [4.5, 4.55],
    defaultRuntime: 'vllm',
  },
  {
    id: 'mlx-4bit',
    label: 'MLX 4-bit (g64)',
    family: 'mlx',
    linearBits: 4.5,
    embeddingBits: 4.5,
    lmHeadBits: 4.5,
    linearBitsRange: [4.5, 4.5],
    defaultRuntime: 'mlx',
  },
  {
    id: 'mlx-8bit',
    label: 'MLX 8-bit (g64)',
    family: 'mlx',
    linearBits: 8.5,
    embeddingBits: 8.5,
    lmHeadBits: 8.5,
    linearBitsRange: [8.5, 8.5],
    defaultRuntime: 'mlx',
  },
  gguf('f16', 16, [16, 16], 16, 16),
  gguf('bf16-gguf', 16, [16, 16], 16, 16),
  gguf('q8_0', 8.5, [8.5, 8.5], 8.5, 8.5),
  gguf('q6_k', 6.5625, [6.5625, 6.6], Q6K),
  gguf('q5_k_m', 5.66, [5.6, 5.75], Q5K),
  gguf('q5_k_s', 5.5, [5.5, 5.55], Q5K),
  gguf('q5_1', 6.0, [6.0, 6.05], 6.0),
  gguf('q5_0', 5.5, [5.5, 5.55], 5.5),
  gguf('q4_k_m', 4.82, [4.75, 4.95], Q4K),
  gguf('q4_k_s', 4.56, [4.5, 4.6], Q4K),
  gguf('q4_1', 5.0, [5.0, 5.05], 5.0),
  gguf('q4_0', 4.5, [4.5, 4.55], 4.5),
  gguf('iq4_nl', 4.5, [4.5, 4.6], 4.5),
  gguf('iq4_xs', 4.25, [4.25, 4.4], 4.25),
  gguf('q3_k_l', 4.25, [4.2, 4.3], Q3K),
  gguf('q3_k_m', 3.89, [3.85, 3.95], Q3K),
  gguf('q3_k_s', 3.45, [3.44, 3.5], Q3K),
  gguf('iq3_m', 3.66, [3.6, 3.8], 3.4375),
  gguf('iq3_s', 3.44, [3.44, 3.6], 3.4375),
  gguf('iq3_xs', 3.3, [3.3, 3.5], 3.4375),
  gguf('iq3_xxs', 3.06, [3.06, 3.3], 3.4375),
  // Q2_K's mix changed over time: 2.94 bits in a current llama.cpp CI log, 3.35 in the older quantize table.
  gguf('q2_k', 2.94, [2.9, 3.35], Q2K),
  gguf('iq2_m', 2.7, [2.7, 2.9], Q2K),
  gguf('iq2_s', 2.5, [2.5, 2.7], Q2K),
  gguf('iq2_xs', 2.31, [2.31, 2.5], Q2K),
  gguf('iq2_xxs', 2.06, [2.06, 2.3], Q2K),
  gguf('iq1_m', 1.75, [1.75, 2.0], Q2K),
  gguf('iq1_s', 1.56, [1.56, 1.8], Q2K),
];

const BY_ID = new Map(FORMATS.map((f) => [f.id, f]));

/** Other spellings of formats; the key is already lower-case. */
const FORMAT_ALIASES = dict<string>({
  float32: 'fp32',
  f32: 'fp32',
  float16: 'fp16',
  half: 'fp16',
  bfloat16: 'bf16',
  'fp8-e4m3': 'fp8',
  e4m3: 'fp8',
  'bnb-int8': 'int8',
  'llm.int8': 'int8',
  bnb4: 'nf4',
  'bnb-4bit': 'nf4',
  'bnb-nf4': 'nf4',
  gptq: 'gptq-int4',
  'gptq-4bit': 'gptq-int4',
  gptq4: 'gptq-int4',
  'gptq-8bit': 'gptq-int8',
  gptq8: 'gptq-int8',
  'awq-int4': 'awq',
  'awq-4bit': 'awq',
  q8: 'q8_0',
  q6: 'q6_k',
  q5: 'q5_k_m',
  // "q4" is llama.cpp's word (as q5, q6, q8 are): the Q4_K_M file; "int4" / "4-bit" stay per runtime.
  q4: 'q4_k_m',
  // Quantization-aware-trained checkpoints (Gemma 3's "-it-qat-q4_0-gguf", Ollama's gemma3:27b-it-qat) ship
  // as Q4_0 GGUF files: the training changed the weights' values, not their storage.
  qat: 'q4_0',
  'qat-q4_0': 'q4_0',
  q5km: 'q5_k_m',
  q5ks: 'q5_k_s',
  q5_k: 'q5_k_m',
  q4km: 'q4_k_m',
  q4ks: 'q4_k_s',
  q4_k: 'q4_k_m',
  q3km: 'q3_k_m',
  q3ks: 'q3_k_s',
  q3kl: 'q3_k_l',
  q3_k: 'q3_k_m',
  q3: 'q3_k_m',
  q2: 'q2_k',
  q6k: 'q6_k',
  q2k: 'q2_k',
  // Unsloth's dynamic "_XL" files keep a few sensitive tensors at higher precision around the same mix;
  // priced as the K-quant of the same size.
  q2_k_xl: 'q2_k',
  q3_k_xl: 'q3_k_m',
  q4_k_xl: 'q4_k_m',
  q5_k_xl: 'q5_k_m',
  q6_k_xl: 'q6_k',
  q8_k_xl: 'q8_0',
  int8wo: 'torchao-int8wo',
  'int8-weight-only': 'torchao-int8wo',
  int4wo: 'torchao-int4wo',
  'int4-weight-only': 'torchao-int4wo',
  torchao: 'torchao-int4wo',
  'torchao-int4': 'torchao-int4wo',
  'torchao-int8': 'torchao-int8wo',
  mlx4: 'mlx-4bit',
  mlx8: 'mlx-8bit',
});

/** Words that mean "N-bit" without naming a scheme: resolved per runtime (see resolveGenericFormat). */
export type GenericFormat = 'int4' | 'int8';
const GENERIC = dict<GenericFormat>({
  int4: 'int4',
  '4bit': 'int4',
  '4-bit': 'int4',
  int8: 'int8',
  '8bit': 'int8',
  '8-bit': 'int8',
});

export function findFormat(word: string): WeightFormat | undefined {
  const w = word.toLowerCase();
  return (
    BY_ID.get(w) ??
    BY_ID.get(FORMAT_ALIASES[w] ?? '') ??
    (w === 'gguf-bf16' ? BY_ID.get('bf16-gguf') : undefined)
  );
}

export function findGenericFormat(word: string): GenericFormat | undefined {
  return GENERIC[word.toLowerCase()];
}

export function getFormat(id: string): WeightFormat {
  const f = findFormat(id) ?? (id.startsWith('exl2=') ? exl2Format(Number(id.slice(5))) : undefined);
  if (!f) throw new Error(`unknown format id ${id}`);
  return f;
}

/**
 * The scheme a runtime actually uses for "4-bit" / "8-bit": bitsandbytes in transformers, AWQ/GPTQ in
 * vLLM and SGLang, the Q4_K_M / Q8_0 GGUF files Ollama and llama.cpp users download, EXL2 at 4.0/8.0 bpw,
 * MLX's own affine quantization.
 */
export function resolveGenericFormat(g: GenericFormat, runtime: Runtime): string {
  const four = g === 'int4';
  switch (runtime) {
    case 'transformers':
      return four ? 'nf4' : 'int8';
    case 'vllm':
    case 'sglang':
      return four ? 'awq' : 'gptq-int8';
    case 'llama.cpp':
    case 'ollama':
      return four ? 'q4_k_m' : 'q8_0';
    case 'exllamav2':
      return four ? 'exl2=4' : 'exl2=8';
    case 'mlx':
      return four ? 'mlx-4bit' : 'mlx-8bit';
  }
}

export function exl2Format(bits: number): WeightFormat {
  return {
    id: `exl2=${bits}`,
    label: `EXL2 ${bits} bpw`,
    family: 'exl2',
    linearBits: bits,
    // ExLlamaV2 keeps the embedding table in system RAM; the head is quantized to 6 bpw by default.
    embeddingBits: 16,
    lmHeadBits: Math.max(6, Math.min(8, bits)),
    linearBitsRange: [bits, bits + 0.05],
    defaultRuntime: 'exllamav2',
  };
}

/** Every word that names a weight format, for did-you-mean. */
export const FORMAT_WORDS: readonly string[] = [
  ...FORMATS.map((f) => f.id),
  ...Object.keys(FORMAT_ALIASES),
  ...Object.keys(GENERIC),
  'exl2=4.5',
];

// ---- KV cache ----

export type KvType = 'fp16' | 'bf16' | 'fp8' | 'q8_0' | 'q4_0';
export const KV_TYPES: readonly KvType[] = ['fp16', 'bf16', 'fp8', 'q8_0', 'q4_0'];

/** Bytes per cached element: ggml q8_0 = 34 bytes / 32, q4_0 = 18 / 32; fp8 has per-tensor scales only. */
export const KV_BYTES: Record<KvType, number> = {
  fp16: 2,
  bf16: 2,
  fp8: 1,
  q8_0: 34 / 32,
  q4_0: 18 / 32,
};

const KV_ALIASES = dict<KvType>({
  f16: 'fp16',
  fp16: 'fp16',
  bf16: 'bf16',
  fp8: 'fp8',
  fp8_e4m3: 'fp8',
  fp8_e5m2: 'fp8',
  int8: 'q8_0',
  q8: 'q8_0',
  q8_0: 'q8_0',
  q4: 'q4_0',
  int4: 'q4_0',
  q4_0: 'q4_0',
});

export function findKvType(word: string): KvType | undefined {
  return KV_ALIASES[word.toLowerCase().replace(/-/g, '_')];
}
