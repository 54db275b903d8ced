// The estimator: request + model -> memory components, each with its formula in words and numbers.
// Every formula is described, with its source, in docs/methodology.md under the component's name.
import type { EncoderSpec, ModelSpec, MtpSpec, StateKind } from './catalog/types.ts';
import { paramBreakdown, type ParamBreakdown } from './catalog/params.ts';
import { getFormat, KV_BYTES, type WeightFormat } from './catalog/formats.ts';
import { RUNTIME_PROFILES, type RuntimeProfile } from './catalog/runtimes.ts';
import { FRAMEWORK_PROFILES } from './catalog/frameworks.ts';
import type { Request, Optimizer, Parallelism } from './request.ts';
import { gib, tokens, paramCount } from './units.ts';

export type ComponentId =
  | 'weights'
  | 'vision'
  | 'adapter'
  | 'kv_cache'
  | 'state'
  | 'activations'
  | 'logits'
  | 'gradients'
  | 'optimizer'
  | 'overhead';

export interface Component {
  id: ComponentId;
  label: string;
  bytes: number;
  low: number;
  high: number;
  /** One line: the formula with its numbers. */
  detail: string;
  /**
   * Lives outside PyTorch's allocator (bitsandbytes paged optimizer states in CUDA managed memory): nvidia-smi
   * sees it, torch.cuda.max_memory_allocated does not.
   */
  outsideTorch?: boolean;
}

export interface Estimate {
  request: Request;
  model: ModelSpec;
  format: WeightFormat;
  params: ParamBreakdown;
  runtime: RuntimeProfile;
  components: Component[];
  total: { bytes: number; low: number; high: number };
  /** Memory per card when the job is split over `cards` GPUs at `context` tokens (central estimate). */
  perCard(cards: number, context?: number): number;
  /** Bytes read from memory per generated token (active weights + KV), for the bandwidth ceiling. */
  decodeBytes: number;
  /** Memory kept in system RAM instead of on the GPU (e.g. llama.cpp's token-embedding table). */
  hostBytes: number;
  /** Assumptions the estimator itself made (added to the request's). */
  notes: string[];
}

const round = Math.round;

/** The overhead component's words, the same for every estimate in a runtime: written once at load. */
const OVERHEAD_DETAIL = Object.fromEntries(
  Object.values(RUNTIME_PROFILES).map((rt) => {
    const oh = rt.overhead;
    return [
      rt.id,
      `${oh.what} (${rt.label}), per GPU: ${gib(oh.low)}-${gib(oh.high)} depending on GPU, driver and libraries`,
    ];
  }),
) as Record<RuntimeProfile['id'], string>;

// ---------------------------------------------------------------- weights

interface WeightsPart {
  bytes: number;
  low: number;
  high: number;
  detail: string;
  hostBytes: number;
}

/** Formats whose converters leave a checkpoint's MXFP4 experts as they are (llama.cpp's convert/quantize, mlx-lm). */
const KEEPS_MXFP4: ReadonlySet<string> = new Set(['gguf', 'mlx']);
/** MXFP4: 32 four-bit values + one 8-bit scale per block (OCP Microscaling v1.0). */
const MXFP4_BITS = 4.25;

/** Bytes of the stored weights: linear layers at the format's bits, embeddings/lm_head at theirs, norms 16-bit. */
function weightsPart(
  m: ModelSpec,
  p: ParamBreakdown,
  f: WeightFormat,
  rt: RuntimeProfile,
  explain: boolean,
): WeightsPart {
  // Bytes read from the file itself (GGUF header, safetensors metadata) hold for the format they were read in.
  const ew = m.exactWeights;
  if (ew && ew.format === f.id && (ew.hostBytes === 0 || rt.embeddingsOnHost)) {
    let detail = explain ? `${f.label}: exact bytes from ${ew.source}` : '';
    if (explain && ew.hostBytes > 0) detail += `; token embeddings (${gib(ew.hostBytes)}) stay in system RAM`;
    return { bytes: ew.gpuBytes, low: ew.gpuBytes, high: ew.gpuBytes, detail, hostBytes: ew.hostBytes };
  }
  const expertsOnly = f.expertsOnly && p.experts > 0;
  // gpt-oss ships its experts in MXFP4 and the GGUF and MLX converters keep them so (llama.cpp issue 15117:
  // every gpt-oss-20b quant ~11-12 GB, F16 13.8 GB): only the other linear weights take the file's bits.
  const keptMx =
    !expertsOnly && p.experts > 0 && m.moe?.nativeFormat === 'mxfp4' && KEEPS_MXFP4.has(f.family);
  const quantized = expertsOnly ? p.experts : keptMx ? p.linear - p.experts : p.linear;
  const dense16 = expertsOnly ? p.linear - p.experts : 0;
  const mxBytes = keptMx ? (p.experts * MXFP4_BITS) / 8 : 0;
  const normBytes = p.norms * (f.id === 'fp32' ? 4 : 2);
  const embBytes = (p.embedding * f.embeddingBits) / 8;
  // Tied models reuse the embedding table as the output projection; llama.cpp then keeps a copy on the GPU.
  const headBytes = m.tiedEmbeddings ? (rt.embeddingsOnHost ? embBytes : 0) : (p.lmHead * f.lmHeadBits) / 8;
  const hostBytes = rt.embeddingsOnHost ? embBytes : 0;
  const gpuEmb = rt.embeddingsOnHost ? 0 : embBytes;
  const fixed = dense16 * 2 + mxBytes + normBytes + gpuEmb + headBytes;
  const bytes = round((quantized * f.linearBits) / 8 + fixed);
  // The count comes from the architecture formula: norms, biases, padded vocabularies and the runtime's own
  // buffers (rotary tables) move it by a fraction of a percent either way (checked against safetensors
  // counts and vLLM's "model weights took" lines): +-1% around the format's bit range.
  const low = round(((quantized * f.linearBitsRange[0]) / 8 + fixed) * 0.99);
  const high = round(((quantized * f.linearBitsRange[1]) / 8 + fixed) * 1.01);
  if (!explain) return { bytes, low, high, detail: '', hostBytes };
  const parts = [
    `${paramCount(quantized)} ${expertsOnly ? 'expert' : keptMx ? 'other linear' : 'linear'} params x ${f.linearBits} bits`,
  ];
  if (keptMx) parts.unshift(`${paramCount(p.experts)} expert params kept in MXFP4 x ${MXFP4_BITS} bits`);
  if (dense16 > 0) parts.push(`${paramCount(dense16)} attention params x 16 bits`);
  if (gpuEmb > 0) parts.push(`embeddings ${paramCount(p.embedding)} x ${f.embeddingBits} bits`);
  if (headBytes > 0)
    parts.push(`lm_head ${paramCount(m.tiedEmbeddings ? p.embedding : p.lmHead)} x ${f.lmHeadBits} bits`);
  let detail = `${f.label}: ${parts.join(' + ')}`;
  if (hostBytes > 0) detail += `; token embeddings (${gib(hostBytes)}) stay in system RAM`;
  return { bytes, low, high, detail, hostBytes };
}

