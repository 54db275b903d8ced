// Buttons under a result: the same query as Inference / LoRA / QLoRA / Full fine-tune, or with half or
// double the context. Stateless: the payload carries the variant and the query words, so any process
// can answer any click.
import { toRequest, EXAMPLE, type Draft } from '../src/query/parse.ts';
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

/**
 * Buttons that show the same answer another way, to the person who clicked only (no second public message):
 * the details (formulas, assumptions, GPU lists) and the chart.
 */
export const VIEWS = [
  { id: 'details', label: 'Details' },
  { id: 'chart', label: 'Chart' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

const PREFIX = 'v1';

export interface Button {
  variant: VariantId | ViewId;
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

/** The Details and Chart buttons for an estimate of `query` (payloads over `maxPayload` are left out). */
export function viewButtonsFor(query: string, maxPayload: number): Button[] {
  return VIEWS.map((v) => ({ variant: v.id, label: v.label, payload: `${PREFIX}:${v.id}:${query}` })).filter(
    (b) => b.payload.length <= maxPayload,
  );
}

/** A Details or Chart click: its answer is a message of the clicker's own, not an update of the one clicked. */
export function isViewPayload(payload: string): boolean {
  const v = readClick(payload)?.variant;
  return v === 'details' || v === 'chart';
}

export function isVariantPayload(payload: string): boolean {
  return payload.startsWith(`${PREFIX}:`);
}

/** A click's payload: the variant (or view) and the asker's words (not parsed yet). */
export interface Click {
  variant: VariantId | ViewId;
  words: string;
}

/** The click a payload describes, or null when it is not one of ours (an older version's button). */
export function readClick(payload: string): Click | null {
  const m = /^v1:([a-z]+):(.*)$/s.exec(payload);
  const variant = [...VARIANTS, ...VIEWS].find((v) => v.id === m?.[1]);
  return m && variant ? { variant: variant.id, words: m[2]! } : null;
}

export const OLD_BUTTON_REPLY: Reply = {
  kind: 'error',
  message: 'this button is from an older version; ask again',
  example: `/vram ${EXAMPLE}`,
  ephemeral: true,
};

/**
 * Answer a click whose words are parsed: apply the variant and run the estimate; a view shows the same
 * estimate in detail, or with its chart, to the clicker only.
 */
export function clickReply(variant: VariantId | ViewId, draft: Draft, resolved?: ModelSpec): Reply {
  if (variant === 'details' || variant === 'chart') {
    const reply = replyFor(() => (variant === 'chart' ? { ...draft, chart: true } : draft), resolved);
    if (reply.kind !== 'estimate') return reply;
    return variant === 'details'
      ? { ...reply, view: 'details', ephemeral: true }
      : { ...reply, ephemeral: true };
  }
  return replyFor(() => applyVariant(draft, variant, resolved), resolved);
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
