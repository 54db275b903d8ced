// The real bot process (`node --import tsx adapters/main.ts`, what `npm start` execs) with Slack and Discord
// HTTP endpoints: no secret ever reaches its logs or replies, on success and error paths, and SIGTERM /
// SIGINT finish in-flight requests and exit within 5 seconds.
import { connect, createServer, type AddressInfo } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import {
  discordInteraction,
  discordKeys,
  discordSigned,
  slackCommand,
  slackSigned,
  botEnv,
  SLACK_SECRET,
  SLACK_TOKEN,
  type SignedRequest,
} from '../scripts/lib/signing.ts';
import { freePort, startBot, waitUntil } from '../scripts/lib/processes.ts';

const { publicKeyHex, privateKey } = discordKeys();
let bot: ChildProcess | undefined;
let output = '';

afterEach(() => {
  if (bot && bot.exitCode === null) bot.kill('SIGKILL');
  bot = undefined;
  output = '';
});

async function launch(logLevel = 'debug', extra: Record<string, string> = {}) {
  const slackPort = await freePort();
  const discordPort = await freePort();
  bot = startBot({ ...botEnv(slackPort, discordPort, publicKeyHex), LOG_LEVEL: logLevel, ...extra });
  bot.stdout!.on('data', (d) => (output += d));
  bot.stderr!.on('data', (d) => (output += d));
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${slackPort}/healthz`)).ok, 30_000);
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${discordPort}/healthz`)).ok, 30_000);
  return { slackPort, discordPort };
}

async function send(port: number, r: SignedRequest): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${r.path}`, {
    method: 'POST',
    headers: r.headers,
    body: r.body,
  });
  return { status: res.status, body: await res.text() };
}

function exited(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) =>
    child.once('exit', (code) => resolve({ code, ms: performance.now() - t0 })),
  );
}

describe('the bot process', () => {
  it('never logs or replies a secret, on success and on every error path', async () => {
    const { slackPort, discordPort } = await launch('trace');
    const bodies: string[] = [];
    const record = async (port: number, r: SignedRequest, expected: number) => {
      const res = await send(port, r);
      expect(res.status, r.body.slice(0, 80)).toBe(expected);
      bodies.push(res.body);
    };
    await record(slackPort, slackCommand('13b int4 ctx=8192', 'U1'), 200);
    await record(slackPort, slackCommand('zzz-no-such-model', 'U2'), 200);
    await record(slackPort, slackCommand('13b', 'U3', { secret: 'wrong' }), 401);
    await record(slackPort, slackCommand('13b', 'U4', { tsOffset: 600 }), 401);
    await record(slackPort, slackSigned('payload=%7Bnot-json', 'application/x-www-form-urlencoded'), 400);
    // A button whose response_url post fails (no network here): logged, never fatal.
    const click = {
      type: 'block_actions',
      user: { id: 'U5' },
      team: { id: 'T' },
      channel: { id: 'C' },
      response_url: 'https://hooks.slack.com/actions/T/1/x',
      trigger_id: '1',
      actions: [
        {
          type: 'button',
          action_id: 'vram_variant_lora',
          block_id: 'b',
          value: 'v1:lora:mistral-7b',
          action_ts: '1',
        },
      ],
    };
    await record(
      slackPort,
      slackSigned(
        new URLSearchParams({ payload: JSON.stringify(click) }).toString(),
        'application/x-www-form-urlencoded',
      ),
      200,
    );
    for (let i = 0; i < 8; i++) await record(slackPort, slackCommand('13b', 'U-flood'), 200); // rate limit path
    await record(discordPort, discordInteraction(privateKey, '11', { command: '13b int4 ctx=8192' }), 200);
    await record(discordPort, discordInteraction(privateKey, '12', { command: 'zzz-no-such-model' }), 200);
    await record(discordPort, discordInteraction(privateKey, '13', { button: 'v1:lora:mistral-7b' }), 200);
    await record(discordPort, discordInteraction(privateKey, '14', { autocomplete: 'llam' }), 200);
    await record(discordPort, { ...discordSigned(privateKey, '{"type":2}'), body: '{"type":3}' }, 401);
    await record(discordPort, discordSigned(privateKey, '{not json'), 400);
    for (let i = 0; i < 8; i++)
      await record(discordPort, discordInteraction(privateKey, '99', { command: '13b' }), 200);
    await new Promise((r) => setTimeout(r, 300)); // let the failed response_url post be logged
    const everything = output + bodies.join('\n');
    expect(output.length).toBeGreaterThan(0);
    for (const secret of [SLACK_SECRET, SLACK_TOKEN, publicKeyHex]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/\n\s+at .+\.ts:\d+/); // no stack trace in replies
    for (const b of bodies) expect(b).not.toMatch(/\bat \S+\.ts:\d+/);
  }, 60_000);

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} lets an in-flight request finish and exits 0 within 5 seconds`, async () => {
      const { slackPort } = await launch('info');
      const { exit, response } = await signalDuringRequest(slackPort, signal);
      expect(response).toMatch(/^HTTP\/1\.1 200/);
      expect(response).toContain('in_channel');
      const { code, ms } = await exit;
      expect(code).toBe(0);
      expect(ms).toBeLessThan(5000);
    }, 60_000);
  }

  it('WORKERS=2 serves both endpoints from two processes, replaces a dead one, and stops them all on SIGTERM', async () => {
    const { slackPort, discordPort } = await launch('debug', { WORKERS: '2' });
    // Both workers have both servers up once four "platform started" lines are out.
    await waitUntil(async () => (output.match(/"platform started"/g) ?? []).length === 4, 30_000);
    const pids = new Set([...output.matchAll(/"pid":(\d+)/g)].map((m) => Number(m[1])));
    expect(pids.size).toBe(2);
    expect(pids.has(bot!.pid!)).toBe(false);
    for (let n = 0; n < 20; n++) {
      const s = await send(slackPort, slackCommand('mistral-7b qlora rank=16', `U-w${n}`));
      expect(s.status).toBe(200);
      expect(s.body).toContain('in_channel');
      const d = await send(
        discordPort,
        discordInteraction(privateKey, `${7000 + n}`, { command: '13b int4' }),
      );
      expect(d.status).toBe(200);
      expect(JSON.parse(d.body).type).toBe(4);
    }
    // A worker that dies is replaced, and serving goes on.
    const [victim] = pids;
    process.kill(victim!, 'SIGKILL');
    await waitUntil(async () => (output.match(/"platform started"/g) ?? []).length === 6, 30_000);
    expect(output).toContain('worker exited unexpectedly; starting another');
    for (const [, pid] of output.matchAll(/"pid":(\d+)/g)) pids.add(Number(pid));
    expect(pids.size).toBe(3);
    expect((await send(slackPort, slackCommand('13b int4', 'U-after'))).status).toBe(200);
    // A request held open across the signal still gets its answer.
    const { exit, response } = await signalDuringRequest(slackPort, 'SIGTERM');
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    const { code, ms } = await exit;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    // No worker outlives the primary.
    for (const pid of pids) expect(alive(pid), `worker ${pid}`).toBe(false);
  }, 60_000);
  it('WORKERS=2 on a port that is taken: the workers exit, the primary gives up and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const discordPort = await freePort();
      bot = startBot({
        ...botEnv(taken, discordPort, publicKeyHex),
        DISCORD_PUBLIC_KEY: '',
        WORKERS: '2',
        LOG_LEVEL: 'info',
      });
      bot.stdout!.on('data', (d) => (output += d));
      bot.stderr!.on('data', (d) => (output += d));
      const { code } = await exited(bot);
      expect(code).toBe(1);
      expect(output).toContain('EADDRINUSE');
      expect(output).toContain('workers keep exiting; stopping');
    } finally {
      blocker.close();
    }
  }, 60_000);
});

