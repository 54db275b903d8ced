// The console adapter: one reply per input line, visibly separated; works on a terminal and piped.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { handle } from '../../commands/index.ts';
import { renderText } from './render.ts';

export const SEPARATOR = '-'.repeat(100);

/** Answer one line (a chat line like "/vram 13b int4 ctx=8192", or the query alone). */
export function answerLine(line: string, onFault: (err: unknown) => void): string {
  return renderText(handle({ text: line }, onFault));
}

/** Read lines until the input closes; resolves when done. */
export function runConsole(input: Readable, output: Writable, log: (msg: string) => void): Promise<void> {
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, terminal: false });
  if (interactive) output.write('vram: type a query like "13b int4 ctx=8192", or help. Ctrl-D to quit.\n> ');
  let first = true;
  rl.on('line', (line) => {
    const text = answerLine(line, (err) =>
      log(`internal fault: ${err instanceof Error ? err.message : String(err)}`),
    );
    output.write(`${first ? '' : `${SEPARATOR}\n`}${text}\n`);
    first = false;
    if (interactive) output.write('> ');
  });
  return new Promise((resolve) => rl.on('close', () => resolve()));
}
