// The console adapter: one reply per input line, visibly separated; works on a terminal and piped.
// Lines are answered in order; one that names a Hugging Face model waits for its lookup, and the lines
// after it wait their turn.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { handle, handleAsync, type AsyncDeps } from '../../commands/index.ts';
import { hubFromConfig } from '../shared/hub.ts';
import { renderText } from './render.ts';

export const SEPARATOR = '-'.repeat(100);

/** Answer one line (a chat line like "/vram 13b int4 ctx=8192", or the query alone), from the catalog alone. */
export function answerLine(line: string, onFault: (err: unknown) => void): string {
  return renderText(handle({ text: line }, onFault));
}

/** Answer one line, reading a Hugging Face model from the Hub when the line names one. */
export async function answerLineAsync(
  line: string,
  deps: AsyncDeps,
  onFault: (err: unknown) => void,
): Promise<string> {
  return renderText(await handleAsync({ text: line }, deps, onFault));
}

/** Read lines until the input closes; resolves when every line has its reply. */
export function runConsole(
  input: Readable,
  output: Writable,
  log: (msg: string) => void,
  deps: AsyncDeps = { hub: hubFromConfig({}) },
): Promise<void> {
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, terminal: false });
  if (interactive) output.write('vram: type a query like "13b int4 ctx=8192", or help. Ctrl-D to quit.\n> ');
  let first = true;
  let queue = Promise.resolve();
  const onFault = (err: unknown) =>
    log(`internal fault: ${err instanceof Error ? err.message : String(err)}`);
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      const text = await answerLineAsync(line, deps, onFault);
      output.write(`${first ? '' : `${SEPARATOR}\n`}${text}\n`);
      first = false;
      if (interactive) output.write('> ');
    });
  });
  return new Promise((resolve) => rl.on('close', () => void queue.then(() => resolve())));
}
