// The one answer pipeline (adapters/shared/pipeline.ts) and what every platform gets from it: the rate limit,
// the reply cache, faults, deferred answers and a shutdown that waits for them, on Discord and Slack alike.
import { describe, expect, it } from 'vitest';
import { createInteractionHandler, type InteractionWebhook } from '../adapters/discord/core.ts';
import { createLogger } from '../adapters/shared/log.ts';
import { createPipeline, type Question } from '../adapters/shared/pipeline.ts';
import { RateLimiter } from '../adapters/shared/rate-limit.ts';
import { createSlackApp } from '../adapters/slack/app.ts';
import { FAULT_REPLY } from '../commands/lookup.ts';
import type { Reply } from '../commands/types.ts';
import { findModel } from '../src/catalog/models.ts';
import type { ModelSpec } from '../src/catalog/types.ts';
import type { HubResolver } from '../src/query/hub-ref.ts';

const quiet = createLogger({}, 'silent');
const HUB_ID = 'acme/Llama-3.1-8B-ft';
const ask = (text: string): Question => ({ kind: 'command', input: { text } });

/** A Hub whose lookups finish only when the test says so. */
function heldHub() {
  const waiting: ((spec: ModelSpec) => void)[] = [];
  const hub: HubResolver = {
    resolve: () => new Promise<ModelSpec>((resolve) => waiting.push(resolve)),
  };
  return { hub, waiting, release: () => waiting.splice(0).forEach((r) => r(findModel('llama-3.1-8b')!)) };
}

/** A render that counts its calls and keeps the reply kind. */
function counting() {
  const calls: Reply[] = [];
  const render = (reply: Reply) => {
    calls.push(reply);
    return { kind: reply.kind, text: reply.kind === 'error' ? reply.message : reply.kind };
  };
  return { calls, render };
}

describe('the answer pipeline', () => {
  it('keeps an answer asked twice, then answers it without parsing or rendering again', () => {
    const { calls, render } = counting();
    const p = createPipeline({ log: quiet, render, limiter: false });
    const first = p.ask('u1', ask('13b int4 ctx=8192'));
    p.ask('u2', ask('13b int4 ctx=8192'));
    expect(calls).toHaveLength(2);
    const third = p.ask('u3', ask('13b int4 ctx=8192'));
    const fourth = p.ask('u4', ask('13b int4 ctx=8192'));
    expect(calls).toHaveLength(2);
    expect(third).toEqual({ type: 'answer', out: first.type === 'answer' ? first.out : null });
    expect(fourth).toEqual(third);
    // Another question is its own: computed at its first two askings.
    p.ask('u1', ask('13b int4 ctx=4096'));
    expect(calls).toHaveLength(3);
  });

  it('limits each user on their own: a notice once per window, then silence', () => {
    let t = 0;
    const p = createPipeline({
      log: quiet,
      render: counting().render,
      limiter: new RateLimiter({ capacity: 2, perSecond: 0.5 }),
      now: () => t,
    });
    expect(p.ask('u1', ask('7b')).type).toBe('answer');
    expect(p.ask('u1', ask('7b')).type).toBe('answer');
    const third = p.ask('u1', ask('7b'));
    expect(third).toMatchObject({ type: 'limited' });
    expect(third.type === 'limited' && third.notice).toMatch(/try again in 2 seconds/);
    expect(p.ask('u1', ask('7b'))).toMatchObject({ type: 'limited', notice: null });
    expect(p.ask('u2', ask('7b')).type).toBe('answer');
    t += 2000;
    expect(p.ask('u1', ask('7b')).type).toBe('answer');
  });

  it('a render that throws gets the fault reply, logged, and is not kept', () => {
    const logged: string[] = [];
    const log = createLogger({}, 'error', { write: (l: string) => void logged.push(l) });
    let broken = true;
    const p = createPipeline({
      log,
      limiter: false,
      render: (reply: Reply) => {
        if (broken && reply.kind === 'estimate') throw new Error('renderer exploded');
        return { kind: reply.kind };
      },
    });
    const first = p.ask('u', ask('7b'));
    expect(first).toMatchObject({ type: 'answer', out: { kind: 'error' }, reply: FAULT_REPLY });
    expect(logged.join('')).toContain('renderer exploded');
    broken = false;
    expect(p.ask('u', ask('7b'))).toMatchObject({ type: 'answer', out: { kind: 'estimate' } });
  });

  it('defers a Hub question, delivers the estimate, and drain waits for it', async () => {
    const held = heldHub();
    const delivered: { reply: Reply; private: boolean }[] = [];
    const p = createPipeline({ log: quiet, render: counting().render, limiter: false, hub: held.hub });
    const o = p.ask('u', ask(`${HUB_ID} ctx=8k private`), async (reply, asked) => {
      delivered.push({ reply, private: asked.private });
    });
    expect(o).toMatchObject({ type: 'deferred', lookup: HUB_ID, private: true });
    expect(p.pending).toBe(1);
    let drained = false;
    const drain = p.drain(60_000).then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    held.release();
    await drain;
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.reply.kind).toBe('estimate');
    expect(delivered[0]!.private).toBe(true);
    expect(p.pending).toBe(0);
  });

  it('without a way to deliver later, a Hub question is a short error now; drain is bounded', async () => {
    const held = heldHub();
    const p = createPipeline({ log: quiet, render: counting().render, limiter: false, hub: held.hub });
    expect(p.ask('u', ask(HUB_ID))).toMatchObject({
      type: 'answer',
      reply: { kind: 'error', message: expect.stringContaining('not in the catalog') },
    });
    // A lookup that never ends does not hold shutdown past the bound.
    p.ask('u', ask(HUB_ID), async () => undefined);
    await p.drain(10);
    expect(p.pending).toBe(1);
  });
});

