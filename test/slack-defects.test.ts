// Two defects found by attacks on the HTTP endpoint, pinned down:
// 1. correctly signed but malformed payloads (block_actions without actions or user, view_submission without
//    user, a slash command whose text is not a string) reached Bolt and came back as 500 with a TypeError in
//    the log; they must get a 400 (or, for a slash command, a short ephemeral reply) and one log line.
// 2. an unsigned or badly signed form body was parsed before its signature was checked; it must be turned
//    away with 401 without being parsed.
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadConfig } from '../adapters/config.ts';
import { createLogger } from '../adapters/shared/log.ts';
import { startSlack, type SlackService } from '../adapters/slack/index.ts';
import { startSlackHttp } from './slack-helpers.ts';
import { MODAL_CALLBACK_ID } from '../adapters/slack/modal.ts';
import { checkPayload } from '../adapters/slack/payload.ts';
import { MAX_BODY_BYTES } from '../adapters/slack/receiver.ts';
import { VARIANT_ACTION_PREFIX } from '../adapters/slack/render.ts';

const SECRET = 'defects-test-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-defects-test-token';
const APP_TOKEN = 'xapp-1-defects-test-token';
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let service: SlackService | undefined;
let wss: WebSocketServer | undefined;
let logs: string[] = [];

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await service?.close();
  service = undefined;
  for (const c of wss?.clients ?? []) c.terminate();
  await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
  wss = undefined;
  nock.cleanAll();
  nock.enableNetConnect();
});

async function startHttp(): Promise<string> {
  logs = [];
  service = await startSlackHttp({ signingSecret: SECRET, botToken: BOT_TOKEN }, 'debug', logs);
  return service.url!;
}

/** Slack's documented recipe, independent of the code under test. */
function signature(ts: number | string, body: string | Buffer, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:`).update(body).digest('hex')}`;
}

const now = () => Math.floor(Date.now() / 1000);

function signed(body: string | Buffer, type = FORM, ts: number = now()): Record<string, string> {
  return {
    'content-type': type,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': signature(ts, body),
  };
}

interface Res {
  status: number;
  body: string;
  type: string | undefined;
}

function post(url: string, body: string | Buffer, headers: Record<string, string>): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            type: res.headers['content-type'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const who = {
  team: { id: 'T1', domain: 'team' },
  user: { id: 'U1', name: 'someone', team_id: 'T1' },
  api_app_id: 'A1',
};

function click(): Record<string, unknown> {
  return {
    type: 'block_actions',
    ...who,
    container: { type: 'message', message_ts: '1.1', channel_id: 'C1' },
    channel: { id: 'C1', name: 'general' },
    response_url: 'https://hooks.slack.com/actions/T1/1/xyz',
    trigger_id: 't',
    actions: [
      {
        type: 'button',
        action_id: `${VARIANT_ACTION_PREFIX}qlora`,
        block_id: 'vram_variants',
        value: 'v1:qlora:13b int4',
        action_ts: '1.2',
      },
    ],
  };
}

function submission(): Record<string, unknown> {
  return {
    type: 'view_submission',
    ...who,
    trigger_id: 't',
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: MODAL_CALLBACK_ID,
      private_metadata: JSON.stringify({ c: 'C1' }),
      state: { values: {} },
    },
  };
}

const commandFields = {
  team_id: 'T1',
  team_domain: 'team',
  channel_id: 'C1',
  channel_name: 'general',
  user_id: 'U1',
  user_name: 'someone',
  command: '/vram',
  api_app_id: 'A1',
  response_url: 'https://hooks.slack.com/commands/T1/1/abc',
  trigger_id: '1.2.trigger',
};

const without = (o: Record<string, unknown>, key: string) => {
  const copy = { ...o };
  delete copy[key];
  return copy;
};

const asForm = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/** Nothing Bolt threw, no stack, no 500 path: what the attacks saw in the log. */
function expectCleanLog() {
  const all = logs.join('');
  expect(all).not.toMatch(/TypeError/);
  expect(all).not.toMatch(/\n\s+at /);
  expect(all).not.toMatch(/\\n\s+at /);
  expect(all).not.toContain('slack request failed');
  expect(all).not.toContain('slack event processing failed');
  expect(all).not.toContain('slack handler failed');
  expect(all).not.toContain('command failed');
}