/**
 * weightsPart with its words, kept per model, format and where the embeddings live: every question about a
 * model in a format gets the same line, and writing its parameter counts costs more than the bytes. Keyed
 * by the spec object (catalog rows are static; a Hub model's spec goes when it does), like paramBreakdown.
 */
function weightsInWords(m: ModelSpec, p: ParamBreakdown, f: WeightFormat, rt: RuntimeProfile): WeightsPart {
  const memo = weightsMemo[rt.embeddingsOnHost ? 1 : 0];
  let byFormat = memo.get(m);
  if (!byFormat) memo.set(m, (byFormat = new Map()));
  let w = byFormat.get(f.id);
  if (!w) byFormat.set(f.id, (w = weightsPart(m, p, f, rt, true)));
  return w;
}
const weightsMemo: [
  WeakMap<ModelSpec, Map<string, WeightsPart>>,
  WeakMap<ModelSpec, Map<string, WeightsPart>>,
] = [new WeakMap(), new WeakMap()];

// ---------------------------------------------------------------- KV cache

/** One kind of KV-holding layer: how many, elements cached per token per layer (K and V together), window. */
interface KvRow {
  layers: number;
  elements: number;
  /** Local layers keep at most this many tokens; 0 = the whole context. */
  window: number;
  /** Tokens per cache entry (compressed attention); 1 otherwise. */
  perEntry: number;
  /** Layers another row already counts. */
  sameLayers: boolean;
  /** Explanation of one token's entry: `2 x 8 KV heads x 128`. */
  shape: string;
}

/**
 * The model's KV-holding layers. Hybrids and shared-KV models list them (`kvGroups`); a uniform model is
 * `layers` alike, split into full and sliding-window layers. MLA caches one latent (kv_lora_rank) + one RoPE
 * key per layer; transformers' DeepSeek code caches the decompressed per-head keys and values instead.
 * Static per model and runtime kind, so memoized: perCard prices them many times per request.
 */
function kvRows(m: ModelSpec, latent: boolean): readonly KvRow[] {
  const memo = kvRowsMemo.get(m);
  const hit = memo?.[latent ? 1 : 0];
  if (hit) return hit;
  let mlaElements = 0;
  let mlaShape = '';
  if (m.mla && latent) {
    mlaElements = m.mla.kvLoraRank + m.mla.qkRopeHeadDim;
    mlaShape = `MLA latent (${m.mla.kvLoraRank} + ${m.mla.qkRopeHeadDim} RoPE)`;
  } else if (m.mla) {
    mlaElements = m.heads * (m.mla.qkNopeHeadDim + m.mla.qkRopeHeadDim + m.mla.vHeadDim);
    mlaShape = `${m.heads} heads x (${m.mla.qkNopeHeadDim + m.mla.qkRopeHeadDim} K + ${m.mla.vHeadDim} V) (transformers does not cache the MLA latent)`;
  }
  const row = (
    layers: number,
    kvHeads: number,
    headDim: number,
    vHeadDim: number,
    window: number,
    perEntry = 1,
    sameLayers = false,
  ): KvRow =>
    m.mla
      ? { layers, elements: mlaElements, window, perEntry, sameLayers, shape: mlaShape }
      : {
          layers,
          elements: kvHeads * (headDim + vHeadDim),
          window,
          perEntry,
          sameLayers,
          shape:
            headDim === vHeadDim
              ? `2 x ${kvHeads} KV heads x ${headDim}`
              : `${kvHeads} KV heads x (${headDim} K + ${vHeadDim} V)`,
        };
  let rows: KvRow[];
  if (m.kvGroups) {
    rows = m.kvGroups.map((g) =>
      row(
        g.layers,
        g.kvHeads,
        g.headDim,
        g.vHeadDim ?? g.headDim,
        g.window ?? 0,
        g.tokensPerEntry ?? 1,
        g.sameLayers === true,
      ),
    );
  } else {
    const sw = m.slidingWindow;
    const local = sw ? sw.localLayers : 0;
    rows = [row(m.layers - local, m.kvHeads, m.headDim, m.headDim, 0)];
    if (sw && local > 0) rows.push(row(local, m.kvHeads, m.headDim, m.headDim, sw.window));
  }
  rows = rows.filter((r) => r.layers > 0);
  const next: [KvRow[] | undefined, KvRow[] | undefined] = memo ?? [undefined, undefined];
  next[latent ? 1 : 0] = rows;
  kvRowsMemo.set(m, next);
  return rows;
}
const kvRowsMemo = new WeakMap<ModelSpec, [KvRow[] | undefined, KvRow[] | undefined]>();

/**
 * DeepSeek Sparse Attention's indexer keeps one key per token per MLA layer beside the latent. vLLM and SGLang
 * store it in FP8 with one fp32 scale per 128 elements (index_head_dim + index_head_dim / 128 x 4 = 132 bytes;
 * vLLM deepseek_v2.py Indexer, SGLang NSATokenToKVPool).
 */
function indexerBytesPerToken(m: ModelSpec, req: Request): number {
  if (!m.indexer) return 0;
  // llama.cpp (llama-kv-cache-dsa.cpp) keeps the indexer keys as a second cache in the main KV type.
  if (req.runtime === 'llama.cpp' || req.runtime === 'ollama')
    return m.indexer.headDim * KV_BYTES[req.kvType];
  return m.indexer.headDim + (m.indexer.headDim / 128) * 4;
}

/** What the KV cache's size reads besides the context, read once per estimate (perCard prices it often). */
interface KvPricing {
  rows: readonly KvRow[];
  /** Bytes per cached element of the KV type. */
  b: number;
  /** Indexer key bytes per token per layer (DeepSeek Sparse Attention), 0 without. */
  idx: number;
  /** Layers that hold their own KV (rows that count layers another row already counts left out). */
  kvLayers: number;
  batch: number;
}

function kvPricing(m: ModelSpec, req: Request): KvPricing {
  const rows = kvRows(m, req.runtime !== 'transformers');
  let kvLayers = 0;
  for (const r of rows) if (!r.sameLayers) kvLayers += r.layers;
  return { rows, b: KV_BYTES[req.kvType], idx: indexerBytesPerToken(m, req), kvLayers, batch: req.batch };
}

