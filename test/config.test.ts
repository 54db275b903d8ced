// Configuration (design 2.3): which platforms start, what a half-set credential pair says, defaults.
import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig, MAX_WORKERS } from '../adapters/config.ts';

const SECRET = 'sig-secret-5f1c0ffee';
const BOT = 'xoxb-1234-5678-abcdefSECRET';
const APP = 'xapp-1-A0SECRETAPP';
const DTOKEN = 'MTExMTExMTEx.GhIjKl.discord-SECRET-token';
const DAPP = '123456789012345678';
// A real Ed25519 public key (generated for these tests): keys are checked as keys.
const DKEY = '5cd619cdca1ee40e3b117c70417484c0bd5006b511c2ec474193152ec72c0339';

/** loadConfig must throw a ConfigError; returns its message. */
function configError(env: Record<string, string | undefined>): string {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  expect(caught).toBeInstanceOf(Error);
  return (caught as ConfigError).message;
}

describe('loadConfig: platforms', () => {
  it('no credentials: no platform (the console adapter runs)', () => {
    expect(loadConfig({}).platforms).toEqual([]);
  });

  it('ignores unrelated variables', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root', NODE_ENV: 'test' }).platforms).toEqual([]);
  });

  it('only SLACK_BOT_TOKEN: names SLACK_SIGNING_SECRET and never prints the token', () => {
    const msg = configError({ SLACK_BOT_TOKEN: BOT });
    expect(msg).toContain('SLACK_SIGNING_SECRET');
    expect(msg).not.toContain(BOT);
    expect(msg).not.toContain('SECRET-');
  });

  it('only SLACK_SIGNING_SECRET: names SLACK_BOT_TOKEN and never prints the secret', () => {
    const msg = configError({ SLACK_SIGNING_SECRET: SECRET });
    expect(msg).toContain('SLACK_BOT_TOKEN');
    expect(msg).not.toContain(SECRET);
  });

  it('only SLACK_APP_TOKEN: a partial Slack setup is an error, not Socket Mode', () => {
    const msg = configError({ SLACK_APP_TOKEN: APP });
    expect(msg).toMatch(/SLACK_SIGNING_SECRET|SLACK_BOT_TOKEN/);
    expect(msg).not.toContain(APP);
  });

  it('SLACK_SIGNING_SECRET + SLACK_BOT_TOKEN: Slack over HTTP', () => {
    expect(loadConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT }).platforms).toEqual([
      'slack-http',
    ]);
  });

  it('plus SLACK_APP_TOKEN: Slack in Socket Mode', () => {
    expect(
      loadConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).platforms,
    ).toEqual(['slack-socket']);
  });

  it('DISCORD_PUBLIC_KEY without DISCORD_APPLICATION_ID: names DISCORD_APPLICATION_ID', () => {
    const msg = configError({ DISCORD_PUBLIC_KEY: DKEY });
    expect(msg).toContain('DISCORD_APPLICATION_ID');
    expect(msg).not.toContain(DKEY);
  });

  it('DISCORD_TOKEN without DISCORD_APPLICATION_ID: names DISCORD_APPLICATION_ID, never the token', () => {
    const msg = configError({ DISCORD_TOKEN: DTOKEN });
    expect(msg).toContain('DISCORD_APPLICATION_ID');
    expect(msg).not.toContain(DTOKEN);
  });

  it('DISCORD_TOKEN + DISCORD_APPLICATION_ID: Discord gateway', () => {
    const platforms = loadConfig({ DISCORD_TOKEN: DTOKEN, DISCORD_APPLICATION_ID: DAPP }).platforms;
    expect(platforms).toContain('discord-gateway');
    expect(platforms).not.toContain('discord-http');
  });

  it('DISCORD_PUBLIC_KEY + DISCORD_APPLICATION_ID: Discord HTTP interactions', () => {
    expect(loadConfig({ DISCORD_PUBLIC_KEY: DKEY, DISCORD_APPLICATION_ID: DAPP }).platforms).toEqual([
      'discord-http',
    ]);
  });

  it('every platform at once', () => {
    const platforms = loadConfig({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: BOT,
      DISCORD_TOKEN: DTOKEN,
      DISCORD_APPLICATION_ID: DAPP,
      DISCORD_PUBLIC_KEY: DKEY,
    }).platforms;
    expect([...platforms].sort()).toEqual(['discord-gateway', 'discord-http', 'slack-http']);
  });

  it('DISCORD_APPLICATION_ID alone starts nothing', () => {
    expect(loadConfig({ DISCORD_APPLICATION_ID: DAPP }).platforms).toEqual([]);
  });
});

