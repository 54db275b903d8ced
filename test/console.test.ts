// The console adapter of design 2.3: one reply per input line, visibly separated, exits when stdin closes.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answerLine, runConsole, SEPARATOR } from '../adapters/console/console.ts';
import { WIDTH } from '../adapters/console/render.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Feed lines to runConsole, end the input, and collect what it wrote and logged. */
async function drive(lines: string[]): Promise<{ out: string; logged: string[] }> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const logged: string[] = [];
  const done = runConsole(input, output, (m) => logged.push(m));
  for (const l of lines) input.write(`${l}\n`);
  input.end();
  await done;
  return { out: Buffer.concat(chunks).toString('utf8'), logged };
}

/** Split console output into replies on SEPARATOR lines. */
function replies(out: string): string[] {
  return out
    .replace(/\n$/, '')
    .split('\n')
    .reduce<string[][]>(
      (acc, line) => {
        if (line === SEPARATOR) acc.push([]);
        else acc[acc.length - 1]!.push(line);
        return acc;
      },
      [[]],
    )
    .map((r) => r.join('\n'));
}

describe('runConsole', () => {
  it('answers every line exactly once, separated, and resolves when the input ends', async () => {
    const { out, logged } = await drive(['/vram 13b int4 ctx=8192', 'help', 'not-a-model xyz', '']);
    const lines = out.split('\n');
    expect(lines.filter((l) => l === SEPARATOR)).toHaveLength(3);
    const r = replies(out);
    expect(r).toHaveLength(4);
    for (const reply of r) expect(reply.trim().length).toBeGreaterThan(0);

    // 1: the estimate
    expect(r[0]).toContain('13B');
    expect(r[0]).toContain('GiB');
    expect(r[0]).toContain('8k context');
    // 2: help
    expect(r[1]).toContain('Usage:');
    expect(r[1]).toContain('/vram <model>');
    // 3: the bad line
    const errLines = r[2]!.split('\n');
    expect(errLines[0]!.startsWith('error:')).toBe(true);
    expect(r[2]).toContain('not-a-model');
    expect(r[2]).not.toContain('    at ');
    // 4: the empty line got the usage
    expect(r[3]).toContain('Usage:');
    expect(r[3]).toContain('/vram <model>');

    expect(logged).toEqual([]);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(WIDTH);
  });

  it('does not print a prompt when the input is not a terminal', async () => {
    const { out } = await drive(['help']);
    expect(out.startsWith('vram: type a query')).toBe(false);
    expect(out).not.toContain('Ctrl-D');
    expect(out.split('\n').some((l) => l.startsWith('> '))).toBe(false);
    expect(out.split('\n').filter((l) => l === SEPARATOR)).toHaveLength(0);
  });

  it('resolves on an input that ends without any line', async () => {
    const { out, logged } = await drive([]);
    expect(out).toBe('');
    expect(logged).toEqual([]);
  });

  it('answers a last line that has no trailing newline', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const done = runConsole(input, output, () => {});
    input.end('help\n13b int4');
    await done;
    expect(replies(out)).toHaveLength(2);
    expect(replies(out)[1]).toContain('13B');
  });

  it('answerLine reads a chat line and a bare query the same way', () => {
    const faults: unknown[] = [];
    const a = answerLine('/vram llama-3.1-8b q4_k_m ctx=8k', (e) => faults.push(e));
    const b = answerLine('llama-3.1-8b q4_k_m ctx=8k', (e) => faults.push(e));
    expect(a).toBe(b);
    expect(a).toContain('GiB');
    expect(faults).toEqual([]);
  });
});

describe('npm start without credentials (console adapter)', () => {
  it('answers two piped lines and exits 0 when stdin closes', { timeout: 60_000 }, async () => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (!/^(SLACK|DISCORD)_/.test(k)) env[k] = v;
    }
    const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<number | null>((res, rej) => {
      child.on('error', rej);
      child.on('close', (code) => res(code));
    });
    child.stdin.write('/vram 13b int4 ctx=8192\n');
    child.stdin.write('help\n');
    child.stdin.end();

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), 55_000)));
    const code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (code === 'timeout') child.kill();

    expect(code, stderr).toBe(0);
    expect(stdout.split('\n').filter((l) => l === SEPARATOR)).toHaveLength(1);
    expect(stdout).toContain('13B (Llama-style)');
    expect(stdout).toContain('Usage:');
    expect(stderr).not.toContain('internal fault');
    expect(stderr).not.toContain('config error');
  });
});
