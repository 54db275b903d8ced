// `/vram` with no words opens this form. Its fields come from the /vram option declarations (labels, hints,
// choices), the model picker is an external select answered from the catalog, and submitting turns the form
// into the same typed options Discord sends, so the command runs exactly as it does there.
import type { types } from '@slack/bolt';
import { searchModels } from '../../commands/complete.ts';
import type { CommandInput, OptionDecl } from '../../commands/types.ts';
import { vram } from '../../commands/vram.ts';
import { parseTokens, QueryError } from '../../src/query/parse.ts';
import { clamp, plainText } from './blocks.ts';
import { SLACK_LIMITS } from './limits.ts';

export const MODAL_CALLBACK_ID = 'vram_modal';
/** The model picker's action id: options requests for it are answered with catalog matches. */
export const MODEL_ACTION_ID = 'vram_model';

/** Block ids are the option names, so a submission maps back to the declarations one to one. */
type Field = 'model' | 'format' | 'context' | 'mode' | 'private';

/** Where the command was typed: the result goes back there. */
export interface Origin {
  channelId: string;
  /** The slash command's response_url: posts in DMs and channels the bot is not a member of. */
  responseUrl?: string;
}

/** A bare size ("13b", "1.5b", "500m") is a valid model too: it maps to a stated Llama-style shape. */
const SIZE = /^\d+(\.\d+)?[bm]$/i;

function decl(name: Field): OptionDecl {
  const d = vram.options.find((o) => o.name === name);
  // The declarations are ours: a missing one is a programming error caught by the modal test.
  if (!d) throw new Error(`vram declares no "${name}" option`);
  return d;
}

function label(name: Field): types.PlainTextElement {
  return plainText(
    name === 'private' ? 'Visibility' : name[0]!.toUpperCase() + name.slice(1),
    SLACK_LIMITS.inputLabel,
  );
}

function option(text: string, value: string): types.PlainTextOption {
  return { text: plainText(text, SLACK_LIMITS.optionText), value: value.slice(0, SLACK_LIMITS.optionValue) };
}

export function modalView(origin: Origin): types.ModalView {
  const format = decl('format');
  const mode = decl('mode');
  const modes = (mode.choices ?? []).slice(0, SLACK_LIMITS.selectOptions).map((c) => option(c, c));
  const blocks: types.InputBlock[] = [
    {
      type: 'input',
      block_id: 'model',
      label: label('model'),
      hint: plainText(decl('model').description, SLACK_LIMITS.inputHint),
      element: {
        type: 'external_select',
        action_id: MODEL_ACTION_ID,
        // 0: the list shows as soon as the menu opens, then narrows as the asker types.
        min_query_length: 0,
        placeholder: plainText('Search: llama 3.1 8b, qwen, 13b…', SLACK_LIMITS.placeholder),
      },
    },
    {
      type: 'input',
      block_id: 'format',
      optional: true,
      label: label('format'),
      hint: plainText(`${format.description}; empty = the runtime's usual format`, SLACK_LIMITS.inputHint),
      element: {
        type: 'static_select',
        action_id: 'format',
        placeholder: plainText('bf16, int4, q4_k_m…', SLACK_LIMITS.placeholder),
        options: (format.choices ?? []).slice(0, SLACK_LIMITS.selectOptions).map((c) => option(c, c)),
      },
    },
    {
      type: 'input',
      block_id: 'context',
      optional: true,
      label: label('context'),
      hint: plainText(`${decl('context').description}: 8192 or 8k`, SLACK_LIMITS.inputHint),
      element: {
        type: 'plain_text_input',
        action_id: 'context',
        max_length: 16,
        placeholder: plainText('8k', SLACK_LIMITS.placeholder),
      },
    },
    {
      type: 'input',
      block_id: 'mode',
      label: label('mode'),
      hint: plainText(mode.description, SLACK_LIMITS.inputHint),
      element: {
        type: 'static_select',
        action_id: 'mode',
        options: modes,
        ...(modes[0] ? { initial_option: modes[0] } : {}),
      },
    },
    {
      type: 'input',
      block_id: 'private',
      optional: true,
      label: label('private'),
      element: {
        type: 'checkboxes',
        action_id: 'private',
        options: [option(decl('private').description, 'private')],
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK_ID,
    title: plainText('How much VRAM?', SLACK_LIMITS.modalTitle),
    submit: plainText('Estimate', SLACK_LIMITS.modalButton),
    close: plainText('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: writeOrigin(origin),
    blocks,
  };
}

/** Typeahead for the model picker: catalog matches (at most 100), plus the typed size if it is one. */
export function modelOptions(typed: string): types.PlainTextOption[] {
  const text = typed.trim();
  const out = searchModels(text, SLACK_LIMITS.selectOptions).map((m) => option(m.name, m.id));
  if (SIZE.test(text)) {
    out.unshift(option(`${text.toLowerCase()} (Llama-style shape of that size)`, text.toLowerCase()));
  }
  return out.slice(0, SLACK_LIMITS.selectOptions);
}

export function writeOrigin(origin: Origin): string {
  const full = JSON.stringify({ c: origin.channelId, r: origin.responseUrl });
  // private_metadata holds 3000 characters; the channel alone always fits.
  return full.length <= SLACK_LIMITS.privateMetadata ? full : JSON.stringify({ c: origin.channelId });
}

export function readOrigin(privateMetadata: string | undefined): Origin | null {
  try {
    const o = JSON.parse(privateMetadata ?? '') as { c?: unknown; r?: unknown };
    if (typeof o.c !== 'string') return null;
    return typeof o.r === 'string' ? { channelId: o.c, responseUrl: o.r } : { channelId: o.c };
  } catch {
    return null;
  }
}

type StateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[];
    }
  >
>;

export type Submission =
  { ok: true; options: NonNullable<CommandInput['options']> } | { ok: false; errors: Record<string, string> };

/** The submitted form as typed options, or the per-field errors Slack shows under each input. */
export function readSubmission(values: StateValues): Submission {
  const pick = (block: Field) => values[block]?.[block === 'model' ? MODEL_ACTION_ID : block];
  const model = pick('model')?.selected_option?.value;
  const format = pick('format')?.selected_option?.value;
  const mode = pick('mode')?.selected_option?.value;
  const contextText = pick('context')?.value?.trim() ?? '';
  const isPrivate = (pick('private')?.selected_options ?? []).some((o) => o.value === 'private');

  const errors: Partial<Record<Field, string>> = {};
  if (!model) errors.model = 'Pick a model (type to search)';
  let context: number | undefined;
  if (contextText) {
    try {
      context = parseTokens(contextText, 'context');
    } catch (err) {
      errors.context =
        err instanceof QueryError ? err.message : 'context must be a number of tokens like 8192 or 8k';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors: clampErrors(errors) };
  return { ok: true, options: { model, format, context, mode, private: isPrivate || undefined } };
}

/**
 * An engine error about the submitted combination, shown under the field it most likely concerns (Slack
 * only shows errors next to inputs).
 */
export function errorField(message: string, submitted: NonNullable<CommandInput['options']>): Field {
  if (/\b(context|ctx|tokens?)\b/i.test(message)) return 'context';
  if (submitted.format) return 'format';
  if (submitted.mode && submitted.mode !== 'inference') return 'mode';
  return 'model';
}

/** Error texts under inputs are short; keep them to a readable line. */
export function clampErrors(errors: Partial<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) if (v) out[k] = clamp(v, 150);
  return out;
}
