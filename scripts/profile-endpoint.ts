// Profile the compiled bot while one endpoint answers the bench's distinct mix (every question new):
// `npm run build && node --import tsx scripts/profile-endpoint.ts slack|discord [repeated]`.
// Writes a .cpuprofile into bench-results/ (open it in Chrome DevTools) and prints the heaviest functions
// and files by self time. A development aid, not a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { runLoad } from './lib/load.ts';
import { discordInteraction, discordKeys, slackCommand, SLACK_SECRET, SLACK_TOKEN } from './lib/signing.ts';
import { freePort, ROOT, startFlags, stop, waitUntil } from './lib/processes.ts';
import { distinctQuery, QUERIES } from './bench-http.ts';

const which = process.argv[2] === 'discord' ? 'discord' : 'slack';
const question = (u: number) =>
  process.argv[3] === 'repeated' ? QUERIES[u % QUERIES.length]! : distinctQuery(u);
const port = await freePort();
const { publicKeyHex, privateKey } = discordKeys();
const pool = Array.from({ length: 20000 }, (_, u) =>
  which === 'slack'
    ? slackCommand(question(u), `U${u}`)
    : discordInteraction(privateKey, `${1000 + u}`, { command: question(u) }),
);
const env = {
  PATH: process.env.PATH ?? '',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  ...(which === 'slack'
    ? { SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_PORT: String(port) }
    : { DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_APPLICATION_ID: '1', DISCORD_PORT: String(port) }),
};
const dir = join(ROOT, 'bench-results');
const before = new Set(readdirSync(dir, { withFileTypes: false }).map(String));
const bot = spawn(
  process.execPath,
  [...startFlags(), '--cpu-prof', `--cpu-prof-dir=${dir}`, 'dist/adapters/main.js'],
  { cwd: ROOT, env, stdio: 'inherit' },
);
await waitUntil(
  async () =>
    (
      await fetch(`http://127.0.0.1:${port}${pool[0]!.path}`, {
        method: 'POST',
        headers: pool[0]!.headers,
        body: pool[0]!.body,
      })
    ).ok,
  30000,
);
await runLoad(port, pool, 2);
const r = await runLoad(port, pool, Number(process.env.PROFILE_SECONDS ?? 6));
console.log(which, Math.round(r.requests.average), 'req/s', 'p99', r.latency.p99, 'ms');
await stop(bot);

// Self time per function and per file.
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile') && !before.has(f));
if (file) {
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    const url = n.callFrame.url.replace(/^file:\/\/.*?(node_modules|dist)\//, '$1/');
    const k = `${n.callFrame.functionName || '(anon)'} ${url}:${n.callFrame.lineNumber}`;
    fn.set(k, (fn.get(k) ?? 0) + dt);
    files.set(url || n.callFrame.functionName, (files.get(url || n.callFrame.functionName) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  console.log(
    `${file}\n-- functions --\n${top(fn, 40).join('\n')}\n-- files --\n${top(files, 30).join('\n')}`,
  );
}
