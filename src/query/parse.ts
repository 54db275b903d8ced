// The query language (design 2.2): forgiving free text -> a Draft (what the asker said) -> a Request
// (every default filled in and stated). Structured input (Discord options) builds a Draft too and meets
// the text in `mergeDrafts`, so there is one path to a Request.
import {
  findFormat,
  findGenericFormat,
  findKvType,
  FORMAT_WORDS,
  getFormat,
  KV_TYPES,
  resolveGenericFormat,
  RUNTIMES,
  exl2Format,
  type GenericFormat,
  type KvType,
  type Runtime,
  type WeightFormat,
} from '../catalog/formats.ts';
import { ampereOrNewer, findGpu, GPU_FAMILY_NAMES, GPU_NAMES } from '../catalog/gpus.ts';
import {
  FRAMEWORK_PROFILES,
  FRAMEWORK_WORDS,
  FRAMEWORKS,
  LOSS_WORDS,
  LOSSES,
  type Framework,
  type FrameworkProfile,
  type Loss,
} from '../catalog/frameworks.ts';
import { macProduct, resolveHardware, sizedHardware } from '../catalog/hardware.ts';
import { findModel, MODEL_NAMES } from '../catalog/models.ts';
import { modelForSize, parseSize, sizeModelId } from '../catalog/sizes.ts';
import { HubRefError, isGgufWord, isHubWord, parseHubRef } from './hub-ref.ts';
import type { ModelSpec, ModelUse } from '../catalog/types.ts';
import { MODELS } from '../catalog/models.ts';
import { RUNTIME_PROFILES } from '../catalog/runtimes.ts';
import {
  LIMITS,
  OPTIMIZERS,
  RequestSchema,
  satisfiesRequestSchema,
  TARGETS,
  type LoraTargets,
  type Mode,
  type Optimizer,
  type Parallelism,
  type Precision,
  type Request,
} from '../request.ts';
import { nearest } from './suggest.ts';
import { dict } from '../dict.ts';
import { tokens } from '../units.ts';

export const EXAMPLE = 'llama-3.1-8b q4_k_m ctx=8k';

/** Words quoted back in an error are cut short: the reply must stay one readable line. */
function show(word: string): string {
  return word.length > 40 ? `${word.slice(0, 39)}…` : word;
}

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

/** What the asker said, nothing filled in. */
export interface Draft {
  /** The mode came from a generic word ("finetune"): a later lora/qlora refines it. */
  trainWord?: boolean;
  model?: string; // catalog id or size:<billions>
  modelWord?: string;
  /**
   * A Hugging Face id the catalog does not know (`owner/name`, `owner/name:Q4_K_M`, `owner/name/file.gguf`),
   * validated (hub-ref.ts), case as typed. Resolving it needs the network: see toRequest's `resolved`.
   */
  hubModel?: string;
  format?: string;
  generic?: GenericFormat;
  floatWord?: 'bf16' | 'fp16' | 'fp32';
  mixed?: boolean;
  kvType?: KvType;
  context?: number;
  batch?: number;
  mode?: Mode;
  runtime?: Runtime;
  flashAttention?: boolean;
  rank?: number;
  targets?: LoraTargets;
  optimizer?: Optimizer;
  gradientCheckpointing?: boolean;
  accumulation?: number;
  gpu?: string;
  gpuCount?: number;
  visibility?: 'public' | 'private';
  /** `chart`: the answer comes with the memory-vs-context chart (a rendering choice, not part of the request). */
  chart?: boolean;
  /** An Ollama tag as typed (`qwen2.5:14b`, `gemma3:27b-it-qat`): runtime Ollama unless one is named. */
  ollamaTag?: string;
  /** The quantization the tag names (`-q8_0`, `-qat`), if any. */
  tagFormat?: string;
  framework?: Framework;
  loss?: Loss;
  /** gc=offload: checkpointed layer inputs kept in CPU RAM. */
  gcOffload?: boolean;
  parallelism?: Parallelism;
  stepInBackward?: boolean;
  /** Hardware-first questions ("what can i run on a 3090"): what to list. */
  use?: ModelUse;
  top?: number;
  /** "at least q5": the lowest format accepted. */
  floor?: string;
  family?: string;
  /** The model was named by a .gguf file name or a GGUF repository (`unsloth/Qwen3-8B-GGUF`): llama.cpp unless a runtime is named. */
  ggufFile?: 'file' | 'repo';
  /** Memory said as RAM (`64gb ram`): a Mac's size, else system RAM the estimate does not use. */
  ramGb?: number;
}

// Words that carry no meaning in "can i run llama 3.1 8b on my 4090 with 8k context?".
const FILLER = new Set([
  'on', 'with', 'for', 'my', 'a', 'an', 'using', 'at', 'in', 'the', 'can', 'i', 'run', 'and', 'of', 'to',
  'will', 'does', 'it', 'fit', 'how', 'much', 'vram', 'memory', 'need', 'do', 'we', 'is', 'model', 'please',
  'want', 'if', 'me', 'our', 'by', 'at', 'via', 'into', 'card', 'cards',
  // question words: "what gpu do i need for", "is a 4090 enough for", "which card should i get"
  'what', 'which', 'enough', 'needed', 'required', 'requirements', 'minimum', 'are', 'be', 'able', 'could',
  'should', 'would', 'have', 'got', 'get', 'this', 'that', 'any', 'locally', 'local', 'machine', 'computer',
  'pc', 'rig', 'setup', 'hardware', 'you', 'your', 'just', 'so', 'fits', 'running', 'runs', 'hosting', 'host',
  'load', 'loading', 'graphics', 'there', 'about', 'or', 'not', 'possible', 'even', 'still',
  'best', 'biggest', 'largest', 'good', 'models', "what's", 'whats', 'options', 'recommend', 'recommended',
  'colab', 'kaggle', 'runpod', 'cloud', 'rented', 'rent', 'server', 'workstation', 'llm', 'llms', 'ai',
  'self-host', 'self-hosted', 
  // how people open a question in a channel: "hey, would ... fit on a 3090?", "quick question: ..."
  'hey', 'hi', 'hello', 'yo', 'thanks', 'thx', 'pls', 'plz', 'guys', 'folks', 'quick', 'question', 'wondering',
  'curious', 'anyone', 'know', 'knows', 'tell', 'ok', 'okay', 'many', 'continued',
  // shorthand between the parts: "on a 4090 w/ 32k ctx", "70b @ q4", "fp16 + 32k context"
  'w/', '@', '+', '-', '/',
  // the maker before the card or the model: "nvidia rtx 4090", "amd 7900 xtx", "intel arc b580"
  'nvidia', 'amd', 'intel',
  // "with liger kernel", "flash attention kernels": the framework or setting is the word before
  'kernel', 'kernels',
  // "how much ram do i need ... on a mac": on a Mac the RAM is the GPU's memory (a size before it is read apart)
  'ram', 'unified',
  // a comparison reads as the cards it names ("is a 5090 better than a 4090 for ..."): two GPUs, said so
  'vs', 'vs.', 'versus', 'compare', 'compared', 'than', 'better',
]); // prettier-ignore

/**
 * Words naming jobs this bot does not size, with the reply each gets. Preference and reinforcement tuning:
 * their memory is not the SFT job's (a reference model: a second copy of the weights in full training, TRL
 * reuses the base under LoRA; pairs of sequences per example for DPO and its kin; generated completions for
 * PPO and GRPO). Image, video and speech models people ask about in the same breath.
 */
const NOT_SIZED = new Map<string, string>([
  ...['dpo', 'orpo', 'kto', 'simpo'].map((w) => [w, notModelled(w, 'a chosen and a rejected answer per example')]),
  ...['grpo', 'ppo', 'rlhf'].map((w) => [w, notModelled(w, 'generated completions')]),
  ...[
    'flux', 'flux.1', 'sdxl', 'sd3', 'sd3.5', 'sd1.5', 'stable-diffusion', 'comfyui', 'hidream', 'wan2.1',
    'wan2.2', 'hunyuanvideo', 'ltx-video', 'whisper', 'kokoro', 'bark', 'musicgen',
  ].map((w) => [w, `${w} is an image, video or speech model: this bot sizes language models (text and vision-language), for inference and fine-tuning`]),
  ...['bge', 'bge-m3', 'e5', 'nomic-embed-text', 'mxbai-embed-large'].map((w) => [
    w,
    `${w} is an encoder-only embedding model, not in the catalog (its embedders are qwen3-embedding-0.6b, 4b and 8b); most such models are under 1B parameters, 2-3 GiB in 16-bit`,
  ]),
] as [string, string][]); // prettier-ignore

function notModelled(word: string, extra: string): string {
  return `${word.toUpperCase()} is not modelled: it holds more than supervised fine-tuning (a reference model, ${extra}). The SFT job is its lower bound: ask for lora, qlora or full`;
}

/** "4 concurrent users", "8 parallel requests": that many sequences decoded at once (the batch). */
const CONCURRENCY_WORD = /^(users?|concurrent|parallel|requests?|streams?|sequences?)$/;

const MODE_WORDS = dict<Mode>({
  inference: 'inference', infer: 'inference', serve: 'inference', serving: 'inference', chat: 'inference',
  lora: 'lora', qlora: 'qlora',
  full: 'full', 'full-finetune': 'full', pretrain: 'full', pretraining: 'full', 'pre-training': 'full',
}); // prettier-ignore

/** Words that mean "some fine-tuning": full unless lora/qlora is also said ("finetune ... with qlora"). */
const TRAIN_WORDS = new Set([
  'train',
  'training',
  'finetune',
  'fine-tune',
  'finetuning',
  'fine-tuning',
  'ft',
  'sft',
]);

/** "two 3090s": small counts people spell out. */
const NUMBER_WORDS = dict<string>({
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  sixteen: '16',
  // "on a single 4090", "dual 3090s", "quad a100"
  single: '1',
  dual: '2',
  twin: '2',
  triple: '3',
  quad: '4',
  octa: '8',
  octo: '8',
});

const RUNTIME_WORDS = dict<Runtime>({
  transformers: 'transformers', hf: 'transformers', huggingface: 'transformers', pytorch: 'transformers', torch: 'transformers',
  vllm: 'vllm', sglang: 'sglang',
  'llama.cpp': 'llama.cpp', llamacpp: 'llama.cpp', 'llama-cpp': 'llama.cpp', 'llama-server': 'llama.cpp', lmstudio: 'llama.cpp', 'lm-studio': 'llama.cpp',
  ollama: 'ollama', exllamav2: 'exllamav2', exllama: 'exllamav2', exllamav3: 'exllamav2', tabbyapi: 'exllamav2', mlx: 'mlx', 'mlx-lm': 'mlx',
}); // prettier-ignore

const OPTIMIZER_WORDS = dict<Optimizer>({
  adamw: 'adamw', adam: 'adamw', adamw_torch: 'adamw', adamw8bit: 'adamw8bit', adamw_8bit: 'adamw8bit', 'adamw-8bit': 'adamw8bit',
  adam8bit: 'adamw8bit', adamw_bnb_8bit: 'adamw8bit', paged_adamw8bit: 'paged_adamw8bit', paged_adamw_8bit: 'paged_adamw8bit',
  'paged-adamw8bit': 'paged_adamw8bit', sgd: 'sgd', adafactor: 'adafactor',
}); // prettier-ignore

const TARGET_WORDS = dict<LoraTargets>({
  qv: 'qv', 'q,v': 'qv', q_v: 'qv', attn: 'attn', attention: 'attn', qkvo: 'attn', 'q,k,v,o': 'attn',
  all: 'all', 'all-linear': 'all', all_linear: 'all', linear: 'all',
}); // prettier-ignore

