// A GGUF header (metadata + tensor infos, as @huggingface/gguf parses them) -> a ModelSpec with EXACT
// weight bytes: every tensor's stored size is its element count / block size x block bytes of its ggml type.
// Pure: the caller reads the header over ranged requests (hub/client.ts).
//
// Sources: GGUF format spec (ggml docs/gguf.md: `<arch>.block_count`, `.embedding_length`,
// `.feed_forward_length`, `.attention.head_count(_kv)`, `.attention.key_length`, `.context_length`,
// `.expert_count`, `.expert_used_count`, ...); block sizes from llama.cpp gguf-py/gguf/constants.py
// GGML_QUANT_SIZES (the same table @huggingface/gguf ships as GGML_QUANT_SIZES).
import { FORMATS } from './formats.ts';
import { ModelConfigError } from './hf-config.ts';
import type { MlaSpec, ModelSpec, MoeSpec, SlidingWindow } from './types.ts';
import {
  groupLayers,
  isPlain,
  kimiDelta,
  shortConv,
  type LayerKind,
  type Layout,
  type RecurrentShape,
} from './layout.ts';

/** One tensor info from the header. Shapes are ggml order: ne0 (the contiguous row) first. */
export interface GgufTensor {
  name: string;
  shape: readonly (number | bigint)[];
  /** ggml type id (GGMLQuantizationType). */
  dtype: number;
}

export interface GgufInput {
  repo: string;
  revision: string;
  /** File path in the repo (the first shard for split files). */
  file: string;
  metadata: Readonly<Record<string, unknown>>;
  /** Tensor infos of every shard of the file. */
  tensors: readonly GgufTensor[];
  /** The id the spec gets (what the asker typed, normalized). */
  id?: string;
  shards?: number;
}

/** ggml type id -> name, elements per block, bytes per block (gguf-py constants.py GGML_QUANT_SIZES). */
export const GGML_TYPES: Readonly<Record<number, { name: string; block: number; bytes: number }>> = {
  0: { name: 'F32', block: 1, bytes: 4 },
  1: { name: 'F16', block: 1, bytes: 2 },
  2: { name: 'Q4_0', block: 32, bytes: 2 + 16 },
  3: { name: 'Q4_1', block: 32, bytes: 2 + 2 + 16 },
  6: { name: 'Q5_0', block: 32, bytes: 2 + 4 + 16 },
  7: { name: 'Q5_1', block: 32, bytes: 2 + 2 + 4 + 16 },
  8: { name: 'Q8_0', block: 32, bytes: 2 + 32 },
  9: { name: 'Q8_1', block: 32, bytes: 4 + 4 + 32 },
  10: { name: 'Q2_K', block: 256, bytes: 2 + 2 + 256 / 16 + 256 / 4 },
  11: { name: 'Q3_K', block: 256, bytes: 2 + 256 / 4 + 256 / 8 + 12 },
  12: { name: 'Q4_K', block: 256, bytes: 2 + 2 + 256 / 2 + 12 },
  13: { name: 'Q5_K', block: 256, bytes: 2 + 2 + 256 / 2 + 256 / 8 + 12 },
  14: { name: 'Q6_K', block: 256, bytes: 2 + 256 / 2 + 256 / 4 + 256 / 16 },
  15: { name: 'Q8_K', block: 256, bytes: 4 + 256 + 256 / 8 },
  16: { name: 'IQ2_XXS', block: 256, bytes: 2 + 256 / 4 },
  17: { name: 'IQ2_XS', block: 256, bytes: 2 + 256 / 4 + 256 / 32 },
  18: { name: 'IQ3_XXS', block: 256, bytes: 2 + 256 / 4 + 256 / 8 },
  19: { name: 'IQ1_S', block: 256, bytes: 2 + 256 / 8 + 256 / 16 },
  20: { name: 'IQ4_NL', block: 32, bytes: 2 + 16 },
  21: { name: 'IQ3_S', block: 256, bytes: 2 + 256 / 4 + 256 / 8 + 256 / 32 + 4 },
  22: { name: 'IQ2_S', block: 256, bytes: 2 + 256 / 4 + 256 / 16 },
  23: { name: 'IQ4_XS', block: 256, bytes: 2 + 2 + 256 / 2 + 256 / 64 },
  24: { name: 'I8', block: 1, bytes: 1 },
  25: { name: 'I16', block: 1, bytes: 2 },
  26: { name: 'I32', block: 1, bytes: 4 },
  27: { name: 'I64', block: 1, bytes: 8 },
  28: { name: 'F64', block: 1, bytes: 8 },
  29: { name: 'IQ1_M', block: 256, bytes: 256 / 8 + 256 / 16 + 256 / 32 },
  30: { name: 'BF16', block: 1, bytes: 2 },
  34: { name: 'TQ1_0', block: 256, bytes: 2 + 4 * 13 },
  35: { name: 'TQ2_0', block: 256, bytes: 2 + 64 },
  39: { name: 'MXFP4', block: 32, bytes: 1 + 16 },
};

