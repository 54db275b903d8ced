// The normalized request: what the query language, Discord's typed options and the CLI all produce.
// Every default is filled in; `assumed` lists what the asker did not say, so the reply can state it.
import { z } from 'zod';
import { KV_TYPES, RUNTIMES } from './catalog/formats.ts';
import { FRAMEWORKS, LOSSES } from './catalog/frameworks.ts';

/** Bounds on every number: outside them the query is refused before any computation. */
export const LIMITS = {
  context: { min: 1, max: 10_485_760 }, // 10M tokens: the longest context any catalog model declares
  batch: { min: 1, max: 4096 },
  /** context x batch: beyond this no accelerator cluster could hold the cache. */
  totalTokens: { min: 1, max: 134_217_728 },
  rank: { min: 1, max: 4096 },
  accumulation: { min: 1, max: 65_536 },
  gpuCount: { min: 1, max: 1024 },
  paramsB: { min: 0.01, max: 5000 },
  exl2Bits: { min: 2, max: 8 },
  queryLength: 500,
} as const;

export const MODES = ['inference', 'lora', 'qlora', 'full'] as const;
export type Mode = (typeof MODES)[number];

export const PRECISIONS = ['bf16', 'fp16', 'mixed', 'fp32'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const OPTIMIZERS = ['adamw', 'adamw8bit', 'paged_adamw8bit', 'sgd', 'adafactor'] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

/** Multi-GPU training: data parallel (every card holds everything), ZeRO stages 1-3, FSDP full shard (= ZeRO-3). */
export const PARALLELISMS = ['ddp', 'zero1', 'zero2', 'zero3', 'fsdp'] as const;
export type Parallelism = (typeof PARALLELISMS)[number];

export const TARGETS = ['qv', 'attn', 'all'] as const;
export type LoraTargets = (typeof TARGETS)[number];

const int = (b: { min: number; max: number }) => z.number().int().min(b.min).max(b.max);

export const RequestSchema = z.object({
  /** Catalog id, or `size:<billions>` for a bare size mapped to a Llama-style shape. */
  model: z.string().min(1),
  /** Weight format id (see catalog/formats.ts), `exl2=<bits>` included. */
  format: z.string().min(1),
  /** The asker named the format: when it does not fit the asked hardware, the reply names one that does. */
  formatGiven: z.boolean(),
  kvType: z.enum(KV_TYPES),
  context: int(LIMITS.context),
  batch: int(LIMITS.batch),
  /** The asker set batch: vLLM/SGLang then size for it (--max-num-seqs) instead of their default 256. */
  batchGiven: z.boolean(),
  mode: z.enum(MODES),
  runtime: z.enum(RUNTIMES),
  flashAttention: z.boolean(),
  /** Training only. */
  precision: z.enum(PRECISIONS).nullable(),
  optimizer: z.enum(OPTIMIZERS).nullable(),
  gradientCheckpointing: z.boolean().nullable(),
  accumulation: int(LIMITS.accumulation).nullable(),
  lora: z.object({ rank: int(LIMITS.rank), targets: z.enum(TARGETS) }).nullable(),
  /** Training only: the framework profile, its loss, whether checkpointed activations go to CPU, multi-GPU sharding. */
  framework: z.enum(FRAMEWORKS).nullable(),
  loss: z.enum(LOSSES).nullable(),
  activationOffload: z.boolean().nullable(),
  parallelism: z.enum(PARALLELISMS).nullable(),
  /** The optimizer steps inside backward (torchtune optimizer_in_bwd): gradients live one layer at a time. */
  stepInBackward: z.boolean().nullable(),
  /** Hardware focus: a catalog GPU id and a count (count alone = "N of whatever fits"). */
  gpu: z.string().nullable(),
  gpuCount: int(LIMITS.gpuCount).nullable(),
  visibility: z.enum(['public', 'private']),
  /** Things the asker did not say and we chose, in words, for the reply's assumptions. */
  assumed: z.array(z.string()),
});

export type Request = z.infer<typeof RequestSchema>;

/**
 * RequestSchema's rules checked by hand, without zod's copy of the whole object: the query parser builds
 * every request from words it has already checked, so this passes and the parser keeps its object; the zod
 * parse still runs (and words the error) whenever this says no. Never looser than the schema
 * (test/engine-speed-equivalence.test.ts holds the two together).
 */
export function satisfiesRequestSchema(r: Request): boolean {
  return (
    nonEmpty(r.model) &&
    nonEmpty(r.format) &&
    typeof r.formatGiven === 'boolean' &&
    KV_TYPES.includes(r.kvType) &&
    whole(r.context, LIMITS.context) &&
    whole(r.batch, LIMITS.batch) &&
    typeof r.batchGiven === 'boolean' &&
    MODES.includes(r.mode) &&
    RUNTIMES.includes(r.runtime) &&
    typeof r.flashAttention === 'boolean' &&
    (r.precision === null || PRECISIONS.includes(r.precision)) &&
    (r.optimizer === null || OPTIMIZERS.includes(r.optimizer)) &&
    (r.gradientCheckpointing === null || typeof r.gradientCheckpointing === 'boolean') &&
    (r.accumulation === null || whole(r.accumulation, LIMITS.accumulation)) &&
    (r.lora === null || loraOk(r.lora)) &&
    (r.framework === null || FRAMEWORKS.includes(r.framework)) &&
    (r.loss === null || LOSSES.includes(r.loss)) &&
    (r.activationOffload === null || typeof r.activationOffload === 'boolean') &&
    (r.parallelism === null || PARALLELISMS.includes(r.parallelism)) &&
    (r.stepInBackward === null || typeof r.stepInBackward === 'boolean') &&
    (r.gpu === null || typeof r.gpu === 'string') &&
    (r.gpuCount === null || whole(r.gpuCount, LIMITS.gpuCount)) &&
    (r.visibility === 'public' || r.visibility === 'private') &&
    allStrings(r.assumed) &&
    sameKeys(r, REQUEST_KEYS)
  );
}

const REQUEST_KEYS = Object.keys(RequestSchema.shape);

function allStrings(a: unknown): boolean {
  if (!Array.isArray(a)) return false;
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string') return false;
  return true;
}

function nonEmpty(s: unknown): boolean {
  return typeof s === 'string' && s.length >= 1;
}

function whole(n: unknown, b: { min: number; max: number }): boolean {
  return Number.isSafeInteger(n) && (n as number) >= b.min && (n as number) <= b.max;
}

function loraOk(l: NonNullable<Request['lora']>): boolean {
  return (
    typeof l === 'object' &&
    whole(l.rank, LIMITS.rank) &&
    TARGETS.includes(l.targets) &&
    sameKeys(l, ['rank', 'targets'])
  );
}

/** Exactly these own keys in this order (zod's output object would drop any other, and keeps schema order). */
function sameKeys(o: object, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  return own.length === keys.length && own.every((k, i) => k === keys[i]);
}
