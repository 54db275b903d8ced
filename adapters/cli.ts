#!/usr/bin/env node
// `npm run -s vram -- [--json] "<query>"` (design 2.1). Exit 0 report, 2 invalid query, 1 internal fault.
// A query naming a Hugging Face model reads it from the Hub first (HF_TOKEN / HF_ENDPOINT from the
// environment); a lookup the asker can act on (no such repo, gated, rate limited, timed out, malformed
// file, bad id) is a query error: exit 2 with its one-line reason.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { handle, handleAsync, type AsyncDeps } from '../commands/index.ts';
import type { Reply } from '../commands/types.ts';
import { toJson } from '../src/report.ts';
import { ConfigError, loadHubConfig } from './config.ts';
import { renderText } from './console/render.ts';
import { hubFromConfig } from './shared/hub.ts';

export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export function runCli(argv: readonly string[]): CliResult {
  const { json, query } = readArgs(argv);
  let fault: unknown;
  const reply = handle({ text: query }, (err) => (fault = err));
  return result(reply, json, fault);
}

/** runCli, with Hugging Face models read from the Hub (deps.hub). */
export async function runCliAsync(argv: readonly string[], deps: AsyncDeps): Promise<CliResult> {
  const { json, query } = readArgs(argv);
  let fault: unknown;
  const reply = await handleAsync({ text: query }, deps, (err) => (fault = err));
  return result(reply, json, fault);
}

function readArgs(argv: readonly string[]): { json: boolean; query: string } {
  return { json: argv.includes('--json'), query: argv.filter((a) => a !== '--json' && a !== '--').join(' ') };
}

function result(reply: Reply, json: boolean, fault: unknown): CliResult {
  if (fault !== undefined) {
    const msg = 'internal error while computing the estimate';
    return json
      ? { code: 1, stdout: JSON.stringify({ error: { message: msg } }) + '\n', stderr: `error: ${msg}\n` }
      : { code: 1, stdout: '', stderr: `error: ${msg}\n` };
  }
  if (reply.kind === 'error') {
    const line = `error: ${reply.message} Example: ${reply.example}`;
    return json
      ? { code: 2, stdout: JSON.stringify({ error: { message: reply.message } }) + '\n', stderr: line + '\n' }
      : { code: 2, stdout: '', stderr: line + '\n' };
  }
  if (json) {
    // "What can my GPU run?": the list, per mode (model id, mode, format, context, bytes, headroom, tok/s).
    if (reply.kind === 'runnable')
      return { code: 0, stdout: JSON.stringify(reply.answer) + '\n', stderr: '' };
    if (reply.kind !== 'estimate') {
      return {
        code: 2,
        stdout:
          JSON.stringify({ error: { message: 'name a model, e.g. "llama-3.1-8b q4_k_m ctx=8k"' } }) + '\n',
        stderr: 'error: --json needs a query with a model\n',
      };
    }
    return { code: 0, stdout: JSON.stringify(toJson(reply.report)) + '\n', stderr: '' };
  }
  return { code: 0, stdout: renderText(reply) + '\n', stderr: '' };
}

/** Executed directly (node dist/adapters/cli.js, the `vram` bin link, tsx), not imported by a test. */
function isMain(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const argv = process.argv.slice(2);
  const run = async (): Promise<CliResult> => {
    try {
      return await runCliAsync(argv, { hub: hubFromConfig(loadHubConfig(process.env)) });
    } catch (err) {
      if (err instanceof ConfigError)
        return {
          code: 2,
          stdout: argv.includes('--json') ? JSON.stringify({ error: { message: err.message } }) + '\n' : '',
          stderr: `error: ${err.message}\n`,
        };
      return { code: 1, stdout: '', stderr: 'error: internal error\n' };
    }
  };
  void run().then((r) => {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
  });
}
