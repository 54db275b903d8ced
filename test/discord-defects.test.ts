// Defects found under attack (issue 12): replayed requests, aborted bodies, slow clients, foreign text in
// embeds. Real loopback sockets; no assertion on wall-clock margins (a closed socket or a log line is the
// evidence).
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { connect, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createDiscordHttpServer,
  INTERACTIONS_PATH,
  MAX_CLOCK_SKEW_S,
  publicKeyFromHex,
  verifySignature,
} from '../adapters/discord/http.ts';
import { estimateEmbed } from '../adapters/discord/render.ts';
import { createLogger } from '../adapters/shared/log.ts';
import { MAX_CONNECTIONS } from '../adapters/shared/server.ts';
import { specFromHfConfig } from '../src/catalog/hf-config.ts';
import { parseQuery } from '../src/query/parse.ts';
import { buildReport } from '../src/report.ts';

let privateKey: KeyObject;
let publicKeyHex: string;
beforeAll(() => {
  const pair = generateKeyPairSync('ed25519');
  privateKey = pair.privateKey;
  publicKeyHex = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
});

const signedAt = (body: string, seconds: number) => ({
  signature: sign(null, Buffer.from(String(seconds) + body), privateKey).toString('hex'),
  timestamp: String(seconds),
});

describe('replayed requests', () => {
  const body = '{"type":1}';
  const now = 1_800_000_000_000;
  const at = (offsetS: number) => {
    const s = signedAt(body, now / 1000 + offsetS);
    return verifySignature(publicKeyFromHex(publicKeyHex), s.signature, s.timestamp, Buffer.from(body), now);
  };
  it(`a correct signature more than ${MAX_CLOCK_SKEW_S} s old or ahead is refused`, () => {
    expect(at(0)).toBe(true);
    expect(at(-(MAX_CLOCK_SKEW_S - 10))).toBe(true);
    expect(at(MAX_CLOCK_SKEW_S - 10)).toBe(true);
    expect(at(-(MAX_CLOCK_SKEW_S + 60))).toBe(false);
    expect(at(MAX_CLOCK_SKEW_S + 60)).toBe(false);
  });
});

describe('the HTTP server under attack', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function start(opts: { headersTimeoutMs?: number } = {}) {
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    });
    const server = createDiscordHttpServer({
      publicKey: publicKeyFromHex(publicKeyHex),
      log: createLogger({}, 'debug', sink),
    });
    if (opts.headersTimeoutMs) server.headersTimeout = opts.headersTimeoutMs;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    close = () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      });
    return { server, logs, port: (server.address() as AddressInfo).port };
  }

  it('a client that aborts mid-body leaves one debug line, no error and no stack', async () => {
    const { logs, port } = await start();
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `POST ${INTERACTIONS_PATH} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{"type":`,
          );
          setTimeout(() => socket.destroy(), 20);
        });
        socket.on('close', () => resolve());
      });
    }
    // The server saw the aborts (debug lines), and nothing at error level.
    await new Promise((r) => setTimeout(r, 50));
    const all = logs.join('');
    expect(all).toMatch(/client aborted the request body/);
    expect(all).not.toMatch(/"level":50/);
    expect(all).not.toMatch(/\n\s+at /);
  });

  it('slow headers are cut at the configured bound (checked every second, not every 30 s)', async () => {
    const { port } = await start({ headersTimeoutMs: 1500 });
    const closed = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write('POST /discord/interactions HTTP/1.1\r\n'),
      );
      socket.on('data', (d) => resolve(String(d).split('\r\n')[0]!));
      socket.on('close', () => resolve('closed'));
    });
    // Node answers 408 and closes; before the fix the socket stayed open for ~35 s (past this test's timeout).
    expect(closed).toMatch(/408|closed/);
  }, 10_000);

  it('caps open connections per process', async () => {
    const { server } = await start();
    expect(MAX_CONNECTIONS).toBeGreaterThan(0);
    expect(server.maxConnections).toBe(MAX_CONNECTIONS);
  });
});

describe('foreign text in embeds', () => {
  it('a Hub model whose config names a markdown link renders it as text, not a masked link', () => {
    const spec = specFromHfConfig({
      repo: 'evil/model',
      revision: 'a'.repeat(40),
      config: {
        model_type: '[click](http://evil.example)',
        num_hidden_layers: 2,
        hidden_size: 64,
        intermediate_size: 128,
        num_attention_heads: 4,
        num_key_value_heads: 4,
        vocab_size: 100,
        max_position_embeddings: 2048,
        quantization_config: { quant_method: '[x](http://evil.example)' },
      },
    });
    const { request } = parseQuery('llama-3.1-8b');
    const report = buildReport({ ...request, model: spec.id }, spec);
    const e = estimateEmbed(report);
    const text = [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n');
    // The words are there, but every masked link is escaped (a backslash before its bracket).
    expect(text).toMatch(/\\\[click\\\]\(http/);
    expect(text).not.toMatch(/(?<!\\)\[click\]\(http/);
    expect(text).not.toMatch(/(?<!\\)\[x\]\(http/);
  });
});

describe('the Slack HTTP server has the same bounds', () => {
  it('cuts slow headers at its 5 s bound (not ~35 s): the shared bounded server', async () => {
    const { SlackHttpReceiver } = await import('../adapters/slack/receiver.ts');
    const receiver = new SlackHttpReceiver({
      signingSecret: 'bounds-test-signing-secret',
      host: '127.0.0.1',
      port: 0,
      log: createLogger({}, 'silent'),
    });
    const { port } = await receiver.start();
    try {
      const closed = await new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('POST /slack/events HTTP/1.1\r\n'));
        socket.on('data', (d) => resolve(String(d).split('\r\n')[0]!));
        socket.on('close', () => resolve('closed'));
      });
      expect(closed).toMatch(/408|closed/);
    } finally {
      await receiver.stop();
    }
  }, 15_000);
});
