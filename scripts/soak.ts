// `npm run soak`: 20,000 mixed requests (commands, bad queries, help, private, autocomplete and model
// typeahead, buttons, and deliberately bad signatures) through both HTTP endpoints of the real bot
// process, 20 at a time. Checks that every request is answered, that nothing but the deliberate 401s
// is an error status. Then retention: the same endpoints in this process, heap after forced GC per
// request (RSS is reported but V8 grows it lazily). Writes bench-results/soak.json; exit 1 on a failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  discordInteraction,
  discordKeys,
  discordSigned,
  slackCommand,
  slackSigned,
  type SignedRequest,
  botEnv,
} from './lib/signing.ts';
import { freePort, rssKiB, startBot, stop, waitUntil } from './lib/processes.ts';
import { heapGrowthPerRequest } from './heap-check.ts';

const TOTAL = Number(process.env.SOAK_REQUESTS ?? 20_000);
const CONCURRENCY = 20;
const VALID = [
  '13b int4 ctx=8192',
  'llama-3.1-70b q4_k_m ctx=32k',
  'mistral-7b qlora rank=16',
  'qwen3-30b-a3b awq runtime=vllm ctx=32k batch=8',
  'gemma-3-27b q4_k_m 32k context on 2x3090',
];
const INVALID = [
  'zzz-no-such-model q9',
  'llama-3-8b ctx=10000000000000000',
  'llama-3-8b batch=-3',
  '7b 8192',
  'constructor __proto__',
];

type Kind =
  'command' | 'invalid' | 'help' | 'private' | 'autocomplete' | 'typeahead' | 'button' | 'bad-signature';
interface Planned {
  kind: Kind;
  port: number;
  req: SignedRequest;
  expect: number;
}

const { publicKeyHex, privateKey } = discordKeys();
const slackPort = await freePort();
const discordPort = await freePort();

function plan(n: number): Planned {
  const user = `${100000 + n}`;
  const slack = n % 2 === 0;
  const pick = <T>(xs: T[]) => xs[n % xs.length]!;
  const r = (n * 7919) % 100; // a fixed, well-spread mix
  if (slack) {
    const port = slackPort;
    if (r < 55) return { kind: 'command', port, req: slackCommand(pick(VALID), `U${user}`), expect: 200 };
    if (r < 65) return { kind: 'invalid', port, req: slackCommand(pick(INVALID), `U${user}`), expect: 200 };
    if (r < 70) return { kind: 'help', port, req: slackCommand('help', `U${user}`), expect: 200 };
    if (r < 75)
      return { kind: 'private', port, req: slackCommand(`${pick(VALID)} private`, `U${user}`), expect: 200 };
    if (r < 85) {
      const payload = {
        type: 'block_suggestion',
        user: { id: `U${user}` },
        team: { id: 'T0BENCH' },
        action_id: 'vram_model',
        block_id: 'model',
        value: pick(['llama', 'qwen3', 'mistral', 'x']),
      };
      return {
        kind: 'typeahead',
        port,
        req: slackSigned(
          new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
          'application/x-www-form-urlencoded',
        ),
        expect: 200,
      };
    }
    if (r < 95) {
      const payload = {
        type: 'block_actions',
        user: { id: `U${user}` },
        team: { id: 'T0BENCH' },
        channel: { id: 'C0BENCH' },
        response_url: 'https://hooks.slack.com/actions/T0BENCH/1/x',
        trigger_id: '1.2.3',
        container: { type: 'message', message_ts: '1.1', channel_id: 'C0BENCH' },
        actions: [
          {
            type: 'button',
            action_id: 'vram_variant_lora',
            block_id: 'b',
            value: `v1:lora:${pick(VALID)}`,
            action_ts: '1.1',
          },
        ],
      };
      return {
        kind: 'button',
        port,
        req: slackSigned(
          new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
          'application/x-www-form-urlencoded',
        ),
        expect: 200,
      };
    }
    return {
      kind: 'bad-signature',
      port,
      req: slackCommand(pick(VALID), `U${user}`, { secret: 'wrong-secret' }),
      expect: 401,
    };
  }
  const port = discordPort;
  if (r < 50)
    return {
      kind: 'command',
      port,
      req: discordInteraction(privateKey, user, { command: pick(VALID) }),
      expect: 200,
    };
  if (r < 60)
    return {
      kind: 'invalid',
      port,
      req: discordInteraction(privateKey, user, { command: pick(INVALID) }),
      expect: 200,
    };
  if (r < 65)
    return {
      kind: 'help',
      port,
      req: discordInteraction(privateKey, user, { command: 'help' }),
      expect: 200,
    };
  if (r < 80)
    return {
      kind: 'autocomplete',
      port,
      req: discordInteraction(privateKey, user, {
        autocomplete: pick(['llam', 'qwen3-8b q4', 'llama-3.1-8b ctx=', 'x']),
      }),
      expect: 200,
    };
  if (r < 95)
    return {
      kind: 'button',
      port,
      req: discordInteraction(privateKey, user, {
        button: `v1:${pick(['lora', 'half', 'double', 'qlora'])}:${pick(VALID)}`,
      }),
      expect: 200,
    };
  const good = discordInteraction(privateKey, user, { command: pick(VALID) });
  const tampered = discordSigned(privateKey, good.body);
  return {
    kind: 'bad-signature',
    port,
    req: { ...tampered, body: tampered.body.replace('vram', 'vraM') },
    expect: 401,
  };
}