describe('loadConfig: empty strings count as unset', () => {
  it('all-empty values are the same as none', () => {
    const cfg = loadConfig({
      SLACK_SIGNING_SECRET: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_PORT: '',
      DISCORD_TOKEN: '',
      DISCORD_APPLICATION_ID: '',
      DISCORD_PUBLIC_KEY: '',
      DISCORD_PORT: '',
      HOST: '',
      LOG_LEVEL: '',
    });
    expect(cfg.platforms).toEqual([]);
    expect(cfg.env.SLACK_PORT).toBe(3000);
    expect(cfg.env.DISCORD_PORT).toBe(3001);
    expect(cfg.env.HOST).toBe('0.0.0.0');
  });

  it('an empty SLACK_APP_TOKEN keeps Slack in HTTP mode', () => {
    expect(
      loadConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: '' }).platforms,
    ).toEqual(['slack-http']);
  });

  it('an empty SLACK_SIGNING_SECRET next to a bot token is reported as missing', () => {
    const msg = configError({ SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: BOT });
    expect(msg).toContain('SLACK_SIGNING_SECRET');
    expect(msg).not.toContain(BOT);
  });

  it('an empty DISCORD_APPLICATION_ID next to a token is reported as missing', () => {
    expect(configError({ DISCORD_TOKEN: DTOKEN, DISCORD_APPLICATION_ID: '' })).toContain(
      'DISCORD_APPLICATION_ID',
    );
  });

  it('undefined values are unset too', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: undefined, DISCORD_TOKEN: undefined }).platforms).toEqual([]);
  });
});

describe('loadConfig: ports, host and other settings', () => {
  it('defaults: SLACK_PORT 3000, DISCORD_PORT 3001, HOST 0.0.0.0', () => {
    const { env } = loadConfig({});
    expect(env.SLACK_PORT).toBe(3000);
    expect(env.DISCORD_PORT).toBe(3001);
    expect(env.HOST).toBe('0.0.0.0');
  });

  it('reads ports as numbers and HOST as given', () => {
    const { env } = loadConfig({ SLACK_PORT: '8080', DISCORD_PORT: '0', HOST: '127.0.0.1' });
    expect(env.SLACK_PORT).toBe(8080);
    expect(env.DISCORD_PORT).toBe(0);
    expect(env.HOST).toBe('127.0.0.1');
  });

  it.each(['abc', '70000', '-1', '80.5', '3000x'])('SLACK_PORT=%j is an error naming SLACK_PORT', (v) => {
    expect(configError({ SLACK_PORT: v })).toContain('SLACK_PORT');
  });

  it('DISCORD_PORT=abc is an error naming DISCORD_PORT', () => {
    expect(configError({ DISCORD_PORT: 'abc' })).toContain('DISCORD_PORT');
  });

  it('a bad LOG_LEVEL is an error naming LOG_LEVEL', () => {
    expect(configError({ LOG_LEVEL: 'loud' })).toContain('LOG_LEVEL');
  });

  it('a bad port is reported even when credentials are set, without printing them', () => {
    const msg = configError({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT, SLACK_PORT: 'abc' });
    expect(msg).toContain('SLACK_PORT');
    expect(msg).not.toContain(SECRET);
    expect(msg).not.toContain(BOT);
  });
});

