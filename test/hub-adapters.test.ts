// Chat adapters and Hub lookups (issue 6): a lookup may outlast Discord's and Slack's 3 seconds, so the
// first answer is a deferral / a quick ack and the result follows: Discord edits the original through the
// interaction webhook (PATCH .../messages/@original), Slack posts to the command's response_url. Offline:
// the Hub is the nock fake of hub-helpers.ts, Discord's and Slack's endpoints are intercepted too.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'discord.js';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../adapters/discord/core.ts';
import { createGatewayClient } from '../adapters/discord/gateway.ts';
import {
  closeServer,
  createDiscordHttpServer,
  INTERACTIONS_PATH,
  publicKeyFromHex,
} from '../adapters/discord/http.ts';
import { EPHEMERAL } from '../adapters/discord/limits.ts';
import { fetchWebhook } from '../adapters/discord/webhook.ts';
import { slackClick } from './slack-helpers.ts';
import { createLogger } from '../adapters/shared/log.ts';
import { COMMAND, createSlackApp } from '../adapters/slack/app.ts';
import { createHubClient } from '../hub/client.ts';
import type { ModelSpec } from '../src/catalog/types.ts';
import type { HubResolver } from '../src/query/hub-ref.ts';
import fixtures from './fixtures/discord-interactions.json' with { type: 'json' };
import { fakeHub, fixtureConfig, SHA } from './hub-helpers.ts';

