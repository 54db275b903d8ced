// Buttons under a result: the same query as Inference / LoRA / QLoRA / Full fine-tune, or with half or
// double the context. Stateless: the payload carries the variant and the query words, so any process
// can answer any click.
import { parseDraft, toRequest, EXAMPLE, type Draft } from '../src/query/parse.ts';
import type { ModelSpec } from '../src/catalog/types.ts';
import { replyFor } from './vram.ts';
import { LIMITS, type Mode } from '../src/request.ts';
import type { Reply } from './types.ts';

export const VARIANTS = [
  { id: 'inference', label: 'Inference' },
  { id: 'lora', label: 'LoRA' },
  { id: 'qlora', label: 'QLoRA' },
  { id: 'full', label: 'Full fine-tune' },
  { id: 'half', label: '½ context' },
  { id: 'double', label: '2× context' },
] as const;
export type VariantId = (typeof VARIANTS)[number]['id'];

const PREFIX = 'v1';

export interface Button {
  variant: VariantId;
  label: string;
  /** `v1:<variant>:<query words>`: everything needed to answer the click. */
  payload: string;
}

/** Buttons for an estimate of `query` (the asker's words, see draftToText); the current mode is left out. */
export function buttonsFor(query: string, mode: Mode, context: number, maxPayload: number): Button[] {
  return VARIANTS.filter((v) => v.id !== mode)
    .filter(
      (v) => !(v.id === 'half' && context <= 1) && !(v.id === 'double' && context * 2 > LIMITS.context.max),
    )
    .map((v) => ({ variant: v.id, label: v.label, payload: `${PREFIX}:${v.id}:${query}` }))
    .filter((b) => b.payload.length <= maxPayload);
}

export function isVariantPayload(payload: string): boolean {
  return payload.startsWith(`${PREFIX}:`);
}

/** A click's payload: the variant and the asker's words (not parsed yet). */
export interface Click {
  variant: VariantId;
  words: string;
}

/** The click a payload describes, or null when it is not one of ours (an older version's button). */
export function readClick(payload: string): Click | null {
  const m = /^v1:([a-z]+):(.*)$/s.exec(payload);
  const variant = VARIANTS.find((v) => v.id === m?.[1]);
  return m && variant ? { variant: variant.id, words: m[2]! } : null;
}

export const OLD_BUTTON_REPLY: Reply = {
  kind: 'error',
  message: 'this button is from an older version; ask again',
  example: `/vram ${EXAMPLE}`,
  ephemeral: true,
};

/** Answer a click whose words are parsed: apply the variant, run the estimate. */
export function clickReply(variant: VariantId, draft: Draft, resolved?: ModelSpec): Reply {
  return replyFor(() => applyVariant(draft, variant, resolved), resolved);
}

/** Answer a click from its payload (parse, apply, estimate); bad words become an error reply. */
export function runVariant(payload: string, resolved?: ModelSpec): Reply {
  const click = readClick(payload);
  if (!click) return OLD_BUTTON_REPLY;
  return replyFor(() => applyVariant(parseDraft(click.words), click.variant, resolved), resolved);
}

/** The Hugging Face id a button's query names, if any (its click needs a lookup, see runVariantAsync). */
export function variantHubModel(payload: string): string | undefined {
  const click = readClick(payload);
  try {
    return click ? parseDraft(click.words).hubModel : undefined;
  } catch {
    return undefined;
  }
}

/** Switching mode drops the words that only make sense in the other mode. */
export function applyVariant(d: Draft, v: VariantId, resolved?: ModelSpec): Draft {
  if (v === 'half' || v === 'double') {
    const { request } = toRequest(d, resolved);
    const ctx =
      v === 'half'
        ? Math.max(1, Math.floor(request.context / 2))
        : Math.min(LIMITS.context.max, request.context * 2);
    return { ...d, context: ctx };
  }
  const out: Draft = { ...d, mode: v };
  if (v === 'inference') {
    delete out.rank;
    delete out.targets;
    delete out.optimizer;
    delete out.gradientCheckpointing;
    delete out.accumulation;
    delete out.mixed;
  } else {
    // Training runs in PyTorch on a 16-bit (LoRA, full) or NF4 (QLoRA) base: inference-only choices go.
    delete out.kvType;
    delete out.runtime;
    delete out.format;
    delete out.generic;
    if (v === 'full') {
      delete out.rank;
      delete out.targets;
    }
  }
  return out;
}