// SOAK_WORKERS=2 soaks the cluster mode (WORKERS); RSS is then the supervising primary's alone.
const workers: Record<string, string> = process.env.SOAK_WORKERS ? { WORKERS: process.env.SOAK_WORKERS } : {};
const bot = startBot({
  ...botEnv(slackPort, discordPort, publicKeyHex),
  LOG_LEVEL: process.env.SOAK_LOG_LEVEL ?? 'error',
  ...workers,
});
let botOutput = '';
bot.stdout?.on('data', (d) => (botOutput += d));
bot.stderr?.on('data', (d) => (botOutput += d));
const probe = plan(0).req;
await waitUntil(
  async () =>
    (
      await fetch(`http://127.0.0.1:${slackPort}${probe.path}`, {
        method: 'POST',
        headers: probe.headers,
        body: probe.body,
      })
    ).ok,
  30_000,
);
await waitUntil(async () => (await fetch(`http://127.0.0.1:${discordPort}/healthz`)).ok, 30_000);

const rss: number[] = [rssKiB(bot.pid!)];
const byKind = new Map<
  string,
  { sent: number; ok: number; statuses: Record<string, number>; maxMs: number }
>();
let unexpected = 0;
let unanswered = 0;
let next = 0;
const t0 = performance.now();

async function worker(): Promise<void> {
  while (next < TOTAL) {
    const n = next++;
    const p = plan(n);
    const s = byKind.get(p.kind) ?? { sent: 0, ok: 0, statuses: {}, maxMs: 0 };
    byKind.set(p.kind, s);
    s.sent++;
    const t = performance.now();
    try {
      const res = await fetch(`http://127.0.0.1:${p.port}${p.req.path}`, {
        method: 'POST',
        headers: p.req.headers,
        body: p.req.body,
        signal: AbortSignal.timeout(5000),
      });
      await res.arrayBuffer();
      s.statuses[res.status] = (s.statuses[res.status] ?? 0) + 1;
      if (res.status === p.expect) s.ok++;
      else unexpected++;
    } catch {
      unanswered++;
    }
    s.maxMs = Math.max(s.maxMs, Math.round(performance.now() - t));
    if (n === Math.floor(TOTAL / 2)) rss.push(rssKiB(bot.pid!));
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const seconds = (performance.now() - t0) / 1000;
rss.push(rssKiB(bot.pid!));
const s0 = performance.now();
const sigtermAt = Date.now();
const exitCode = await stop(bot);
const shutdownMs = Math.round(performance.now() - s0);

// New users each time: the only state that may grow is the rate limiter's buckets (~125 bytes each,
// bounded at 100,000 users and evicted after 10 idle minutes).
const retention = await heapGrowthPerRequest();

const report = {
  requests: TOTAL,
  concurrency: CONCURRENCY,
  seconds: Number(seconds.toFixed(1)),
  requestsPerSecond: Math.round(TOTAL / seconds),
  unanswered,
  unexpectedStatus: unexpected,
  byKind: Object.fromEntries(byKind),
  rssMiB: {
    start: Math.round(rss[0]! / 1024),
    half: Math.round(rss[1]! / 1024),
    end: Math.round(rss[2]! / 1024),
  },
  botExitCodeOnSigterm: exitCode,
  shutdownMs,
  sigtermAt,
  fatalInBotOutput: /fatal|uncaught|unhandled/i.test(botOutput),
};
console.log(JSON.stringify(report, null, 2));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/soak.json', JSON.stringify(report, null, 2) + '\n');
const failed =
  unanswered > 0 ||
  unexpected > 0 ||
  exitCode !== 0 ||
  shutdownMs > 5000 ||
  report.fatalInBotOutput ||
  retention.bytesPerRequest > 512;
if (failed || process.env.SOAK_KEEP_LOG) {
  writeFileSync('bench-results/soak-bot.log', botOutput);
  console.log("the bot's output: bench-results/soak-bot.log");
}
console.log(
  failed
    ? 'SOAK FAILED'
    : `SOAK OK: every request answered, only the deliberate 401s, ${retention.bytesPerRequest} bytes retained per request after GC (RSS ${report.rssMiB.start} -> ${report.rssMiB.end} MiB), exit 0 ${shutdownMs} ms after SIGTERM`,
);
process.exitCode = failed ? 1 : 0;
