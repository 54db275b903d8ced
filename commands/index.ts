// Dispatch a chat line to a command: "help", "gpus", "models" as the first word, everything else is /vram.
import { EXAMPLE } from '../src/query/parse.ts';
import { LIMITS } from '../src/request.ts';
import { gpus } from './gpus.ts';
import { help, helpReply } from './help.ts';
import { models } from './models.ts';
import { FAULT_REPLY, resolveHub, type AsyncDeps } from './lookup.ts';
import type { CommandInput, Reply } from './types.ts';
import { draftOf, runWith, vram } from './vram.ts';
import { runVariant, variantHubModel } from './variants.ts';

export type { AsyncDeps } from './lookup.ts';

/** Strip a leading "/vram" (or "vram") so chat lines and bare queries read the same. */
export function stripCommandWord(line: string): string {
  return line.replace(/^\s*\/?vram\b:?/i, '').trim();
}

/**
 * Run one chat line (with optional typed options). Never throws: an unexpected fault becomes a short
 * error reply, and the caller logs it.
 */
export function handle(input: CommandInput, onFault?: (err: unknown) => void): Reply {
  const text = stripCommandWord(input.text);
  try {
    if (text.length > LIMITS.queryLength) {
      return {
        kind: 'error',
        message: `the query is ${text.length} characters long; keep it under ${LIMITS.queryLength}`,
        example: `/vram ${EXAMPLE}`,
        ephemeral: true,
      };
    }
    const [first = '', ...rest] = text.split(/\s+/);
    const sub = first.toLowerCase();
    const hasOptions = Object.values(input.options ?? {}).some((v) => v !== undefined && v !== '');
    if (!text && !hasOptions) return helpReply();
    if (sub === 'help' || sub === '--help' || sub === '-h') return help.run({ text: rest.join(' ') });
    if (sub === 'gpus' || sub === 'gpu-list') return gpus.run({ text: rest.join(' ') });
    if (sub === 'models') return models.run({ text: rest.join(' ') });
    return vram.run({ text, options: input.options });
  } catch (err) {
    onFault?.(err);
    return {
      kind: 'error',
      message: 'something went wrong on our side computing that; it has been logged',
      example: `/vram ${EXAMPLE}`,
      ephemeral: true,
    };
  }
}

/**
 * The Hugging Face id a /vram line names (`owner/name` the catalog does not know), or undefined: the line is
 * answered from the catalog alone, or is help / a list / an error the sync path words. Never throws.
 */
export function lookupTarget(input: CommandInput): string | undefined {
  const text = stripCommandWord(input.text);
  if (text.length > LIMITS.queryLength) return undefined;
  const sub = (text.split(/\s+/)[0] ?? '').toLowerCase();
  if (['help', '--help', '-h', 'gpus', 'gpu-list', 'models'].includes(sub)) return undefined;
  try {
    return draftOf({ text, options: input.options }).hubModel;
  } catch {
    return undefined;
  }
}

/** True when answering may take a network round trip (adapters defer their reply). */
export function needsLookup(input: string | CommandInput): boolean {
  return lookupTarget(typeof input === 'string' ? { text: input } : input) !== undefined;
}

/**
 * handle() for every line, with Hugging Face ids read from the Hub first (deps.hub) and then the same sync
 * path. Never throws: lookup failures are error replies, anything unexpected a fault reply (logged by onFault).
 */
export async function handleAsync(
  input: CommandInput,
  deps: AsyncDeps,
  onFault?: (err: unknown) => void,
): Promise<Reply> {
  const id = lookupTarget(input);
  if (id === undefined) return handle(input, onFault);
  const found = await resolveHub(id, deps, onFault);
  if ('reply' in found) return found.reply;
  try {
    return runWith({ text: stripCommandWord(input.text), options: input.options }, found.spec);
  } catch (err) {
    onFault?.(err);
    return FAULT_REPLY;
  }
}

/** A button click, with the query's Hugging Face model read first when it names one. Never throws. */
export async function runVariantAsync(
  payload: string,
  deps: AsyncDeps,
  onFault?: (err: unknown) => void,
): Promise<Reply> {
  const id = variantHubModel(payload);
  try {
    if (id === undefined) return runVariant(payload);
    const found = await resolveHub(id, deps, onFault);
    if ('reply' in found) return found.reply;
    return runVariant(payload, found.spec);
  } catch (err) {
    onFault?.(err);
    return FAULT_REPLY;
  }
}
