// The reply cache: bounded, frozen, keyed by exactly what was asked, and invisible in the answers (a cached
// answer is the same answer), on the Discord core and the Slack command handler.
import { createHmac } from 'node:crypto';
import { InteractionResponseType, type APIInteractionResponse } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createInteractionHandler, type InteractionIn } from '../adapters/discord/core.ts';
import { createLogger } from '../adapters/shared/log.ts';
import { jsonBody, ReplyCache, replyKey, REPLY_CACHE_DEFAULTS } from '../adapters/shared/reply-cache.ts';
import { createSlackApp } from '../adapters/slack/app.ts';
import { SlackHttpReceiver } from '../adapters/slack/receiver.ts';
import type { HubResolver } from '../src/query/hub-ref.ts';

const quiet = () => createLogger({}, 'silent');

describe('ReplyCache', () => {
  it('counts hits and misses and gives back what it keeps, as a new object with the same bytes', () => {
    const cache = new ReplyCache<{ n: number }>();
    expect(cache.get('a')).toBeUndefined();
    const v = cache.set('a', { n: 1 });
    const hit = cache.get('a');
    expect(hit).toEqual(v);
    expect(hit).not.toBe(v);
    expect(jsonBody(hit)).toBe(jsonBody(v));
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('shares one frozen parse among repeated hits, and never serves a parse of bytes it no longer keeps', () => {
    const cache = new ReplyCache<{ n: number }>({ maxEntries: 1, hotEntries: 4 });
    cache.set('a', { n: 1 });
    const first = cache.get('a')!;
    expect(cache.get('a')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    cache.set('b', { n: 2 }); // evicts a's bytes
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', { n: 3 }); // a again, other bytes: the old parse must not come back
    expect(cache.get('a')).toEqual({ n: 3 });
    expect(jsonBody(cache.get('a')).toString()).toBe('{"n":3}');
  });

  it('offer keeps an answer at its second asking only, and forgets the oldest first askings past its bound', () => {
    const cache = new ReplyCache<{ n: number }>({ seenKeys: 2 });
    cache.offer('a', { n: 1 });
    expect(cache.has('a')).toBe(false);
    cache.offer('a', { n: 1 });
    expect(cache.has('a')).toBe(true);
    for (const k of ['b', 'c', 'd']) cache.offer(k, { n: 2 }); // b is forgotten: c and d are remembered
    cache.offer('b', { n: 2 });
    cache.offer('d', { n: 2 });
    expect(cache.has('b')).toBe(false);
    expect(cache.has('d')).toBe(true);
  });

  it('drops the least recently used entry past its entry bound', () => {
    const cache = new ReplyCache<{ n: number }>({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c']) cache.set(k, { n: 1 });
    cache.get('a'); // a is now the most recently used
    cache.set('d', { n: 4 });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.stats().entries).toBe(3);
  });

  it('stays within its byte bound, counting each serialized body', () => {
    const cache = new ReplyCache<{ s: string }>({ maxEntries: 1000, maxBytes: 10_000 });
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, { s: 'x'.repeat(1000) });
    const { bytes, entries } = cache.stats();
    expect(bytes).toBeLessThanOrEqual(10_000);
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeLessThan(10);
  });

  it('freezes what it keeps, deeply, so one answer cannot be changed under another asker', () => {
    const cache = new ReplyCache<{ data: { fields: { name: string }[] } }>();
    const v = cache.set('a', { data: { fields: [{ name: 'x' }] } });
    expect(() => {
      v.data.fields[0]!.name = 'changed';
    }).toThrow(TypeError);
    expect(() => v.data.fields.push({ name: 'y' })).toThrow(TypeError);
  });

  it('serializes a kept answer once: jsonBody gives the same text as JSON.stringify', () => {
    const cache = new ReplyCache<object>();
    const value = { type: 4, data: { content: 'ü "quoted" \n line', embeds: [{ fields: [1, 2] }] } };
    const kept = cache.set('a', value);
    expect(jsonBody(kept).toString('utf8')).toBe(JSON.stringify(value));
    expect(jsonBody(kept)).toBe(jsonBody(kept));
    expect(jsonBody({ fresh: true }).toString()).toBe('{"fresh":true}');
    expect(jsonBody('text').toString()).toBe('"text"');
  });

  it('keys by words and options, whatever order the options came in; blank options do not count', () => {
    expect(replyKey('command', '13b int4', { context: 8192, gpu: 'rtx-4090' })).toBe(
      replyKey('command', '13b int4', { gpu: 'rtx-4090', context: 8192, mode: '' }),
    );
    expect(replyKey('command', '13b int4')).not.toBe(replyKey('command', '13b int4', { context: 8192 }));
    expect(replyKey('command', '13b int4')).not.toBe(replyKey('button', '13b int4'));
    expect(replyKey('command', '13b int4')).not.toBe(replyKey('command', '13B int4'));
  });
});

function discordCommand(query: string, user: string, extra: InteractionIn['data'] = {}): InteractionIn {
  return {
    type: 2,
    id: '1',
    application_id: '1',
    token: 't',
    member: { user: { id: user } },
    data: { name: 'vram', options: [{ name: 'query', type: 3, value: query }], ...extra },
  };
}

describe('Discord core with the reply cache', () => {
  it('keeps an answer asked twice: the third asker gets its bytes, the same answer as computing it afresh', () => {
    const cache = new ReplyCache<APIInteractionResponse>();
    const cached = createInteractionHandler({ log: quiet(), replyCache: cache });
    const fresh = createInteractionHandler({ log: quiet(), replyCache: false });
    const first = cached(discordCommand('llama-3.1-70b q4_k_m ctx=32k', 'u1'));
    const second = cached(discordCommand('llama-3.1-70b q4_k_m ctx=32k', 'u2'));
    const third = cached(discordCommand('llama-3.1-70b q4_k_m ctx=32k', 'u4'));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(jsonBody(third)).toBe(jsonBody(second));
    expect(first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(fresh(discordCommand('llama-3.1-70b q4_k_m ctx=32k', 'u3'))).toEqual(first);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 1 });
  });

  it('keeps different questions apart (words, typed options)', () => {
    const handler = createInteractionHandler({ log: quiet() });
    const a = handler(discordCommand('13b int4 ctx=8192', 'u1'));
    const b = handler(discordCommand('13b int4 ctx=16384', 'u1'));
    const c = handler(
      discordCommand('13b int4', 'u1', {
        name: 'vram',
        options: [
          { name: 'query', type: 3, value: '13b int4' },
          { name: 'private', type: 5, value: true },
        ],
      }),
    );
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).toContain('v1:half:13b int4 ctx=8192');
    expect(JSON.stringify(b)).toContain('v1:half:13b int4 ctx=16384');
    expect((c as { data?: { flags?: number } }).data?.flags).toBe(64);
    expect((a as { data?: { flags?: number } }).data?.flags).toBeUndefined();
  });

  it('still rate-limits a flooding user asking a cached question', () => {
    const handler = createInteractionHandler({ log: quiet(), now: () => 0 });
    const answers = Array.from({ length: 8 }, () => handler(discordCommand('13b int4', 'flood')));
    // A burst of 5 (DEFAULT_RATE_LIMIT) gets the one cached answer; the rest are private waits.
    for (const r of answers.slice(1, 5)) expect(r).toEqual(answers[0]);
    for (const r of answers.slice(5)) {
      expect(r).not.toEqual(answers[0]);
      expect((r as { data?: { flags?: number } }).data?.flags).toBe(64);
    }
  });

  it('never keeps a Hub lookup: each one is deferred and looked up', async () => {
    let lookups = 0;
    const hub: HubResolver = {
      resolve: async () => {
        lookups++;
        throw new Error('offline');
      },
    } as unknown as HubResolver;
    const webhook = {
      editOriginal: async () => undefined,
      deleteOriginal: async () => undefined,
      followUp: async () => undefined,
    };
    const cache = new ReplyCache<APIInteractionResponse>();
    const handler = createInteractionHandler({ log: quiet(), hub, webhook, replyCache: cache });
    for (const user of ['u1', 'u2']) {
      const r = handler(discordCommand('someorg/some-model-7b int4', user));
      expect(r.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(cache.stats().entries).toBe(0);
    expect(lookups).toBe(2);
  });

  it('stays bounded under a stream of distinct questions', () => {
    const cache = new ReplyCache<APIInteractionResponse>({ maxEntries: 200 });
    const handler = createInteractionHandler({ log: quiet(), replyCache: cache });
    // Each asked twice: an answer is kept at its second asking.
    for (let n = 0; n < 600; n++)
      for (const user of ['a', 'b']) handler(discordCommand(`13b int4 ctx=${1000 + n}`, `${user}${n}`));
    const { entries, bytes } = cache.stats();
    expect(entries).toBe(200);
    expect(bytes).toBeLessThanOrEqual(REPLY_CACHE_DEFAULTS.maxBytes);
    // A full estimate answer serializes to a few KB; 200 of them are well under a few MB.
    expect(bytes / entries).toBeGreaterThan(1000);
    expect(bytes / entries).toBeLessThan(12_000);
  });
});

describe('Slack /vram with the reply cache', () => {
  it('acks the second asker with the same answer', async () => {
    const cache = new ReplyCache<object>();
    const app = createSlackApp({
      receiver: { init: () => undefined, start: async () => undefined, stop: async () => undefined },
      botToken: 'xoxb-0000-cache-test',
      log: quiet(),
      rateLimit: { capacity: 100, perSecond: 100 },
      replyCache: cache as never,
    });
    const acks: unknown[] = [];
    for (const user of ['U1', 'U2', 'U3']) {
      const body = {
        team_id: 'T1',
        channel_id: 'C1',
        user_id: user,
        command: '/vram',
        text: 'mistral-7b qlora rank=16',
        response_url: 'https://hooks.slack.com/commands/T1/1/x',
        trigger_id: '1.2',
        api_app_id: 'A1',
        token: 'legacy',
      };
      await app.processEvent({ body, ack: async (r?: unknown) => void acks.push(r) });
    }
    expect(acks).toHaveLength(3);
    expect(acks[2]).toEqual(acks[0]);
    expect(jsonBody(acks[2])).toBe(jsonBody(acks[1]));
    expect(JSON.stringify(acks[0])).toContain('in_channel');
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 1 });
  });
});

describe('Slack over HTTP: a /vram line skips Bolt, with the same limit and the same answer', () => {
  const SECRET = 'cache-test-signing-secret';
  const form = (text: string, user: string) =>
    new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C1',
      user_id: user,
      command: '/vram',
      text,
      response_url: 'https://hooks.slack.com/commands/T1/1/x',
      trigger_id: '1.2',
      api_app_id: 'A1',
      token: 'legacy',
    }).toString();

  async function serve(rateLimit = { capacity: 100, perSecond: 100 }) {
    const receiver = new SlackHttpReceiver({
      signingSecret: SECRET,
      host: '127.0.0.1',
      port: 0,
      log: quiet(),
    });
    const cache = new ReplyCache<object>();
    const app = createSlackApp({
      receiver,
      botToken: 'xoxb-0000-cache-test',
      log: quiet(),
      rateLimit,
      now: () => 0,
      replyCache: cache as never,
    });
    let throughBolt = 0;
    app.use(async ({ next }) => {
      throughBolt++;
      await next();
    });
    const { port } = await receiver.start();
    const post = async (text: string, user: string) => {
      const body = form(text, user);
      const ts = Math.floor(Date.now() / 1000);
      const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': sig,
        },
        body,
      });
      return { status: res.status, text: await res.text() };
    };
    return { post, cache, bolt: () => throughBolt, close: () => receiver.stop() };
  }

  it('the first asking and the repeats are answered before Bolt, byte for byte the same', async () => {
    const s = await serve();
    try {
      const first = await s.post('llama-3.1-70b q4_k_m ctx=32k', 'U1');
      const again = await s.post('llama-3.1-70b q4_k_m ctx=32k', 'U2');
      const third = await s.post('llama-3.1-70b q4_k_m ctx=32k', 'U3');
      expect(s.bolt()).toBe(0);
      expect(s.cache.stats()).toMatchObject({ hits: 1, misses: 2 });
      expect(first.status).toBe(200);
      expect(again).toEqual(first);
      expect(third).toEqual(first);
      expect(JSON.parse(first.text).response_type).toBe('in_channel');
    } finally {
      await s.close();
    }
  });

  it('a flooding user is limited the same way on the direct path: one notice, then empty acks', async () => {
    const s = await serve({ capacity: 2, perSecond: 0.001 });
    try {
      await s.post('13b int4', 'U0'); // fills the cache from another user
      const answers = [];
      for (let n = 0; n < 5; n++) answers.push(await s.post('13b int4', 'U-flood'));
      expect(answers[0]!.text).toContain('in_channel');
      expect(answers[1]!.text).toBe(answers[0]!.text);
      expect(JSON.parse(answers[2]!.text).response_type).toBe('ephemeral');
      expect(answers[3]).toEqual({ status: 200, text: '' });
      expect(answers[4]).toEqual({ status: 200, text: '' });
      expect(s.bolt()).toBe(0);
    } finally {
      await s.close();
    }
  });
});
