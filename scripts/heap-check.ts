// Is memory retained per request? Serves both endpoints in this process, sends batches of signed
// requests from new users, forces GC (needs node --expose-gc) and reads heapUsed after each batch.
// RSS alone cannot tell: V8 grows its heap lazily under load and rarely gives it back.
import { Writable } from 'node:stream';
import { discordInteraction, discordKeys, slackCommand, botEnv } from './lib/signing.ts';
import { freePort } from './lib/processes.ts';
import { loadConfig } from '../adapters/config.ts';
import { createLogger } from '../adapters/shared/log.ts';
import { startSlack } from '../adapters/slack/index.ts';
import { startDiscordHttp } from '../adapters/discord/http.ts';

export async function heapGrowthPerRequest(
  rounds = 4,
  perRound = 5000,
): Promise<{ heapMiB: number[]; bytesPerRequest: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const { publicKeyHex, privateKey } = discordKeys();
  const slackPort = await freePort();
  const discordPort = await freePort();
  const env = loadConfig(botEnv(slackPort, discordPort, publicKeyHex)).env;
  const log = createLogger({}, 'error', new Writable({ write: (_c, _e, cb) => cb() }));
  const slack = await startSlack(env, 'http', log);
  const discord = await startDiscordHttp(env, log);
  let u = 0;
  const send = async (n: number) => {
    for (let i = 0; i < n; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, k) => {
          const user = `${u++}`;
          const r =
            (i + k) % 2
              ? slackCommand('llama-3.1-70b q4_k_m ctx=32k', `U${user}`)
              : discordInteraction(privateKey, user, { command: 'llama-3.1-70b q4_k_m ctx=32k' });
          const port = r.path.startsWith('/slack') ? slackPort : discordPort;
          const res = await fetch(`http://127.0.0.1:${port}${r.path}`, {
            method: 'POST',
            headers: r.headers,
            body: r.body,
          });
          await res.arrayBuffer();
        }),
      );
    }
  };
  const heap: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await send(perRound);
    gc();
    await new Promise((r) => setTimeout(r, 100));
    gc();
    heap.push(process.memoryUsage().heapUsed);
  }
  await slack.close();
  await discord.close();
  // Growth between the first and last round (the first round includes warm-up: JIT, caches).
  const bytesPerRequest = (heap[heap.length - 1]! - heap[0]!) / ((rounds - 1) * perRound);
  return {
    heapMiB: heap.map((b) => Number((b / 2 ** 20).toFixed(1))),
    bytesPerRequest: Math.round(bytesPerRequest),
  };
}
