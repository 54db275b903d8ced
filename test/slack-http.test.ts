// The HTTP transport over loopback with real signatures: what Slack's servers (and an attacker) would send.
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../adapters/shared/log.ts';
import type { SlackService } from '../adapters/slack/index.ts';
import { startSlackHttp } from './slack-helpers.ts';
import { MAX_BODY_BYTES } from '../adapters/slack/receiver.ts';
import { createSlackApp } from '../adapters/slack/app.ts';

const SECRET = 'http-test-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-http-test-token';

let service: SlackService | undefined;
let logs: string[] = [];

async function start(): Promise<string> {
  logs = [];
  service = await startSlackHttp({ signingSecret: SECRET, botToken: BOT_TOKEN }, 'info', logs);
  return service.url!;
}

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  await service?.close();
  service = undefined;
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Independent of the code under test: Slack's documented recipe. */
function signature(ts: number | string, body: string | Buffer, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:`).update(body).digest('hex')}`;
}

interface Res {
  status: number;
  body: string;
  ms: number;
  headers: Record<string, string | string[] | undefined>;
}

function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
  method = 'POST',
): Promise<Res> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - t0,
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const FORM = 'application/x-www-form-urlencoded';
const now = () => Math.floor(Date.now() / 1000);

function commandForm(text: string, user = 'U1'): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'team',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: user,
    user_name: 'someone',
    command: '/vram',
    text,
    api_app_id: 'A1',
    response_url: 'https://hooks.slack.com/commands/T1/1/abc',
    trigger_id: '1.2.trigger',
  }).toString();
}

function signed(body: string | Buffer, type = FORM, ts: number = now()): Record<string, string> {
  return {
    'content-type': type,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': signature(ts, body),
  };
}

