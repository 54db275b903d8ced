// HTTP interactions mode over real loopback sockets: Ed25519-signed requests with a generated key
// pair, the reply in the response body, and every way a request can be wrong.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../adapters/config.ts';
import { createInteractionHandler } from '../adapters/discord/core.ts';
import { FAULT_REPLY } from '../commands/lookup.ts';
import {
  closeServer,
  createDiscordHttpServer,
  INTERACTIONS_PATH,
  MAX_BODY_BYTES,
  publicKeyFromHex,
  startDiscordHttp,
} from '../adapters/discord/http.ts';
import { EPHEMERAL } from '../adapters/discord/limits.ts';
import { createLogger } from '../adapters/shared/log.ts';
import type { RateLimiter } from '../adapters/shared/rate-limit.ts';
import type { Closable } from '../adapters/shared/shutdown.ts';
import fixtures from './fixtures/discord-interactions.json' with { type: 'json' };

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown> & { type?: number; data?: Record<string, unknown> & { flags?: number } };
  ms: number;
}

let privateKey: KeyObject;
let publicKeyHex: string;
beforeAll(() => {
  const pair = generateKeyPairSync('ed25519');
  privateKey = pair.privateKey;
  // The raw key is the last 32 bytes of the SPKI DER encoding, as the Developer Portal shows it.
  publicKeyHex = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
});

let server: (Closable & { port: number }) | undefined;
let logs: string[];
let agent: Agent;

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  logs = [];
  agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const { env } = loadConfig({
    DISCORD_PUBLIC_KEY: publicKeyHex,
    DISCORD_APPLICATION_ID: '1',
    DISCORD_PORT: '0',
    HOST: '127.0.0.1',
  });
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  // No secrets handed to the scrubber: the test sees whether the adapter itself ever logs them.
  server = await startDiscordHttp(env, createLogger({}, 'debug', sink));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  agent.destroy();
  nock.cleanAll();
  nock.enableNetConnect();
});

function signed(body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'),
    'x-signature-timestamp': timestamp,
  };
}

function send(
  body: string | Buffer,
  headers: Record<string, string>,
  opts: { method?: string; path?: string } = {},
): Promise<Response> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server!.port,
        method: opts.method ?? 'POST',
        path: opts.path ?? INTERACTIONS_PATH,
        headers,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: text ? JSON.parse(text) : {},
            ms: performance.now() - started,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A signed interaction: a fixture with changes. */
function interact(payload: unknown): Promise<Response> {
  const body = JSON.stringify(payload);
  return send(body, signed(body));
}

/** The /vram fixture with another query, extra typed options, or another user. */
function command(
  query: string,
  options: { name: string; type: number; value: unknown }[] = [],
  user = fixtures.user.id,
) {
  const c = fixtures.command;
  return {
    ...c,
    member: { ...c.member, user: { ...c.member.user, id: user } },
    data: { ...c.data, options: [{ name: 'query', type: 3, value: query }, ...options] },
  };
}

