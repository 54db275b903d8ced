// Dispatch a chat line to a command: "help", "gpus", "models" as the first word, everything else is /vram.
import { EXAMPLE } from '../src/query/parse.ts';
import { LIMITS } from '../src/request.ts';
import { gpus } from './gpus.ts';
import { help, helpReply } from './help.ts';
import { models } from './models.ts';
import { FAULT_REPLY, resolveHub, type AsyncDeps } from './lookup.ts';
import type { CommandInput, Reply } from './types.ts';
import { draftOf, queryErrorReply, replyFor } from './vram.ts';
import { clickReply, OLD_BUTTON_REPLY, readClick } from './variants.ts';
import { parseDraft, QueryError, type Draft } from '../src/query/parse.ts';
import type { ModelSpec } from '../src/catalog/types.ts';

export type { AsyncDeps } from './lookup.ts';

/** Strip a leading "/vram" (or "vram") so chat lines and bare queries read the same. */
export function stripCommandWord(line: string): string {
  return line.replace(/^\s*\/?vram\b:?/i, '').trim();
}

/**
 * What answering a question takes, decided from one parse: a reply now, or a Hugging Face lookup first
 * (`lookup` names the id; `finish` turns the model read from the Hub into the reply, from the same parse).
 */
export type Plan =
  | { reply: Reply }
  | {
      lookup: string;
      /** The asker wants the answer to themselves (a deferral must be private from the start). */
      private: boolean;
      finish(spec: ModelSpec): Reply;
    };

const SUBCOMMANDS = new Set(['help', '--help', '-h', 'gpus', 'gpu-list', 'models']);

/**
 * Plan one chat line (with optional typed options): parsed once, whatever comes after. Never throws: an
 * unexpected fault becomes the fault reply, and `onFault` hears of it.
 */
export function plan(input: CommandInput, onFault?: (err: unknown) => void): Plan {
  const text = stripCommandWord(input.text);
  try {
    if (text.length > LIMITS.queryLength) {
      return {
        reply: {
          kind: 'error',
          message: `the query is ${text.length} characters long; keep it under ${LIMITS.queryLength}`,
          example: `/vram ${EXAMPLE}`,
          ephemeral: true,
        },
      };
    }
    const [first = '', ...rest] = text.split(/\s+/);
    const sub = first.toLowerCase();
    const hasOptions = Object.values(input.options ?? {}).some((v) => v !== undefined && v !== '');
    if (!text && !hasOptions) return { reply: helpReply() };
    if (SUBCOMMANDS.has(sub)) {
      const words = { text: rest.join(' ') };
      if (sub === 'gpus' || sub === 'gpu-list') return { reply: gpus.run(words) };
      if (sub === 'models') return { reply: models.run(words) };
      return { reply: help.run(words) };
    }
    let draft: Draft;
    try {
      draft = draftOf({ text, options: input.options });
    } catch (err) {
      if (err instanceof QueryError) return { reply: queryErrorReply(err) };
      throw err;
    }
    if (draft.hubModel === undefined) return { reply: replyFor(() => draft) };
    return {
      lookup: draft.hubModel,
      private: draft.visibility === 'private',
      finish: (spec) => guarded(() => replyFor(() => draft, spec), onFault),
    };
  } catch (err) {
    onFault?.(err);
    return { reply: FAULT_REPLY };
  }
}

/** A button click planned from its payload, parsed once (see plan). Never throws. */
export function planVariant(payload: string, onFault?: (err: unknown) => void): Plan {
  try {
    const click = readClick(payload);
    if (!click) return { reply: OLD_BUTTON_REPLY };
    let draft: Draft;
    try {
      draft = parseDraft(click.words);
    } catch (err) {
      if (err instanceof QueryError) return { reply: queryErrorReply(err) };
      throw err;
    }
    const id = draft.hubModel;
    if (id === undefined) return { reply: clickReply(click.variant, draft) };
    return {
      lookup: id,
      private: false,
      finish: (spec) => guarded(() => clickReply(click.variant, draft, spec), onFault),
    };
  } catch (err) {
    onFault?.(err);
    return { reply: FAULT_REPLY };
  }
}

/**
 * Run one chat line from the catalog alone (a Hub id gets the reply that says it needs the lookup path).
 * Never throws: an unexpected fault becomes a short error reply, and the caller logs it.
 */
export function handle(input: CommandInput, onFault?: (err: unknown) => void): Reply {
  const p = plan(input, onFault);
  return 'reply' in p ? p.reply : hubUnavailable(p.lookup);
}

/** handle() for a button click: its payload planned (planVariant), answered from the catalog alone. */
export function runVariant(payload: string, onFault?: (err: unknown) => void): Reply {
  const p = planVariant(payload, onFault);
  return 'reply' in p ? p.reply : hubUnavailable(p.lookup);
}

/** A question that needs the Hub, asked where nothing can wait for the lookup (the sync path). */
export function hubUnavailable(id: string): Reply {
  return {
    kind: 'error',
    message: `"${id}" is not in the catalog, and reading it from the Hugging Face Hub is not possible here`,
    example: `/vram ${EXAMPLE}`,
    ephemeral: true,
  };
}

function guarded(make: () => Reply, onFault?: (err: unknown) => void): Reply {
  try {
    return make();
  } catch (err) {
    onFault?.(err);
    return FAULT_REPLY;
  }
}

/** True when answering needs a Hugging Face lookup first (a network round trip; adapters defer). */
export function needsLookup(input: string | CommandInput): boolean {
  return 'lookup' in plan(typeof input === 'string' ? { text: input } : input);
}

/** Finish a plan: the reply, after reading the Hub when it needs a lookup. Never throws. */
export async function settle(p: Plan, deps: AsyncDeps, onFault?: (err: unknown) => void): Promise<Reply> {
  if ('reply' in p) return p.reply;
  const found = await resolveHub(p.lookup, deps, onFault);
  return 'reply' in found ? found.reply : p.finish(found.spec);
}

/**
 * handle() for every line, with Hugging Face ids read from the Hub first (deps.hub). Never throws: lookup
 * failures are error replies, anything unexpected a fault reply (logged by onFault).
 */
export function handleAsync(
  input: CommandInput,
  deps: AsyncDeps,
  onFault?: (err: unknown) => void,
): Promise<Reply> {
  return settle(plan(input, onFault), deps, onFault);
}

/** A button click, with the query's Hugging Face model read first when it names one. Never throws. */
export function runVariantAsync(
  payload: string,
  deps: AsyncDeps,
  onFault?: (err: unknown) => void,
): Promise<Reply> {
  return settle(planVariant(payload, onFault), deps, onFault);
}
