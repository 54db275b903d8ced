// Dispatch a chat line to a command: "help", "gpus", "models" as the first word, everything else is /vram.
import { EXAMPLE } from '../src/query/parse.ts';
import { LIMITS } from '../src/request.ts';
import { gpus } from './gpus.ts';
import { help, helpReply } from './help.ts';
import { models } from './models.ts';
import type { Command, CommandInput, Reply } from './types.ts';
import { vram } from './vram.ts';

export const COMMANDS: readonly Command[] = [vram, help, gpus, models];

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
