// Gateway mode: a real discord.js Client answers injected interactions with REST intercepted through
// its public `rest.makeRequest` option, and one smoke test logs in to a local fake gateway over real
// WebSockets (see ../shared/testing.md).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Client } from 'discord.js';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { loadConfig } from '../adapters/config.ts';
import { createGatewayClient, parseShards, startDiscordGateway } from '../adapters/discord/gateway.ts';
import { EPHEMERAL } from '../adapters/discord/limits.ts';
import { createLogger, type Logger } from '../adapters/shared/log.ts';
import type { Closable } from '../adapters/shared/shutdown.ts';
import fixtures from './fixtures/discord-interactions.json' with { type: 'json' };

interface Call {
  method: string;
  url: string;
  body: { type: number; data?: Record<string, unknown> };
  authorization: string | null;
}

/**
 * Feed a raw INTERACTION_CREATE payload through the client's interaction action: the call the
 * gateway handler makes. An internal discord.js API, so it lives only here.
 */
function inject(client: Client, payload: unknown): void {
  (
    client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }
  ).actions.InteractionCreate.handle(payload);
}

/** Captured log lines, parsed. */
function captureLog(): { log: Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      raw.push(String(chunk));
      done();
    },
  });
  return {
    log: createLogger({ DISCORD_TOKEN: 'fake.token.value-123' }, 'debug', sink),
    lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => raw.join(''),
  };
}

