// Slack handlers, driven the way Bolt tests itself: a receiver that does nothing, then app.processEvent with
// a raw body and an ack we capture. Outbound calls (Web API, response_url) are intercepted with nock.
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from '@slack/bolt';
import { BOT_EVENTS, BOT_SCOPES, COMMAND, createSlackApp, OUTBOUND } from '../adapters/slack/app.ts';
import { FAULT_TEXT } from '../commands/lookup.ts';
import { MODAL_CALLBACK_ID, MODEL_ACTION_ID, writeOrigin } from '../adapters/slack/modal.ts';
import { VARIANT_ACTION_PREFIX } from '../adapters/slack/render.ts';
import { createLogger } from '../adapters/shared/log.ts';
import { slackClick } from './slack-helpers.ts';
import type { RateLimitOptions } from '../adapters/shared/rate-limit.ts';
import { searchModels } from '../commands/complete.ts';
import { vram } from '../commands/vram.ts';
import manifest from '../adapters/slack/manifest.json' with { type: 'json' };

const BOT_TOKEN = 'xoxb-0000-handler-test-token';
const SIGNING_SECRET = 'handler-test-signing-secret';
const RESPONSE_URL = 'https://hooks.slack.com/commands/T1/123/abc';
const ACTION_URL = 'https://hooks.slack.com/actions/T1/456/def';

interface Harness {
  app: App;
  logs: string[];
  /** Every ack payload, in order. */
  send(body: Record<string, unknown>): Promise<unknown[]>;
  setNow(ms: number): void;
}

function harness(rateLimit: RateLimitOptions = { capacity: 100, perSecond: 100 }): Harness {
  const logs: string[] = [];
  const log = createLogger({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET }, 'debug', {
    write: (line: string) => void logs.push(line),
  });
  let now = 1_700_000_000_000;
  const app = createSlackApp({
    receiver: { init: () => undefined, start: async () => undefined, stop: async () => undefined },
    botToken: BOT_TOKEN,
    log,
    clientOptions: { retryConfig: { retries: 0 } },
    rateLimit,
    now: () => now,
  });
  return {
    app,
    logs,
    setNow: (ms) => {
      now = ms;
    },
    async send(body) {
      const acks: unknown[] = [];
      await app.processEvent({ body, ack: async (r?: unknown) => void acks.push(r) });
      return acks;
    },
  };
}

function command(text: string, user = 'U1'): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'team',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: user,
    user_name: 'someone',
    command: COMMAND,
    text,
    api_app_id: 'A1',
    response_url: RESPONSE_URL,
    trigger_id: '1.2.trigger',
  };
}

const who = {
  team: { id: 'T1', domain: 'team' },
  user: { id: 'U1', name: 'someone', team_id: 'T1' },
  api_app_id: 'A1',
};

function submission(values: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return {
    type: 'view_submission',
    ...who,
    token: 'legacy',
    trigger_id: '1.2.trigger',
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: MODAL_CALLBACK_ID,
      team_id: 'T1',
      app_id: 'A1',
      bot_id: 'B1',
      private_metadata: writeOrigin({ channelId: 'C1', responseUrl: RESPONSE_URL }),
      state: { values },
      hash: 'h',
      blocks: [],
      title: { type: 'plain_text', text: 'x' },
      root_view_id: 'V1',
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
    },
  };
}

function formValues(o: {
  model?: string;
  format?: string;
  context?: string;
  mode?: string;
  private?: boolean;
}) {
  const selected = (v: string | undefined) =>
    v ? { value: v, text: { type: 'plain_text', text: v } } : null;
  return {
    model: { [MODEL_ACTION_ID]: { type: 'external_select', selected_option: selected(o.model) } },
    format: { format: { type: 'static_select', selected_option: selected(o.format) } },
    context: { context: { type: 'plain_text_input', value: o.context ?? null } },
    mode: { mode: { type: 'static_select', selected_option: selected(o.mode ?? 'inference') } },
    private: { private: { type: 'checkboxes', selected_options: o.private ? [{ value: 'private' }] : [] } },
  };
}

function click(variant: string, value: string): Record<string, unknown> {
  return slackClick(value, { responseUrl: ACTION_URL, variant });
}

function eventBody(event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: 'Ev1',
    event_time: 1_700_000_000,
    authorizations: [{ enterprise_id: null, team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event,
  };
}

/** The body nock saw, as an object whatever its encoding (the Web API client posts forms). */
function asObject(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return Object.fromEntries(new URLSearchParams(body));
    }
  }
  return body as Record<string, unknown>;
}

/** Intercept one POST and hand back what was posted. */
function intercept(origin: string, path: string | RegExp, status = 200, reply: object = { ok: true }) {
  const seen: Record<string, unknown>[] = [];
  const scope = nock(origin)
    .post(path, (body: unknown) => {
      seen.push(asObject(body));
      return true;
    })
    .reply(status, reply);
  return { seen, scope };
}

