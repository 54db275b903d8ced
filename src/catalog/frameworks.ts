// Training frameworks as stated profiles, like runtimes for inference: what each does by default that
// changes peak GPU memory (docs/methodology.md, "Training frameworks"). The estimate states the profile it
// assumed; `loss=` and `gc=offload` switch the parts people know by name without naming a framework.
import { dict } from '../dict.ts';

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
    checkpointing: true,
    offload: false,
    fullPrecision: 'mixed',
    note: 'Hugging Face Trainer + PEFT: fp32 logits for the loss, checkpointing as fine-tuning recipes set it',
  },
  trl: {
    id: 'trl',
    label: 'TRL SFTTrainer',
    loss: 'full',
    checkpointing: true,
    offload: false,
    fullPrecision: 'mixed',
    note: "TRL SFTTrainer: the Trainer's loss (use_liger_kernel is off by default; say loss=fused for Liger)",
  },
  unsloth: {
    id: 'unsloth',
    label: 'Unsloth',
    loss: 'fused',
    checkpointing: true,
    offload: true,
    fullPrecision: 'mixed',
    note: 'Unsloth: fused cross-entropy (no full logits), "unsloth" checkpointing offloads layer inputs to CPU RAM',
  },
  axolotl: {
    id: 'axolotl',
    label: 'axolotl',
    loss: 'full',
    checkpointing: true,
    offload: false,
    fullPrecision: 'mixed',
    note: "axolotl: the Trainer's loss unless the Liger or Cut Cross-Entropy plugin is on (loss=fused)",
  },
  torchtune: {
    id: 'torchtune',
    label: 'torchtune',
    loss: 'chunked',
    checkpointing: true,
    offload: false,
    fullPrecision: 'bf16',
    note: 'torchtune: pure bf16, CEWithChunkedOutputLoss (8 chunks), activation checkpointing on in its recipes',
  },
  'llama-factory': {
    id: 'llama-factory',
    label: 'LLaMA-Factory',
    loss: 'full',
    checkpointing: true,
    offload: false,
    fullPrecision: 'mixed',
    note: "LLaMA-Factory: the Trainer's loss, gradient checkpointing on unless disabled",
  },
  litgpt: {
    id: 'litgpt',
    label: 'LitGPT',
    loss: 'chunked',
    checkpointing: false,
    offload: false,
    fullPrecision: 'bf16',
    note: 'LitGPT: bf16-true precision, chunked lm_head and cross-entropy (chunks of 128 tokens)',
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
