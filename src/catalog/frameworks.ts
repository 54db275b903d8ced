// Training frameworks as stated profiles, like runtimes for inference: what each does by default that
// changes peak GPU memory (docs/methodology.md, "Training frameworks"). The estimate states the profile it
// assumed; `loss=` and `gc=offload` switch the parts people know by name without naming a framework.
import { dict } from '../dict.ts';
import type { Optimizer } from '../request.ts';

export const FRAMEWORKS = [
  'hf',
  'trl',
  'unsloth',
  'axolotl',
  'torchtune',
  'llama-factory',
  'litgpt',
] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/**
 * How the loss meets the logits:
 * - `full`: the whole batch's logits in 16-bit, upcast to fp32 for cross-entropy (transformers' loss);
 * - `chunked`: 16-bit logits kept, upcast and cross-entropy one chunk at a time (torchtune, litgpt);
 * - `fused`: output projection and cross-entropy fused per chunk, the full logits never exist (Liger's
 *   FusedLinearCrossEntropy, Apple's Cut Cross-Entropy, Unsloth's fused loss).
 */
export const LOSSES = ['full', 'chunked', 'fused'] as const;
export type Loss = (typeof LOSSES)[number];

export interface FrameworkProfile {
  id: Framework;
  label: string;
  loss: Loss;
  /**
   * How a chunked loss keeps its chunks: `kept` (the 16-bit logits of every chunk stay for backward: LitGPT's
   * lm_head chunks), `released` (torchtune's LinearCrossEntropyLoss chunks the hidden states before the output
   * projection, so a chunk's logits go once its loss is taken: torchtune PR #1390), or `recomputed` (each chunk
   * checkpointed and recomputed in backward: TRL's chunked_nll); and the chunk size in tokens (null = an eighth
   * of the batch's tokens, torchtune's 8 chunks).
   */
  chunks: { kind: 'kept' | 'released' | 'recomputed'; tokens: number | null };
  /** QLoRA's adapters, gradients and optimizer states in fp32 (`mixed`) or in bf16. */
  qloraPrecision: 'mixed' | 'bf16';
  /** Optimizer of the framework's default recipe, when it is not AdamW (full fine-tuning / adapters). */
  optimizer?: { full?: Optimizer; adapters?: Optimizer; source: string };
  /** The default full fine-tuning recipe steps the optimizer inside backward (gradients one layer at a time). */
  stepInBackward: boolean;
  /** Sequence length of the default recipe, when it is not 2048. */
  seq?: number;
  /** Activation checkpointing in the framework's default recipes. */
  checkpointing: boolean;
  /** Checkpointed layer inputs go to CPU RAM (Unsloth's "unsloth" checkpointing). */
  offload: boolean;
  /** Full fine-tuning keeps fp32 master weights and states (`mixed`) or trains in pure 16-bit (`bf16`). */
  fullPrecision: 'mixed' | 'bf16';
  /** Words for the reply's assumptions, with the source of the defaults. */
  note: string;
}