describe('Discord HTTP interactions', () => {
  it('answers PING with PONG', async () => {
    const res = await interact({ id: '1', type: 1, application_id: '1', token: 't', version: 1 });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json).toEqual({ type: 1 });
  });

  it('answers /vram query:13b int4 ctx=8192 with a public embed: the breakdown and the fitting GPUs', async () => {
    const res = await interact(fixtures.command);
    expect(res.status).toBe(200);
    expect(res.json.type).toBe(4);
    const data = res.json.data as {
      flags?: number;
      embeds: { title: string; description: string; fields: { name: string; value: string }[] }[];
      components: { components: { custom_id: string }[] }[];
      allowed_mentions: unknown;
    };
    expect(data.flags).toBeUndefined();
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const embed = data.embeds[0]!;
    expect(embed.title).toContain('13B');
    expect(embed.description).toMatch(/^📐 \*\*Needs about 14\.6 GiB \(13\.3-16\.3 GiB\)/);
    for (const part of ['Weights', 'KV cache', 'Activations', 'Overhead'])
      expect(embed.description).toContain(part);
    expect(embed.fields.find((f) => f.name === 'GPUs')!.value).toContain('GeForce RTX 4090');
    const ids = data.components.flatMap((r) => r.components.map((b) => b.custom_id));
    expect(ids).toContain('v1:lora:13b int4 ctx=8192');
    expect(ids).toContain('v1:details:13b int4 ctx=8192');
  });

  it('merges typed options with the query (typed options win) and honours private', async () => {
    const res = await interact(
      command('13b int4 ctx=8192', [
        { name: 'context', type: 4, value: 4096 },
        { name: 'gpu', type: 3, value: 'rtx-4090' },
        { name: 'private', type: 5, value: true },
      ]),
    );
    const data = res.json.data as {
      flags?: number;
      embeds: { title: string; description: string; fields: { name: string; value: string }[] }[];
    };
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds[0]!.title).toContain('4k context');
    expect(data.embeds[0]!.description).toMatch(/^✅ \*\*Fits on GeForce RTX 4090 with/);
    expect(data.embeds[0]!.description).toContain('🟦 Weights');
    expect(data.embeds[0]!.fields[0]!.value.split('\n')[0]).toMatch(/GeForce RTX 4090\*\* \(asked\)/);
  });

  it('answers help (in a DM) and a bad query ephemerally', async () => {
    const help = await interact(fixtures.dmCommand);
    expect(help.json.type).toBe(4);
    expect(help.json.data!.flags).toBe(EPHEMERAL);
    expect((help.json.data as { embeds: { title: string }[] }).embeds[0]!.title).toMatch(/vram/);

    const bad = await interact(command('13b frobnicate'));
    expect(bad.json.type).toBe(4);
    expect(bad.json.data!.flags).toBe(EPHEMERAL);
    expect(bad.json.data!.content).toMatch(/frobnicate[\s\S]*Try: `\/vram /);
  });

  it('answers autocomplete with at most 25 choices that keep the words typed so far', async () => {
    const res = await interact(fixtures.autocomplete);
    expect(res.json.type).toBe(8);
    const choices = (res.json.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.value.startsWith('llama-3.1-8b ')).toBe(true);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices.map((c) => c.value)).toContain('llama-3.1-8b q4_k_m');

    const gpu = await interact({
      ...fixtures.autocomplete,
      data: {
        ...fixtures.autocomplete.data,
        options: [{ name: 'gpu', type: 3, value: '4090', focused: true }],
      },
    });
    expect((gpu.json.data as { choices: { value: string }[] }).choices[0]!.value).toBe('rtx-4090');

    const model = await interact({
      ...fixtures.autocomplete,
      data: {
        ...fixtures.autocomplete.data,
        options: [{ name: 'model', type: 3, value: 'qwen', focused: true }],
      },
    });
    const models = (model.json.data as { choices: { value: string }[] }).choices;
    expect(models.length).toBeLessThanOrEqual(25);
    expect(models.every((c) => c.value.includes('qwen'))).toBe(true);
  });

  it('updates the message when a variant button is clicked', async () => {
    const res = await interact(fixtures.button);
    expect(res.json.type).toBe(7);
    const data = res.json.data as { flags?: number; embeds: { title: string }[] };
    expect(data.flags).toBeUndefined();
    expect(data.embeds[0]!.title).toMatch(/LoRA/);
  });

  it('answers a stale button ephemerally and leaves the message alone', async () => {
    const res = await interact({ ...fixtures.button, data: { custom_id: 'v0:old', component_type: 2 } });
    expect(res.json.type).toBe(4);
    expect(res.json.data!.flags).toBe(EPHEMERAL);
  });

  it('rejects a bad signature, missing headers and a tampered body with 401', async () => {
    const body = JSON.stringify(fixtures.command);
    const good = signed(body);
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const forged = sign(null, Buffer.from(good['x-signature-timestamp']! + body), otherKey).toString('hex');

    expect((await send(body, { ...good, 'x-signature-ed25519': forged })).status).toBe(401);
    expect((await send(body, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await send(body, { ...good, 'x-signature-ed25519': 'zz' })).status).toBe(401);
    const { 'x-signature-timestamp': _ts, ...noTimestamp } = good;
    expect((await send(body, noTimestamp)).status).toBe(401);
    expect((await send(body.replace('13b', '70b'), good)).status).toBe(401);
    expect((await send(body, { ...good, 'x-signature-timestamp': '1' })).status).toBe(401);
    // Discord's endpoint check sends exactly such requests and expects 401.
  });

  it('rejects broken JSON with 400, a wrong path with 404 and a wrong method with 405', async () => {
    const broken = '{"type": 2,';
    expect((await send(broken, signed(broken))).status).toBe(400);
    const notInteraction = '{"hello":"world"}';
    expect((await send(notInteraction, signed(notInteraction))).status).toBe(400);
    expect((await send('{}', signed('{}'), { path: '/discord' })).status).toBe(404);
    const get = await send('', {}, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await send('', {}, { method: 'GET', path: '/healthz' })).status).toBe(200);
  });

  it('rejects an oversized body with 413, declared or streamed', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 1);
    // The server hangs up rather than read the rest: the client may see that before the 413.
    const declared = await send(big, signed(big)).catch(() => null);
    if (declared) expect(declared.status).toBe(413);

    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server!.port,
          method: 'POST',
          path: INTERACTIONS_PATH,
          headers: { 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('x'.repeat(40_000));
      req.write('x'.repeat(40_000));
      req.end();
    });
    expect(streamed).toBe(413);
    // ...and the server is still serving.
    expect((await interact({ type: 1 })).json).toEqual({ type: 1 });
  });

  it('answers 300 signed requests in a row, each well inside the 3-second window', async () => {
    const kinds = [
      (i: number) => command('llama-3.1-8b q4_k_m ctx=8k', [], `9${i}`),
      (i: number) => ({
        ...fixtures.autocomplete,
        member: { ...fixtures.autocomplete.member, user: { ...fixtures.user, id: `8${i}` } },
      }),
      (i: number) => ({
        ...fixtures.button,
        member: { ...fixtures.button.member, user: { ...fixtures.user, id: `7${i}` } },
      }),
      () => ({ type: 1 }),
    ];
    const expected = [4, 8, 7, 1];
    for (let i = 0; i < 300; i++) {
      const res = await interact(kinds[i % 4]!(i));
      expect(res.status).toBe(200);
      expect(res.json.type).toBe(expected[i % 4]);
      expect(res.ms).toBeLessThan(3000);
    }
  }, 60_000);

  it('tells a flooding user to wait once, then answers with a bare wait', async () => {
    const contents: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await interact(command('7b'));
      expect(res.json.type).toBe(4);
      if (res.json.data!.content !== undefined) {
        expect(res.json.data!.flags).toBe(EPHEMERAL);
        contents.push(res.json.data!.content as string);
      }
    }
    expect(contents.filter((c) => c.startsWith("You're asking faster than I can answer"))).toHaveLength(1);
    expect(contents.length).toBeGreaterThan(1);
    expect(contents.slice(1).every((c) => /^⏳ \d+ s$/.test(c))).toBe(true);
    // Someone else is not slowed down.
    const other = await interact(command('7b', [], '42'));
    expect((other.json.data as { embeds: unknown[] }).embeds).toHaveLength(1);
  });

  it('never logs the public key or an interaction token', async () => {
    await interact(fixtures.command);
    await interact(fixtures.button);
    await send('{}', {});
    const all = logs.join('');
    expect(all).toContain('discord http interaction');
    expect(all).not.toContain(publicKeyHex);
    expect(all).not.toContain('interaction-token');
  });

  it('closes within the shutdown bound (5 s), even with a keep-alive connection open', async () => {
    await interact({ type: 1 });
    const started = performance.now();
    await server!.close();
    expect(performance.now() - started).toBeLessThan(5000);
    server = undefined;
  });

  it('answers a fault inside the core with a short ephemeral note, logs it, and keeps serving', async () => {
    const log = createLogger(
      {},
      'error',
      new Writable({ write: (c, _e, done) => (logs.push(String(c)), done()) }),
    );
    const broken = {
      take: () => {
        throw new Error('bucket exploded');
      },
    } as unknown as RateLimiter;
    const faulty = createDiscordHttpServer({
      publicKey: publicKeyFromHex(publicKeyHex),
      log,
      handler: createInteractionHandler({ log, limiter: broken }),
    });
    await new Promise<void>((resolve) => faulty.listen(0, '127.0.0.1', resolve));
    try {
      const port = (faulty.address() as AddressInfo).port;
      const body = JSON.stringify(fixtures.command);
      const res = await new Promise<Response>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, method: 'POST', path: INTERACTIONS_PATH, headers: signed(body) },
          (r) => {
            let text = '';
            r.on('data', (c) => (text += c));
            r.on('end', () =>
              resolve({ status: r.statusCode ?? 0, headers: r.headers, json: JSON.parse(text), ms: 0 }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
      const content = String((res.json as { data: { content: string } }).data.content);
      expect(content).toContain(FAULT_REPLY.message);
      expect(content).not.toMatch(/bucket exploded|\bat /);
      expect(logs.join('')).toContain('bucket exploded');
    } finally {
      await closeServer(faulty);
    }
  });
});