/** Resolves when `predicate` holds, polling briefly (the client answers asynchronously). */
async function until<T>(read: () => T | undefined, ms = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = read();
    if (v !== undefined) return v;
    if (Date.now() - started > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('gateway client with REST intercepted', () => {
  let client: Client;
  let calls: Call[];
  let status: number;
  let log: ReturnType<typeof captureLog>;

  beforeEach(() => {
    calls = [];
    status = 204;
    log = captureLog();
    client = createGatewayClient(log.log, {
      rest: {
        retries: 0,
        makeRequest: async (url, init) => {
          const headers = new Headers(init.headers as Record<string, string>);
          calls.push({
            method: init.method ?? 'GET',
            url,
            body: JSON.parse(String(init.body)),
            authorization: headers.get('authorization'),
          });
          // A 204 must not carry a JSON content type (testing.md).
          return status === 204
            ? new Response(null, { status })
            : new Response(JSON.stringify({ message: 'Internal Server Error', code: 0 }), {
                status,
                headers: { 'content-type': 'application/json' },
              });
        },
      },
    });
  });

  afterEach(async () => {
    await client.destroy();
  });

  it('replies to /vram with the embed through the interaction callback', async () => {
    inject(client, fixtures.command);
    const call = await until(() => calls[0]);
    expect(call.method).toBe('POST');
    expect(call.url).toBe(
      `https://discord.com/api/v10/interactions/${fixtures.command.id}/${fixtures.command.token}/callback`,
    );
    // Interaction callbacks are authorized by their token, not the bot token.
    expect(call.authorization).toBeNull();
    expect(call.body.type).toBe(4);
    const data = call.body.data as {
      flags?: number;
      embeds: { description: string }[];
      allowed_mentions: unknown;
    };
    expect(data.flags).toBeUndefined();
    expect(data.embeds[0]!.description).toMatch(/^📐 \*\*Needs about 14\.6 GiB/);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('passes typed options through (private makes it ephemeral) and answers DMs', async () => {
    inject(client, {
      ...fixtures.command,
      id: '1300000000000000099',
      data: {
        ...fixtures.command.data,
        options: [
          { name: 'model', type: 3, value: 'llama-3.1-8b' },
          { name: 'format', type: 3, value: 'q4_k_m' },
          { name: 'private', type: 5, value: true },
        ],
      },
    });
    inject(client, fixtures.dmCommand);
    await until(() => (calls.length >= 2 ? calls : undefined));
    const typed = calls.find((c) => c.url.includes('1300000000000000099'))!;
    expect(typed.body.data!.flags).toBe(EPHEMERAL);
    expect((typed.body.data as { embeds: { title: string }[] }).embeds[0]!.title).toMatch(
      /Llama 3\.1 8B.*Q4\\?_K\\?_M/i,
    );
    const dm = calls.find((c) => c.url.includes(fixtures.dmCommand.id))!;
    expect(dm.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
  });

  it('answers autocomplete with choices', async () => {
    inject(client, fixtures.autocomplete);
    const call = await until(() => calls[0]);
    expect(call.body.type).toBe(8);
    const choices = (call.body.data as { choices: { value: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('llama-3.1-8b q4_k_m');
  });

  it('updates the message on a button click', async () => {
    inject(client, fixtures.button);
    const call = await until(() => calls[0]);
    expect(call.body.type).toBe(7);
    expect((call.body.data as { embeds: { title: string }[] }).embeds[0]!.title).toMatch(/LoRA/);
  });

  it('logs a failed callback (REST 500) without the token, and keeps serving', async () => {
    status = 500;
    inject(client, fixtures.command);
    const failure = await until(() =>
      log.lines().find((l) => l.msg === 'discord interaction callback failed'),
    );
    expect(failure.error).toMatch(/^HTTPError \(500\)/);
    expect(failure.interaction).toBe(fixtures.command.id);
    expect(log.text()).not.toContain('interaction-token');
    expect(log.text()).not.toContain('fake.token.value-123');

    status = 204;
    inject(client, fixtures.autocomplete);
    await until(() => (calls.length >= 2 ? calls : undefined));
    expect(calls[1]!.body.type).toBe(8);
  });
});

describe('gateway login against a local fake Discord', () => {
  let http: Server | undefined;
  let wss: WebSocketServer | undefined;
  let bot: Closable | undefined;

  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    for (const c of wss?.clients ?? []) c.terminate();
    await new Promise<void>((r) => (wss ? wss.close(() => r()) : r()));
    await new Promise<void>((r) => (http ? http.close(() => r()) : r()));
    http = undefined;
    wss = undefined;
  });

  it('logs in over real WebSockets, receives INTERACTION_CREATE and POSTs the reply', async () => {
    const callbacks: { url: string; body: { type: number } }[] = [];
    http = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const { port } = http!.address() as AddressInfo;
        if (req.method === 'GET' && req.url === '/api/v10/gateway/bot') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              url: `ws://127.0.0.1:${port}`,
              shards: 1,
              session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
            }),
          );
        } else if (
          req.method === 'POST' &&
          /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback/.test(req.url ?? '')
        ) {
          callbacks.push({ url: req.url!, body: JSON.parse(body) });
          res.writeHead(204);
          res.end();
        } else {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end('{"message":"Not Found","code":0}');
        }
      });
    });
    wss = new WebSocketServer({ server: http });
    const identified: Record<string, unknown>[] = [];
    wss.on('connection', (socket) => {
      const send = (payload: unknown) => socket.send(JSON.stringify(payload));
      send({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null });
      socket.on('message', (raw) => {
        const msg = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
        if (msg.op === 1) send({ op: 11, d: null, s: null, t: null });
        if (msg.op === 2) {
          identified.push(msg.d);
          const { port } = http!.address() as AddressInfo;
          send({
            op: 0,
            s: 1,
            t: 'READY',
            d: {
              v: 10,
              user: {
                id: '1000000000000000001',
                username: 'vram',
                discriminator: '0',
                avatar: null,
                bot: true,
                global_name: null,
              },
              guilds: [],
              session_id: 'session-1',
              resume_gateway_url: `ws://127.0.0.1:${port}`,
              application: { id: '1000000000000000001', flags: 0 },
            },
          });
          send({ op: 0, s: 2, t: 'INTERACTION_CREATE', d: fixtures.command });
        }
      });
    });
    await new Promise<void>((r) => http!.listen(0, '127.0.0.1', r));
    const { port } = http.address() as AddressInfo;

    const { log, text } = captureLog();
    const { env } = loadConfig({
      DISCORD_TOKEN: 'fake.token.value-123',
      DISCORD_APPLICATION_ID: '1000000000000000001',
    });
    bot = await startDiscordGateway(env, log, { rest: { api: `http://127.0.0.1:${port}/api`, retries: 0 } });
    // Start does not wait for the login: it returns before the gateway is ready.
    expect(text()).not.toContain('discord gateway ready');

    const callback = await until(() => callbacks[0], 10_000);
    expect(callback.url).toBe(
      `/api/v10/interactions/${fixtures.command.id}/${fixtures.command.token}/callback`,
    );
    expect(callback.body.type).toBe(4);
    // Slash commands need the Guilds intent and nothing else.
    expect(identified[0]!.intents).toBe(1);
    expect(text()).toContain('discord gateway ready');
    expect(text()).not.toContain('fake.token.value-123');

    const closing = performance.now();
    await bot.close();
    bot = undefined;
    expect(performance.now() - closing).toBeLessThan(5000);
  }, 20_000);
});

describe('DISCORD_SHARDS', () => {
  it('is "auto", a positive count, or unset', () => {
    expect(parseShards(undefined)).toBeNull();
    expect(parseShards(' ')).toBeNull();
    expect(parseShards('auto')).toBe('auto');
    expect(parseShards('4')).toBe(4);
    expect(() => parseShards('0')).toThrow(/DISCORD_SHARDS/);
    expect(() => parseShards('many')).toThrow(/DISCORD_SHARDS/);
  });
});