const ON_OFF = dict<boolean>({
  on: true,
  off: false,
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
});

const KEYS = [
  'model', 'format', 'quant', 'q', 'dtype', 'ctx', 'context', 'seq', 'seqlen', 'seq_len', 'len', 'n_ctx', 'num_ctx', 'max_model_len',
  'batch', 'bs', 'mode', 'kv', 'kv_cache', 'cache', 'runtime', 'engine', 'backend', 'rank', 'r', 'lora_rank', 'targets', 'target',
  'optimizer', 'optim', 'opt', 'gc', 'checkpointing', 'grad_checkpointing', 'gradient_checkpointing', 'accum', 'ga', 'grad_accum',
  'gradient_accumulation', 'fa', 'flash', 'flash_attn', 'flash_attention', 'gpu', 'gpus', 'exl2', 'precision', 'visibility',
  'framework', 'fw', 'loss', 'zero', 'strategy', 'optimizer_in_bwd', 'top', 'tp', 'tp_size', 'tensor_parallel_size',
]; // prettier-ignore
/** KEYS as a set: every word of a query is looked up in it. */
export const KEY_SET: ReadonlySet<string> = new Set(KEYS);

/** Uses a hardware-first question can narrow to ("best coding model for my 4090"). */
const USE_WORDS = dict<ModelUse>({
  coding: 'coding', code: 'coding', programming: 'coding',
  vision: 'vision', multimodal: 'vision', image: 'vision', images: 'vision',
  reasoning: 'reasoning', thinking: 'reasoning', math: 'reasoning',
  small: 'small', tiny: 'small', fast: 'small', lightweight: 'small',
  general: 'general',
}); // prettier-ignore

/** Family words ("qwen", "gemma"): the leading letters of catalog ids. */
const FAMILY_WORDS: ReadonlySet<string> = new Set(
  MODELS.map((m) => /^[a-z]+/.exec(m.id)?.[0] ?? '').filter((w) => w.length >= 3),
);

/** Multi-GPU training words. */
const PARALLEL_WORDS = dict<Parallelism>({
  ddp: 'ddp', fsdp: 'fsdp', zero1: 'zero1', 'zero-1': 'zero1', zero2: 'zero2', 'zero-2': 'zero2', zero3: 'zero3', 'zero-3': 'zero3',
}); // prettier-ignore

/** GPU names and chip families ("m3-max"), for a GPU's did-you-mean. */
const GPU_WORDS: readonly string[] = [...GPU_NAMES, ...GPU_FAMILY_NAMES];

/** Every bare word the language knows but GPU names, for did-you-mean (GPUs are guessed on their own). */
const BARE_VOCABULARY: readonly string[] = [
  ...MODEL_NAMES, ...FORMAT_WORDS, ...Object.keys(MODE_WORDS), ...TRAIN_WORDS, ...Object.keys(RUNTIME_WORDS),
  ...Object.keys(OPTIMIZER_WORDS), 'mixed', 'private', 'public', 'chart', ...Object.keys(FRAMEWORK_WORDS), 'liger',
  ...Object.keys(PARALLEL_WORDS),
]; // prettier-ignore

// ---------------------------------------------------------------- numbers

/** "8192", "8k", "8K", "128k", "1m", "1.5k" -> tokens (k = 1024, as contexts are counted). */
export function parseTokens(raw: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(raw);
  if (!m) throw new QueryError(`${what} must be a number of tokens like 8192 or 8k, not "${show(raw)}"`);
  const unit = m[2]!.toLowerCase() === 'k' ? 1024 : m[2]!.toLowerCase() === 'm' ? 1024 * 1024 : 1;
  const n = Math.round(Number(m[1]) * unit);
  return bounded(n, LIMITS.context, what);
}

function parseWhole(raw: string, b: { min: number; max: number }, what: string): number {
  if (!/^\d+$/.test(raw))
    throw new QueryError(`${what} must be a whole number from ${b.min} to ${b.max}, not "${show(raw)}"`);
  return bounded(Number(raw), b, what);
}

function bounded(n: number, b: { min: number; max: number }, what: string, whole = true): number {
  if (!(whole ? Number.isSafeInteger(n) : Number.isFinite(n)) || n < b.min || n > b.max) {
    throw new QueryError(
      `${what} must be between ${b.min.toLocaleString('en-US')} and ${b.max.toLocaleString('en-US')}`,
    );
  }
  return n;
}

// ---------------------------------------------------------------- words -> draft

function set<K extends keyof Draft>(d: Draft, key: K, value: Draft[K], word: string, what: string): void {
  const old = d[key];
  if (old !== undefined && old !== value) {
    throw new QueryError(`two ${what}s in one query: "${show(String(old))}" and "${show(word)}". Keep one.`);
  }
  d[key] = value;
}

function setModel(d: Draft, id: string, word: string): void {
  if (d.hubModel !== undefined) {
    throw new QueryError(
      `two models in one query: "${show(d.hubModel)}" and "${show(word)}". Ask about one at a time.`,
    );
  }
  if (d.model !== undefined && d.model !== id) {
    // "gemma 4 27b": a family's name, then a size it is not made in.
    const family = findModel(d.model)?.family;
    if (family && id.startsWith('size:')) {
      const sizes = MODELS.filter((m) => m.family === family).map((m) => m.id);
      throw new QueryError(
        `no ${family} model of ${show(word)}: it comes as ${sizes.slice(0, 8).join(', ')}${sizes.length > 8 ? ', ...' : ''}`,
      );
    }
    throw new QueryError(
      `two models in one query: "${show(d.modelWord ?? d.model ?? '')}" and "${show(word)}". Ask about one at a time.`,
    );
  }
  d.model = id;
  d.modelWord = word;
  // A GGUF repository's name ("unsloth/Qwen3-30B-A3B-GGUF") holds GGUF files, not the 16-bit checkpoint.
  if (d.ggufFile === undefined && /-gguf$/i.test(word)) d.ggufFile = 'repo';
}

/**
 * A word with a slash: a catalog name if the catalog knows it (`meta-llama/Llama-3.1-8B-Instruct`), else a
 * Hugging Face id, validated before anything else sees it. `cased` is the word as typed.
 */
function applyHubWord(d: Draft, cased: string): void {
  const catalog = isGgufWord(cased) ? undefined : findModel(cased);
  if (catalog) return setModel(d, catalog.id, cased);
  let text: string;
  try {
    text = parseHubRef(cased).text;
  } catch (err) {
    if (err instanceof HubRefError) throw new QueryError(err.message);
    throw err;
  }
  if (d.model !== undefined || (d.hubModel !== undefined && d.hubModel !== text)) {
    throw new QueryError(
      `two models in one query: "${show(d.hubModel ?? d.modelWord ?? d.model ?? '')}" and "${show(text)}". Ask about one at a time.`,
    );
  }
  d.hubModel = text;
}

/** Apply a format word; returns false if the word is not a format. */
function applyFormat(d: Draft, word: string): boolean {
  if (word === 'mixed') {
    d.mixed = true;
    return true;
  }
  if (word === 'bf16' || word === 'fp16' || word === 'fp32') {
    set(d, 'floatWord', word, word, 'precision');
    return true;
  }
  const g = findGenericFormat(word);
  if (g) {
    set(d, 'generic', g, word, 'weight format');
    return true;
  }
  const f = findFormat(word);
  if (f) {
    set(d, 'format', f.id, word, 'weight format');
    return true;
  }
  return false;
}

const BITS_PER_WEIGHT = /^(\d+(?:\.\d+)?)(bpw)?$/;

/** Speed words: every answer already gives each card's decode ceiling. */
const SPEED_WORDS = new Set([
  'tok/s', 'tokens/s', 't/s', 'tk/s', 'tok/sec', 'tokens/sec', 'tps', 'speed', 'fast', 'faster', 'throughput',
]); // prettier-ignore
const MOST = new Set(['max', 'maximum', 'longest', 'most', 'biggest', 'largest']);
const CONTEXT_NOUN = new Set(['context', 'ctx', 'context-length', 'context_length']);

/**
 * Words asking for what every answer shows anyway: each card's longest context ("max context", "longest
 * context length") and decode speed ("tok/s", "tokens per second", "how fast"). Returns the words to skip.
 */
function shownAnyway(w: readonly string[], i: number): number {
  const word = w[i]!;
  if (SPEED_WORDS.has(word)) return 1;
  if (word === 'tokens' && w[i + 1] === 'per' && /^(second|sec|s)$/.test(w[i + 2] ?? '')) return 3;
  if (!MOST.has(word) || !CONTEXT_NOUN.has(w[i + 1] ?? '')) return 0;
  let n = 2;
  if (/^(length|window|size)$/.test(w[i + n] ?? '')) n++;
  // "max context 32k" names a length: leave "context 32k" to be read as one.
  return /^\d/.test(w[i + n] ?? '') ? 1 : n;
}

const KV_NOUN = new Set(['kv', 'kv-cache', 'kv_cache', 'kvcache']);

/**
 * The KV cache in words ("q8 kv cache", "kv cache q8_0", "fp8 kv-cache", "q4 cache") as kv=<type>; "kv cache"
 * with no type names nothing ("how much kv cache for ..."). Returns the words used.
 */
function kvWords(d: Draft, w: readonly string[], i: number): number {
  const word = w[i]!;
  const next = w[i + 1];
  if (KV_NOUN.has(word)) {
    const noun = next === 'cache' ? 2 : 1;
    const value = w[i + noun];
    if (value === undefined || findKvType(value) === undefined) return noun;
    applyKey(d, 'kv', value);
    return noun + 1;
  }
  // A type before the noun: only looked up when a noun follows (this runs for every word).
  if (next === undefined || !(KV_NOUN.has(next) || next === 'cache') || findKvType(word) === undefined)
    return 0;
  applyKey(d, 'kv', word);
  return 2 + (KV_NOUN.has(next) && w[i + 2] === 'cache' ? 1 : 0);
}

/**
 * EXL2's bits per weight said in words ("exl2 4.65", "exl2 4.65bpw", "4.65bpw exl2", "4.65 bpw"), as
 * exl2=4.65; "exl2" alone is the ExLlamaV2 runtime (its usual 4.0 bpw is then assumed). Returns the words used.
 */
function exl2Words(d: Draft, w: readonly string[], i: number): number {
  const word = w[i]!;
  const next = w[i + 1];
  if (word === 'exl2') {
    const bits = next !== undefined ? BITS_PER_WEIGHT.exec(next) : null;
    if (!bits) {
      applyKey(d, 'runtime', 'exllamav2');
      return 1;
    }
    applyExl2(d, bits[1]!);
    return 2 + (!bits[2] && w[i + 2] === 'bpw' ? 1 : 0);
  }
  const bits = BITS_PER_WEIGHT.exec(word);
  if (!bits) return 0;
  const used = bits[2] ? 1 : next === 'bpw' ? 2 : 0;
  if (used === 0) return 0;
  applyExl2(d, bits[1]!);
  return used + (w[i + used] === 'exl2' ? 1 : 0);
}

function applyExl2(d: Draft, raw: string): void {
  const bits = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || bits < LIMITS.exl2Bits.min || bits > LIMITS.exl2Bits.max) {
    throw new QueryError(
      `exl2= takes bits per weight from ${LIMITS.exl2Bits.min} to ${LIMITS.exl2Bits.max}, e.g. exl2=4.5`,
    );
  }
  set(d, 'format', exl2Format(bits).id, `exl2=${raw}`, 'weight format');
}