/**
 * KV cache for `context` tokens x `batch` sequences: per KV-holding layer, elements per token x bytes of the
 * KV type x tokens (windowed layers capped at the window). Layers without KV (linear attention, Mamba, short
 * conv, shared-KV) add nothing here; their fixed state is the `state` component.
 */
function kvBytes(k: KvPricing, context: number): number {
  let perSequence = 0;
  for (const r of k.rows) {
    const held = r.window > 0 ? Math.min(context, r.window) : Math.ceil(context / r.perEntry);
    perSequence += r.elements * k.b * r.layers * held;
  }
  perSequence += k.idx * k.kvLayers * context;
  return round(perSequence * k.batch);
}

/** kvBytes with its formula in words. */
function kvCache(
  k: KvPricing,
  m: ModelSpec,
  req: Request,
  context: number,
): { bytes: number; detail: string } {
  const { rows, b, idx, kvLayers } = k;
  const parts = rows.map((r) => {
    let held = `${tokens(context)} tokens`;
    if (r.window > 0) held = `window ${tokens(Math.min(context, r.window))} tokens`;
    else if (r.perEntry > 1) held = `${tokens(context)} tokens / ${r.perEntry} (compressed)`;
    return `${r.shape} x ${fmtBytes(b)} x ${r.layers} layers x ${held}`;
  });
  let detail = parts.join(' + ');
  if (idx > 0) detail += ` + indexer keys ${idx} bytes x ${kvLayers} layers x ${tokens(context)} tokens`;
  if (req.batch > 1) detail = `(${detail}) x ${req.batch} sequences`;
  const noKv = m.layers - kvLayers;
  if (noKv > 0) detail += `; ${noKv} of ${m.layers} layers keep no KV`;
  return { bytes: kvBytes(k, context), detail: `${detail} (${req.kvType})` };
}

// ---------------------------------------------------------------- recurrent state

const STATE_LABELS: Record<StateKind, string> = {
  'gated-deltanet': 'Gated DeltaNet',
  'kimi-delta': 'Kimi Delta Attention',
  lightning: 'lightning attention',
  mamba2: 'Mamba-2',
  mamba: 'Mamba',
  'short-conv': 'short-conv',
};

/**
 * Linear-attention, Mamba and short-conv layers keep a fixed state per sequence whatever the context: the
 * recurrent (SSM) state and the last kernel-1 inputs of the causal convolution, in the dtypes the runtime
 * keeps them (RuntimeProfile.stateBytes).
 */
function recurrentState(
  m: ModelSpec,
  req: Request,
  rt: RuntimeProfile,
  explain: boolean,
): { bytes: number; detail: string } {
  const groups = m.stateGroups;
  if (!groups || groups.length === 0) return { bytes: 0, detail: '' };
  const r = rt.recurrent;
  const conv = r.convBytes;
  let perSequence = 0;
  const parts: string[] = [];
  for (const g of groups) {
    const state = r.stateBytes(g.kind, g.ssmFp32 === true);
    perSequence += g.layers * (g.stateElements * state + g.convElements * conv);
    if (!explain) continue;
    const inner =
      g.stateElements > 0
        ? `${g.stateElements.toLocaleString('en-US')} x ${state} + conv ${g.convElements.toLocaleString('en-US')} x ${conv} bytes`
        : `conv ${g.convElements.toLocaleString('en-US')} x ${conv} bytes`;
    parts.push(`${g.layers} ${STATE_LABELS[g.kind]} layers x (${inner})`);
  }
  const sequences = Math.max(req.batch, r.minSequences);
  const bytes = round(perSequence * sequences * r.copies);
  if (!explain) return { bytes, detail: '' };
  let times = sequences > 1 ? ` x ${sequences} sequences` : '';
  if (r.copies > 1) times += ` x ${r.copies} slots`;
  return { bytes, detail: `${parts.join(' + ')}${times}, the same at any context (${r.what})` };
}

/** Whether the runtime loads a multimodal checkpoint's encoder (see RuntimeProfile.loadsEncoder). */
function encoderBytes(m: ModelSpec, rt: RuntimeProfile, f: WeightFormat): number {
  if (!m.encoder || !rt.loadsEncoder) return 0;
  // Quantizers and GGUF mmproj files leave the vision tower in 16-bit.
  return round(m.encoder.params * (f.id === 'fp32' ? 4 : 2));
}

function fmtBytes(b: number): string {
  return Number.isInteger(b) ? `${b} bytes` : `${b.toFixed(3)} bytes`;
}

// ---------------------------------------------------------------- shapes used by activations

/**
 * The model's numbers the context-dependent formulas read, in one object shape, built once per model.
 * Catalog rows are literals with different optional fields (moe, mla, slidingWindow, ...), so reading the
 * same field across models is a slow (megamorphic) property load, and perCard prices the activations
 * dozens of times per request (the longest-context search).
 */
interface ModelShape {
  layers: number;
  hidden: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  vocab: number;
  /** liveMlpWidth */
  mlpWidth: number;
  /** largestMatrix */
  largestMatrix: number;
  /** layerActivationBytes */
  layerActivation: number;
}

function shapeOf(m: ModelSpec): ModelShape {
  let shape = shapeMemo.get(m);
  if (!shape) {
    shape = {
      layers: m.layers,
      hidden: m.hidden,
      heads: m.heads,
      kvHeads: m.kvHeads,
      headDim: m.headDim,
      vocab: m.vocab,
      mlpWidth: liveMlpWidth(m),
      largestMatrix: largestMatrix(m),
      layerActivation: layerActivationBytes(m),
    };
    shapeMemo.set(m, shape);
  }
  return shape;
}
const shapeMemo = new WeakMap<ModelSpec, ModelShape>();

/** The format's fields the activations read (kept apart for the same reason as ModelShape). */
type FormatKind = Pick<WeightFormat, 'id' | 'family'>;

/** MLP width that is live at once per token: the dense width, or k experts' width for MoE. */
function liveMlpWidth(m: ModelSpec): number {
  if (!m.moe) return m.intermediate;
  const moeWidth = m.moe.expertIntermediate * (m.moe.active + m.moe.sharedExperts);
  return Math.max(moeWidth, m.moe.denseLayers > 0 ? m.intermediate : 0);
}

/** Bytes of one activation element: 16-bit compute for every format except fp32. */
function actBytes(f: FormatKind, req: Request): number {
  if (req.mode !== 'inference') return req.precision === 'fp32' ? 4 : 2;
  return f.id === 'fp32' ? 4 : 2;
}

// ---------------------------------------------------------------- inference activations