/** llama_ftype (general.file_type) -> our GGUF format id (llama.cpp include/llama.h). */
const FILE_TYPES: Readonly<Record<number, string>> = {
  1: 'f16',
  2: 'q4_0',
  3: 'q4_1',
  7: 'q8_0',
  8: 'q5_0',
  9: 'q5_1',
  10: 'q2_k',
  11: 'q3_k_s',
  12: 'q3_k_m',
  13: 'q3_k_l',
  14: 'q4_k_s',
  15: 'q4_k_m',
  16: 'q5_k_s',
  17: 'q5_k_m',
  18: 'q6_k',
  19: 'iq2_xxs',
  20: 'iq2_xs',
  21: 'q2_k', // Q2_K_S
  22: 'iq3_xs',
  23: 'iq3_xxs',
  24: 'iq1_s',
  25: 'iq4_nl',
  26: 'iq3_s',
  27: 'iq3_m',
  28: 'iq2_s',
  29: 'iq2_m',
  30: 'iq4_xs',
  31: 'iq1_m',
  32: 'bf16-gguf',
};

const GGUF_FORMATS = FORMATS.filter((f) => f.family === 'gguf');

/** Bytes one tensor occupies in the file. Throws on a type or shape the format does not allow. */
export function tensorBytes(t: GgufTensor): number {
  const type = GGML_TYPES[t.dtype];
  if (!type)
    throw new ModelConfigError(
      `tensor ${t.name.slice(0, 60)} has ggml type ${t.dtype}, which is not in the type table`,
    );
  if (t.shape.length === 0 || t.shape.length > 4)
    throw new ModelConfigError(`tensor ${t.name.slice(0, 60)} has ${t.shape.length} dimensions`);
  let n = 1;
  for (const d of t.shape) {
    const v = Number(d);
    if (!Number.isSafeInteger(v) || v < 0)
      throw new ModelConfigError(`tensor ${t.name.slice(0, 60)} has a bad shape`);
    n *= v;
  }
  const rowLen = Number(t.shape[0]);
  if (!Number.isSafeInteger(n) || rowLen % type.block !== 0)
    throw new ModelConfigError(
      `tensor ${t.name.slice(0, 60)}: ${rowLen} elements per row do not fill ${type.name} blocks of ${type.block}`,
    );
  return (n / type.block) * type.bytes;
}

function elements(t: GgufTensor): number {
  return t.shape.reduce<number>((a, d) => a * Number(d), 1);
}

/** A metadata value as a number: plain, bigint, or the largest entry of a per-layer array. */
function num(md: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const v = md[key];
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : undefined;
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' || typeof x === 'bigint'))
    return Math.max(...v.map(Number));
  return undefined;
}

/** A per-layer array (numbers or booleans as 0/1), if the key holds one. */
function perLayer(md: Readonly<Record<string, unknown>>, key: string): number[] | undefined {
  const v = md[key];
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const out = v.map((x) => (typeof x === 'boolean' ? (x ? 1 : 0) : Number(x)));
  return out.every((x) => Number.isFinite(x)) ? out : undefined;
}

/** Architectures whose recurrent layers are Gated DeltaNet (llama.cpp src/models/qwen3next.cpp, qwen35*.cpp). */
const DELTA_NET_ARCHS = new Set(['qwen3next', 'qwen35', 'qwen35moe']);
const MAMBA1_ARCHS = new Set(['jamba', 'mamba']);
const SHORT_CONV_ARCHS = new Set(['lfm2', 'lfm2moe']);
const RECURRENT_ARCHS = new Set([
  ...DELTA_NET_ARCHS,
  ...MAMBA1_ARCHS,
  ...SHORT_CONV_ARCHS,
  'mamba2',
  'granitehybrid',
  'nemotron_h',
  'nemotron_h_moe',
  'falcon-h1',
  'kimi-linear',
  'plamo2',
]);