function applyKey(d: Draft, key: string, value: string, cased = value): void {
  const v = value.toLowerCase();
  switch (key) {
    case 'model': {
      if (isHubWord(v)) return applyHubWord(d, cased);
      const m = resolveModel(v);
      if (!m) throw unknown(value, MODEL_NAMES, 'model');
      return setModel(d, m, value);
    }
    case 'format':
    case 'quant':
    case 'q':
    case 'dtype':
    case 'precision':
      if (v.startsWith('exl2=')) return applyExl2(d, v.slice(5));
      if (!applyFormat(d, v)) throw unknown(value, FORMAT_WORDS, 'weight format');
      return;
    case 'exl2':
      return applyExl2(d, v);
    case 'ctx':
    case 'context':
    case 'seq':
    case 'seqlen':
    case 'seq_len':
    case 'len':
    case 'n_ctx':
    case 'num_ctx':
    case 'max_model_len':
      return set(
        d,
        'context',
        parseTokens(v, key === 'seq' || key.startsWith('seq') ? 'seq' : 'ctx'),
        value,
        'context length',
      );
    case 'batch':
    case 'bs':
      return set(d, 'batch', parseWhole(v, LIMITS.batch, 'batch'), value, 'batch size');
    case 'mode': {
      const m = MODE_WORDS[v] ?? (TRAIN_WORDS.has(v) ? 'full' : undefined);
      if (!m) throw unknown(value, Object.keys(MODE_WORDS), 'mode');
      return set(d, 'mode', m, value, 'mode');
    }
    case 'kv':
    case 'kv_cache':
    case 'cache': {
      const k = findKvType(v);
      if (!k) throw new QueryError(`kv= takes one of ${KV_TYPES.join(', ')}, not "${show(value)}"`);
      return set(d, 'kvType', k, value, 'KV cache type');
    }
    case 'runtime':
    case 'engine':
    case 'backend': {
      const r = RUNTIME_WORDS[v];
      if (!r) throw new QueryError(`runtime= takes one of ${RUNTIMES.join(', ')}, not "${show(value)}"`);
      return set(d, 'runtime', r, value, 'runtime');
    }
    case 'rank':
    case 'r':
    case 'lora_rank':
      return set(d, 'rank', parseWhole(v, LIMITS.rank, 'rank'), value, 'LoRA rank');
    case 'targets':
    case 'target': {
      const t = TARGET_WORDS[v];
      if (!t) throw new QueryError(`targets= takes one of ${TARGETS.join(', ')}, not "${show(value)}"`);
      return set(d, 'targets', t, value, 'LoRA target set');
    }
    case 'optimizer':
    case 'optim':
    case 'opt': {
      const o = OPTIMIZER_WORDS[v];
      if (!o) throw new QueryError(`optimizer= takes one of ${OPTIMIZERS.join(', ')}, not "${show(value)}"`);
      return set(d, 'optimizer', o, value, 'optimizer');
    }
    case 'top':
      return set(d, 'top', parseWhole(v, { min: 1, max: 50 }, 'top'), value, 'list length');
    case 'optimizer_in_bwd': {
      const b = ON_OFF[v];
      if (b === undefined) throw new QueryError(`optimizer_in_bwd= takes on or off, not "${show(value)}"`);
      return set(d, 'stepInBackward', b, value, 'optimizer_in_bwd setting');
    }
    case 'framework':
    case 'fw': {
      const f = FRAMEWORK_WORDS[v];
      if (!f) throw new QueryError(`framework= takes one of ${FRAMEWORKS.join(', ')}, not "${show(value)}"`);
      return set(d, 'framework', f, value, 'framework');
    }
    case 'loss': {
      const l = LOSS_WORDS[v];
      if (!l) throw new QueryError(`loss= takes one of ${LOSSES.join(', ')}, not "${show(value)}"`);
      return set(d, 'loss', l, value, 'loss');
    }
    case 'zero': {
      const z = PARALLEL_WORDS[`zero${v}`];
      if (!z) throw new QueryError(`zero= takes 1, 2 or 3 (DeepSpeed ZeRO stage), not "${show(value)}"`);
      return set(d, 'parallelism', z, value, 'multi-GPU strategy');
    }
    case 'strategy': {
      const p = PARALLEL_WORDS[v];
      if (!p) throw new QueryError(`strategy= takes ddp, fsdp, zero1, zero2 or zero3, not "${show(value)}"`);
      return set(d, 'parallelism', p, value, 'multi-GPU strategy');
    }
    case 'gc':
    case 'checkpointing':
    case 'grad_checkpointing':
    case 'gradient_checkpointing': {
      if (v === 'offload' || v === 'unsloth') {
        set(d, 'gradientCheckpointing', true, value, 'gradient checkpointing setting');
        d.gcOffload = true;
        return;
      }
      const b = ON_OFF[v];
      if (b === undefined) throw new QueryError(`gc= takes on, off or offload, not "${show(value)}"`);
      return set(d, 'gradientCheckpointing', b, value, 'gradient checkpointing setting');
    }
    case 'fa':
    case 'flash':
    case 'flash_attn':
    case 'flash_attention': {
      const b = ON_OFF[v];
      if (b === undefined) throw new QueryError(`fa= takes on or off, not "${show(value)}"`);
      return set(d, 'flashAttention', b, value, 'flash attention setting');
    }
    case 'accum':
    case 'ga':
    case 'grad_accum':
    case 'gradient_accumulation':
      return set(
        d,
        'accumulation',
        parseWhole(v, LIMITS.accumulation, 'accum'),
        value,
        'gradient accumulation',
      );
    // vLLM's --tensor-parallel-size: the cards one copy of the model is split over.
    case 'tp':
    case 'tp_size':
    case 'tensor_parallel_size':
      return set(d, 'gpuCount', parseWhole(v, LIMITS.gpuCount, key), value, 'GPU count');
    case 'gpu':
    case 'gpus': {
      // gpu=4090 names a card; gpus=4 (or gpu=4 when no card is called that) is a count.
      if (/^\d+$/.test(v) && !(key === 'gpu' && findGpu(v)))
        return set(d, 'gpuCount', parseWhole(v, LIMITS.gpuCount, 'gpus'), value, 'GPU count');
      if (!applyGpu(d, v)) throw unknown(value, GPU_NAMES, 'GPU');
      return;
    }
    case 'visibility':
      if (v !== 'public' && v !== 'private') throw new QueryError('visibility= takes public or private');
      return set(d, 'visibility', v, value, 'visibility');
    default:
      throw unknown(
        `${key}=`,
        KEYS.map((k) => `${k}=`),
        'setting',
      );
  }
}

/** "2x3090", "2x-rtx-4090", "4090", "h100"; returns false if the word names no GPU. */
/**
 * The hardware focus. A Mac product and an Apple chip in one question ("my macbook pro m4 max") are one
 * machine: the chip (or the chip's size) is the more specific, so it stays.
 */
function setHardware(d: Draft, id: string, word: string): void {
  if (d.gpu !== undefined && d.gpu !== id) {
    const product = (w: string) => macProduct(w.replace(/-\d+(\.\d+)?gb$/, '')) !== undefined;
    const apple = (w: string) => {
      const hw = resolveHardware(w);
      return hw !== undefined && (hw.kind === 'one' ? hw.gpu : hw.options[0]!).vendor === 'Apple';
    };
    if (product(d.gpu) && apple(id) && !product(id)) {
      d.gpu = id;
      return;
    }
    if (product(id) && apple(d.gpu)) {
      // "m4 max macbook pro 64gb": the product's size picks the chip's configuration.
      const gb = /-(\d+(?:\.\d+)?)gb$/.exec(id)?.[1];
      if (gb) d.gpu = sizedHardware(d.gpu, Number(gb)) ?? d.gpu;
      return;
    }
  }
  set(d, 'gpu', id, word, 'GPU');
}

function applyGpu(d: Draft, word: string): boolean {
  const m = /^(\d+)\s*[x×*]\s*-?(.+)$/.exec(word);
  if (m) {
    const id = hardwareWord(m[2]!);
    if (!id) return false;
    setHardware(d, id, word);
    set(d, 'gpuCount', parseWhole(m[1]!, LIMITS.gpuCount, 'GPU count'), word, 'GPU count');
    return true;
  }
  const id = hardwareWord(word);
  if (!id) return false;
  setHardware(d, id, word);
  return true;
}

/** Words for "the machine is a laptop": its GeForce is the laptop part, with other memory and bandwidth. */
const LAPTOP_WORDS = new Set(['laptop', 'notebook', 'laptops', 'notebooks']);

/**
 * A laptop was said apart from the card's name: the card named is its laptop part when the catalog has one
 * (a "4090 laptop" has 16 GB, not 24); a Mac, a size or a card with no laptop part stays as named. A laptop
 * with no card named cannot be sized.
 */
function laptopPart(d: Draft): void {
  if (d.gpu === undefined)
    throw new QueryError(
      'which GPU does the laptop have? Name it: "on a 4060 laptop", "on a 16gb laptop gpu", or a Mac: "on a macbook m4 pro 24gb"',
    );
  // The desktop card's memory size is not the laptop part's ("rtx-3080-10gb" -> "rtx-3080-laptop").
  const card = d.gpu.replace(/-\d+gb$/, '');
  d.gpu = findGpu(`${card}-laptop`)?.id ?? d.gpu;
}

/** The canonical hardware word for `word`: a catalog GPU's id, or a chip / product / generic device word. */
function hardwareWord(word: string): string | undefined {
  const gpu = findGpu(word);
  if (gpu) return gpu.id;
  const key = word.toLowerCase().replace(/[\s_]+/g, '-');
  if (resolveHardware(key)) return key;
  // People pluralize the card: "how many 4090s", "h100s" (a name ending in s, "l40s", was found above).
  if (/\ds$/.test(word)) return findGpu(word.slice(0, -1))?.id;
  // The product line before the model ("radeon 7900 xtx", "geforce 4090"), a "+" in a product name
  // ("ryzen ai max+ 395"): the name without them.
  const bare = key.replace(/^(radeon|geforce)-/, '').replace(/\+/g, '');
  if (bare === key) return undefined;
  return findGpu(bare)?.id ?? (resolveHardware(bare) ? bare : undefined);
}

function resolveModel(word: string): string | undefined {
  const m = findModel(word);
  if (m) return m.id;
  const size = parseSize(word);
  if (size !== undefined) {
    bounded(size, LIMITS.paramsB, 'model size in billions', false);
    return sizeModelId(size);
  }
  return undefined;
}

function unknown(word: string, candidates: readonly string[], what: string): QueryError {
  const guess = nearest(word, candidates);
  const hint = guess ? ` Did you mean "${show(guess)}"?` : '';
  return new QueryError(`unknown ${what} "${show(word)}".${hint}`);
}

const MAX_SPAN = 5;

/** Split a chat line into lower-case words; `key = value` and `key: value` are glued back into `key=value`. */
export function words(text: string): string[] {
  return split(text.toLowerCase());
}

const FINE = /fine/i;
const NON_ASCII = /[\u0080-\uffff]/;
/** Space around an "=" (the rewrite below would only turn "=" into "=" without it). */
const SPACED_EQUALS = /\s=|=\s/;
/** Whitespace other than one plain space between words. */
const ODD_SPACING = /[^\S ]| {2}/;

/**
 * The same split without lower-casing (case-insensitive rules), so word i of both lists is the same word.
 * Each rewrite runs only when the character it needs is in the text: most queries have no comma or colon.
 */