describe('Slack over HTTP', () => {
  it('a signed /vram 13b int4 ctx=8192 gets the Block Kit reply as the response, within 3 s', async () => {
    const url = await start();
    const body = commandForm('13b int4 ctx=8192');
    const res = await post(url, body, signed(body));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const reply = JSON.parse(res.body) as { response_type: string; text: string; blocks: unknown[] };
    expect(reply.response_type).toBe('in_channel');
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain('Weights');
    expect(blocks).toContain('KV cache');
    expect(blocks).toContain('GeForce RTX 4090');
  });

  it('help and bad queries are ephemeral', async () => {
    const url = await start();
    for (const text of ['help', 'zzz']) {
      const body = commandForm(text);
      const res = await post(url, body, signed(body));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).response_type).toBe('ephemeral');
    }
  });

  it('bad, stale (6 min), future (10 min) and missing signatures get 401', async () => {
    const url = await start();
    const body = commandForm('13b int4');
    const ts = now();
    const cases: Record<string, string>[] = [
      { ...signed(body), 'x-slack-signature': signature(ts, body, 'wrong-secret') },
      { ...signed(body), 'x-slack-signature': 'v0=deadbeef' },
      signed(body, FORM, ts - 6 * 60),
      signed(body, FORM, ts + 10 * 60),
      { 'content-type': FORM },
      { 'content-type': FORM, 'x-slack-request-timestamp': String(ts) },
      { 'content-type': FORM, 'x-slack-signature': signature(ts, body) },
      { ...signed(body), 'x-slack-request-timestamp': 'soon' },
    ];
    for (const headers of cases) {
      const res = await post(url, body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body).toBe('');
    }
    // A body changed after signing is a bad signature too.
    const res = await post(url, commandForm('70b fp16'), signed(body));
    expect(res.status).toBe(401);
    expect(logs.join('')).not.toContain(SECRET);
  });

  it('4 minutes either way is still inside the window', async () => {
    const url = await start();
    const body = commandForm('13b int4');
    for (const skew of [-4 * 60, 4 * 60])
      expect((await post(url, body, signed(body, FORM, now() + skew))).status).toBe(200);
  });

  it('broken bodies get 400, unknown content types 415, oversized bodies 413', async () => {
    const url = await start();
    const broken = [
      ['payload=%7Bnot-json', FORM],
      ['{"type":', 'application/json'],
      ['[1,2,3]', 'application/json'],
      ['hello=world', FORM],
    ] as const;
    for (const [body, type] of broken)
      expect((await post(url, body, signed(body, type))).status, body).toBe(400);
    expect((await post(url, 'x', signed('x', 'text/plain'))).status).toBe(415);
    const huge = Buffer.alloc(MAX_BODY_BYTES + 1, 'a');
    expect((await post(url, huge, signed(huge))).status).toBe(413);
    // Still serving.
    const body = commandForm('13b int4');
    expect((await post(url, body, signed(body))).status).toBe(200);
  });

  it('a chunked upload past the limit gets 413; a client hanging up mid-upload does not disturb the server', async () => {
    const url = await start();
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': FORM } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const piece = Buffer.alloc(64 * 1024, 'a');
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += piece.length) req.write(piece);
      req.end();
    });
    expect(chunked).toBe(413);

    await new Promise<void>((resolve) => {
      const req = request(url, {
        method: 'POST',
        headers: { 'content-type': FORM, 'content-length': '5000' },
      });
      req.on('error', () => resolve());
      req.write('text=13b', () => setTimeout(() => req.destroy(), 20));
      req.on('close', () => resolve());
    });
    const body = commandForm('13b int4');
    expect((await post(url, body, signed(body))).status).toBe(200);
  });

  it('answers url_verification with the challenge; 404 elsewhere, 405 for other methods, health check', async () => {
    const url = await start();
    const body = JSON.stringify({ type: 'url_verification', token: 'legacy', challenge: 'c-123' });
    const res = await post(url, body, signed(body, 'application/json'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'c-123' });
    const base = new URL(url);
    expect((await post(new URL('/other', base).href, body, signed(body, 'application/json'))).status).toBe(
      404,
    );
    expect((await post(url, '', {}, 'GET')).status).toBe(405);
    expect((await post(new URL('/healthz', base).href, '', {}, 'GET')).status).toBe(200);
  });

  it('interactivity (form payload) and events (JSON) are acked at once; the work follows', async () => {
    const url = await start();
    const posted: unknown[] = [];
    nock('https://hooks.slack.com')
      .post('/actions/T1/1/xyz', (b: unknown) => {
        posted.push(b);
        return true;
      })
      .reply(200, 'ok');
    const payload = JSON.stringify({
      type: 'block_actions',
      team: { id: 'T1', domain: 'team' },
      user: { id: 'U1', name: 'someone', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1' },
      channel: { id: 'C1', name: 'general' },
      response_url: 'https://hooks.slack.com/actions/T1/1/xyz',
      trigger_id: 't',
      actions: [
        {
          type: 'button',
          action_id: 'vram_variant_qlora',
          block_id: 'vram_variants',
          value: 'v1:qlora:13b int4',
          action_ts: '1.2',
        },
      ],
    });
    const form = new URLSearchParams({ payload }).toString();
    const res = await post(url, form, signed(form));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    await expect.poll(() => posted.length).toBe(1);
    expect(JSON.stringify(posted[0])).toContain('QLoRA');

    const event = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event: { type: 'reaction_added', user: 'U1' },
    });
    const ev = await post(url, event, signed(event, 'application/json'));
    expect(ev.status).toBe(200);
  });

  it('hundreds of signed requests in a row are all answered in time', async () => {
    const url = await start();
    let slowest = 0;
    for (let i = 0; i < 300; i++) {
      // Distinct users: this is about throughput, not the per-user rate limit.
      const body = commandForm(
        i % 3 === 0 ? '13b int4 ctx=8192' : i % 3 === 1 ? 'llama-3.1-70b q4_k_m ctx=32k' : 'mistral-7b qlora',
        `U${i}`,
      );
      const res = await post(url, body, signed(body));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).blocks.length).toBeGreaterThan(3);
      expect(res.ms).toBeLessThan(3000);
      slowest = Math.max(slowest, res.ms);
    }
    expect(slowest).toBeLessThan(3000);
  }, 60_000);

  it('close() finishes in-flight work (a post after the ack) and resolves quickly; then nothing listens', async () => {
    const url = await start();
    let delivered = false;
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .delay(300)
      .reply(200, () => {
        delivered = true;
        return { ok: true, ts: '1.1' };
      });
    const event = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_mention', user: 'U1', text: '<@UBOT> 13b int4', ts: '1.1', channel: 'C1' },
    });
    expect((await post(url, event, signed(event, 'application/json'))).status).toBe(200);
    const t0 = performance.now();
    await service!.close();
    const took = performance.now() - t0;
    expect(delivered).toBe(true);
    expect(took).toBeLessThan(5000);
    await expect(post(url, 'x', {})).rejects.toThrow();
    service = undefined;
  });

  it('close() with nothing in flight does not wait out the drain bound', async () => {
    await start();
    const t0 = performance.now();
    await service!.close();
    // The receiver waits up to 3.5 s for work in flight; with none, it must not sit out that bound (the
    // full bound, not a margin a loaded machine could eat).
    expect(performance.now() - t0).toBeLessThan(3500);
    service = undefined;
  });

  it("a /vram line over HTTP (answered before Bolt) gets the same body as through Bolt's listener", async () => {
    const url = await start();
    const log = createLogger({}, 'error', { write: () => undefined });
    const bolt = createSlackApp({
      receiver: { init: () => undefined, start: async () => undefined, stop: async () => undefined },
      botToken: BOT_TOKEN,
      log,
      clientOptions: { retryConfig: { retries: 0 } },
    });
    const questions = [
      '13b int4 ctx=8192',
      'can i run qwen3 32b on my 4090?',
      'help',
      'zzz',
      '70b nf4 on 2x 3090',
      '13b int4 private',
    ];
    for (const [i, text] of questions.entries()) {
      // A different user each time: the two paths' rate limits are separate processes' in real life.
      const form = commandForm(text, `U${i}`);
      const overHttp = await post(url, form, signed(form));
      const acks: unknown[] = [];
      await bolt.processEvent({
        body: Object.fromEntries(new URLSearchParams(form)),
        ack: async (r?: unknown) => void acks.push(r),
      });
      expect(overHttp.status).toBe(200);
      expect(JSON.parse(overHttp.body), text).toEqual(acks[0]);
      if (text.endsWith('private')) expect(JSON.parse(overHttp.body).response_type).toBe('ephemeral');
    }
  });
});