/**
 * Live tensors during prefill of `chunk` tokens (PyTorch runtimes): the MLP holds gate, up and their
 * product (3 x intermediate) next to ~4 hidden-sized tensors (residual, normed input, attention output,
 * MLP output). Without flash attention one layer's scores (heads x tokens x tokens) are materialized in
 * fp32 plus a 16-bit copy. Logits are kept for the last position only, in fp32.
 */
function torchInferenceActivations(
  m: ModelShape,
  req: Request,
  f: FormatKind,
  rt: RuntimeProfile,
  context: number,
  explain: boolean,
  prompt = context,
) {
  const promptTokens = prompt * req.batch;
  const chunk = rt.prefillChunk === null ? promptTokens : Math.min(promptTokens, rt.prefillChunk);
  const ab = actBytes(f, req);
  const mlpWidth = m.mlpWidth;
  const mlp = chunk * (3 * mlpWidth + 4 * m.hidden) * ab;
  // Without flash attention, scores for one layer: rows = the chunk, columns = the context seen so far.
  const rows = Math.min(chunk, prompt);
  const scores = req.flashAttention ? 0 : req.batch * m.heads * rows * context * (4 + ab);
  // Sampler logits in fp32 (+ fp32 probabilities in vLLM/SGLang) for every sequence the engine may run at
  // once: vLLM profiles max_num_seqs (default 256) dummy sequences; batch=N stands for --max-num-seqs N.
  const serving = rt.prefillChunk !== null && rt.id !== 'exllamav2' && rt.id !== 'mlx';
  const rowsOfLogits = serving && !req.batchGiven ? Math.max(256, req.batch) : req.batch;
  const logits = rowsOfLogits * m.vocab * 4 * (serving ? 2 : 1);
  // bitsandbytes dequantizes one weight matrix at a time to 16-bit for the matmul.
  // bitsandbytes and torchao's weight-only kernels dequantize one weight matrix at a time to 16-bit for the
  // matmul; torchao quantizes lm_head too, so the largest may be the vocabulary projection.
  const dequant =
    f.family === 'bnb'
      ? m.largestMatrix * 2
      : f.family === 'torchao'
        ? Math.max(m.largestMatrix, m.vocab * m.hidden) * 2
        : 0;
  const bytes = round(mlp + scores + logits + dequant);
  if (!explain) return { bytes, detail: '' };
  let detail = `prefill ${tokens(chunk)} tokens x (3 x ${mlpWidth} MLP + 4 x ${m.hidden} hidden) x ${ab} bytes`;
  if (scores > 0)
    detail += ` + attention scores ${m.heads} heads x ${tokens(rows)} x ${tokens(context)} x ${4 + ab} bytes (no flash attention)`;
  detail += serving
    ? ` + sampler logits and probabilities ${rowsOfLogits} sequences x ${m.vocab} x 8 bytes`
    : ` + last-token logits ${req.batch > 1 ? `${req.batch} x ` : ''}${m.vocab} x 4 bytes`;
  if (dequant > 0) detail += ' + one dequantized weight matrix';
  return { bytes, detail };
}

/**
 * llama.cpp's compute buffer (ggml graph allocator, f32): n_ubatch x (attention scores n_ctx x heads
 * without flash attention, or an f16 mask with it) plus n_ubatch x (FFN width + 2 x hidden).
 * Fits the CI logs: 70.5 MiB at n_ctx 512 and 164 MiB at 2048 for a 7B, 2144 MiB at 32768 for Mistral 7B.
 */
function ggmlComputeBuffer(
  m: ModelShape,
  req: Request,
  rt: RuntimeProfile,
  context: number,
  explain: boolean,
) {
  const nCtx = context * req.batch;
  const ub = Math.min(rt.prefillChunk ?? 512, nCtx);
  const attn = req.flashAttention ? ub * nCtx * 2 : ub * nCtx * m.heads * 4;
  const ffn = ub * (m.mlpWidth + 2 * m.hidden) * 4;
  // The graph allocator reserves for the worst case with every position of the micro-batch output
  // (llama-context.cpp graph_reserve with n_outputs = n_ubatch): f32 logits n_vocab x n_ubatch at the output
  // node, which outweighs the layers' buffers for large vocabularies at short contexts.
  const output = ub * (m.vocab + m.hidden) * 4;
  const bytes = round(Math.max(attn + ffn, output));
  if (!explain) return { bytes, detail: '' };
  if (output > attn + ffn)
    return {
      bytes,
      detail: `compute buffer, sized by the output node: ${ub} positions x (${m.vocab} vocab logits + ${m.hidden} hidden) x 4 bytes`,
    };
  const attnText = req.flashAttention
    ? `f16 mask ${ub} x ${tokens(nCtx)}`
    : `f32 scores ${ub} x ${tokens(nCtx)} x ${m.heads} heads`;
  return {
    bytes,
    detail: `compute buffer: ${attnText} + ${ub} x (${m.mlpWidth} FFN + 2 x ${m.hidden}) x 4 bytes`,
  };
}

function largestMatrix(m: ModelSpec): number {
  const w = m.moe
    ? Math.max(m.moe.expertIntermediate, m.moe.denseLayers > 0 ? m.intermediate : 0)
    : m.intermediate;
  return m.hidden * Math.max(w, m.heads * m.headDim);
}

// ---------------------------------------------------------------- training

/** Trainable LoRA parameters: rank x (d_in + d_out) per adapted matrix, every layer. */
export function loraParams(m: ModelSpec, rank: number, targets: 'qv' | 'attn' | 'all'): number {
  const h = m.hidden;
  const q = m.heads * m.headDim;
  const kv = m.kvHeads * m.headDim;
  const perLayer: number[] = [h + q, h + kv]; // q, v
  if (targets !== 'qv') perLayer.push(h + kv, q + h); // k, o
  if (targets === 'all') {
    const w = m.moe ? m.moe.expertIntermediate * (m.moe.experts + m.moe.sharedExperts) : m.intermediate;
    const mats = m.mlp === 'gated' ? 3 : 2;
    for (let i = 0; i < mats; i++) perLayer.push(h + w);
  }
  return rank * m.layers * perLayer.reduce((a, x) => a + x, 0);
}

/** Optimizer state bytes per trainable parameter. */
function optimizerBytes(opt: Optimizer, stateBytes: number): { perParam: number; what: string } {
  switch (opt) {
    case 'adamw':
      return { perParam: 2 * stateBytes, what: `2 moments x ${stateBytes} bytes` };
    case 'adamw8bit':
      return { perParam: 2, what: '2 moments x 1 byte (bitsandbytes 8-bit blockwise)' };
    case 'paged_adamw8bit':
      return { perParam: 2, what: '2 moments x 1 byte, paged (can spill to CPU under pressure)' };
    case 'sgd':
      return { perParam: stateBytes, what: `momentum x ${stateBytes} bytes` };
    case 'adafactor':
      // Factored second moment: rows + columns per matrix instead of rows x columns; no first moment.
      return { perParam: 0.02, what: 'factored second moment (rows + cols per matrix)' };
  }
}