function split(text: string): string[] {
  let t = text;
  if (FINE.test(t)) t = t.replace(/\bfine[\s-]+tun(e|ing|ed)\b/gi, 'fine-tun$1'); // "fine tune" is one word
  if (t.includes(',')) t = t.replace(/(\d),(\d{3})\b/g, '$1$2'); // 8,192 -> 8192
  t = t.replace(/[?!,;()]+/g, ' ');
  if (SPACED_EQUALS.test(t)) t = t.replace(/\s*=\s*/g, '=');
  // "ctx: 8192" is a setting; "quick question: ..." is a colon in a sentence.
  if (t.includes(':'))
    t = t.replace(/\b([a-z_]+):\s+/gi, (_all, key: string) =>
      KEY_SET.has(key.toLowerCase()) ? `${key}=` : `${key} `,
    );
  t = t.trim();
  if (!t) return [];
  // Words apart by single spaces, the usual case, split without the regular expression.
  return ODD_SPACING.test(t) ? t.split(/\s+/) : t.split(' ');
}

/**
 * The words of `text` lower-cased, and as typed. In ASCII, lower-casing changes only A-Z, which every rule
 * of split treats alike in either case, so one split serves both; other text is split twice.
 */
function wordsAndCased(text: string): { w: string[]; cased: string[] } {
  const cased = split(text);
  if (!NON_ASCII.test(text)) return { w: cased.map((x) => x.toLowerCase()), cased };
  return { w: words(text), cased };
}

export function parseDraft(text: string): Draft {
  if (text.length > LIMITS.queryLength) {
    throw new QueryError(`the query is ${text.length} characters long; keep it under ${LIMITS.queryLength}`);
  }
  // Hugging Face ids keep their case (file names in a repo are case-sensitive).
  const { w, cased } = wordsAndCased(text);
  const d: Draft = {};
  let afterOn = false;
  let laptop = false;
  for (let i = 0; i < w.length;) {
    const word = w[i]!;
    const next = w[i + 1];

    if (word === 'on') afterOn = true;
    // "on my laptop 4060": the laptop word apart from the card's name (right after it, "4060 laptop" is a name).
    if (LAPTOP_WORDS.has(word)) {
      laptop = true;
      i++;
      continue;
    }
    // "ai" is filler ("an ai model") except as the first word of AMD's "AI Max" chips ("on ai max+ 395").
    if (FILLER.has(word) && !(word === 'ai' && /^max\+?$/.test(next ?? ''))) {
      i++;
      continue;
    }
    const notSized = NOT_SIZED.get(word);
    if (notSized) throw new QueryError(notSized);

    // key=value
    const eq = word.indexOf('=');
    if (eq > 0) {
      applyKey(d, word.slice(0, eq), word.slice(eq + 1), cased[i]?.slice(eq + 1));
      i++;
      continue;
    }

    // "tensor parallel 2": vLLM's --tensor-parallel-size, the cards the model is split over.
    if (word === 'tensor' && /^parallel(ism)?$/.test(next ?? '') && /^\d+$/.test(w[i + 2] ?? '')) {
      applyKey(d, 'tp', w[i + 2]!);
      i += 3;
      continue;
    }
    const shown = shownAnyway(w, i);
    if (shown > 0) {
      i += shown;
      continue;
    }
    const kv = kvWords(d, w, i);
    if (kv > 0) {
      i += kv;
      continue;
    }
    const exl2 = exl2Words(d, w, i);
    if (exl2 > 0) {
      i += exl2;
      continue;
    }

    // owner/name: the catalog if it knows the name, else a Hugging Face id.
    if (isHubWord(word)) {
      applyHubWord(d, cased[i] ?? word);
      i++;
      continue;
    }

    // An Ollama tag: `qwen2.5:14b`, `llama3.1:8b-instruct-q8_0`, `gemma3:27b-it-qat`.
    if (word.includes(':') && OLLAMA_TAG.test(word)) {
      applyOllamaTag(d, word);
      i++;
      continue;
    }

    // A file or repo name with its quantization: `Qwen3-30B-A3B-Instruct-2507-Q4_K_M.gguf`, `qwen3-8b-awq`.
    if (applyQuantName(d, word)) {
      i++;
      continue;
    }

    // "ctx 8k", "context 8192", "batch 4", "rank 16", "seq 2048", "kv q8_0", "runtime vllm", "gpus 4"
    if (next !== undefined && KEY_SET.has(word) && !MODE_WORDS[word] && isValueFor(word, next)) {
      applyKey(d, word, next, cased[i + 1]);
      i += 2;
      continue;
    }
    // "what gpu do i need": the word alone asks about hardware and names none.
    if (word === 'gpu' || word === 'gpus') {
      i++;
      continue;
    }

    // "24gb gpu", "a 16 gb card", "48gb mac", "m3 max 36gb", "64gb ram"
    const memory = memoryAt(w, i);
    if (memory) {
      i += applyMemory(d, w, i + memory.used, memory.gb) + memory.used;
      continue;
    }

    // "8k context", "8192 tokens", "4 gpus", "2 x 3090", "4 bit"
    if (next !== undefined && startsWithDigit(word) && /^\d+(\.\d+)?[km]?$/.test(word)) {
      if (/^bits?$/.test(next) && findGenericFormat(`${word}bit`)) {
        applyFormat(d, `${word}bit`);
        i += 2;
        continue;
      }
      // Not when a length follows the word: "on 4090 seq 8k" is a card, then "seq 8k".
      const after = w[i + 2];
      const lengthFollows = after !== undefined && /^\d+(\.\d+)?[km]?$/.test(after);
      if (/^(context|ctx|tokens?|token-context|seq|sequence)$/.test(next) && !lengthFollows) {
        set(d, 'context', parseTokens(word, 'ctx'), word, 'context length');
        i += 2;
        continue;
      }
      if (CONCURRENCY_WORD.test(next) && /^\d+$/.test(word)) {
        set(d, 'batch', parseWhole(word, LIMITS.batch, 'batch'), word, 'batch size');
        let used = 2;
        while (CONCURRENCY_WORD.test(w[i + used] ?? '')) used++;
        i += used;
        continue;
      }
      if (/^(gpus?|cards?|x)$/.test(next) && /^\d+$/.test(word)) {
        const used = next === 'x' ? countedGpu(d, word, w, i + 2) : 0;
        if (used > 0) {
          i += 2 + used;
          continue;
        }
        if (next !== 'x') {
          set(d, 'gpuCount', parseWhole(word, LIMITS.gpuCount, 'GPU count'), word, 'GPU count');
          i += 2;
          continue;
        }
      }
    }

    // "8x h100", "2x rtx 4090", "two 3090s", "4 h100s": a count, then the GPU's name in one or more words.
    // (The pattern needs a leading digit: other words skip it.)
    const count = (startsWithDigit(word) ? /^(\d+)[x×]?$/.exec(word)?.[1] : undefined) ?? NUMBER_WORDS[word];
    if (count !== undefined && next !== undefined) {
      const used = countedGpu(d, count, w, i + 1);
      if (used > 0) {
        i += 1 + used;
        continue;
      }
      // "a single 48gb card": one card is what a size means anyway.
      if (word === 'single') {
        i++;
        continue;
      }
    }

    // Multi-word names, longest first: "llama 3.1 8b", "m2 ultra 192gb", "rtx 4090".
    const span = matchSpan(w, i, afterOn);
    if (span) {
      if (span.kind === 'model') setModel(d, span.id, span.text);
      else {
        if (!applyGpu(d, span.id)) throw unknown(span.text, GPU_NAMES, 'GPU');
      }
      i += span.length;
      continue;
    }

    // "at least q5": the lowest format a hardware-first list accepts.
    if ((word === 'least' || word === 'min') && next !== undefined && findFormat(next)) {
      set(d, 'floor', findFormat(next)!.id, next, 'format floor');
      i += 2;
      continue;
    }
    if (applySingle(d, word, afterOn, next)) {
      i++;
      continue;
    }
    const use = USE_WORDS[word];
    if (use) {
      set(d, 'use', use, word, 'use');
      i++;
      continue;
    }
    if (FAMILY_WORDS.has(word)) {
      set(d, 'family', word, word, 'model family');
      i++;
      continue;
    }
    throw unknownWord(w, i, afterOn);
  }
  if (laptop) laptopPart(d);
  // "macbook pro with 48gb ram": the RAM word gave the Mac's size.
  if (d.ramGb !== undefined && d.gpu !== undefined) {
    const hw = resolveHardware(d.gpu);
    if (hw?.kind === 'sizes') {
      const sized = sizedHardware(d.gpu, d.ramGb);
      if (!sized)
        throw new QueryError(
          `${hw.label} comes with ${hw.options.map((o) => o.memoryGiB).join(', ')} GB, not ${d.ramGb} GB`,
        );
      d.gpu = sized;
      delete d.ramGb;
    } else if (hw?.kind === 'one' && hw.gpu.kind === 'unified') delete d.ramGb;
  }
  return d;
}

/** The hardware word names Apple silicon (a chip, a configuration, a Mac product or a generic Mac). */
function isMac(gpu: string): boolean {
  const hw = resolveHardware(gpu);
  if (!hw) return false;
  return (hw.kind === 'one' ? hw.gpu : hw.options[0]!).vendor === 'Apple';
}

// ---------------------------------------------------------------- Ollama tags

const OLLAMA_TAG = /^[a-z][a-z0-9._-]*:[a-z0-9._-]+$/;
/** Tag parts that name a variant of the same weights, not a different model. */
const TAG_VARIANTS = new Set([
  'instruct',
  'it',
  'chat',
  'text',
  'base',
  'latest',
  'thinking',
  'think',
  'vision',
]);

/**
 * `name:tag` as Ollama's library writes it. The tag holds a size (`14b`, `30b-a3b`, `e4b`), variant words
 * (`instruct`, `it`) and a quantization (`q8_0`, `q4_K_M`, `fp16`, `qat`); without one, Ollama serves its
 * library default (q4_k_m for most models; see ModelSpec.ollamaFormat).
 */
function applyOllamaTag(d: Draft, word: string): void {
  const colon = word.indexOf(':');
  const name = word.slice(0, colon);
  const tag = word.slice(colon + 1);
  // `ctx:8k` is a setting written with a colon.
  if (KEY_SET.has(name)) return applyKey(d, name, tag);
  const parts = tag.split('-');
  const kept: string[] = [];
  for (const part of parts) {
    if (part === 'qat') {
      // Gemma's quantization-aware-trained tags are Q4_0 files.
      setTagFormat(d, 'q4_0', word);
      continue;
    }
    const f =
      part === 'fp16' ? findFormat('f16') : part === 'bf16' ? findFormat('bf16-gguf') : findFormat(part);
    if (f && f.family !== 'float') {
      setTagFormat(d, f.id, word);
      continue;
    }
    if (f) {
      setTagFormat(d, f.id === 'fp32' ? 'fp32' : f.id, word);
      continue;
    }
    kept.push(part);
  }
  // Longest match first: `qwen3:30b-a3b-instruct-2507`, then shorter, then the library's default size.
  const sized = kept.filter((p) => !TAG_VARIANTS.has(p));
  for (let n = sized.length; n >= 0; n--) {
    const candidate = n > 0 ? `${name}:${sized.slice(0, n).join('-')}` : name;
    const m = findModel(candidate);
    if (m) {
      setModel(d, m.id, word);
      d.ollamaTag = word;
      return;
    }
  }
  throw unknown(name, MODEL_NAMES, 'model');
}

function setTagFormat(d: Draft, format: string, word: string): void {
  if (d.tagFormat !== undefined && d.tagFormat !== format)
    throw new QueryError(`the tag "${show(word)}" names two quantizations`);
  d.tagFormat = format;
}

// ---------------------------------------------------------------- names with a quantization