const HUB = 'https://huggingface.co';
const MODEL = 'acme/Llama-3.1-8B-Instruct-ft';
const APP = fixtures.command.application_id;
const TOKEN = fixtures.command.token;
const ORIGINAL = new RegExp(`^/api/v10/webhooks/${APP}/${TOKEN}/messages/(@|%40)original$`);

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Resolves when `read` returns something, polling briefly. */
async function until<T>(read: () => T | undefined, ms = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = read();
    if (v !== undefined) return v;
    if (Date.now() - started > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A resolver that answers after `ms` (a Hub lookup slower than Discord's 3 s would be, compressed). */
function slowHub(ms: number): HubResolver & { done: number[] } {
  const real = createHubClient();
  const done: number[] = [];
  return {
    done,
    async resolve(id): Promise<ModelSpec> {
      await new Promise((r) => setTimeout(r, ms));
      try {
        return await real.resolve(id);
      } finally {
        done.push(Date.now());
      }
    },
  };
}

function logSink() {
  const lines: string[] = [];
  return { lines, log: createLogger({}, 'debug', { write: (l: string) => void lines.push(l) }) };
}

// ---------------------------------------------------------------- Discord, HTTP interactions

describe('Discord (HTTP interactions): a Hub model is deferred, then the original is edited', () => {
  let privateKey: KeyObject;
  let publicKeyHex: string;
  let server: Server;
  let port: number;
  let hub: ReturnType<typeof slowHub>;
  let logs: ReturnType<typeof logSink>;

  beforeAll(() => {
    const pair = generateKeyPairSync('ed25519');
    privateKey = pair.privateKey;
    publicKeyHex = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  });

  beforeEach(async () => {
    fakeHub(HUB, {
      [MODEL]: { sha: SHA, files: { 'config.json': fixtureConfig('meta-llama--Llama-3.1-8B-Instruct') } },
    });
    hub = slowHub(300);
    logs = logSink();
    server = createDiscordHttpServer({
      publicKey: publicKeyFromHex(publicKeyHex),
      log: logs.log,
      handler: createInteractionHandler({ log: logs.log, hub, webhook: fetchWebhook({ retryMs: 10 }) }),
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    await closeServer(server);
  });

  function interact(query: string, options: { name: string; type: number; value: unknown }[] = []) {
    const c = fixtures.command;
    const body = JSON.stringify({
      ...c,
      data: { ...c.data, options: [{ name: 'query', type: 3, value: query }, ...options] },
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const started = Date.now();
    return new Promise<{ json: { type: number; data?: { flags?: number } }; ms: number }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: INTERACTIONS_PATH,
            headers: {
              'content-type': 'application/json',
              'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'),
              'x-signature-timestamp': ts,
            },
          },
          (res) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.on('end', () => resolve({ json: JSON.parse(text), ms: Date.now() - started }));
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
  }

  /** Intercept the webhook calls; returns what was sent. */
  function discord() {
    const calls: { method: string; body: Record<string, unknown> | null }[] = [];
    const record = async (req: Request): Promise<[number, string]> => {
      const text = await req.text();
      calls.push({ method: req.method, body: text ? (JSON.parse(text) as Record<string, unknown>) : null });
      return [req.method === 'DELETE' ? 204 : 200, req.method === 'DELETE' ? '' : '{}'];
    };
    const scope = nock('https://discord.com').persist();
    scope.patch(ORIGINAL).reply(record);
    scope.delete(ORIGINAL).reply(record);
    scope.post(`/api/v10/webhooks/${APP}/${TOKEN}`).reply(record);
    return calls;
  }

  it('answers type 5 at once (public), then PATCHes @original with the estimate', async () => {
    const calls = discord();
    const res = await interact(`${MODEL} ctx=8k`);
    expect(res.json).toEqual({ type: 5 });
    // The deferral is answered before the lookup (300 ms here) finishes: no edit has been sent yet.
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    const patch = await until(() => calls.find((c) => c.method === 'PATCH'));
    const embeds = patch.body!.embeds as {
      title: string;
      description: string;
      fields: { name: string; value: string }[];
    }[];
    expect(embeds[0]!.title).toMatch(/^acme\/Llama-3\.1-8B-Instruct-ft · BF16 · 8k context/);
    // The compact answer; its Details button replays the same Hub id.
    const rows = patch.body!.components as { components: { custom_id: string }[] }[];
    expect(rows.flatMap((r) => r.components.map((b) => b.custom_id))).toContain(
      'v1:details:acme/Llama-3.1-8B-Instruct-ft ctx=8192',
    );
    expect(hub.done.length).toBe(1);
    expect(logs.lines.join('')).not.toContain(TOKEN);
  });

  it('a private query defers ephemerally (flags 64): ephemerality is fixed by the first response', async () => {
    const calls = discord();
    const res = await interact(MODEL, [{ name: 'private', type: 5, value: true }]);
    expect(res.json).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    await until(() => calls.find((c) => c.method === 'PATCH'));
  });

  it('a failed lookup removes the public "thinking" message and tells only the asker', async () => {
    const calls = discord();
    const res = await interact('acme/does-not-exist');
    expect(res.json).toEqual({ type: 5 });
    const followUp = await until(() => calls.find((c) => c.method === 'POST'));
    expect(calls.map((c) => c.method)).toEqual(['DELETE', 'POST']);
    expect(followUp.body).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/no model "acme\/does-not-exist"/),
    });
  });

  it('catalog queries are still answered in the response itself (type 4)', async () => {
    const res = await interact('meta-llama/Llama-3.1-8B-Instruct q4_k_m');
    expect(res.json.type).toBe(4);
    expect(hub.done).toEqual([]);
  });
});

// ---------------------------------------------------------------- Discord, gateway

describe('Discord (gateway): the same deferral through the client REST', () => {
  let client: Client;
  let calls: { method: string; url: string; body: { type?: number; embeds?: { title: string }[] } | null }[];

  beforeEach(() => {
    fakeHub(HUB, {
      [MODEL]: { sha: SHA, files: { 'config.json': fixtureConfig('meta-llama--Llama-3.1-8B-Instruct') } },
    });
    calls = [];
    client = createGatewayClient(
      logSink().log,
      {
        rest: {
          retries: 0,
          makeRequest: async (url, init) => {
            calls.push({
              method: init.method ?? 'GET',
              url,
              body: init.body ? JSON.parse(String(init.body)) : null,
            });
            return init.method === 'PATCH'
              ? new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })
              : new Response(null, { status: 204 });
          },
        },
      },
      undefined,
      createHubClient(),
    );
  });
  afterEach(async () => {
    await client.destroy();
  });

  it('POSTs the callback {type: 5}, then PATCHes /webhooks/{app}/{token}/messages/@original', async () => {
    (
      client as unknown as { actions: { InteractionCreate: { handle(d: unknown): void } } }
    ).actions.InteractionCreate.handle({
      ...fixtures.command,
      data: { ...fixtures.command.data, options: [{ name: 'query', type: 3, value: `${MODEL} ctx=8k` }] },
    });
    const patch = await until(() => calls.find((c) => c.method === 'PATCH'));
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: `https://discord.com/api/v10/interactions/${fixtures.command.id}/${TOKEN}/callback`,
      body: { type: 5 },
    });
    expect(patch.url).toBe(`https://discord.com/api/v10/webhooks/${APP}/${TOKEN}/messages/%40original`);
    expect(patch.body!.embeds![0]!.title).toMatch(/^acme\/Llama-3\.1-8B-Instruct-ft/);
  });
});