/**
 * Saved activations per token per layer for backward, 16-bit: attention block ~12h + 4*kv_dim (normed
 * input incl. RMSNorm's fp32 copy, q, k, v, attention output), MLP block ~8h + 8*I (normed input, gate,
 * up, activation, product). Adapted from Korthikanti et al. 2022 (34*s*b*h for GPT with 4h MLP and
 * dropout) to Llama blocks: SwiGLU, RMSNorm, GQA, no dropout. Eager attention adds heads x s x s x 6 bytes.
 */
function layerActivationBytes(m: ModelSpec): number {
  return 20 * m.hidden + 4 * m.kvHeads * m.headDim + 8 * liveMlpWidth(m);
}

// ---------------------------------------------------------------- the estimate

/**
 * `explain` false skips the formulas in words (the detail lines), for callers that need only the bytes:
 * a hardware-first list estimates hundreds of model/format pairs per question.
 */
export function estimate(req: Request, m: ModelSpec, explain = true): Estimate {
  const rt = RUNTIME_PROFILES[req.runtime];
  const p = paramBreakdown(m);
  const notes: string[] = [];
  const training = req.mode !== 'inference';
  const f = storageFormat(req);
  const w = explain ? weightsInWords(m, p, f, rt) : weightsPart(m, p, f, rt, false);

  const components: Component[] = [weightsComponent(w, req, training)];
  const enc = encoderBytes(m, rt, f);
  if (enc > 0) components.push(visionComponent(m, f, enc, training, explain));
  else if (m.encoder) notes.push(textOnlyNote(m.encoder, rt));
  if (m.mtp) notes.push(mtpNote(m.mtp));
  const t = training ? trainingParts(req, m, p, components, notes, explain) : NO_TRAINING;

  // ---- context-dependent parts (perCard re-prices them at other contexts; no closures here: under tsx's
  // keepNames every named closure costs a defineProperty per estimate, measurable in the fit's search).
  // What they read of the model, format and KV type is gathered once, in objects of one shape each.
  const shape = shapeOf(m);
  const kind: FormatKind = { id: f.id, family: f.family };
  const kvp = kvPricing(m, req);
  if (!training) components.push(kvComponent(kvp, m, req, explain));
  const st = training ? { bytes: 0, detail: '' } : recurrentState(m, req, rt, explain);
  if (st.bytes > 0) components.push(stateComponent(st));
  const act = activationParts(shape, req, kind, rt, req.context, explain);
  components.push(activationsComponent(shape, req, kind, rt, act, training));
  if (training) components.push(gradientsComponent(t, act, req, explain));
  if (act.logits > 0) components.push(logitsComponent(act, req, m));
  const oh = rt.overhead;
  components.push(overheadComponent(rt, explain));
  const total = totalOf(components);

  // The components' bytes by kind (0 for the ones this estimate has not).
  const weightsAll = w.bytes + enc + t.adapterBytes;
  const stateBytesTotal = weightsAll + t.optimizerBytes + st.bytes;
  const kvAtRequest = training ? 0 : kvBytes(kvp, req.context);

  return {
    request: req,
    model: m,
    format: f,
    params: p,
    runtime: rt,
    components,
    total,
    perCard(cards: number, context = req.context) {
      const atRequest = context === req.context;
      const a = atRequest ? act : activationParts(shape, req, kind, rt, context);
      const kv = atRequest || training ? kvAtRequest : kvBytes(kvp, context);
      // Each card holds its share of weights, states and cache, runs full-width activations for its layers,
      // and pays its own context; a split adds communication buffers on every card.
      const split = cards > 1 ? rt.splitOverhead : 0;
      if (training)
        return trainingOnCard(t, weightsAll, cards, a, req) + a.activations + a.logits + oh.bytes + split;
      return (stateBytesTotal + kv) / cards + a.activations + a.logits + oh.bytes + split;
    },
    decodeBytes: decodeBytesOf(w.bytes, p, kvAtRequest, st.bytes, req.batch),
    hostBytes: w.hostBytes,
    notes,
  };
}

// ---------------------------------------------------------------- the estimate's steps, in order

/**
 * Storage of the base weights: the format for inference and (Q)LoRA's frozen base; the training precision
 * for full fine-tuning.
 */
function storageFormat(req: Request): WeightFormat {
  let f = getFormat(req.format);
  if (req.mode === 'full' && req.precision === 'mixed') f = getFormat('fp32');
  if ((req.mode === 'full' || req.mode === 'lora') && req.precision === 'fp32') f = getFormat('fp32');
  return f;
}

function weightsComponent(w: WeightsPart, req: Request, training: boolean): Component {
  const weightsLabel =
    training && req.mode === 'full' && req.precision === 'mixed' ? 'Weights (fp32 master)' : 'Weights';
  return {
    id: 'weights',
    label: weightsLabel,
    bytes: w.bytes,
    low: w.low,
    high: w.high,
    detail: w.detail,
  };
}

function visionComponent(
  m: ModelSpec,
  f: WeightFormat,
  enc: number,
  training: boolean,
  explain: boolean,
): Component {
  const frozen = training ? ', frozen' : '';
  return {
    id: 'vision',
    label: 'Vision encoder',
    bytes: enc,
    low: enc,
    high: enc,
    detail: explain
      ? `${m.encoder!.what}: ${paramCount(m.encoder!.params)} params x ${f.id === 'fp32' ? 4 : 2} bytes (kept 16-bit by quantizers${frozen})`
      : '',
  };
}

/** A runtime that loads no encoder still answers for the text model: say what images would add. */
function textOnlyNote(encoder: EncoderSpec, rt: RuntimeProfile): string {
  return `${rt.label} loads the text model only: images need the ${encoder.what} as an mmproj file (+${gib(encoder.params * 2)})`;
}

/** The weights leave out the checkpoint's multi-token-prediction layers: say so. */
function mtpNote(mtp: MtpSpec): string {
  return `the checkpoint's ${mtp.layers} multi-token-prediction layer${mtp.layers > 1 ? 's' : ''} (${paramCount(mtp.params)} params) ${mtp.layers > 1 ? 'are' : 'is'} not loaded unless speculative decoding uses ${mtp.layers > 1 ? 'them' : 'it'}`;
}

