// Profile the bot process while one endpoint is under load: `node --import tsx scripts/profile-endpoint.ts slack|discord`.
// Writes a .cpuprofile into bench-results/ (open it in Chrome DevTools). A development aid, not a test.
import { spawn } from 'node:child_process';
import { runLoad } from './lib/load.ts';
import { discordInteraction, discordKeys, slackCommand, SLACK_SECRET, SLACK_TOKEN } from './lib/signing.ts';
import { freePort, ROOT, stop, waitUntil } from './lib/processes.ts';

const which = process.argv[2] === 'discord' ? 'discord' : 'slack';
const port = await freePort();
const { publicKeyHex, privateKey } = discordKeys();
const pool =
  which === 'slack'
    ? Array.from({ length: 20000 }, (_, u) => slackCommand('llama-3.1-70b q4_k_m ctx=32k', `U${u}`))
    : Array.from({ length: 20000 }, (_, u) =>
        discordInteraction(privateKey, `${1000 + u}`, { command: 'llama-3.1-70b q4_k_m ctx=32k' }),
      );
const env = {
  PATH: process.env.PATH ?? '',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  ...(which === 'slack'
    ? { SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_PORT: String(port) }
    : { DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_APPLICATION_ID: '1', DISCORD_PORT: String(port) }),
};
const bot = spawn(
  process.execPath,
  ['--cpu-prof', '--cpu-prof-dir=bench-results', '--import', 'tsx', 'adapters/main.ts'],
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
const r = await runLoad(port, pool, 5);
console.log(which, Math.round(r.requests.average), 'req/s');
await stop(bot);