describe('defect 1: signed but malformed payloads', () => {
  it('interactivity without actions, with empty actions, or without user gets 400, not 500', async () => {
    const url = await startHttp();
    const malformed: [string, unknown][] = [
      ['block_actions without actions', without(click(), 'actions')],
      ['block_actions with actions: []', { ...click(), actions: [] }],
      ['block_actions with actions: [null]', { ...click(), actions: [null] }],
      ['block_actions with actions: "x"', { ...click(), actions: 'x' }],
      ['block_actions without user', without(click(), 'user')],
      ['block_actions with user: null', { ...click(), user: null }],
      ['block_actions with a numeric action_id', { ...click(), actions: [{ type: 'button', action_id: 5 }] }],
      ['view_submission without user', without(submission(), 'user')],
      ['view_submission without view', without(submission(), 'view')],
      [
        'view_submission with a number for a text input',
        {
          ...submission(),
          view: {
            ...(submission().view as object),
            callback_id: MODAL_CALLBACK_ID,
            state: { values: { context: { context: { type: 'plain_text_input', value: 8192 } } } },
          },
        },
      ],
      ['view_submission with response_urls: [null]', { ...submission(), response_urls: [null] }],
      ['block_suggestion without user', { type: 'block_suggestion', action_id: 'vram_model', value: 'lla' }],
      [
        'block_suggestion with a numeric value',
        {
          type: 'block_suggestion',
          ...who,
          action_id: 'vram_model',
          block_id: 'model',
          value: 123,
        },
      ],
      ['shortcut without user', { type: 'shortcut', callback_id: 'x', trigger_id: 't' }],
    ];
    for (const [what, payload] of malformed) {
      const form = asForm(payload);
      const before = logs.length;
      const res = await post(url, form, signed(form));
      expect(res.status, what).toBe(400);
      expect(res.body.length, what).toBeLessThan(200);
      // One line for the rejection, at warn or below.
      const lines = logs.slice(before).map((l) => JSON.parse(l) as { level: number; msg: string });
      expect(lines.length, what).toBe(1);
      expect(lines[0]!.level, what).toBeLessThanOrEqual(40);
    }
    expectCleanLog();
    // Still serving, and a well-formed click still works.
    nock('https://hooks.slack.com').post('/actions/T1/1/xyz').reply(200, 'ok');
    const good = asForm(click());
    const res = await post(url, good, signed(good));
    expect(res.status).toBe(200);
  });

  it('events whose event is not an object, or carries unusable fields, get 400', async () => {
    const url = await startHttp();
    const base = { type: 'event_callback', team_id: 'T1', api_app_id: 'A1' };
    const malformed: unknown[] = [
      { ...base, event: null },
      { ...base, event: 'app_mention' },
      { ...base, event: { type: 'reaction_added', channel: null } },
      { ...base, event: { type: 'reaction_added', item: 'x' } },
      { ...base, event: { type: 'reaction_added', user: null } },
      { ...base, authorizations: [null], event: { type: 'reaction_added' } },
      { ...base, event: { type: 'app_mention', user: 'U1', text: 42, ts: '1.1', channel: 'C1' } },
      { ...base },
    ];
    for (const payload of malformed) {
      const body = JSON.stringify(payload);
      const res = await post(url, body, signed(body, JSON_TYPE));
      expect(res.status, body).toBe(400);
    }
    expectCleanLog();
  });

  it('a slash command whose text is not a string gets a short ephemeral reply, not a 500', async () => {
    const url = await startHttp();
    const bodies: [string, string][] = [
      [JSON.stringify({ ...commandFields, text: 123 }), JSON_TYPE],
      [JSON.stringify({ ...commandFields, text: ['13b', 'int4'] }), JSON_TYPE],
      [JSON.stringify({ ...commandFields, text: null }), JSON_TYPE],
      [JSON.stringify({ ...commandFields, text: '13b', user_id: { id: 'U1' } }), JSON_TYPE],
      // The form field repeated: ambiguous, so not read as either value.
      [`${new URLSearchParams({ ...commandFields, text: '13b int4' })}&text=70b`, FORM],
    ];
    for (const [body, type] of bodies) {
      const before = logs.length;
      const res = await post(url, body, signed(body, type));
      expect(res.status, body).toBe(200);
      expect(res.type).toMatch(/application\/json/);
      const reply = JSON.parse(res.body) as { response_type: string; text: string; blocks?: unknown };
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.text.length).toBeLessThan(200);
      expect(reply.blocks).toBeUndefined();
      expect(logs.length - before, body).toBe(1);
    }
    expectCleanLog();
    // A well-formed command is still answered.
    const good = new URLSearchParams({ ...commandFields, text: '13b int4' }).toString();
    const res = await post(url, good, signed(good));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).response_type).toBe('in_channel');
  });

  it('Socket Mode: malformed envelopes are acked (not redelivered) and never reach Bolt', async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss!.once('listening', () => resolve()));
    const port = (wss.address() as AddressInfo).port;
    nock('https://slack.com')
      .post('/api/apps.connections.open')
      .reply(200, { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=t1` });

    const envelopes = [
      {
        envelope_id: 'env-cmd',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: { ...commandFields, text: 7 },
      },
      {
        envelope_id: 'env-act',
        type: 'interactive',
        accepts_response_payload: false,
        payload: without(click(), 'actions'),
      },
      {
        envelope_id: 'env-view',
        type: 'interactive',
        accepts_response_payload: true,
        payload: without(submission(), 'user'),
      },
    ];
    const acks = new Map<string, Record<string, unknown>>();
    const allAcked = new Promise<void>((resolve) => {
      wss!.on('connection', (socket: WebSocket) => {
        socket.on('message', (data) => {
          const ack = JSON.parse(String(data)) as { envelope_id: string; payload?: Record<string, unknown> };
          acks.set(ack.envelope_id, ack.payload ?? {});
          if (acks.size === envelopes.length) resolve();
        });
        socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
        for (const e of envelopes) socket.send(JSON.stringify(e));
      });
    });

    const source = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN };
    const { env } = loadConfig(source);
    logs = [];
    const log = createLogger(source, 'debug', { write: (l: string) => void logs.push(l) });
    service = await startSlack(env, 'socket', log);
    await allAcked;
    expect(acks.get('env-cmd')?.response_type).toBe('ephemeral');
    expect(acks.has('env-act')).toBe(true);
    expect(acks.has('env-view')).toBe(true);
    expectCleanLog();
    expect(logs.join('')).not.toContain('An unhandled error occurred while Bolt processed');
  });
});

describe('the payload check lets every well-formed shape through', () => {
  const event = (e: Record<string, unknown>) => ({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: 'Ev1',
    event_time: 1,
    authorizations: [
      { enterprise_id: null, team_id: 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
    event: e,
  });
  const shapes: [string, unknown][] = [
    ['slash command', { ...commandFields, text: '13b int4', is_enterprise_install: 'false' }],
    ['bare slash command', { ...commandFields, text: '' }],
    ['button click in a message', click()],
    [
      'click inside a modal (no channel, a view)',
      {
        ...without(click(), 'channel'),
        container: { type: 'view', view_id: 'V1' },
        view: { id: 'V1', callback_id: MODAL_CALLBACK_ID },
        enterprise: null,
        is_enterprise_install: false,
      },
    ],
    ['org-wide install click (team null)', { ...click(), team: null }],
    [
      'select in a message',
      {
        ...click(),
        actions: [{ type: 'static_select', action_id: 'x', block_id: 'b', selected_option: { value: 'v' } }],
      },
    ],
    [
      'typeahead',
      {
        type: 'block_suggestion',
        ...who,
        action_id: 'vram_model',
        block_id: 'model',
        value: 'lla',
        container: { type: 'view', view_id: 'V1' },
      },
    ],
    [
      'typeahead with nothing typed yet',
      { type: 'block_suggestion', ...who, action_id: 'vram_model', block_id: 'model', value: '' },
    ],
    [
      'form submitted',
      {
        ...submission(),
        view: {
          ...(submission().view as object),
          previous_view_id: null,
          state: {
            values: {
              model: {
                vram_model: {
                  type: 'external_select',
                  selected_option: { value: 'llama', text: { type: 'plain_text', text: 'llama' } },
                },
              },
              context: { context: { type: 'plain_text_input', value: null } },
              private: { private: { type: 'checkboxes', selected_options: [] } },
              when: { when: { type: 'datepicker', selected_date: '2026-01-01' } },
            },
          },
        },
        response_urls: [
          { block_id: 'b', action_id: 'a', channel_id: 'C1', response_url: 'https://hooks.slack.com/app/x' },
        ],
      },
    ],
    [
      'form closed',
      { type: 'view_closed', ...who, view: { id: 'V1', callback_id: MODAL_CALLBACK_ID }, is_cleared: false },
    ],
    ['global shortcut', { type: 'shortcut', ...who, callback_id: 'x', trigger_id: 't' }],
    [
      'message shortcut',
      { type: 'message_action', ...who, callback_id: 'x', channel: { id: 'C1' }, message: { ts: '1.1' } },
    ],
    [
      'app_mention',
      event({
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> 13b',
        ts: '1.1',
        channel: 'C1',
        event_ts: '1.1',
      }),
    ],
    [
      'message in the DM',
      event({ type: 'message', channel: 'D1', user: 'U1', text: 'hi', ts: '1.1', channel_type: 'im' }),
    ],
    [
      'message edited',
      event({
        type: 'message',
        subtype: 'message_changed',
        channel: 'D1',
        ts: '1.2',
        message: { text: 'x' },
        channel_type: 'im',
      }),
    ],
    [
      'message deleted',
      event({ type: 'message', subtype: 'message_deleted', channel: 'D1', ts: '1.2', deleted_ts: '1.1' }),
    ],
    [
      'reaction_added',
      event({ type: 'reaction_added', user: 'U1', item: { type: 'message', channel: 'C1', ts: '1.1' } }),
    ],
    ['team_join (user object)', event({ type: 'team_join', user: { id: 'U2', name: 'new' } })],
    [
      'channel_created (channel object)',
      event({ type: 'channel_created', channel: { id: 'C2', creator: 'U1' } }),
    ],
    ['app_uninstalled', event({ type: 'app_uninstalled' })],
    ['url_verification', { type: 'url_verification', challenge: 'c' }],
    [
      'app_rate_limited',
      { type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1, api_app_id: 'A1' },
    ],
  ];
  it.each(shapes)('%s', (_what, body) => {
    expect(checkPayload(body)).toEqual({ ok: true });
  });
});

describe('defect 2: the signature is checked on the raw bytes before anything is parsed', () => {
  /** Every URLSearchParams or JSON.parse given the (large) body under test. */
  function parseSpies(marker: string) {
    const Original = URLSearchParams;
    const seen: string[] = [];
    vi.spyOn(globalThis, 'URLSearchParams').mockImplementation(function (this: unknown, init?: unknown) {
      if (typeof init === 'string' && init.includes(marker)) seen.push('URLSearchParams');
      return new Original(init as string);
    } as unknown as () => URLSearchParams);
    const parse = JSON.parse;
    vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (typeof text === 'string' && text.includes(marker)) seen.push('JSON.parse');
      return parse(text, reviver);
    });
    return seen;
  }

  it('an unsigned, badly signed or stale 1 MiB form body gets 401 without being parsed', async () => {
    const url = await startHttp();
    const marker = 'unsigned-marker-7f3a';
    // Just under the body limit, many fields: the costly shape to parse.
    let body = `${marker}=1`;
    while (body.length < MAX_BODY_BYTES - 16) body += '&a=b';
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const seen = parseSpies(marker);
    const ts = now();
    const cases: Record<string, string>[] = [
      { 'content-type': FORM },
      { 'content-type': FORM, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': 'v0=deadbeef' },
      { ...signed(body), 'x-slack-signature': signature(ts, body, 'wrong-secret') },
      signed(body, FORM, ts - 6 * 60),
      signed(body, FORM, ts + 10 * 60),
      { 'content-type': JSON_TYPE },
    ];
    for (const headers of cases) {
      const res = await post(url, body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
    }
    expect(seen).toEqual([]);
    // The same bytes, signed: now they are parsed (and, being none of Slack's shapes, refused).
    const res = await post(url, body, signed(body));
    expect(res.status).toBe(400);
    expect(seen).toContain('URLSearchParams');
  });

  it('an unsigned ssl_check is a 401 like anything else unsigned; a signed one is a bare 200', async () => {
    const url = await startHttp();
    const body = 'ssl_check=1&token=legacy';
    expect((await post(url, body, { 'content-type': FORM })).status).toBe(401);
    const ok = await post(url, body, signed(body));
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('');
  });
});