describe('loadConfig: WORKERS', () => {
  const http = {
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: BOT,
    DISCORD_PUBLIC_KEY: DKEY,
    DISCORD_APPLICATION_ID: DAPP,
  };

  it('unset: one process', () => {
    expect(loadConfig(http).workers).toBe(1);
  });

  it('a number of HTTP server processes, up to MAX_WORKERS', () => {
    expect(loadConfig({ ...http, WORKERS: '4' }).workers).toBe(4);
    expect(loadConfig({ ...http, WORKERS: String(MAX_WORKERS) }).workers).toBe(MAX_WORKERS);
  });

  it('auto: one per core this machine offers', () => {
    expect(loadConfig({ ...http, WORKERS: 'auto' }).workers).toBe(
      Math.min(availableParallelism(), MAX_WORKERS),
    );
  });

  it('0, a word, a fraction or too many: an error naming WORKERS', () => {
    for (const bad of ['0', 'many', '1.5', '-2', String(MAX_WORKERS + 1)]) {
      const msg = configError({ ...http, WORKERS: bad });
      expect(msg, bad).toMatch(/^WORKERS is invalid/);
    }
  });

  it('with the Discord gateway or Slack Socket Mode: an error that says why, never a secret', () => {
    const gateway = configError({ ...http, DISCORD_TOKEN: DTOKEN, WORKERS: '2' });
    expect(gateway).toContain('WORKERS=2');
    expect(gateway).toContain('discord-gateway');
    expect(gateway).not.toContain(DTOKEN);
    const socket = configError({ ...http, SLACK_APP_TOKEN: APP, WORKERS: '2' });
    expect(socket).toContain('slack-socket');
    expect(socket).not.toContain(APP);
    // One process is always fine.
    expect(loadConfig({ ...http, DISCORD_TOKEN: DTOKEN, WORKERS: '1' }).workers).toBe(1);
  });

  it('the console ignores it (one person at a terminal)', () => {
    expect(loadConfig({ WORKERS: '8' }).workers).toBe(1);
  });
});

describe('keys are checked as real keys, with one line and no secret', () => {
  it.each([
    [
      { DISCORD_PUBLIC_KEY: 'a1b2c3', DISCORD_APPLICATION_ID: DAPP },
      /DISCORD_PUBLIC_KEY is invalid: must be the 64 hex/,
    ],
    // 64 hex characters that are not a point of the curve: every signature would fail.
    [{ DISCORD_PUBLIC_KEY: 'ff'.repeat(32), DISCORD_APPLICATION_ID: DAPP }, /not an Ed25519 public key/],
    [{ SLACK_SIGNING_SECRET: 'x', SLACK_BOT_TOKEN: BOT }, /SLACK_SIGNING_SECRET is invalid/],
    [
      { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'my-token' },
      /SLACK_BOT_TOKEN is invalid: must be a bot token/,
    ],
    [{ DISCORD_TOKEN: 'not-a-token', DISCORD_APPLICATION_ID: DAPP }, /DISCORD_TOKEN is invalid/],
    [{ HOST: 'bad host!' }, /HOST is invalid: must be an IP address or a host name/],
  ])('%j is refused', (env, message) => {
    const msg = configError(env as Record<string, string>);
    expect(msg).toMatch(message);
    expect(msg).not.toMatch(/\n/);
    for (const v of Object.values(env)) if (String(v).length > 8) expect(msg).not.toContain(String(v));
  });
  it('a real key, an address and a host name are accepted', () => {
    expect(
      loadConfig({ DISCORD_PUBLIC_KEY: DKEY, DISCORD_APPLICATION_ID: DAPP, HOST: '::1' }).platforms,
    ).toEqual(['discord-http']);
    expect(loadConfig({ HOST: 'bot.internal.example' }).env.HOST).toBe('bot.internal.example');
  });
});