const QUANT_SUFFIX =
  /^(.+?)[-_.]((?:ud-)?i?q\d(?:_[a-z0-9]+)*|bf16|f16|fp16|f32|fp8|mxfp4|nvfp4|awq|gptq(?:-int[48])?|int[48]|(?:mlx-)?[48]-?bit)$/;

/**
 * A catalog model's file or repo name carrying its quantization, as LM Studio and GGUF repos write them
 * (`Qwen3-8B-Q4_K_M.gguf`, `gemma-3-27b-it-Q5_K_M`, `Qwen3-8B-AWQ`): the model and the format. GGUF files
 * are llama.cpp's; a float type in a .gguf name is the GGUF float.
 */
function applyQuantName(d: Draft, word: string): boolean {
  const gguf = /\.gguf$/.test(word);
  const m = QUANT_SUFFIX.exec(gguf ? word.slice(0, -5) : word);
  if (!m) return false;
  const model = findModel(m[1]!);
  if (!model) return false;
  let quant = m[2]!.replace(/^ud-/, '');
  if (gguf && (quant === 'bf16' || quant === 'f16' || quant === 'fp16' || quant === 'f32'))
    quant = quant === 'bf16' ? 'bf16-gguf' : quant === 'f32' ? 'fp32' : 'f16';
  if (quant.startsWith('mlx-')) quant = quant === 'mlx-4bit' || quant === 'mlx-4-bit' ? 'mlx4' : 'mlx8';
  if (!findFormat(quant) && !findGenericFormat(quant)) return false;
  setModel(d, model.id, word);
  applyFormat(d, quant);
  if (gguf) d.ggufFile = 'file';
  return true;
}

// ---------------------------------------------------------------- memory words

/** "24gb", "24-gb", "24gib", "24 gb": a memory size in GB at word i, and how many words it took. */
function memoryAt(w: readonly string[], i: number): { gb: number; used: number } | undefined {
  // Both forms start with a digit.
  if (!startsWithDigit(w[i]!)) return undefined;
  // "24gb", "24g", "24gig", "8 gig card", "12 gigs", "16 gigabytes"
  const one = /^(\d+(?:\.\d+)?)-?(gb|gib|g|gigs?|gigabytes?)$/.exec(w[i]!);
  if (one) return { gb: Number(one[1]), used: 1 };
  if (/^\d+(\.\d+)?$/.test(w[i]!) && /^(gb|gib|gigs?|gigabytes?)$/.test(w[i + 1] ?? ''))
    return { gb: Number(w[i]), used: 2 };
  return undefined;
}

const DEVICE_WORDS = new Set(['gpu', 'gpus', 'card', 'vram', 'graphics']);
const RAM_WORDS = new Set(['ram', 'memory', 'unified', 'system']);

/**
 * A memory size: the size of the hardware already named ("m3 max 36gb", "rtx 3060 8gb"), of the Mac product
 * after it ("48gb macbook pro"), RAM ("64gb ram"), or a generic device ("24gb gpu", "a 16gb card").
 * Returns the words after the size that it used.
 */
function applyMemory(d: Draft, w: readonly string[], at: number, gb: number): number {
  if (!(gb >= 1 && gb <= 2048))
    throw new QueryError(`a memory size must be between 1 and 2,048 GB, not ${gb} GB`);
  let used = 0;
  while (w[at + used] === 'of') used++;
  const next = w[at + used];
  // Mac product after the size: "48gb macbook pro", "a 64gb mac studio".
  for (let n = 2; n >= 1; n--) {
    const joined = w.slice(at + used, at + used + n).join('-');
    if (n <= w.length - at - used && macProduct(joined)) {
      setHardware(d, `${joined}-${gb}gb`, `${gb}gb ${joined}`);
      return used + n;
    }
  }
  if (next !== undefined && RAM_WORDS.has(next)) {
    d.ramGb = gb;
    let n = used + 1;
    while (w[at + n] !== undefined && RAM_WORDS.has(w[at + n]!)) n++;
    return n;
  }
  const device = next !== undefined && DEVICE_WORDS.has(next);
  if (d.gpu !== undefined && !device) {
    const sized = sizedHardware(d.gpu, gb);
    if (!sized) {
      const hw = resolveHardware(d.gpu);
      const sizes =
        hw?.kind === 'sizes' ? ` (it comes with ${hw.options.map((o) => o.memoryGiB).join(', ')} GB)` : '';
      throw new QueryError(`"${show(d.gpu)}" does not come with ${gb} GB${sizes}`);
    }
    d.gpu = sized;
    return used;
  }
  set(d, 'gpu', `gpu-${gb}gb`, `${gb}gb`, 'GPU');
  return device ? used + 1 : used;
}

/** A GPU named by the words from `start` on (longest first), counted `count` times; returns the words used. */
function countedGpu(d: Draft, count: string, w: readonly string[], start: number): number {
  for (let n = Math.min(4, w.length - start); n >= 1; n--) {
    const parts = w.slice(start, start + n);
    if (parts.some((p) => p.includes('=') || FILLER.has(p))) continue;
    // People pluralize the card: "3090s", "h100s".
    const name = [parts.join('-'), parts.join('-').replace(/s$/, '')].find((x) => hardwareWord(x));
    if (name) {
      applyGpu(d, `${count}x${name}`);
      return n;
    }
  }
  return 0;
}