const blocksOf = (posted: Record<string, unknown>) =>
  JSON.stringify(typeof posted.blocks === 'string' ? JSON.parse(posted.blocks) : posted.blocks);

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('/vram <words>: the reply is the ack', () => {
  it('13b int4 ctx=8192 acks in_channel with the breakdown and the fitting GPUs, no outbound call', async () => {
    const h = harness();
    const acks = await h.send(command('13b int4 ctx=8192'));
    expect(acks).toHaveLength(1);
    const ack = acks[0] as { response_type: string; text: string; blocks: { type: string }[] };
    expect(ack.response_type).toBe('in_channel');
    expect(ack.text).toMatch(/GiB/);
    const blocks = JSON.stringify(ack.blocks);
    for (const label of ['Weights', 'KV cache', 'Activations', 'Overhead', 'Needs about 14.6 GiB'])
      expect(blocks).toContain(label);
    expect(blocks).toContain('fits,');
    expect(blocks).toContain('GeForce RTX 4090');
    expect(ack.blocks.at(-1)!.type).toBe('actions');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it.each([
    ['help', 'Usage'],
    ['zzz', 'unknown word'],
    ['13b int4 ctx=8192 private', 'GiB'],
    ['gpus', 'GeForce'],
  ])('/vram %s acks ephemeral', async (text, expected) => {
    const acks = await harness().send(command(text));
    const ack = acks[0] as { response_type: string; blocks: unknown[] };
    expect(ack.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.blocks)).toContain(expected);
  });

  it('Slack-escaped text is unescaped before parsing', async () => {
    const acks = await harness().send(command('llama-3.1-8b q4_k_m ctx=8k &amp;'));
    expect(JSON.stringify(acks[0])).toContain('unknown word');
    expect(JSON.stringify(acks[0])).toContain('&amp;');
  });
});

describe('/vram alone: the form', () => {
  it('opens the modal with the trigger_id; the ack is empty', async () => {
    const { seen } = intercept('https://slack.com', '/api/views.open', 200, { ok: true, view: { id: 'V1' } });
    const acks = await harness().send(command(''));
    expect(acks).toEqual([undefined]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.trigger_id).toBe('1.2.trigger');
    const view = (typeof seen[0]!.view === 'string' ? JSON.parse(seen[0]!.view) : seen[0]!.view) as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
      blocks: {
        block_id: string;
        element: { type: string; action_id: string; options?: { value: string }[] };
      }[];
    };
    expect(view.callback_id).toBe(MODAL_CALLBACK_ID);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: 'C1', r: RESPONSE_URL });
    const byId = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element]));
    expect(byId.model).toMatchObject({ type: 'external_select', action_id: MODEL_ACTION_ID });
    expect(byId.format!.type).toBe('static_select');
    // Choices come from the /vram declarations, not a second list.
    expect(byId.format!.options!.map((o) => o.value)).toEqual(
      vram.options.find((o) => o.name === 'format')!.choices,
    );
    expect(byId.mode!.options!.map((o) => o.value)).toEqual(
      vram.options.find((o) => o.name === 'mode')!.choices,
    );
    expect(byId.context!.type).toBe('plain_text_input');
  });

  it('if the form cannot open, the asker gets a short ephemeral note through response_url', async () => {
    intercept('https://slack.com', '/api/views.open', 200, { ok: false, error: 'expired_trigger_id' });
    const { seen } = intercept('https://hooks.slack.com', '/commands/T1/123/abc');
    const h = harness();
    await h.send(command(''));
    expect(seen[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(String(seen[0]!.text)).toContain("couldn't open the form");
    expect(h.logs.join('')).toContain('views.open');
  });

  it('the model picker answers typeahead from the catalog (at most 100 options)', async () => {
    const h = harness();
    const ask = async (value: string) => {
      const acks = await h.send({
        type: 'block_suggestion',
        ...who,
        token: 'legacy',
        action_id: MODEL_ACTION_ID,
        block_id: 'model',
        value,
        container: { type: 'view', view_id: 'V1' },
      });
      return (acks[0] as { options: { text: { text: string }; value: string }[] }).options;
    };
    const llama = await ask('llama');
    expect(llama.map((o) => o.value)).toEqual(searchModels('llama', 100).map((m) => m.id));
    expect(llama.map((o) => o.value)).toContain('llama-3.1-8b');
    for (const o of llama) expect(o.text.text.length).toBeLessThanOrEqual(75);
    const all = await ask('');
    expect(all.length).toBeGreaterThan(25);
    expect(all.length).toBeLessThanOrEqual(100);
    expect((await ask('13b'))[0]!.value).toBe('13b');
  });

  it('a valid submission closes the form and posts the result where /vram was typed (response_url)', async () => {
    const { seen } = intercept('https://hooks.slack.com', '/commands/T1/123/abc');
    const acks = await harness().send(
      submission(formValues({ model: 'llama-3.1-8b', format: 'q4_k_m', context: '8k' })),
    );
    expect(acks).toEqual([undefined]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ response_type: 'in_channel' });
    expect(blocksOf(seen[0]!)).toContain('Llama 3.1 8B');
    expect(blocksOf(seen[0]!)).toContain('8k context');
  });

  it('"only me" posts ephemeral', async () => {
    const { seen } = intercept('https://hooks.slack.com', '/commands/T1/123/abc');
    await harness().send(submission(formValues({ model: 'llama-3.1-8b', private: true })));
    expect(seen[0]).toMatchObject({ response_type: 'ephemeral' });
  });

  it.each([
    [{ context: 'lots' }, 'context', /number of tokens/],
    [{ model: undefined, context: '8k' }, 'model', /Pick a model/],
    [{ format: 'q4_k_m', mode: 'lora' }, 'format', /GGUF/],
    [{ context: '99999999999' }, 'context', /between/],
  ])('invalid form %j shows the error under %s, nothing is posted', async (change, field, message) => {
    const acks = await harness().send(submission(formValues({ model: 'llama-3.1-8b', ...change })));
    const ack = acks[0] as { response_action: string; errors: Record<string, string> };
    expect(ack.response_action).toBe('errors');
    expect(ack.errors[field]).toMatch(message);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('if response_url fails, the result goes to the app DM and the failure is logged', async () => {
    intercept('https://hooks.slack.com', '/commands/T1/123/abc', 404, {});
    const { seen } = intercept('https://slack.com', '/api/chat.postMessage', 200, { ok: true, ts: '1.1' });
    const h = harness();
    await h.send(submission(formValues({ model: 'llama-3.1-8b' })));
    expect(seen[0]).toMatchObject({ channel: 'U1' });
    expect(h.logs.join('')).toContain('response_url answered HTTP 404');
  });
});

describe('buttons', () => {
  it('a click replaces the message through response_url with the variant', async () => {
    const { seen } = intercept('https://hooks.slack.com', '/actions/T1/456/def');
    const acks = await harness().send(click('lora', 'v1:lora:13b int4 ctx=8192'));
    expect(acks).toEqual([undefined]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.replace_original).toBe(true);
    expect(blocksOf(seen[0]!)).toContain('LoRA');
    // The new message carries its own buttons, now with Inference instead of LoRA.
    expect(blocksOf(seen[0]!)).toContain(`${VARIANT_ACTION_PREFIX}inference`);
  });

  it('a broken payload tells the clicker only and leaves the message alone', async () => {
    const { seen } = intercept('https://hooks.slack.com', '/actions/T1/456/def');
    await harness().send(click('lora', 'v9:nonsense'));
    expect(seen[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(seen[0]!.text)).toContain('older version');
  });

  it('a response_url 500 is logged and the app keeps serving', async () => {
    intercept('https://hooks.slack.com', '/actions/T1/456/def', 500, {});
    const h = harness();
    await expect(h.send(click('half', 'v1:half:13b int4 ctx=8192'))).resolves.toEqual([undefined]);
    const failure = h.logs.find((l) => l.includes('slack call failed'));
    expect(failure).toContain('response_url answered HTTP 500');
    const acks = await h.send(command('13b int4 ctx=8192'));
    expect(acks[0]).toMatchObject({ response_type: 'in_channel' });
  });
});

describe('mentions and DMs', () => {
  const mention = (text: string, extra: Record<string, unknown> = {}) =>
    eventBody({
      type: 'app_mention',
      user: 'U1',
      text,
      ts: '1700000000.000100',
      channel: 'C1',
      event_ts: '1700000000.000100',
      ...extra,
    });

  it('@vram llama-3.1-8b q4_k_m answers in a thread, mention stripped', async () => {
    const { seen } = intercept('https://slack.com', '/api/chat.postMessage', 200, { ok: true, ts: '1.2' });
    const acks = await harness().send(mention('<@UBOT> llama-3.1-8b q4_k_m'));
    expect(acks).toEqual([undefined]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    expect(blocksOf(seen[0]!)).toContain('Llama 3.1 8B');
  });

  it('a mention inside a thread answers in that thread', async () => {
    const { seen } = intercept('https://slack.com', '/api/chat.postMessage', 200, { ok: true, ts: '1.2' });
    await harness().send(mention('<@UBOT> 13b int4', { thread_ts: '1699999999.000001' }));
    expect(seen[0]).toMatchObject({ thread_ts: '1699999999.000001' });
  });

  it('help or a bad query in a mention is shown to the asker only', async () => {
    const { seen } = intercept('https://slack.com', '/api/chat.postEphemeral', 200, { ok: true });
    await harness().send(mention('<@UBOT> zzz'));
    expect(seen[0]).toMatchObject({ channel: 'C1', user: 'U1', thread_ts: '1700000000.000100' });
    expect(String(seen[0]!.text)).toContain('unknown word');
  });

  it('a failed chat.postMessage is logged; the asker gets a short ephemeral note', async () => {
    intercept('https://slack.com', '/api/chat.postMessage', 200, { ok: false, error: 'not_in_channel' });
    const { seen } = intercept('https://slack.com', '/api/chat.postEphemeral', 200, { ok: true });
    const h = harness();
    await h.send(mention('<@UBOT> 13b int4'));
    expect(String(seen[0]!.text)).toContain(FAULT_TEXT.slice(0, 30));
    expect(h.logs.join('')).toContain('not_in_channel');
  });

  it('a DM to the app is answered in the DM; bot messages are ignored', async () => {
    const { seen } = intercept('https://slack.com', '/api/chat.postMessage', 200, { ok: true, ts: '1.2' });
    const dm = (extra: Record<string, unknown>) =>
      eventBody({
        type: 'message',
        channel_type: 'im',
        channel: 'D1',
        user: 'U1',
        text: 'mistral-7b qlora',
        ts: '1700000000.000300',
        event_ts: '1700000000.000300',
        ...extra,
      });
    await harness().send(dm({}));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ channel: 'D1' });
    expect(seen[0]!.thread_ts).toBeUndefined();
    await harness().send(dm({ bot_id: 'B1', subtype: 'bot_message' }));
    expect(seen).toHaveLength(1);
  });
});

describe('rate limit, failures, secrets', () => {
  it('one friendly notice per window, then silence, then answers again', async () => {
    const h = harness({ capacity: 2, perSecond: 0.1 });
    const start = 1_700_000_000_000;
    h.setNow(start);
    const types = [];
    for (let i = 0; i < 4; i++) types.push(await h.send(command('13b int4')));
    expect((types[0]![0] as { response_type: string }).response_type).toBe('in_channel');
    expect((types[1]![0] as { response_type: string }).response_type).toBe('in_channel');
    const notice = types[2]![0] as { response_type: string; text: string };
    expect(notice.response_type).toBe('ephemeral');
    expect(notice.text).toMatch(/try again in \d+ seconds?/);
    expect(types[3]).toEqual([undefined]);
    // Another user is not affected.
    expect((await h.send(command('13b int4', 'U2')))[0]).toMatchObject({ response_type: 'in_channel' });
    h.setNow(start + 11_000);
    expect((await h.send(command('13b int4')))[0]).toMatchObject({ response_type: 'in_channel' });
  });

  it('logs never carry the bot token or the signing secret', async () => {
    intercept('https://slack.com', '/api/chat.postMessage', 500, {});
    const h = harness();
    await h.send(command('13b int4 ctx=8192'));
    await h.send(
      eventBody({ type: 'app_mention', user: 'U1', text: '<@UBOT> 13b', ts: '1.1', channel: 'C1' }),
    );
    const all = h.logs.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});

describe('the manifest', () => {
  it('names /vram with the declared usage, the events path everywhere, and exactly the scopes the code uses', () => {
    const cmd = manifest.features.slash_commands.find((c) => c.command === COMMAND)!;
    expect(cmd).toBeDefined();
    expect(cmd.usage_hint).toBe(vram.usage.replace(/^\/vram\s+/, ''));
    expect(cmd.description).toBe(vram.description);
    const urls = [
      cmd.url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.settings.interactivity.message_menu_options_url,
    ];
    for (const u of urls) expect(new URL(u).pathname).toBe('/slack/events');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...BOT_EVENTS].sort());
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });
});

describe('response_url posts under a burst', () => {
  it(`run at most ${OUTBOUND.concurrency} at once; the rest wait their turn and are all delivered`, async () => {
    let inFlight = 0;
    let peak = 0;
    let delivered = 0;
    const slowFetch = (async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      delivered++;
      return new Response('ok', { status: 200 });
    }) as typeof fetch;
    const app = createSlackApp({
      receiver: { init: () => undefined, start: async () => undefined, stop: async () => undefined },
      botToken: BOT_TOKEN,
      log: createLogger({}, 'silent'),
      clientOptions: { retryConfig: { retries: 0 }, fetch: slowFetch },
      rateLimit: { capacity: 1000, perSecond: 1000 },
    });
    const clicks = Array.from({ length: 40 }, () =>
      app.processEvent({ body: click('lora', 'v1:lora:13b int4'), ack: async () => undefined }),
    );
    await Promise.all(clicks);
    await vi.waitFor(() => expect(delivered).toBe(40), { timeout: 5000 });
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(OUTBOUND.concurrency);
  });
});