/**
 * Which layers keep KV or a recurrent state, from the header (llama.cpp's own rules): a per-layer
 * head_count_kv of 0 marks a recurrent layer (Granite-hybrid, LFM2, Jamba), unless the layer has an FFN of
 * its own (Nemotron-H's MLP-only layers); Qwen3-Next lists its recurrent layers or uses
 * full_attention_interval (default 4); Falcon-H1 runs both in every layer; Gemma 3n / 4 mark sliding layers
 * in sliding_window_pattern and share the KV of their last layers.
 */
function ggufLayout(
  arch: string,
  md: Readonly<Record<string, unknown>>,
  layers: number,
  hidden: number,
  heads: number,
  kvHeads: number,
  headDim: number,
  window: number | undefined,
  file: string,
): Layout | undefined {
  const k = (key: string) => `${arch}.${key}`;
  const kvArray = perLayer(md, k('attention.head_count_kv'));
  const ffArray = perLayer(md, k('feed_forward_length'));
  const swaPattern = perLayer(md, k('attention.sliding_window_pattern'));
  const shared = num(md, k('attention.shared_kv_layers')) ?? 0;
  let kinds: LayerKind[] | undefined;
  if (arch === 'falcon-h1') kinds = Array.from({ length: layers }, () => 'both');
  else if (DELTA_NET_ARCHS.has(arch)) {
    const listed = perLayer(md, k('attention.recurrent_layers'));
    const n = num(md, k('full_attention_interval')) ?? 4;
    kinds = Array.from({ length: layers }, (_, i) =>
      (listed ? listed[i] === 1 : (i + 1) % n !== 0) ? 'recurrent' : 'full',
    );
  } else if (kvArray && kvArray.length === layers && kvArray.includes(0)) {
    kinds = kvArray.map((kv, i) =>
      kv > 0 ? 'full' : ffArray && (ffArray[i] ?? 0) > 0 && RECURRENT_ARCHS.has(arch) ? 'none' : 'recurrent',
    );
  } else if (swaPattern && swaPattern.length === layers && window !== undefined) {
    kinds = swaPattern.map((sliding) => (sliding ? 'sliding' : 'full'));
  }
  if (!kinds && shared === 0) return undefined;
  kinds ??= Array.from({ length: layers }, () => 'full');
  const needsState = kinds.some((x) => x === 'recurrent' || x === 'both');
  let recurrent: RecurrentShape | undefined;
  if (needsState) {
    if (SHORT_CONV_ARCHS.has(arch)) recurrent = shortConv(hidden, required(md, k('shortconv.l_cache'), file));
    else if (arch === 'kimi-linear')
      recurrent = kimiDelta(
        heads,
        required(md, k('kda.head_dim'), file),
        required(md, k('ssm.conv_kernel'), file),
      );
    else {
      // llama-hparams.cpp: n_embd_r = (d_conv - 1) x (d_inner + 2 n_group d_state), n_embd_s = d_state x d_inner.
      const conv = required(md, k('ssm.conv_kernel'), file);
      const inner = required(md, k('ssm.inner_size'), file);
      const dState = required(md, k('ssm.state_size'), file);
      const groups = num(md, k('ssm.group_count')) ?? 0;
      const kind = DELTA_NET_ARCHS.has(arch) ? 'gated-deltanet' : MAMBA1_ARCHS.has(arch) ? 'mamba' : 'mamba2';
      recurrent = {
        kind,
        stateElements: dState * inner,
        convElements: (conv - 1) * (inner + 2 * groups * dState),
      };
    }
  }
  // gemma3n keeps KV on its first 20 layers whatever the header says (llama.cpp src/models/gemma3n.cpp).
  const sharedLayers = arch === 'gemma3n' ? Math.max(0, layers - 20) : shared;
  const layout = groupLayers(
    kinds,
    {
      kvHeads,
      headDim,
      ...(window !== undefined ? { window } : {}),
      ...(kvArray && kvArray.length === layers ? { kvHeadsPerLayer: kvArray } : {}),
    },
    recurrent,
    sharedLayers,
  );
  return isPlain(layout, layers, kvHeads, headDim) ? undefined : layout;
}

function required(md: Readonly<Record<string, unknown>>, key: string, file: string): number {
  const v = num(md, key);
  if (v === undefined || !Number.isSafeInteger(v) || v <= 0)
    throw new ModelConfigError(`the GGUF header of ${file} has no usable ${key}`);
  return v;
}

