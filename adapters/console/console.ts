// The console adapter: one reply per input line, visibly separated; works on a terminal and piped.
// Lines are answered in order; one that names a Hugging Face model waits for its lookup, and the lines
// after it wait their turn.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { handle, handleAsync, type AsyncDeps } from '../../commands/index.ts';
import { hubFromConfig } from '../shared/hub.ts';
import { renderText } from './render.ts';
import { describeError } from '../shared/log.ts';
import { createPipeline, type PipelineLog } from '../shared/pipeline.ts';

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
  // One person at a terminal: no rate limit, and nothing worth caching.
  const pipeline = createPipeline<{ text: string }>({
    log: consoleLog(log),
    render: (reply) => ({ text: renderText(reply) }),
    limiter: false,
    cache: false,
    hub: deps.hub,
  });
  let first = true;
  let queue = Promise.resolve();
  const write = (text: string) => {
    output.write(`${first ? '' : `${SEPARATOR}\n`}${text}\n`);
    first = false;
    if (interactive) output.write('> ');
  };
  rl.on('line', (line) => {
    // In order: a line that waits for a lookup holds the lines after it.
    queue = queue.then(async () => {
      const o = pipeline.ask(undefined, { kind: 'command', input: { text: line } }, async (reply) =>
        write(renderText(reply)),
      );
      if (o.type === 'answer') write(o.out.text);
      else if (o.type === 'deferred') await o.delivered;
    });
  });
  return new Promise((resolve) => rl.on('close', () => void queue.then(() => resolve())));
}

/** The pipeline's log lines as one stderr line each: faults by message, never a stack. */
function consoleLog(log: (msg: string) => void): PipelineLog {
  const line = (fields: unknown, msg?: string) => {
    const err = (fields as { err?: unknown } | undefined)?.err;
    log(`${msg ?? ''}${err !== undefined ? `: ${describeError(err)}` : ''}`);
  };
  return {
    error: line as PipelineLog['error'],
    warn: line as PipelineLog['warn'],
    debug: (() => undefined) as PipelineLog['debug'],
  };
}