export const FRAMEWORK_PROFILES: Record<Framework, FrameworkProfile> = {
  hf: {
    id: 'hf',
    label: 'Hugging Face Trainer + PEFT',
    loss: 'full',
    chunks: { kind: 'kept', tokens: null },
    qloraPrecision: 'mixed',
    stepInBackward: false,
    // TrainingArguments.gradient_checkpointing defaults to False (PEFT's k-bit preparation turns it on for QLoRA).
    checkpointing: false,
    offload: false,
    fullPrecision: 'mixed',
    note: 'Hugging Face Trainer + PEFT: the full logits upcast to fp32 for the loss (ForCausalLMLoss), no checkpointing unless asked (QLoRA: PEFT turns it on)',
  },
  trl: {
    id: 'trl',
    label: 'TRL SFTTrainer',
    // loss_type "chunked_nll" since TRL 1.4: 256-token chunks of fp32 logits, each checkpointed.
    loss: 'chunked',
    chunks: { kind: 'recomputed', tokens: 256 },
    qloraPrecision: 'bf16',
    stepInBackward: false,
    checkpointing: true,
    offload: false,
    fullPrecision: 'mixed',
    note: "TRL SFTTrainer: the Trainer's loss (use_liger_kernel is off by default; say loss=fused for Liger)",
  },
  unsloth: {
    id: 'unsloth',
    label: 'Unsloth',
    loss: 'fused',
    chunks: { kind: 'kept', tokens: null },
    qloraPrecision: 'mixed',
    optimizer: {
      adapters: 'adamw8bit',
      full: 'adamw8bit',
      source: 'its notebooks use optim="adamw_8bit" (unsloth scripts/notebook_validator.py)',
    },
    stepInBackward: false,
    checkpointing: true,
    offload: true,
    fullPrecision: 'mixed',
    note: 'Unsloth: fused cross-entropy (fp32 logits one chunk at a time), "unsloth" checkpointing offloads layer inputs to CPU RAM, LoRA weights in fp32, adamw_8bit as its notebooks use',
  },
  axolotl: {
    id: 'axolotl',
    label: 'axolotl',
    loss: 'full',
    chunks: { kind: 'kept', tokens: null },
    qloraPrecision: 'mixed',
    stepInBackward: false,
    checkpointing: true,
    offload: false,
    fullPrecision: 'mixed',
    note: "axolotl: the Trainer's loss unless the Liger or Cut Cross-Entropy plugin is on (loss=fused)",
  },
  torchtune: {
    id: 'torchtune',
    label: 'torchtune',
    loss: 'chunked',
    chunks: { kind: 'released', tokens: null },
    qloraPrecision: 'bf16',
    optimizer: {
      full: 'paged_adamw8bit',
      source: 'recipes/configs/llama3_1/8B_full_single_device.yaml: PagedAdamW8bit with optimizer_in_bwd',
    },
    stepInBackward: true,
    checkpointing: true,
    offload: false,
    fullPrecision: 'bf16',
    note: 'torchtune: pure bf16 (adapters too), cross-entropy in 8 chunks, activation checkpointing on in its recipes; the full single-device recipe steps PagedAdamW8bit inside backward',
  },
  'llama-factory': {
    id: 'llama-factory',
    label: 'LLaMA-Factory',
    loss: 'full',
    chunks: { kind: 'kept', tokens: null },
    qloraPrecision: 'mixed',
    stepInBackward: false,
    checkpointing: true,
    offload: false,
    fullPrecision: 'mixed',
    note: "LLaMA-Factory: the Trainer's loss, gradient checkpointing on unless disabled",
  },
  litgpt: {
    id: 'litgpt',
    label: 'LitGPT',
    loss: 'chunked',
    chunks: { kind: 'kept', tokens: 128 },
    qloraPrecision: 'mixed',
    stepInBackward: false,
    checkpointing: false,
    offload: false,
    fullPrecision: 'mixed',
    note: 'LitGPT: bf16-mixed precision, lm_head and cross-entropy in chunks of 128 tokens (all kept for backward), no checkpointing on one GPU',
  },
};

/** Words people use for each framework. */
export const FRAMEWORK_WORDS = dict<Framework>({
  hf: 'hf',
  peft: 'hf',
  trainer: 'hf',
  'hf-trainer': 'hf',
  trl: 'trl',
  sfttrainer: 'trl',
  unsloth: 'unsloth',
  axolotl: 'axolotl',
  torchtune: 'torchtune',
  'llama-factory': 'llama-factory',
  llamafactory: 'llama-factory',
  llama_factory: 'llama-factory',
  litgpt: 'litgpt',
  'lit-gpt': 'litgpt',
});

export const LOSS_WORDS = dict<Loss>({
  full: 'full',
  chunked: 'chunked',
  fused: 'fused',
  liger: 'fused',
  cce: 'fused',
  'cut-cross-entropy': 'fused',
});