/** The word starts with an ASCII digit, as `\d` matches. */
function startsWithDigit(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function isValueFor(key: string, value: string): boolean {
  if (value.includes('=')) return false;
  if (['ctx', 'context', 'seq', 'seqlen', 'len', 'n_ctx', 'num_ctx'].includes(key))
    return /^\d+(\.\d+)?[km]?$/.test(value);
  if (['batch', 'bs', 'rank', 'r', 'accum', 'ga', 'gpus', 'tp'].includes(key)) return /^\d+$/.test(value);
  if (key === 'kv' || key === 'cache') return findKvType(value) !== undefined;
  if (key === 'runtime' || key === 'engine' || key === 'backend') return RUNTIME_WORDS[value] !== undefined;
  if (key === 'gc' || key === 'fa')
    return ON_OFF[value] !== undefined || (key === 'gc' && value === 'offload');
  if (key === 'gpu') return hardwareWord(value) !== undefined || /^\d+x/.test(value);
  if (key === 'optimizer' || key === 'optim') return OPTIMIZER_WORDS[value] !== undefined;
  if (key === 'targets') return TARGET_WORDS[value] !== undefined;
  if (key === 'framework') return FRAMEWORK_WORDS[value] !== undefined;
  if (key === 'loss') return LOSS_WORDS[value] !== undefined;
  if (key === 'zero') return /^[123]$/.test(value);
  if (key === 'top') return /^\d+$/.test(value);
  if (key === 'model') return true;
  return false;
}

interface Span {
  kind: 'model' | 'gpu';
  id: string;
  text: string;
  length: number;
}

/** The longest run of words starting at i that names a model or (after "on") a GPU. */
/** The leading letters of a word ("llama3.1:8b" -> "llama"), or the word itself if it has none ("4090"). */
function head(word: string): string {
  let n = 0;
  while (n < word.length && isLowerAscii(word.charCodeAt(n))) n++;
  return n > 0 ? word.slice(0, n) : word;
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** First words that can start a multi-word model or GPU name: other words skip the longer spans. */
const NAME_HEADS = new Set(
  [...MODEL_NAMES, ...GPU_NAMES, 'mac', 'macbook', 'imac'].map((n) =>
    head(n.toLowerCase().split(/[-_/:\s]/)[0]!),
  ),
);

/** A word that is certainly not part of a model or GPU name: a setting, a format, a filler, a length. */
function endsName(word: string): boolean {
  return (
    word.includes('=') ||
    // "a" and "ai" are filler but also words of names ("command a", "ryzen ai max+ 395"): the longest match
    // decides.
    (FILLER.has(word) && word !== 'a' && word !== 'ai') ||
    /^\d+(\.\d+)?k$/.test(word) ||
    /^(context|ctx|tokens?|seq|gpus?)$/.test(word) ||
    MODE_WORDS[word] !== undefined ||
    TRAIN_WORDS.has(word) ||
    RUNTIME_WORDS[word] !== undefined ||
    findFormat(word) !== undefined ||
    findGenericFormat(word) !== undefined
  );
}

function matchSpan(w: string[], i: number, afterOn: boolean): Span | undefined {
  let longest = 1;
  if (NAME_HEADS.has(head(w[i]!))) {
    while (longest < MAX_SPAN && i + longest < w.length && !endsName(w[i + longest]!)) longest++;
  }
  for (let n = longest; n >= 1; n--) {
    const parts = w.slice(i, i + n);
    if (n === 1 && parts[0]!.includes('=')) continue;
    const joined = n === 1 ? parts[0]! : parts.join('-');
    // A single word that is a format or a mode is never a model name ("q4" is not a model).
    if (
      n === 1 &&
      (findFormat(joined) ||
        findGenericFormat(joined) ||
        MODE_WORDS[joined] ||
        TRAIN_WORDS.has(joined) ||
        RUNTIME_WORDS[joined])
    )
      return undefined;
    if (afterOn || n > 1) {
      // The whole name first ("7900 xtx" is a card, not 7900 x "tx"), then a count and a name ("2 x 3090").
      const whole = hardwareWord(joined);
      const g = whole || !startsWithDigit(joined) ? null : /^(\d+)-?x-?(.+)$/.exec(joined);
      const gpu = whole ?? (g ? hardwareWord(g[2]!) : undefined);
      if (gpu) return { kind: 'gpu', id: g ? `${g[1]}x${gpu}` : gpu, text: parts.join(' '), length: n };
    }
    const m = findModel(joined) ?? (n > 1 ? findModel(parts.join('')) : undefined);
    if (m) return { kind: 'model', id: m.id, text: parts.join(' '), length: n };
    if (n === 1) {
      const size = parseSize(joined);
      if (size !== undefined) {
        bounded(size, LIMITS.paramsB, 'model size in billions', false);
        return { kind: 'model', id: sizeModelId(size), text: joined, length: 1 };
      }
    }
  }
  return undefined;
}

function applySingle(d: Draft, word: string, afterOn: boolean, next?: string): boolean {
  const mode = MODE_WORDS[word];
  if (mode) {
    // A specific mode replaces a generic "finetune" said before it.
    if (d.trainWord && d.mode === 'full' && mode !== 'inference') delete d.mode;
    set(d, 'mode', mode, word, 'mode');
    d.trainWord = false;
    return true;
  }
  if (TRAIN_WORDS.has(word)) {
    if (d.mode === undefined) {
      d.mode = 'full';
      d.trainWord = true;
    } else if (d.mode === 'inference')
      throw new QueryError(`two modes in one query: "inference" and "${show(word)}". Keep one.`);
    return true;
  }
  if (applyFormat(d, word)) return true;
  const rt = RUNTIME_WORDS[word];
  if (rt) {
    set(d, 'runtime', rt, word, 'runtime');
    return true;
  }
  // "with unsloth", "in axolotl", "liger", "fsdp", "zero3"
  const fw = word === 'hf' ? undefined : FRAMEWORK_WORDS[word];
  if (fw) {
    set(d, 'framework', fw, word, 'framework');
    return true;
  }
  if (word === 'liger' || word === 'cce') {
    set(d, 'loss', 'fused', word, 'loss');
    return true;
  }
  const par = PARALLEL_WORDS[word];
  if (par) {
    set(d, 'parallelism', par, word, 'multi-GPU strategy');
    return true;
  }
  if (word === 'deepspeed') {
    // "deepspeed zero 3" / "deepspeed zero3": the stage follows.
    if (/^zero/.test(next ?? '')) return true;
    throw new QueryError('"deepspeed" runs ZeRO at a stage: say zero=1, zero=2 or zero=3');
  }
  const opt = OPTIMIZER_WORDS[word];
  if (opt) {
    set(d, 'optimizer', opt, word, 'optimizer');
    return true;
  }
  if (word === 'private' || word === 'ephemeral' || word === 'public') {
    set(d, 'visibility', word === 'public' ? 'public' : 'private', word, 'visibility');
    return true;
  }
  if (word === 'chart' || word === 'graph' || word === 'plot') {
    d.chart = true;
    return true;
  }
  if (word === 'gc' || word === 'checkpointing') {
    set(d, 'gradientCheckpointing', true, word, 'gradient checkpointing setting');
    return true;
  }
  // A bare "8k" / "32k" is a context length; a bare plain number is ambiguous.
  if (/^\d+(\.\d+)?k$/.test(word)) {
    set(d, 'context', parseTokens(word, 'ctx'), word, 'context length');
    return true;
  }
  if (/^\d+$/.test(word) && !findGpu(word)) {
    throw new QueryError(
      word.length > 12
        ? 'a bare number is ambiguous: say ctx=N for context or batch=N for sequences'
        : `a bare number "${word}" is ambiguous: say ctx=${word} for context, batch=${word}, or ${word}b for a model size`,
    );
  }
  // A GPU named without "on": "4090", "a100-80gb", "2x3090".
  if (applyGpu(d, word)) return true;
  void afterOn;
  return false;
}

/**
 * First words of GPU names ("rtx", "radeon", "m3"): an unknown word starting so is taken for a GPU; a
 * maker's word must end there or go on with a digit ("arc" and "arc-b580", not "arcee").
 */
const GPU_HEADS =
  /^(?:(?:rtx|gtx|rx|radeon|arc|tesla|quadro|geforce|instinct|jetson|tpu|mac(?:book)?)(?![a-z])|mi\d|[ahlbtvp]\d{2,3}|m\d|gb\d)/;

/**
 * Unknown word at i: also try it joined with the next words ("rtx 4099" -> "rtx-4090", "lama 3 8b"). A guess
 * must be of the same kind as the word: a GPU for a word after "on" or shaped like a card, a model or a
 * setting otherwise; and never a `key=` for a bare word ("r1" is not "r=").
 */
function unknownWord(w: readonly string[], i: number, afterOn: boolean): QueryError {
  const word = w[i]!;
  const gpuLike = afterOn || GPU_HEADS.test(word);
  const candidates = gpuLike ? GPU_WORDS : BARE_VOCABULARY;
  for (let n = Math.min(3, w.length - i); n >= 1; n--) {
    const parts = w.slice(i, i + n);
    if (parts.some((p) => p.includes('=') || FILLER.has(p))) continue;
    const joined = parts.join('-');
    const guess = nearest(joined, candidates);
    if (guess)
      return new QueryError(
        `unknown ${gpuLike ? 'GPU' : n > 1 ? 'name' : 'word'} "${show(parts.join(' '))}". Did you mean "${show(guess)}"?`,
      );
  }
  if (gpuLike)
    return new QueryError(
      `unknown GPU "${show(word)}". /vram gpus lists the cards it knows; a size works too ("24gb gpu", "48gb mac").`,
    );
  // A last word that makes another name with the words before it ("glm 4.6 air" -> "glm-4.5-air"); not
  // the name those words already make ("qwen3-8b ti" is not "qwen3-8b"), and no guess for short words.
  for (let n = word.length < 3 ? 0 : Math.min(3, i); n >= 1; n--) {
    const parts = w.slice(i - n, i + 1);
    if (parts.some((p) => p.includes('=') || FILLER.has(p))) continue;
    const guess = nearest(parts.join('-'), candidates);
    if (guess && guess !== nearest(parts.slice(0, -1).join('-'), candidates))
      return new QueryError(`unknown name "${show(parts.join(' '))}". Did you mean "${show(guess)}"?`);
  }
  return new QueryError(`unknown word "${show(word)}". See /vram help for the words it knows.`);
}

// ---------------------------------------------------------------- draft -> request

/** Typed options (Discord) win over the words of the query. */
export function mergeDrafts(fromText: Draft, typed: Draft): Draft {
  const out: Draft = { ...fromText };
  for (const [k, v] of Object.entries(typed) as [keyof Draft, Draft[keyof Draft]][]) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  // A typed model replaces the model of the words, whichever kind each is.
  if (typed.model !== undefined) delete out.hubModel;
  if (typed.hubModel !== undefined) {
    delete out.model;
    delete out.modelWord;
  }
  return out;
}

export function lookupModel(id: string): ModelSpec {
  if (id.startsWith('size:')) return modelForSize(Number(id.slice(5)));
  const m = findModel(id);
  if (!m) throw new QueryError(`unknown model "${show(id)}"`);
  return m;
}

const GGUF_RUNTIMES: readonly Runtime[] = ['llama.cpp', 'ollama'];

/**
 * Fill every default, check combinations, and state what was assumed. A Hugging Face id (`d.hubModel`) needs
 * its architecture read from the Hub first: pass it as `resolved` (commands' handleAsync does).
 * The steps run in a fixed order: the assumptions are listed in it, and when several words conflict the
 * first step to notice words the error.
 */
/** A parsed question: the request, the model it sizes, and the name asked when that is a variant of it. */
export interface Parsed {
  request: Request;
  model: ModelSpec;
  askedAs?: string;
}

export function toRequest(d: Draft, resolved?: ModelSpec): Parsed {
  const model = modelOf(d, resolved);
  const assumed: string[] = [];
  if (d.model?.startsWith('size:')) assumed.push(model.notes ?? `${model.name}: Llama-style shape`);
  const askedAs = d.modelWord !== undefined && isVariant(d.modelWord, model) ? show(d.modelWord) : undefined;
  if (askedAs) assumed.push(`"${askedAs}" has ${model.name}'s architecture, so the same memory`);
  // A GGUF file's own type is the format unless the query names another.
  const nativeGguf =
    model.nativeFormat !== undefined && getFormat(model.nativeFormat).family === 'gguf'
      ? model.nativeFormat
      : undefined;
  const { mode, fw } = modeOf(d, assumed);
  const training = mode !== 'inference';
  const runtime = runtimeOf(d, mode, nativeGguf, assumed);
  let explicitFormat = d.format ? getFormat(d.format) : undefined;
  if (d.generic) explicitFormat = genericFormat(d.generic, explicitFormat, runtime, assumed);
  let format: string;
  let precision: Precision | null = null;
  if (training) ({ format, precision } = trainingWeights(d, mode, fw, explicitFormat, assumed));
  else
    ({ format, explicitFormat } = inferenceWeights(d, model, runtime, nativeGguf, explicitFormat, assumed));
  const context = contextOf(d, training, fw, model, assumed);
  const batch = d.batch ?? 1;
  if (context * batch > LIMITS.totalTokens.max) {
    throw new QueryError(
      `ctx x batch is ${(context * batch).toLocaleString('en-US')} tokens; keep it under ${LIMITS.totalTokens.max.toLocaleString('en-US')} (128M)`,
    );
  }
  const kvType = kvTypeOf(d, training, assumed);
  const flashAttention = attentionOf(d, training, runtime, kvType, assumed);
  const settings = training ? trainingSettings(d, mode, fw, assumed) : inferenceSettings(d);
  if (d.ramGb !== undefined)
    assumed.push(
      `${d.ramGb} GB of system RAM noted: the estimate keeps the whole job in GPU memory (no offload)`,
    );

  const request: Request = {
    model: model.id,
    format,
    formatGiven: explicitFormat !== undefined || d.generic !== undefined || d.tagFormat !== undefined,
    kvType,
    context,
    batch,
    batchGiven: d.batch !== undefined,
    mode,
    runtime,
    flashAttention,
    precision,
    optimizer: settings.optimizer,
    gradientCheckpointing: settings.gc,
    accumulation: settings.accumulation,
    lora: settings.lora,
    framework: settings.framework,
    loss: settings.loss,
    activationOffload: settings.activationOffload,
    parallelism: settings.parallelism,
    stepInBackward: settings.stepInBackward,
    gpu: d.gpu ?? null,
    gpuCount: d.gpuCount ?? null,
    visibility: d.visibility ?? 'public',
    assumed,
  };
  return { request: checked(request), model, ...(askedAs ? { askedAs } : {}) };
}

/**
 * Words of a name: sizes ("32b", "a3b", "40k") dropped, letters split from digits, versions without their
 * trailing ".0" or dots ("yi-15" is "yi-1.5", "granite4" is "granite-4.0").
 */
function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(TAG_FORMAT, '')
    .split(/[^a-z0-9.]+/)
    .filter((t) => t && !/^a?\d+(\.\d+)?[bmtk]$/.test(t))
    .flatMap((t) => t.split(/(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/))
    .map((t) => t.replace(/(\.0)+$/, '').replaceAll('.', ''))
    .filter(Boolean);
}
/** A quantization inside a tag or file name ("llama3.1:70b-instruct-q8_0", "-fp16"). */
const TAG_FORMAT = /(?<=^|[-_:])(?:i?q\d[a-z0-9_]*|fp\d+|bf16|f\d+|int\d+|mxfp4|awq|gptq)(?=$|[-:])/g;
/** Words that name no variant: Ollama's cloud tags, the usual suffixes. */
const NOT_VARIANT = new Set(['cloud', 'instruct', 'chat', 'base', 'hf', 'latest', 'preview', 'it', 'qat']);
/** Makers people put before a model's name. */
const MAKERS = new Set(
  'liquid cohere moonshot xiaomi meta google microsoft alibaba openai nvidia ibm baidu zhipu zai tencent allenai mistralai nous'.split(
    ' ',
  ),
);

/**
 * Whether the asked name is a variant the catalog sizes by its base: a fine-tune or later release of the same
 * architecture ("qwen2.5-coder-32b", "hermes-4-70b", "deepseek-v3.1"): a word or version the model's own
 * names do not have. Makers before a name ("liquid lfm2") are no variant.
 */
function isVariant(word: string, model: ModelSpec): boolean {
  // Every request names a model: the answer per word and model is kept (a bounded memo; names repeat).
  const key = `${model.id}\u0000${word}`;
  let is = variantMemo.get(key);
  if (is === undefined) {
    let own = ownTokens.get(model);
    if (!own) {
      own = new Set(
        nameTokens(`${model.id} ${model.id.replaceAll('-', '')} ${model.name} ${model.hfId ?? ''}`),
      );
      ownTokens.set(model, own);
    }
    const mine = own;
    is = nameTokens(word).some((t) => !mine.has(t) && !NOT_VARIANT.has(t) && !MAKERS.has(t));
    if (variantMemo.size >= 4096) variantMemo.clear();
    variantMemo.set(key, is);
  }
  return is;
}
const ownTokens = new WeakMap<ModelSpec, ReadonlySet<string>>();
const variantMemo = new Map<string, boolean>();

/** The model: a Hub model already read (`resolved`), or the catalog's. */
function modelOf(d: Draft, resolved: ModelSpec | undefined): ModelSpec {
  if (d.hubModel !== undefined) {
    if (!resolved)
      throw new QueryError(
        `looking up Hub models needs the async path: "${show(d.hubModel)}" is not in the catalog and this entry point cannot read it from the Hub`,
      );
    return resolved;
  }
  if (!d.model) throw new QueryError(`name a model, e.g. "${show(EXAMPLE)}" or a size like "13b int4"`);
  return lookupModel(d.model);
}

/**
 * Mode: qlora implies training with an NF4 base; "mixed" or a 16-bit word alone does not imply training.
 * TRL's SFTTrainer is the path Hugging Face's own fine-tuning guides take: the default profile, stated.
 */
function modeOf(d: Draft, assumed: string[]): { mode: Mode; fw: FrameworkProfile } {
  const fw = FRAMEWORK_PROFILES[d.framework ?? 'trl'];
  // "fine-tune with unsloth" means Unsloth's default job: QLoRA (FastLanguageModel load_in_4bit=True).
  const unslothDefault = d.trainWord === true && d.mode === 'full' && fw.id === 'unsloth';
  if (unslothDefault) assumed.push('"fine-tune" with Unsloth read as QLoRA, its default (load_in_4bit=True)');
  return { mode: unslothDefault ? 'qlora' : (d.mode ?? 'inference'), fw };
}

/** Runtime: stated, or implied by the words (a tag, a file, a format, a cache type, a Mac), or transformers. */
function runtimeOf(d: Draft, mode: Mode, nativeGguf: string | undefined, assumed: string[]): Runtime {
  const training = mode !== 'inference';
  const format = d.format ? getFormat(d.format) : undefined;
  let runtime: Runtime;
  // Why the runtime was chosen, when the asker did not name it: the words that imply it.
  let implied = '';
  if (d.runtime) runtime = d.runtime;
  else if (training) runtime = 'transformers';
  else if (d.ollamaTag) {
    runtime = 'ollama';
    implied = `${d.ollamaTag} is an Ollama tag`;
  } else if (d.ggufFile) {
    runtime = 'llama.cpp';
    implied = d.ggufFile === 'file' ? 'a .gguf file' : 'a GGUF repository';
  } else if (format) {
    runtime = format.defaultRuntime;
    if (runtime !== 'transformers') implied = `implied by ${format.label}`;
  } else if (d.kvType === 'q8_0' || d.kvType === 'q4_0') {
    runtime = 'llama.cpp';
    implied = `implied by kv=${d.kvType}, a llama.cpp cache type`;
  } else if (nativeGguf) runtime = 'llama.cpp';
  else if (d.gpu !== undefined && isMac(d.gpu)) {
    // No bitsandbytes or vLLM on a Mac: MLX is what Mac owners run.
    runtime = 'mlx';
    implied = 'since the hardware is a Mac';
  } else runtime = 'transformers';
  if (training && runtime !== 'transformers') {
    // MLX does train (mlx_lm.lora) but its memory is not modelled; PyTorch runs on Apple GPUs through MPS.
    const mlx =
      runtime === 'mlx'
        ? ' (MLX fine-tuning, mlx_lm.lora, is not modelled; PyTorch runs on a Mac through MPS)'
        : '';
    throw new QueryError(
      `${mode} runs in PyTorch (transformers/PEFT), not ${runtime}${mlx}: drop runtime=${runtime}`,
    );
  }
  if (!d.runtime && !training)
    assumed.push(
      implied
        ? `runtime ${RUNTIME_PROFILES[runtime].label}, ${implied} (say runtime=... for another)`
        : `runtime ${RUNTIME_PROFILES[runtime].label} (say runtime=vllm, llama.cpp, ollama, ...)`,
    );
  return runtime;
}

/** "int4" / "int8": the format the runtime uses for that many bits. */
function genericFormat(
  generic: NonNullable<Draft['generic']>,
  explicit: WeightFormat | undefined,
  runtime: Runtime,
  assumed: string[],
): WeightFormat {
  if (explicit)
    throw new QueryError(
      `two weight formats in one query: "${show(generic)}" and "${show(explicit.id)}". Keep one.`,
    );
  const format = getFormat(resolveGenericFormat(generic, runtime));
  assumed.push(
    `${generic} read as ${format.label}, what ${RUNTIME_PROFILES[runtime].label} uses for ${generic === 'int4' ? '4' : '8'}-bit`,
  );
  return format;
}

/** Training: the base weights' storage and the training precision, from the words or the framework's recipe. */
function trainingWeights(
  d: Draft,
  mode: Mode,
  fw: FrameworkProfile,
  explicitFormat: WeightFormat | undefined,
  assumed: string[],
): { format: string; precision: Precision } {
  if (d.mixed && d.floatWord)
    throw new QueryError(`"mixed" and "${show(d.floatWord)}" both set the training precision. Keep one.`);
  let precision: Precision | null = d.mixed ? 'mixed' : (d.floatWord ?? null);
  if (mode === 'qlora') {
    if (explicitFormat && explicitFormat.family === 'gguf')
      throw new QueryError('QLoRA trains on an NF4 (or GPTQ) base, not a GGUF file');
    const format = explicitFormat?.id ?? 'nf4';
    if (!explicitFormat) assumed.push('QLoRA base: NF4 with double quantization (bitsandbytes)');
    if (precision === 'fp32') throw new QueryError('QLoRA computes in 16-bit: use bf16 or fp16, not fp32');
    if (precision === null && fw.qloraPrecision === 'bf16') {
      precision = 'bf16';
      assumed.push(`bf16 adapters, gradients and optimizer states, as ${fw.label} runs QLoRA`);
    }
    return { format, precision: precision ?? 'mixed' };
  }
  if (explicitFormat && explicitFormat.family !== 'float' && mode === 'full') {
    throw new QueryError(
      `full fine-tuning updates every weight, so it cannot train the quantized ${explicitFormat.label} checkpoint; try "qlora"`,
    );
  }
  if (explicitFormat && explicitFormat.family === 'gguf')
    throw new QueryError('LoRA trains on a PyTorch checkpoint, not a GGUF file');
  const floatId = explicitFormat?.family === 'float' ? explicitFormat.id : undefined;
  if (floatId && !d.floatWord && !d.mixed) precision = floatId === 'fp32' ? 'fp32' : (floatId as Precision);
  const format =
    explicitFormat && explicitFormat.family !== 'float'
      ? explicitFormat.id
      : precision === 'fp16'
        ? 'fp16'
        : 'bf16';
  if (precision === null && fw.fullPrecision === 'bf16') {
    precision = 'bf16';
    assumed.push(
      `pure bf16 training, as ${fw.label} runs it: weights, gradients and optimizer states in bf16`,
    );
  }
  if (precision === null) {
    precision = 'mixed';
    assumed.push(
      mode === 'full'
        ? 'mixed precision (HF Trainer): fp32 master weights, gradients and AdamW states, bf16 compute; say bf16 for pure 16-bit training'
        : 'bf16 base weights with fp32 adapters and optimizer states (PEFT default); say bf16 for pure 16-bit training',
    );
  }
  return { format, precision };
}

/**
 * Inference: the weights' format as named (a 16-bit word maps to the runtime's own spelling), else what the
 * file, the tag or the runtime's usual download holds, else the checkpoint's own.
 */
function inferenceWeights(
  d: Draft,
  model: ModelSpec,
  runtime: Runtime,
  nativeGguf: string | undefined,
  explicit: WeightFormat | undefined,
  assumed: string[],
): { format: string; explicitFormat: WeightFormat | undefined } {
  if (d.mixed)
    throw new QueryError('"mixed" is a training precision; add lora, qlora or full, or name a weight format');
  let explicitFormat = explicit;
  if (d.floatWord) {
    if (explicitFormat)
      throw new QueryError(
        `two weight formats in one query: "${show(d.floatWord)}" and "${show(explicitFormat.id)}". Keep one.`,
      );
    explicitFormat = getFormat(
      runtime === 'llama.cpp' || runtime === 'ollama'
        ? d.floatWord === 'bf16'
          ? 'bf16-gguf'
          : d.floatWord === 'fp16'
            ? 'f16'
            : 'fp32'
        : d.floatWord,
    );
  }
  const format = explicitFormat ? explicitFormat.id : defaultWeights(d, model, runtime, nativeGguf, assumed);
  checkRuntimeFormat(runtime, getFormat(format));
  return { format, explicitFormat };
}

/** No format named: what people running this runtime usually download, said in the assumptions. */
function defaultWeights(
  d: Draft,
  model: ModelSpec,
  runtime: Runtime,
  nativeGguf: string | undefined,
  assumed: string[],
): string {
  const gguf = GGUF_RUNTIMES.includes(runtime);
  if (nativeGguf && gguf) {
    assumed.push(`weights ${getFormat(nativeGguf).label}, the file's own type`);
    return nativeGguf;
  }
  if (d.tagFormat && gguf) {
    assumed.push(`weights ${getFormat(d.tagFormat).label}, as the tag ${d.ollamaTag} says`);
    return d.tagFormat;
  }
  if (runtime === 'ollama' && model.ollamaFormat) {
    assumed.push(
      `weights ${getFormat(model.ollamaFormat).label}, what Ollama's library serves for ${model.name}`,
    );
    return model.ollamaFormat;
  }
  if (gguf && model.nativeFormat === 'mxfp4') {
    assumed.push(`weights MXFP4, as ${model.name}'s GGUF files ship (experts 4-bit, the rest 16-bit)`);
    return 'mxfp4';
  }
  if (gguf) {
    assumed.push(
      d.ollamaTag
        ? `weights Q4_K_M, what Ollama's library serves for ${d.ollamaTag} (say ${d.ollamaTag.split('-')[0]}-q8_0, ...)`
        : `weights Q4_K_M, the usual ${RUNTIME_PROFILES[runtime].label} download (say q8_0, q5_k_m, ...)`,
    );
    return 'q4_k_m';
  }
  if (runtime === 'mlx') {
    assumed.push('weights MLX 4-bit, the usual mlx-community conversion (say mlx8 or bf16)');
    return 'mlx-4bit';
  }
  if (runtime === 'exllamav2') {
    assumed.push('weights EXL2 at 4.0 bpw (say exl2=5.0, ...)');
    return 'exl2=4';
  }
  if (model.nativeFormat) {
    assumed.push(`weights in the checkpoint's native ${getFormat(model.nativeFormat).label}`);
    return model.nativeFormat;
  }
  const card = d.gpu === undefined ? undefined : resolveHardware(d.gpu);
  if (card?.kind === 'one' && card.gpu.vendor === 'NVIDIA' && !card.gpu.generic && !ampereOrNewer(card.gpu)) {
    // Same bytes; the honest label: PyTorch has no bf16 kernels before Ampere, so the weights load as fp16.
    assumed.push(
      `weights fp16: the ${card.gpu.name} has no bf16 (older than Ampere), so bf16 weights load as fp16`,
    );
    return 'fp16';
  }
  assumed.push('weights bf16 as published (say int4, q4_k_m, awq, fp8, ...)');
  return 'bf16';
}

/** Context (or training sequence length): as asked, else a common working length; past training, said. */
function contextOf(
  d: Draft,
  training: boolean,
  fw: FrameworkProfile,
  model: ModelSpec,
  assumed: string[],
): number {
  let context = d.context;
  if (context === undefined) {
    context = training ? Math.min(fw.seq ?? 2048, model.maxContext) : model.defaultContext;
    assumed.push(
      `${training ? 'sequence length' : 'context'} ${tokens(context)} tokens (${training ? 'a common fine-tuning length' : 'a common working length, not the maximum'}; say ${training ? 'seq' : 'ctx'}=...)`,
    );
  }
  if (context > model.maxContext) {
    assumed.push(
      `${tokens(context)} tokens is beyond ${model.name}'s ${tokens(model.maxContext)} trained context (needs RoPE scaling)`,
    );
  }
  return context;
}

/** The KV cache's element type: 16-bit unless named; training keeps no cache (bf16 stands in). */
function kvTypeOf(d: Draft, training: boolean, assumed: string[]): KvType {
  if (!d.kvType && !training)
    assumed.push('KV cache 16-bit, whatever the weight format (say kv=q8_0 or kv=fp8 to shrink it)');
  if (training && d.kvType) throw new QueryError('kv= applies to inference; training keeps no KV cache');
  return training ? 'bf16' : (d.kvType ?? 'fp16');
}

/** Flash attention: as asked, else the runtime's default; llama.cpp needs it for a quantized cache. */
function attentionOf(
  d: Draft,
  training: boolean,
  runtime: Runtime,
  kvType: KvType,
  assumed: string[],
): boolean {
  const rtProfile = RUNTIME_PROFILES[runtime];
  let flashAttention = d.flashAttention ?? rtProfile.flashAttention;
  const quantizedKv = kvType === 'q8_0' || kvType === 'q4_0';
  if (!training && GGUF_RUNTIMES.includes(runtime) && quantizedKv && !flashAttention) {
    if (d.flashAttention === false)
      throw new QueryError('llama.cpp needs flash attention for a quantized V cache: use fa=on or kv=f16');
    flashAttention = true;
    assumed.push('flash attention on: llama.cpp needs it for a quantized KV cache');
  } else if (d.flashAttention === undefined && rtProfile.flashAttention !== true) {
    assumed.push(`flash attention off (${rtProfile.label} default without -fa; say fa=on for newer builds)`);
  }
  if (runtime !== 'llama.cpp' && runtime !== 'ollama' && quantizedKv && runtime !== 'exllamav2') {
    throw new QueryError(
      `kv=${kvType} is a llama.cpp / ExLlama cache type; ${rtProfile.label} offers kv=fp8`,
    );
  }
  return flashAttention;
}

/** What a training job sets beyond the weights (all null for inference). */
interface TrainingSettings {
  lora: Request['lora'];
  optimizer: Optimizer | null;
  gc: boolean | null;
  accumulation: number | null;
  framework: Framework | null;
  loss: Loss | null;
  activationOffload: boolean | null;
  parallelism: Parallelism | null;
  stepInBackward: boolean | null;
}

const NO_TRAINING: TrainingSettings = Object.freeze({
  lora: null,
  optimizer: null,
  gc: null,
  accumulation: null,
  framework: null,
  loss: null,
  activationOffload: null,
  parallelism: null,
  stepInBackward: null,
});

/** Inference names no training setting: the first one it does is an error that says how to train. */
function inferenceSettings(d: Draft): TrainingSettings {
  const k = trainingSettingIn(d);
  if (k !== undefined)
    throw new QueryError(
      k === 'framework'
        ? `${d.framework} is a fine-tuning framework: add lora, qlora or full`
        : `${k}= is a training setting; add lora, qlora or full`,
    );
  return NO_TRAINING;
}

/** Training: adapters, optimizer, checkpointing, framework, loss and the split, from the words or the recipe. */
function trainingSettings(d: Draft, mode: Mode, fw: FrameworkProfile, assumed: string[]): TrainingSettings {
  let lora: Request['lora'] = null;
  if (mode !== 'full') {
    lora = { rank: d.rank ?? 16, targets: d.targets ?? 'all' };
    if (d.rank === undefined) assumed.push('LoRA rank 16 (say rank=...)');
    if (d.targets === undefined)
      assumed.push('LoRA on every linear layer: q,k,v,o and the MLP (say targets=qv or attn)');
  } else if (d.rank !== undefined || d.targets !== undefined) {
    throw new QueryError('rank= and targets= are LoRA settings; add lora or qlora');
  }
  const recipeOptimizer = mode === 'full' ? fw.optimizer?.full : fw.optimizer?.adapters;
  const optimizer = d.optimizer ?? recipeOptimizer ?? 'adamw';
  if (!d.optimizer)
    assumed.push(
      recipeOptimizer
        ? `optimizer ${recipeOptimizer}: ${fw.optimizer!.source} (say optimizer=adamw, ...)`
        : 'optimizer AdamW (say optimizer=adamw8bit, paged_adamw8bit, sgd, adafactor)',
    );
  // torchtune's full single-device recipe fuses the optimizer step into backward; with a named optimizer
  // (its own ablations) or gradient accumulation it does not.
  const stepInBackward =
    d.stepInBackward ??
    (mode === 'full' && fw.stepInBackward && !d.optimizer && !(d.accumulation && d.accumulation > 1));
  if (stepInBackward && d.accumulation && d.accumulation > 1)
    throw new QueryError(
      'optimizer_in_bwd steps at every backward: it cannot accumulate gradients (drop accum=)',
    );
  if (stepInBackward && d.stepInBackward === undefined)
    assumed.push('optimizer step fused into backward (optimizer_in_bwd): gradients live one layer at a time');
  // Fine-tuning tools turn checkpointing on by default (LLaMA-Factory, Unsloth, torchtune recipes, PEFT's
  // k-bit preparation); the plain HF Trainer does not, so the reply says which was assumed.
  // PEFT's prepare_model_for_kbit_training turns checkpointing on for QLoRA under the plain Trainer.
  const gc = d.gradientCheckpointing ?? (fw.checkpointing || (fw.id === 'hf' && mode === 'qlora'));
  if (d.gradientCheckpointing === undefined) {
    assumed.push(
      gc
        ? `gradient checkpointing on, as ${fw.label} recipes run it (gc=off for none, gc=offload to keep it in CPU RAM)`
        : `gradient checkpointing off, ${fw.label}'s default (gc=on to save activations)`,
    );
  }
  if (!d.framework)
    assumed.push(
      `framework ${fw.label} (say framework=unsloth, trl, axolotl, torchtune, llama-factory, litgpt)`,
    );
  else assumed.push(fw.note);
  const loss = d.loss ?? fw.loss;
  if (d.loss && d.loss !== fw.loss) assumed.push(`loss=${d.loss} instead of ${fw.label}'s ${fw.loss} loss`);
  if (d.gcOffload && !gc)
    throw new QueryError('gc=offload offloads checkpointed activations: it needs gc on');
  const activationOffload = gc && (d.gcOffload ?? fw.offload);
  let parallelism = d.parallelism ?? null;
  if (parallelism && parallelism !== 'ddp' && d.gpuCount === 1)
    throw new QueryError(
      `${parallelism} shards the job over several GPUs; on one card say no strategy, or gpus=N`,
    );
  if (!parallelism && (d.gpuCount ?? 1) > 1) {
    parallelism = 'fsdp';
    assumed.push(
      `split over ${d.gpuCount} GPUs with FSDP full sharding (ZeRO-3): weights, gradients and optimizer states divided (say ddp, zero=1 or zero=2)`,
    );
  }
  if (d.flashAttention === undefined) assumed.push('SDPA / flash attention on (fa=off for eager attention)');
  return {
    lora,
    optimizer,
    gc,
    accumulation: d.accumulation ?? null,
    framework: fw.id,
    loss,
    activationOffload,
    parallelism,
    stepInBackward,
  };
}

/** The hand check keeps the request as built; anything it doubts goes through zod, which words the error. */
function checked(request: Request): Request {
  if (satisfiesRequestSchema(request)) return request;
  const parsed = RequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new QueryError(
      `invalid ${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? 'check the query'}`,
    );
  }
  return parsed.data;
}

/** The first training-only setting an inference draft names, as the key the asker would write. */
function trainingSettingIn(d: Draft): string | undefined {
  if (d.rank !== undefined) return 'rank';
  if (d.targets !== undefined) return 'targets';
  if (d.optimizer !== undefined) return 'optimizer';
  if (d.gradientCheckpointing !== undefined) return 'gc';
  if (d.accumulation !== undefined) return 'accum';
  if (d.framework !== undefined) return 'framework';
  if (d.stepInBackward !== undefined) return 'optimizer_in_bwd';
  if (d.loss !== undefined) return 'loss';
  if (d.gcOffload !== undefined) return 'gc';
  if (d.parallelism !== undefined) return d.parallelism;
  return undefined;
}

function checkRuntimeFormat(runtime: Runtime, f: ReturnType<typeof getFormat>): void {
  const gguf = GGUF_RUNTIMES.includes(runtime);
  // gpt-oss GGUFs keep the experts in MXFP4 (ggml type MXFP4 since llama.cpp b6096).
  if (gguf && f.family === 'mxfp4') return;
  if (f.family === 'gguf' && !gguf)
    throw new QueryError(`${f.label} files run in llama.cpp or Ollama, not ${runtime}`);
  if (gguf && f.family !== 'gguf')
    throw new QueryError(
      `${RUNTIME_PROFILES[runtime].label} loads GGUF files: use q4_k_m, q8_0, f16, ... instead of ${f.id}`,
    );
  if (f.family === 'exl2' && runtime !== 'exllamav2')
    throw new QueryError('EXL2 weights run in ExLlamaV2 (runtime=exllamav2)');
  if (runtime === 'exllamav2' && f.family !== 'exl2')
    throw new QueryError('ExLlamaV2 loads EXL2 weights: say exl2=4.0 (bits per weight)');
  if (f.family === 'mlx' && runtime !== 'mlx')
    throw new QueryError('MLX quantized weights run in MLX (runtime=mlx)');
  if (runtime === 'mlx' && f.family !== 'mlx' && f.family !== 'float')
    throw new QueryError('MLX loads its own 4/8-bit or 16-bit weights: say mlx4, mlx8 or bf16');
}

/** Text -> request, the whole way. Throws QueryError with a message fit for the asker. */
export function parseQuery(text: string): Parsed {
  return toRequest(parseDraft(text));
}

/**
 * A Draft back to query words, only what the asker said: short enough for a Discord custom id and
 * parsed back to the same Draft by parseDraft.
 */
export function draftToText(d: Draft): string {
  const w: string[] = [];
  if (d.hubModel) w.push(d.hubModel);
  else if (d.ollamaTag) w.push(d.ollamaTag);
  else if (d.model) w.push(d.model.startsWith('size:') ? `${d.model.slice(5)}b` : d.model);
  if (d.mode && d.mode !== 'inference') w.push(d.mode);
  if (d.generic) w.push(d.generic);
  if (d.format) w.push(d.format.startsWith('exl2=') ? d.format : d.format);
  if (d.floatWord) w.push(d.floatWord);
  if (d.mixed) w.push('mixed');
  if (d.context !== undefined) w.push(`ctx=${d.context}`);
  if (d.batch !== undefined) w.push(`batch=${d.batch}`);
  if (d.kvType) w.push(`kv=${d.kvType}`);
  if (d.runtime) w.push(`runtime=${d.runtime}`);
  else if (d.ggufFile) w.push('runtime=llama.cpp');
  if (d.flashAttention !== undefined) w.push(`fa=${d.flashAttention ? 'on' : 'off'}`);
  if (d.rank !== undefined) w.push(`rank=${d.rank}`);
  if (d.targets) w.push(`targets=${d.targets}`);
  if (d.optimizer) w.push(`optimizer=${d.optimizer}`);
  if (d.gradientCheckpointing !== undefined)
    w.push(`gc=${d.gcOffload ? 'offload' : d.gradientCheckpointing ? 'on' : 'off'}`);
  if (d.framework) w.push(`framework=${d.framework}`);
  if (d.loss) w.push(`loss=${d.loss}`);
  if (d.parallelism) w.push(`strategy=${d.parallelism}`);
  if (d.stepInBackward !== undefined) w.push(`optimizer_in_bwd=${d.stepInBackward ? 'on' : 'off'}`);
  if (d.accumulation !== undefined) w.push(`accum=${d.accumulation}`);
  if (d.gpu) w.push(`gpu=${d.gpuCount ? `${d.gpuCount}x` : ''}${d.gpu}`);
  else if (d.gpuCount) w.push(`gpus=${d.gpuCount}`);
  if (d.visibility === 'private') w.push('private');
  return w.join(' ');
}