// ---------------------------------------------------------------- Slack

describe('Slack: a quick ack, then the result through response_url', () => {
  const RESPONSE_URL = 'https://hooks.slack.com/commands/T1/123/abc';

  function app(hub: HubResolver) {
    return createSlackApp({
      receiver: { init: () => undefined, start: async () => undefined, stop: async () => undefined },
      botToken: 'xoxb-0000-hub-test-token',
      log: logSink().log,
      clientOptions: { retryConfig: { retries: 0 } },
      rateLimit: { capacity: 100, perSecond: 100 },
      hub,
    });
  }

  function command(text: string): Record<string, unknown> {
    return {
      token: 'legacy',
      team_id: 'T1',
      team_domain: 'team',
      channel_id: 'C1',
      channel_name: 'general',
      user_id: 'U1',
      user_name: 'someone',
      command: COMMAND,
      text,
      api_app_id: 'A1',
      response_url: RESPONSE_URL,
      trigger_id: '1.2.trigger',
    };
  }

  it('/vram owner/name acks at once with an ephemeral "looking up", then posts the estimate in the channel', async () => {
    fakeHub(HUB, {
      [MODEL]: { sha: SHA, files: { 'config.json': fixtureConfig('meta-llama--Llama-3.1-8B-Instruct') } },
    });
    const hub = slowHub(300);
    const posted: Record<string, unknown>[] = [];
    nock('https://hooks.slack.com')
      .post('/commands/T1/123/abc', (b) => (posted.push(b as Record<string, unknown>), true))
      .reply(200, 'ok');
    const acks: { at: number; body: unknown }[] = [];
    await app(hub).processEvent({
      body: command(`${MODEL} ctx=8k`),
      ack: async (r?: unknown) => void acks.push({ at: Date.now(), body: r }),
    });
    expect(acks).toHaveLength(1);
    expect(acks[0]!.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/Looking up acme\/Llama-3\.1-8B-Instruct-ft/),
    });
    expect(acks[0]!.at).toBeLessThan(hub.done[0]!); // the ack went out before the lookup finished
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      response_type: 'in_channel',
      text: expect.stringMatching(/acme\/Llama-3\.1-8B-Instruct-ft/),
    });
    expect(JSON.stringify(posted[0]!.blocks)).toContain('v1:details:acme/Llama-3.1-8B-Instruct-ft');
  });

  it('a lookup failure is posted ephemerally; a catalog query still rides on the ack', async () => {
    fakeHub(HUB, {});
    const posted: Record<string, unknown>[] = [];
    nock('https://hooks.slack.com')
      .post('/commands/T1/123/abc', (b) => (posted.push(b as Record<string, unknown>), true))
      .reply(200, 'ok');
    const a = app(createHubClient());
    const acks: unknown[] = [];
    await a.processEvent({
      body: command('acme/nothing-here'),
      ack: async (r?: unknown) => void acks.push(r),
    });
    expect(posted[0]).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/no model "acme\/nothing-here"/),
    });
    const catalogAcks: unknown[] = [];
    await a.processEvent({
      body: command('llama-3.1-8b q4_k_m'),
      ack: async (r?: unknown) => void catalogAcks.push(r),
    });
    expect(catalogAcks[0]).toMatchObject({ response_type: 'in_channel' });
  });

  it('a button on a Hub model reply re-reads the model and replaces the message', async () => {
    fakeHub(HUB, {
      [MODEL]: { sha: SHA, files: { 'config.json': fixtureConfig('meta-llama--Llama-3.1-8B-Instruct') } },
    });
    const posted: Record<string, unknown>[] = [];
    nock('https://hooks.slack.com')
      .post('/actions/T1/456/def', (b) => (posted.push(b as Record<string, unknown>), true))
      .reply(200, 'ok');
    await app(createHubClient()).processEvent({
      body: slackClick(`v1:lora:${MODEL}`, { responseUrl: 'https://hooks.slack.com/actions/T1/456/def' }),
      ack: async () => undefined,
    });
    expect(posted[0]).toMatchObject({
      replace_original: true,
      text: expect.stringMatching(/^acme\/Llama-3\.1-8B-Instruct-ft/),
    });
    expect(JSON.stringify(posted[0]!.blocks)).toMatch(/LoRA/);
  });
});