function windowLayout(
  arch: string,
  layers: number,
  window: number | undefined,
  maxContext: number,
): SlidingWindow | undefined {
  if (!window || window >= maxContext) return undefined;
  // llama.cpp src/llama-model.cpp: Gemma 2 and gpt-oss alternate (even layers local), Gemma 3 keeps 1 global in 6.
  if (arch === 'gemma2' || arch === 'gpt-oss') return { window, localLayers: Math.ceil(layers / 2) };
  if (arch === 'gemma3') return { window, localLayers: layers - Math.floor(layers / 6) };
  return undefined;
}

/** The file's weight format id: general.file_type, else the quant tag in the name, else the nearest by size. */
function fileFormat(
  md: Readonly<Record<string, unknown>>,
  file: string,
  bitsPerWeight: number,
): { id: string; note?: string } {
  const ft = num(md, 'general.file_type');
  if (ft !== undefined && FILE_TYPES[ft]) return { id: FILE_TYPES[ft]! };
  const tag = /(?:^|[-_.])((?:I?Q\d(?:_[A-Z0-9]+)*)|BF16|F16)(?:[-_.]|\.gguf$)/i.exec(
    file.split('/').pop() ?? '',
  )?.[1];
  const byTag = tag
    ? GGUF_FORMATS.find(
        (f) => f.id === tag.toLowerCase() || (tag.toUpperCase() === 'BF16' && f.id === 'bf16-gguf'),
      )
    : undefined;
  if (byTag) return { id: byTag.id };
  const nearest = GGUF_FORMATS.reduce((a, b) =>
    Math.abs(b.linearBits - bitsPerWeight) < Math.abs(a.linearBits - bitsPerWeight) ? b : a,
  );
  return {
    id: nearest.id,
    note: `file type ${ft ?? 'unknown'} is not in the format table; labelled ${nearest.label} (nearest by size), the weight bytes are the file's own`,
  };
}

