#!/usr/bin/env node
// `npm run -s vram -- [--json] "<query>"` (design 2.1). Exit 0 report, 2 invalid query, 1 internal fault.
// A query naming a Hugging Face model reads it from the Hub first (HF_TOKEN / HF_ENDPOINT from the
// environment); a lookup the asker can act on (no such repo, gated, rate limited, timed out, malformed
// file, bad id) is a query error: exit 2 with its one-line reason.
import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { handle, handleAsync, type AsyncDeps } from '../commands/index.ts';
import type { Reply } from '../commands/types.ts';
import { toJson } from '../src/report.ts';
import { ConfigError, loadHubConfig } from './config.ts';
import { renderText } from './console/render.ts';
import { hubFromConfig } from './shared/hub.ts';
import type { DrawChart } from './shared/attach.ts';
import { closeChartRenderer, renderChartPng } from './shared/chart.ts';
import { chartText } from '../src/chart-data.ts';

export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export function runCli(argv: readonly string[]): CliResult {
  const args = readArgs(argv);
  let fault: unknown;
  const reply = handle({ text: args.query }, (err) => (fault = err));
  return result(reply, args, fault);
}

/**
 * runCli, with Hugging Face models read from the Hub (deps.hub), and `--chart file.png` drawn (`draw`
 * defaults to the shared renderer). A chart that cannot be drawn is said on stderr, with the chart in
 * words after the report: the answer itself still counts (exit 0).
 */
export async function runCliAsync(
  argv: readonly string[],
  deps: AsyncDeps,
  draw: DrawChart = renderChartPng,
): Promise<CliResult> {
  const args = readArgs(argv);
  if (args.error) return { code: 2, stdout: '', stderr: `error: ${args.error}\n` };
  let fault: unknown;
  const text = args.chartFile ? `${args.query} chart` : args.query;
  const reply = await handleAsync({ text }, deps, (err) => (fault = err));
  // With --chart the picture goes to the file: the report itself is the one without the chart in words.
  const shown = args.chartFile && reply.kind === 'estimate' ? { ...reply, chart: undefined } : reply;
  const out = result(shown, args, fault);
  if (!args.chartFile || out.code !== 0 || reply.kind !== 'estimate' || !reply.chart) return out;
  try {
    const png = await draw(reply.chart, { theme: 'light' });
    writeFileSync(args.chartFile, png);
    return { ...out, stderr: `${out.stderr}chart: wrote ${args.chartFile} (${png.length} bytes)\n` };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const words = args.json ? '' : `\n${chartText(reply.chart)}\n`;
    return {
      ...out,
      stdout: out.stdout + words,
      stderr: `${out.stderr}chart: could not be drawn (${why})\n`,
    };
  }
}

interface Args {
  json: boolean;
  brief: boolean;
  chartFile: string | null;
  query: string;
  error?: string;
}

/** `--json`, `--brief`, `--chart <file>` (or `--chart=<file>`); everything else is the query. */
function readArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, brief: false, chartFile: null, query: '' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--brief') args.brief = true;
    else if (a === '--chart' || a.startsWith('--chart=')) {
      const file = a === '--chart' ? argv[++i] : a.slice('--chart='.length);
      if (!file || file.startsWith('--')) args.error = '--chart needs a file name, e.g. --chart memory.png';
      else args.chartFile = file;
    } else if (a !== '--') words.push(a);
  }
  args.query = words.join(' ');
  return args;
}

function result(reply: Reply, args: Args, fault: unknown): CliResult {
  const json = args.json;
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
  return { code: 0, stdout: renderText(reply, { brief: args.brief }) + '\n', stderr: '' };
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
  void run().then(async (r) => {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
    await closeChartRenderer();
  });
}
