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