/** GGUF header -> ModelSpec with exact weights. Throws ModelConfigError for a header it cannot read. */
export function specFromGguf(input: GgufInput): ModelSpec {
  const { metadata: md, tensors, file, repo } = input;
  const arch = md['general.architecture'];
  if (typeof arch !== 'string' || !/^[a-z0-9_.-]{1,40}$/i.test(arch))
    throw new ModelConfigError(`the GGUF header of ${file} names no architecture`);
  if (tensors.length === 0) throw new ModelConfigError(`the GGUF header of ${file} lists no tensors`);
  const k = (key: string) => `${arch}.${key}`;

  const layers = required(md, k('block_count'), file);
  const hidden = required(md, k('embedding_length'), file);
  const heads = required(md, k('attention.head_count'), file);
  const kvHeads = num(md, k('attention.head_count_kv')) ?? heads;
  const maxContext = required(md, k('context_length'), file);
  const keyLength = num(md, k('attention.key_length'));

  // Exact bytes, by type, with the token-embedding table apart (llama.cpp keeps it in system RAM).
  let total = 0;
  let params = 0;
  let embdBytes = 0;
  const byType = new Map<string, number>();
  const names = new Set<string>();
  for (const t of tensors) {
    const b = tensorBytes(t);
    total += b;
    params += elements(t);
    names.add(t.name);
    const type = GGML_TYPES[t.dtype]!.name;
    byType.set(type, (byType.get(type) ?? 0) + 1);
    if (t.name === 'token_embd.weight') embdBytes = b;
  }
  const embd = tensors.find((t) => t.name === 'token_embd.weight');
  if (!embd) throw new ModelConfigError(`the GGUF header of ${file} has no token_embd.weight tensor`);
  const tied = !names.has('output.weight');

  const tokens = md['tokenizer.ggml.tokens'];
  const vocab =
    (Array.isArray(tokens) && tokens.length > 0 ? tokens.length : undefined) ??
    num(md, k('vocab_size')) ??
    Number(embd.shape[1] ?? 0);
  if (!vocab) throw new ModelConfigError(`the GGUF header of ${file} gives no vocabulary size`);

  const notes: string[] = [];
  let mla: MlaSpec | undefined;
  const kvLora = num(md, k('attention.kv_lora_rank'));
  if (kvLora) {
    const rope = required(md, k('rope.dimension_count'), file);
    // Newer conversions write the MLA head sizes under *_mla and the latent sizes under key/value_length.
    const keyMla = num(md, k('attention.key_length_mla')) ?? keyLength;
    const valueMla = num(md, k('attention.value_length_mla')) ?? num(md, k('attention.value_length'));
    if (!keyMla || !valueMla)
      throw new ModelConfigError(`the GGUF header of ${file} has MLA without head sizes`);
    mla = {
      kvLoraRank: kvLora,
      qLoraRank: num(md, k('attention.q_lora_rank')) ?? 0,
      qkNopeHeadDim: keyMla - rope,
      qkRopeHeadDim: rope,
      vHeadDim: valueMla,
    };
  }
  const headDim = mla ? mla.vHeadDim : (keyLength ?? hidden / heads);
  if (!Number.isInteger(headDim))
    throw new ModelConfigError(`the GGUF header of ${file} gives no whole head size`);

  const experts = num(md, k('expert_count')) ?? 0;
  const ff = num(md, k('feed_forward_length'));
  let moe: MoeSpec | undefined;
  if (experts > 0) {
    const expertFf = num(md, k('expert_feed_forward_length')) ?? ff;
    if (!expertFf) throw new ModelConfigError(`the GGUF header of ${file} gives no expert width`);
    const sharedFf = num(md, k('expert_shared_feed_forward_length'));
    moe = {
      experts,
      active: Math.min(experts, num(md, k('expert_used_count')) ?? 1),
      expertIntermediate: expertFf,
      sharedExperts: num(md, k('expert_shared_count')) ?? (sharedFf ? 1 : 0),
      denseLayers: num(md, k('leading_dense_block_count')) ?? 0,
      ...(sharedFf ? { sharedIntermediate: sharedFf } : {}),
    };
  }
  const intermediate = ff ?? moe?.expertIntermediate;
  if (!intermediate)
    throw new ModelConfigError(`the GGUF header of ${file} has no ${k('feed_forward_length')}`);

  const bitsPerWeight = (total * 8) / params;
  const format = fileFormat(md, file, bitsPerWeight);
  if (format.note) notes.push(format.note);
  const typeList = [...byType.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  const shards = input.shards && input.shards > 1 ? `, ${input.shards} files` : '';
  const sha = input.revision.slice(0, 12);

  const spec: ModelSpec = {
    id: input.id ?? `${repo}/${file}`,
    name: `${repo}/${file.split('/').pop() ?? file}`,
    hfId: repo,
    aliases: [],
    layers,
    hidden,
    intermediate,
    heads,
    kvHeads,
    headDim,
    vocab,
    tiedEmbeddings: tied,
    mlp: [...names].some((n) => n.includes('ffn_gate')) ? 'gated' : 'plain',
    ...(names.has('blk.0.attn_q.bias') ? { qkvBias: true } : {}),
    ...(moe ? { moe } : {}),
    ...(mla ? { mla } : {}),
    paramsOverride: params,
    defaultContext: Math.min(8192, maxContext),
    maxContext,
    nativeFormat: format.id,
    source: `GGUF header of ${file} in ${repo} @ ${input.revision}`,
    provenance: `the GGUF header of ${file} in ${repo} @ ${sha}`,
    exactWeights: {
      format: format.id,
      // A tied model's output layer reuses token_embd, and llama.cpp keeps a copy of it on the GPU.
      gpuBytes: total - embdBytes + (tied ? embdBytes : 0),
      hostBytes: embdBytes,
      source: `the GGUF header of ${file.split('/').pop() ?? file} (${tensors.length} tensors${shards}: ${typeList})`,
    },
  };
  const windowTokens = num(md, k('attention.sliding_window'));
  const layout = ggufLayout(
    arch,
    md,
    layers,
    hidden,
    heads,
    kvHeads,
    headDim,
    windowTokens !== undefined && windowTokens < maxContext ? windowTokens : undefined,
    file,
  );
  if (layout) {
    spec.kvGroups = layout.kvGroups;
    if (layout.stateGroups.length > 0) spec.stateGroups = layout.stateGroups;
  } else {
    const sw = windowLayout(arch, layers, windowTokens, maxContext);
    if (sw) spec.slidingWindow = sw;
  }
  const indexHeads = num(md, k('attention.indexer.head_count'));
  const indexDim = num(md, k('attention.indexer.key_length'));
  if (indexHeads && indexDim) spec.indexer = { heads: indexHeads, headDim: indexDim };
  if (notes.length > 0) spec.notes = notes.join('; ');
  return spec;
}