/**
 * What training adds that does not depend on the context, and how the multi-GPU strategy divides it: read
 * again by the gradients component and by perCard. One object per training estimate, in place of the locals
 * perCard's closure would hold; inference shares NO_TRAINING.
 */
interface TrainingParts {
  adapterBytes: number;
  optimizerBytes: number;
  /** Gradients of every trainable parameter (one layer's with the optimizer step in backward). */
  gradsFull: number;
  gradsDetail: string;
  strategy: Parallelism;
  shardsWeights: boolean;
  shardsGrads: boolean;
  shardsOptimizer: boolean;
  /** The layer a sharded model gathers on every card, 0 unless the weights are sharded. */
  gathered: number;
}

/** Inference: nothing trained (perCard's training branch never reads it). */
const NO_TRAINING: TrainingParts = {
  adapterBytes: 0,
  optimizerBytes: 0,
  gradsFull: 0,
  gradsDetail: '',
  strategy: 'ddp',
  shardsWeights: false,
  shardsGrads: false,
  shardsOptimizer: false,
  gathered: 0,
};

/**
 * The training-only parts that do not depend on the context: adds the adapter and optimizer components and
 * the training notes (in the order the answer lists them), and returns what later steps read.
 */
function trainingParts(
  req: Request,
  m: ModelSpec,
  p: ParamBreakdown,
  components: Component[],
  notes: string[],
  explain: boolean,
): TrainingParts {
  const pure16 = req.precision === 'bf16' || req.precision === 'fp16';
  // Pure 16-bit training keeps gradients and AdamW moments in the parameter dtype (torchtune, PEFT
  // examples); mixed precision keeps them in fp32 (HF Trainer with AMP, PEFT adapters upcast to fp32).
  const stateBytes = pure16 ? 2 : 4;
  let trainable = 0;
  let adapterBytes = 0;
  if (req.mode === 'full') {
    trainable = p.total;
  } else {
    const lora = req.lora!;
    trainable = loraParams(m, lora.rank, lora.targets);
    const adapter = adapterComponent(lora, trainable, stateBytes, explain);
    adapterBytes = adapter.bytes;
    components.push(adapter);
  }
  // With the step inside backward (torchtune optimizer_in_bwd) a layer's gradients are freed as soon as
  // its parameters are stepped: one layer's worth lives at a time.
  const gradsFull = round((req.stepInBackward ? trainable / m.layers : trainable) * stateBytes);
  const gradsDetail = !explain
    ? ''
    : req.stepInBackward
      ? `one layer at a time (optimizer step in backward): ${paramCount(trainable / m.layers)} params x ${stateBytes} bytes`
      : `${paramCount(trainable)} trainable params x ${stateBytes} bytes`;
  const optimizer = optimizerComponent(req, trainable, stateBytes, explain);
  components.push(optimizer);
  trainingNotes(req, notes);

  // Training over several cards: what each strategy divides (ZeRO paper, Rajbhandari et al. 2020: stage 1
  // partitions optimizer states, stage 2 also gradients, stage 3 / FSDP full shard also parameters).
  const strategy = req.parallelism ?? 'fsdp';
  const shardsWeights = strategy === 'zero3' || strategy === 'fsdp';
  const shardsGrads = shardsWeights || strategy === 'zero2';
  const shardsOptimizer = strategy !== 'ddp';
  // A sharded model gathers a layer's full weights before running it and prefetches the next: DeepSpeed's
  // own estimator (estimate_zero3_model_states_mem_needs) counts 4 bytes x the largest layer's parameters.
  const gathered = shardsWeights ? (4 * p.total) / m.layers : 0;
  if (req.parallelism) notes.push(strategyNote(strategy));
  return {
    adapterBytes,
    optimizerBytes: optimizer.bytes,
    gradsFull,
    gradsDetail,
    strategy,
    shardsWeights,
    shardsGrads,
    shardsOptimizer,
    gathered,
  };
}

function adapterComponent(
  lora: NonNullable<Request['lora']>,
  trainable: number,
  stateBytes: number,
  explain: boolean,
): Component {
  const adapter = round(trainable * stateBytes);
  return {
    id: 'adapter',
    label: 'LoRA adapters',
    bytes: adapter,
    low: adapter,
    high: adapter,
    detail: explain
      ? `rank ${lora.rank} on ${targetsText(lora.targets)}: ${paramCount(trainable)} params x ${stateBytes} bytes`
      : '',
  };
}

function optimizerComponent(
  req: Request,
  trainable: number,
  stateBytes: number,
  explain: boolean,
): Component {
  const opt = optimizerBytes(req.optimizer!, stateBytes);
  const optBytes = round(trainable * opt.perParam);
  return {
    id: 'optimizer',
    label: `Optimizer (${req.optimizer})`,
    bytes: optBytes,
    low: optBytes,
    high: optBytes,
    detail: explain ? `${paramCount(trainable)} params x ${opt.what}` : '',
    ...(req.optimizer === 'paged_adamw8bit' ? { outsideTorch: true } : {}),
  };
}

/** Training settings that change what the peak means, said in words. */
function trainingNotes(req: Request, notes: string[]): void {
  if (req.mode === 'full' && req.precision === 'mixed') {
    notes.push(
      'mixed precision: fp32 master weights, gradients and AdamW moments, bf16 autocast compute (16 bytes per parameter before activations)',
    );
  }
  if (req.accumulation && req.accumulation > 1) {
    notes.push(
      `gradient accumulation (${req.accumulation} steps) raises the effective batch to ${req.batch * req.accumulation} but not the peak: memory follows the micro-batch of ${req.batch}`,
    );
  }
  if (req.optimizer === 'paged_adamw8bit') {
    notes.push(
      'paged 8-bit AdamW keeps its states in CUDA managed memory: PyTorch counters do not see it and the driver can page it to CPU RAM under pressure',
    );
  }
}

function kvComponent(kvp: KvPricing, m: ModelSpec, req: Request, explain: boolean): Component {
  const kv = explain ? kvCache(kvp, m, req, req.context) : { bytes: kvBytes(kvp, req.context), detail: '' };
  return {
    id: 'kv_cache',
    label: 'KV cache',
    bytes: kv.bytes,
    low: kv.bytes,
    high: kv.bytes,
    detail: kv.detail,
  };
}

function stateComponent(st: { bytes: number; detail: string }): Component {
  return {
    id: 'state',
    label: 'Recurrent state',
    bytes: st.bytes,
    low: st.bytes,
    high: st.bytes,
    detail: st.detail,
  };
}

