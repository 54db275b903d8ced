// Resident memory of the compiled bot after a long run of distinct questions (issue 12: < 120 MiB after
// 100,000). Both HTTP endpoints in one process, 20 requests in flight, every question new (so the reply
// cache fills and evicts, and each user is new so the rate limiter's map grows and expires), then RSS.
//   node --import tsx scripts/rss-check.ts [requests]
import { request } from 'node:http';
import { discordInteraction, discordKeys, slackCommand, botEnv, type SignedRequest } from './lib/signing.ts';
import { freePort, rssKiB, startBot, stop, waitUntil } from './lib/processes.ts';

const TOTAL = Number(process.argv[2] ?? 100_000);
const { publicKeyHex, privateKey } = discordKeys();
const slackPort = await freePort();
const discordPort = await freePort();
// Settings to compare: BOT_NODE_OPTIONS (V8 flags) and MALLOC_ARENA_MAX (glibc) reach the bot process.
const nodeOptions: Record<string, string> = {
  ...(process.env.BOT_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BOT_NODE_OPTIONS } : {}),
  ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
};
const bot = startBot({ ...botEnv(slackPort, discordPort, publicKeyHex), ...nodeOptions }, true);
const health = (port: number) => () =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
await waitUntil(health(slackPort), 10_000);
await waitUntil(health(discordPort), 10_000);
const rss = () => Math.round(rssKiB(bot.pid!) / 1024);
const start = rss();

const SIZES = ['1b', '3b', '7b', '8b', '13b', '14b', '32b', '70b'];
const FORMATS = ['q4_k_m', 'q8_0', 'int4', 'bf16', 'awq runtime=vllm', 'nf4'];
function question(i: number): string {
  return `${SIZES[i % SIZES.length]} ${FORMATS[(i >> 3) % FORMATS.length]} ctx=${1024 + (i % 50_000)} batch=${1 + Math.floor(i / 50_000)}`;
}

function send(port: number, r: SignedRequest): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: r.path, method: 'POST', headers: r.headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(r.body);
  });
}

let next = 0;
let errors = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: 20 }, async () => {
    for (let i = next++; i < TOTAL; i = next++) {
      const slack = i % 2 === 0;
      const r = slack
        ? slackCommand(question(i), `U${i}`)
        : discordInteraction(privateKey, `${10_000_000 + i}`, { command: question(i) });
      if ((await send(slack ? slackPort : discordPort, r)) !== 200) errors++;
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
const after = rss();
// V8's memory reducer gives heap pages back once the process goes quiet: what a server holds between bursts.
const idle: Record<string, number> = {};
let waited = 0;
for (const s of [5, 15, 30]) {
  await new Promise((r) => setTimeout(r, (s - waited) * 1000));
  waited = s;
  idle[`${s}s`] = rss();
}
console.log(
  JSON.stringify({
    requests: TOTAL,
    errors,
    seconds: Math.round(seconds),
    rssStartMiB: start,
    rssAfterMiB: after,
    rssIdleMiB: idle,
  }),
);
await stop(bot);
