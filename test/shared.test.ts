// Shared adapter pieces: the per-user rate limit and the logger that never prints a secret.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimitMessage } from '../adapters/shared/rate-limit.ts';
import { createLogger } from '../adapters/shared/log.ts';

describe('rate limit (token bucket)', () => {
  it('lets a burst of `capacity` through, then refuses with one notice per window', () => {
    const rl = new RateLimiter({ capacity: 3, perSecond: 1 });
    const t = 1_000_000;
    expect([1, 2, 3].map(() => rl.take('u', t).ok)).toEqual([true, true, true]);
    const first = rl.take('u', t);
    const second = rl.take('u', t + 10);
    expect(first).toMatchObject({ ok: false, notify: true });
    expect(second).toMatchObject({ ok: false, notify: false });
    expect(first.ok === false && first.retryAfterMs).toBeGreaterThan(0);
  });
  it('refills over time and notifies again after a success', () => {
    const rl = new RateLimiter({ capacity: 1, perSecond: 2 });
    expect(rl.take('u', 0).ok).toBe(true);
    expect(rl.take('u', 100)).toMatchObject({ ok: false, notify: true });
    expect(rl.take('u', 600).ok).toBe(true);
    expect(rl.take('u', 600)).toMatchObject({ ok: false, notify: true });
  });
  it('users do not share buckets, and the map stays bounded', () => {
    const rl = new RateLimiter({ capacity: 1, perSecond: 1, maxUsers: 100 });
    expect(rl.take('a', 0).ok).toBe(true);
    expect(rl.take('b', 0).ok).toBe(true);
    for (let i = 0; i < 1000; i++) rl.take(`user${i}`, i);
    expect(rl.size).toBeLessThanOrEqual(100);
  });
  it('forgets a user once their bucket has refilled (the same as a new user), so the map holds recent askers only', () => {
    const rl = new RateLimiter({ capacity: 5, perSecond: 0.5 }); // full again 10 s after the last request
    for (let i = 0; i < 1000; i++) rl.take(`user${i}`, i);
    expect(rl.size).toBe(1000);
    rl.take('late', 999 + 10_000);
    // Everyone idle for 10 s or more is gone; the ones who asked within the last 10 s stay.
    expect(rl.size).toBe(1);
    for (let i = 0; i < 5; i++) rl.take('late', 20_000);
    expect(rl.take('late', 20_000)).toMatchObject({ ok: false });
    // A newcomer's arrival (when idle users are swept) does not forget a user who is still limited.
    rl.take('other', 20_500);
    expect(rl.take('late', 20_500)).toMatchObject({ ok: false });
  });
  it('says how long to wait', () => {
    expect(rateLimitMessage(1500)).toMatch(/2 seconds/);
    expect(rateLimitMessage(200)).toMatch(/1 second\b/);
  });
});

describe('logger', () => {
  function capture() {
    const lines: string[] = [];
    const dest = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    return { lines, dest };
  }
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-123456-secret-token',
    DISCORD_TOKEN: 'discord.token.value',
    SLACK_SIGNING_SECRET: 'sig-secret-abcdef',
  };

  it('scrubs secret values from messages, fields and errors', () => {
    const { lines, dest } = capture();
    const log = createLogger(env, 'info', dest);
    log.info(`calling with ${env.SLACK_BOT_TOKEN}`);
    log.error(
      { err: new Error(`bad token ${env.DISCORD_TOKEN}`), body: { secret: env.SLACK_SIGNING_SECRET } },
      'failed',
    );
    log.info({ token: 'anything', headers: { authorization: 'Bot abc' } }, 'redacted by path');
    const out = lines.join('');
    for (const v of Object.values(env)) expect(out).not.toContain(v);
    expect(out).not.toContain('Bot abc');
    expect(out).toContain('[secret]');
    expect(lines.length).toBe(3);
  });
  it('respects the level', () => {
    const { lines, dest } = capture();
    const log = createLogger(env, 'warn', dest);
    log.info('hidden');
    log.warn('shown');
    expect(lines.length).toBe(1);
  });
});