describe('a platform that cannot start', () => {
  it('stops the whole process with exit 1 and a one-line reason, even when the other platform started', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const slackPort = await freePort();
      // Slack starts first on a free port; Discord's port is taken.
      bot = startBot({ ...botEnv(slackPort, taken, publicKeyHex), LOG_LEVEL: 'info' });
      let stderr = '';
      bot.stderr!.on('data', (d) => (stderr += d));
      bot.stdout!.on('data', (d) => (output += d));
      const { code } = await exited(bot);
      expect(code).toBe(1);
      const reasons = stderr.split('\n').filter((l) => l.startsWith('error: '));
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(/^error: discord-http could not start: .*EADDRINUSE/);
      expect(output + stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  }, 60_000);
});

/**
 * Start a /vram request and hold back the end of its body, send `signal` while it is in flight, then
 * finish it. Resolves with the raw HTTP response and the process's exit.
 */
async function signalDuringRequest(port: number, signal: NodeJS.Signals) {
  const req = slackCommand('llama-3.1-8b q4_k_m ctx=8k', 'U-inflight');
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((r) => socket.once('connect', () => r()));
  let response = '';
  socket.on('data', (d) => (response += d));
  const head = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.write(
    `POST ${req.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${head}content-length: ${Buffer.byteLength(req.body)}\r\nconnection: close\r\n\r\n`,
  );
  socket.write(req.body.slice(0, 20));
  await new Promise((r) => setTimeout(r, 100));
  const exit = exited(bot!);
  bot!.kill(signal);
  await new Promise((r) => setTimeout(r, 200));
  socket.write(req.body.slice(20));
  await new Promise<void>((r) => socket.once('close', () => r()));
  return { exit, response };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