function activationsComponent(
  shape: ModelShape,
  req: Request,
  kind: FormatKind,
  rt: RuntimeProfile,
  act: ActivationParts,
  training: boolean,
): Component {
  const band = activationBand(shape, req, kind, rt, act);
  return {
    id: 'activations',
    label: training ? 'Activations' : rt.scratch === 'ggml' ? 'Compute buffer' : 'Activations',
    bytes: act.activations,
    low: band.low,
    high: band.high,
    detail: act.activationDetail,
  };
}

/** Central: the part that does not fit in the room backward frees (gradientsAtPeak); high: all of them. */
function gradientsComponent(
  t: TrainingParts,
  act: ActivationParts,
  req: Request,
  explain: boolean,
): Component {
  const g = gradientsAtPeak(t.gradsFull, act, req);
  return {
    id: 'gradients',
    label: 'Gradients',
    bytes: g,
    low: g,
    high: t.gradsFull,
    detail:
      explain && g < t.gradsFull
        ? `${t.gradsDetail} = ${gib(t.gradsFull)}, filled in as backward frees activations: ${gib(g)} more at the peak`
        : t.gradsDetail,
  };
}

function logitsComponent(act: ActivationParts, req: Request, m: ModelSpec): Component {
  // The loss's live tensors vary with the framework version (which upcast is freed when); PyTorch's
  // caching allocator keeps freed blocks on top (see activationBand).
  const [lo, hi] = req.loss === 'fused' ? [0.5, 2] : req.loss === 'chunked' ? [0.7, 1.3] : [8 / 12, 1.15];
  // Released chunks: whether a chunk's 16-bit logits outlive it depends on the version and on compile
  // (torchtune's loss is compiled): up to every chunk's logits kept at 2 bytes each.
  const T = req.context * req.batch;
  const keptHigh =
    req.loss === 'chunked' && FRAMEWORK_PROFILES[req.framework ?? 'torchtune'].chunks.kind === 'released'
      ? act.logits + T * m.vocab * 2
      : act.logits * hi;
  return {
    id: 'logits',
    label: 'Logits + loss',
    bytes: act.logits,
    low: round(act.logits * lo),
    high: round(Math.max(act.logits * hi, keptHigh)),
    detail: act.logitsDetail,
  };
}

function overheadComponent(rt: RuntimeProfile, explain: boolean): Component {
  const oh = rt.overhead;
  return {
    id: 'overhead',
    label: 'Overhead',
    bytes: round(oh.bytes),
    low: round(oh.low),
    high: round(oh.high),
    detail: explain ? OVERHEAD_DETAIL[rt.id] : '',
  };
}

/** The total and its band: the components' sums, in their order. */
function totalOf(components: readonly Component[]): Estimate['total'] {
  const total = { bytes: 0, low: 0, high: 0 };
  for (const c of components) {
    total.bytes += c.bytes;
    total.low += c.low;
    total.high += c.high;
  }
  return total;
}

/**
 * perCard's training case: one card's weights, optimizer states and gradients (at the peak) as the strategy
 * divides them (trainingParts), before its activations, loss and overhead.
 */
function trainingOnCard(
  t: TrainingParts,
  weightsAll: number,
  cards: number,
  a: ActivationParts,
  req: Request,
): number {
  const grads = t.shardsGrads || cards === 1 ? t.gradsFull / cards : t.gradsFull;
  const states =
    (t.shardsWeights ? weightsAll / cards + (cards > 1 ? t.gathered : 0) : weightsAll) +
    (t.shardsOptimizer ? t.optimizerBytes / cards : t.optimizerBytes) +
    // DDP's buckets hold a second copy of the gradients (gradient_as_bucket_view is off by default).
    (cards > 1 && t.strategy === 'ddp' ? t.gradsFull : 0);
  return states + gradientsAtPeak(grads, a, req);
}

/**
 * A decode step reads the active weights once plus each sequence's own cache: the per-sequence ceiling
 * divides bandwidth by the weights and one sequence's KV.
 */
function decodeBytesOf(weights: number, p: ParamBreakdown, kv: number, state: number, batch: number): number {
  const activeFraction = p.total > 0 ? p.active / p.total : 1;
  return weights * activeFraction + (kv + state) / batch;
}

/**
 * Gradients at the peak. Backward frees each layer's activations as it fills in that layer's gradients, and
 * the loss's buffers go first, so without accumulation the peak holds max(gradients, activations + loss)
 * above the weights and optimizer states; the component carries the part of the gradients that does not
 * fit in the freed room. Accumulated gradients persist into the next micro-batch's forward: all of them count.
 */
function gradientsAtPeak(grads: number, a: ActivationParts, req: Request): number {
  if (req.accumulation !== null && req.accumulation > 1) return grads;
  return Math.max(0, grads - a.activations - a.logits);
}

function strategyNote(p: NonNullable<Request['parallelism']>): string {
  switch (p) {
    case 'ddp':
      return 'DDP: every GPU holds the whole model, its gradients and optimizer states';
    case 'zero1':
      return 'ZeRO-1: optimizer states divided over the GPUs; weights and gradients whole on each';
    case 'zero2':
      return 'ZeRO-2: optimizer states and gradients divided over the GPUs; weights whole on each';
    case 'zero3':
    case 'fsdp':
      return `${p === 'fsdp' ? 'FSDP full shard' : 'ZeRO-3'}: weights, gradients and optimizer states divided over the GPUs; each gathers one layer at a time`;
  }
}

/**
 * The band of the activations (docs/methodology.md, "The range"):
 * - inference in PyTorch runtimes: from the decode step alone (a context that is mostly generated text needs
 *   no long prefill) to +25% (runtime version, the allocator's cached blocks);
 * - llama.cpp / Ollama: the compute buffer is reserved at load for the worst case, +-20% across versions;
 * - training: -25% (fused kernels, compile) to +30%: the caching allocator keeps the freed blocks of the
 *   forward and backward passes, which torch's reserved counter and nvidia-smi include (torchtune's memory
 *   stats print reserved 5-25% above allocated).
 */
function activationBand(
  m: ModelShape,
  req: Request,
  f: FormatKind,
  rt: RuntimeProfile,
  act: ActivationParts,
): { low: number; high: number } {
  const a = act.activations;
  if (req.mode !== 'inference') return { low: round(a * 0.75), high: round(a * 1.3) };
  if (rt.scratch === 'ggml') return { low: round(a * 0.8), high: round(a * 1.25) };
  const decode = torchInferenceActivations(m, req, f, rt, req.context, false, 1).bytes;
  return { low: Math.min(a, decode), high: round(a * 1.25) };
}

function targetsText(t: 'qv' | 'attn' | 'all'): string {
  return t === 'qv' ? 'q,v' : t === 'attn' ? 'q,k,v,o' : 'q,k,v,o + MLP';
}

