// The HTTP part of `npm run bench`: each endpoint of the real bot process under load from autocannon
// (50 concurrent connections, correctly signed requests from 20,000 distinct users so the per-user rate
// limit never kicks in), next to a bare node:http server answering a fixed body: the ceiling. Also cold
// start (process start to first answered request) and resident memory after start and after 10,000
// requests. Everything on 127.0.0.1; the bot and the load generator share this machine's cores.
import { spawnSync } from 'node:child_process';
import { runLoad } from './lib/load.ts';
import { discordInteraction, discordKeys, slackCommand, botEnv, type SignedRequest } from './lib/signing.ts';
import { freePort, ROOT, rssKiB, startBare, startBot, stop, waitUntil } from './lib/processes.ts';

const QUERIES = [
  '13b int4 ctx=8192',
  'llama-3.1-70b q4_k_m ctx=32k',
  'mistral-7b qlora rank=16',
  'qwen3-30b-a3b awq runtime=vllm ctx=32k batch=8',
  'can i run llama 3.1 8b on my 4090 with 8k context?',
];
const USERS = 20_000;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

export interface HttpRow {
  name: string;
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  maxms: number;
  errors: number;
  non2xx: number;
  total: number;
}

async function load(name: string, port: number, pool: SignedRequest[]): Promise<HttpRow> {
  const result = await runLoad(port, pool, DURATION, CONNECTIONS);
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    maxms: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

async function post(port: number, r: SignedRequest): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${r.path}`, {
    method: 'POST',
    headers: r.headers,
    body: r.body,
  });
  await res.arrayBuffer();
  return res.status;
}

export async function benchHttp() {
  const { publicKeyHex, privateKey } = discordKeys();
  const slackPool = Array.from({ length: USERS }, (_, u) =>
    slackCommand(QUERIES[u % QUERIES.length]!, `U${u}`),
  );
  const discordPool = Array.from({ length: USERS }, (_, u) =>
    discordInteraction(privateKey, `${1000 + u}`, { command: QUERIES[u % QUERIES.length]! }),
  );

  const slackPort = await freePort();
  const discordPort = await freePort();
  const env = botEnv(slackPort, discordPort, publicKeyHex);

  // Cold start: spawn to the first answered request, per platform, with `npm start`'s own command.
  const t0 = performance.now();
  const bot = startBot(env);
  await waitUntil(async () => (await post(slackPort, slackPool[0]!)) === 200, 30_000);
  const coldStartMs = Math.round(performance.now() - t0);
  await waitUntil(async () => (await post(discordPort, discordPool[0]!)) === 200, 30_000);
  const rssAfterStartKiB = rssKiB(bot.pid!);

  const rows: HttpRow[] = [];
  rows.push(await load('slack /slack/events', slackPort, slackPool));
  rows.push(await load('discord /discord/interactions', discordPort, discordPool));
  // 10,000 more requests of the mix, one at a time, then the resident memory again.
  for (let n = 0; n < 5000; n++) {
    await post(slackPort, slackPool[n]!);
    await post(discordPort, discordPool[n]!);
  }
  const rssAfterLoadKiB = rssKiB(bot.pid!);
  const botExit = await stop(bot);

  const barePort = await freePort();
  const bare = startBare(barePort);
  await waitUntil(
    async () => (await fetch(`http://127.0.0.1:${barePort}/`, { method: 'POST', body: 'x' })).ok,
    10_000,
  );
  rows.push(await load('bare node:http (ceiling)', barePort, slackPool));
  await stop(bare);

  // CLI cold start, the way scripts call it.
  const c0 = performance.now();
  const cli = spawnSync('npm', ['run', '-s', 'vram', '--', '--json', '13b int4 ctx=8192'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const cliMs = Math.round(performance.now() - c0);
  if (cli.status !== 0) throw new Error(`CLI failed: ${cli.stderr}`);

  const ceiling = rows[2]!.requestsPerSecond;
  return {
    connections: CONNECTIONS,
    secondsPerEndpoint: DURATION,
    endpoints: rows.map((r) => ({ ...r, ofCeiling: Number((r.requestsPerSecond / ceiling).toFixed(3)) })),
    coldStart: { npmStartToFirstSlackAnswerMs: coldStartMs, cliJsonRunMs: cliMs },
    memory: {
      rssAfterStartMiB: Math.round(rssAfterStartKiB / 1024),
      rssAfter10kRequestsMiB: Math.round(rssAfterLoadKiB / 1024),
    },
    botExitCodeOnSigterm: botExit,
  };
}
