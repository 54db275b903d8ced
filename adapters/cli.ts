// `npm run -s vram -- [--json] "<query>"` (design 2.1). Exit 0 report, 2 invalid query, 1 internal fault.
import { handle } from '../commands/index.ts';
import { toJson } from '../src/report.ts';
import { renderText } from './console/render.ts';

export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export function runCli(argv: readonly string[]): CliResult {
  const json = argv.includes('--json');
  const query = argv.filter((a) => a !== '--json' && a !== '--').join(' ');
  let fault: unknown;
  const reply = handle({ text: query }, (err) => (fault = err));
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

// Run only when executed directly (tests import runCli).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  let result: CliResult;
  try {
    result = runCli(process.argv.slice(2));
  } catch {
    result = { code: 1, stdout: '', stderr: 'error: internal error\n' };
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