interface ActivationParts {
  activations: number;
  activationDetail: string;
  logits: number;
  logitsDetail: string;
}

function activationParts(
  m: ModelShape,
  req: Request,
  f: FormatKind,
  rt: RuntimeProfile,
  context: number,
  explain = false,
): ActivationParts {
  if (req.mode === 'inference') {
    const a =
      rt.scratch === 'ggml'
        ? ggmlComputeBuffer(m, req, rt, context, explain)
        : torchInferenceActivations(m, req, f, rt, context, explain);
    return { activations: a.bytes, activationDetail: a.detail, logits: 0, logitsDetail: '' };
  }
  const T = context * req.batch;
  const ab = actBytes(f, req) / 2; // the per-layer formula is written for 16-bit
  const perLayer = m.layerActivation * ab;
  const scoresPerLayer = req.flashAttention ? 0 : req.batch * m.heads * context * context * 6 * ab;
  // A k-bit base (bitsandbytes) dequantizes one matrix to 16-bit at a time, in forward and again in backward.
  const dequant = f.family === 'bnb' || f.family === 'torchao' ? 2 * m.largestMatrix * 2 : 0;
  // Checkpointing keeps each layer's input and recomputes one layer at a time during backward; offloaded
  // checkpointing keeps those inputs in CPU RAM, with two layers' in flight on the GPU.
  const checkpointed = req.activationOffload ? 2 : m.layers;
  const activations =
    dequant +
    (req.gradientCheckpointing
      ? round(checkpointed * T * m.hidden * 2 * ab + T * perLayer + scoresPerLayer)
      : round(m.layers * (T * perLayer + scoresPerLayer)));
  const lossPart = lossBytes(m, req, T, explain);
  const logits = lossPart.bytes;
  if (!explain) return { activations, activationDetail: '', logits, logitsDetail: '' };
  // The per-layer formula counts 16-bit bytes; fp32 training doubles it.
  const perLayerText = `(20 x ${m.hidden} + 4 x ${m.kvHeads * m.headDim} + 8 x ${m.mlpWidth}) bytes${ab > 1 ? ` x ${ab}` : ''}`;
  let detail = req.gradientCheckpointing
    ? `checkpointed: ${req.activationOffload ? `2 of ${m.layers} layer inputs on the GPU (the rest offloaded to CPU RAM)` : `${m.layers} layer inputs`} x ${tokens(T)} tokens x ${m.hidden} x ${2 * ab} bytes + one recomputed layer (${tokens(T)} tokens x ${perLayerText})`
    : `${m.layers} layers x ${tokens(T)} tokens x ${perLayerText}`;
  if (scoresPerLayer > 0)
    detail += ` + eager attention scores ${m.heads} heads x ${tokens(context)}^2 x 6 bytes per layer`;
  if (dequant > 0) detail += ' + one dequantized 16-bit weight matrix (forward and backward)';
  return { activations, activationDetail: detail, logits, logitsDetail: lossPart.detail };
}

/**
 * The loss's memory (docs/methodology.md, "Training frameworks"):
 * - full (transformers): bf16 logits, their fp32 upcast, fp32 log-softmax and its gradient: 12 bytes per logit;
 * - chunked (torchtune CEWithChunkedOutputLoss, LitGPT chunked_cross_entropy): the 16-bit logits are kept
 *   (2 bytes per logit) and one chunk at a time is upcast (12 bytes per logit of the chunk);
 * - fused (Liger FusedLinearCrossEntropy, Cut Cross-Entropy, Unsloth): logits exist one chunk at a time; Liger
 *   sizes chunks to ~tokens / (vocab / hidden) rows of fp32 logits and gradients: ~8 bytes x hidden per token.
 * `explain` false leaves the words out (perCard prices the loss at many contexts).
 */
function lossBytes(
  m: ModelShape,
  req: Request,
  T: number,
  explain: boolean,
): { bytes: number; detail: string } {
  const V = m.vocab;
  if (req.loss === 'fused') {
    if (req.framework === 'unsloth') {
      // unsloth_zoo fused_losses: fp32 logits chunks of at most 4 GiB, and a tokens x hidden gradient buffer.
      const chunk = Math.min(4 * 2 ** 30, T * V * 4);
      return {
        bytes: round(chunk + T * m.hidden * 2),
        detail: explain
          ? `fused cross-entropy: fp32 logits one chunk at a time (${gib(chunk)}, at most 4 GiB) + ${tokens(T)} tokens x ${m.hidden} x 2 bytes of gradient`
          : '',
      };
    }
    // Liger: chunks of ~tokens / (vocab / hidden) rows, so each chunk's logits ~ tokens x hidden, plus grad_input.
    return {
      bytes: round(T * m.hidden * 8),
      detail: explain
        ? `fused linear cross-entropy: logits one chunk at a time (~${tokens(T)} tokens x ${m.hidden} x 8 bytes), never the full ${V} vocab`
        : '',
    };
  }
  if (req.loss === 'chunked') {
    const fw = FRAMEWORK_PROFILES[req.framework ?? 'torchtune'].chunks;
    const chunk = Math.min(T, fw.tokens ?? Math.ceil(T / 8));
    if (fw.kind === 'recomputed') {
      // TRL chunked_nll: each chunk computes h.float() @ w.float().t() under checkpointing: fp32 logits and
      // log-probabilities of one chunk, plus a transient fp32 copy of the output projection.
      const bytes = round(chunk * V * 8 + V * m.hidden * 4);
      return {
        bytes,
        detail: explain
          ? `chunked loss: ${tokens(chunk)} tokens x ${V} vocab x 8 bytes (fp32 logits + log-probs, recomputed in backward) + an fp32 copy of lm_head (${V} x ${m.hidden} x 4 bytes)`
          : '',
      };
    }
    if (fw.kind === 'released') {
      return {
        bytes: round(chunk * V * 12),
        detail: explain
          ? `chunked cross-entropy: one chunk of ${tokens(chunk)} tokens x ${V} vocab x 12 bytes (16-bit logits, fp32 upcast, log-softmax and gradient), released chunk by chunk`
          : '',
      };
    }
    const bytes = round(T * V * 2 + chunk * V * 12);
    return {
      bytes,
      detail: explain
        ? `chunked cross-entropy: ${tokens(T)} tokens x ${V} vocab x 2 bytes (16-bit logits) + one chunk of ${tokens(chunk)} tokens upcast (x 12 bytes)`
        : '',
    };
  }
  return {
    bytes: round(T * V * 12),
    detail: explain
      ? `${tokens(T)} tokens x ${V} vocab x 12 bytes (16-bit logits + fp32 upcast, log-softmax and gradient)`
      : '',
  };
}
