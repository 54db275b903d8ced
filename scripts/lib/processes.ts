// Start the real bot (and a bare node:http server) as child processes for the benchmark and the soak.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The node flags of `npm start` (package.json is their one home): the bench measures what ships. */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return (
    /node (.*?)\s*dist\/adapters\/main\.js/.exec(pkg.scripts.start)?.[1]?.split(/\s+/).filter(Boolean) ?? []
  );
}

/**
 * The bot with only the given environment: the sources under tsx (tests), or with `compiled` the build
 * `npm start` runs (node with its flags, dist/adapters/main.js; the bench and the soak measure what ships).
 */
export function startBot(env: Record<string, string>, compiled = false): ChildProcess {
  const clean: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'warn',
    ...env,
  };
  const args = compiled
    ? [...startFlags(), 'dist/adapters/main.js']
    : ['--import', 'tsx', 'adapters/main.ts'];
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: clean,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * A bare node:http server answering one fixed JSON body after reading the request: the ceiling. With
 * `workers` > 1, that many processes share the port (node:cluster), as the bot does with WORKERS. With
 * `ed25519KeyHex`, it first checks each request's Discord signature with libsodium, as the bot does: the
 * floor cost of any Discord interactions endpoint.
 */
export function startBare(
  port: number,
  opts: { workers?: number; ed25519KeyHex?: string } = {},
): ChildProcess {
  const workers = opts.workers ?? 1;
  const verify = opts.ed25519KeyHex
    ? `const sodium = require(${JSON.stringify(join(ROOT, 'node_modules/sodium-native'))});
const key = Buffer.from(${JSON.stringify(opts.ed25519KeyHex)}, 'hex');
const ok = (q, body) => { try { return sodium.crypto_sign_verify_detached(
  Buffer.from(String(q.headers['x-signature-ed25519']), 'hex'),
  Buffer.concat([Buffer.from(String(q.headers['x-signature-timestamp'])), body]), key); } catch { return false; } };`
    : '';
  const code = `
const cluster = require('node:cluster');
const verifying = ${opts.ed25519KeyHex ? 'true' : 'false'};
${verify}
if (cluster.isPrimary && ${workers} > 1) {
  for (let i = 0; i < ${workers}; i++) cluster.fork();
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers)) w.process.kill(); process.exit(0); });
} else {
  const answer = (s, status) => { s.writeHead(status, { 'content-type': 'application/json' }); s.end('{"ok":true}'); };
  require('node:http')
    .createServer((q, s) => {
      if (!verifying) return q.resume().on('end', () => answer(s, 200));
      const chunks = [];
      q.on('data', (c) => chunks.push(c)).on('end', () => answer(s, ok(q, Buffer.concat(chunks)) ? 200 : 401));
    })
    .listen(${port}, '127.0.0.1');
}`;
  // A file, not -e: cluster.fork() re-runs the main script.
  const dir = mkdtempSync(join(tmpdir(), 'vram-bare-'));
  const file = join(dir, 'bare.cjs');
  writeFileSync(file, code);
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return child;
}

export function rssKiB(pid: number): number {
  return Number(
    execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
      .toString()
      .trim(),
  );
}

/** Poll until `probe` answers true or the deadline passes; returns the elapsed milliseconds. */
export async function waitUntil(probe: () => Promise<boolean>, deadlineMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < deadlineMs) {
    if (await probe().catch(() => false)) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`not ready after ${deadlineMs} ms`);
}

export async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const done = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return done;
}