describe('no answer is dropped at shutdown', () => {
  it('Discord: draining the handler waits for a deferred answer and edits the original', async () => {
    const held = heldHub();
    const edits: string[] = [];
    const webhook: InteractionWebhook = {
      editOriginal: async (_app, token, message) =>
        void edits.push(`${token}:${message.embeds?.length ?? 0}`),
      deleteOriginal: async () => undefined,
      followUp: async () => undefined,
    };
    const handler = createInteractionHandler({ log: quiet, hub: held.hub, webhook });
    const response = handler({
      type: 2,
      id: '1',
      application_id: 'app',
      token: 'tok',
      user: { id: 'u' },
      data: { name: 'vram', options: [{ name: 'query', type: 3, value: HUB_ID }] },
    });
    expect(response.type).toBe(5);
    const drained = handler.drain!(60_000);
    held.release();
    await drained;
    expect(edits).toEqual(['tok:1']);
  });

  it('Slack: draining the app waits for a deferred answer in flight', async () => {
    const held = heldHub();
    const receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };
    const posted: unknown[] = [];
    const fetchFn = (async (_url: string, init: { body: string }) => {
      posted.push(JSON.parse(init.body));
      return new Response('ok');
    }) as unknown as typeof fetch;
    const app = createSlackApp({
      receiver,
      botToken: 'xoxb-test',
      log: quiet,
      hub: held.hub,
      clientOptions: { fetch: fetchFn } as never,
    });
    const acks: unknown[] = [];
    const handled = app.processEvent({
      body: {
        command: '/vram',
        text: HUB_ID,
        user_id: 'U1',
        team_id: 'T1',
        channel_id: 'C1',
        response_url: 'https://hooks.slack.com/commands/T1/1/x',
        trigger_id: 't',
      },
      ack: async (r?: unknown) => void acks.push(r),
    });
    // The ack (a private "looking up" note) goes out before the lookup ends.
    for (let i = 0; i < 50 && acks.length === 0; i++) await new Promise((r) => setTimeout(r, 1));
    expect(JSON.stringify(acks[0])).toContain('Looking up');
    const drained = app.drain(60_000);
    held.release();
    await drained;
    // Posted by the time drain resolves, not merely by the time the handler does.
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ response_type: 'in_channel' });
    await handled;
  });
});
