// Socket Mode smoke test: the real SocketModeReceiver against a local WebSocket server standing in for Slack.
// apps.connections.open is intercepted and points at ws://127.0.0.1; the server says hello, sends a slash
// command envelope, and the ack (carrying the reply) must come back over the socket.
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadConfig } from '../adapters/config.ts';
import { createLogger } from '../adapters/shared/log.ts';
import { startSlack, type SlackService } from '../adapters/slack/index.ts';

const APP_TOKEN = 'xapp-1-socket-test-token';
const BOT_TOKEN = 'xoxb-socket-test-token';

let wss: WebSocketServer | undefined;
let service: SlackService | undefined;

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  await service?.close();
  service = undefined;
  for (const c of wss?.clients ?? []) c.terminate();
  await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
  wss = undefined;
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('Slack over Socket Mode', () => {
  it('acks a slash_commands envelope over the socket with the reply payload', async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss!.once('listening', () => resolve()));
    const port = (wss.address() as AddressInfo).port;

    // The app-level token (not the bot token) opens the connection.
    const open = nock('https://slack.com', { reqheaders: { authorization: `Bearer ${APP_TOKEN}` } })
      .post('/api/apps.connections.open')
      .reply(200, { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=t1` });

    const acked = new Promise<{ envelope_id: string; payload: Record<string, unknown> }>((resolve) => {
      wss!.on('connection', (socket: WebSocket) => {
        socket.on('message', (data) => resolve(JSON.parse(String(data))));
        socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
        socket.send(
          JSON.stringify({
            envelope_id: 'env-1',
            type: 'slash_commands',
            accepts_response_payload: true,
            payload: {
              token: 'legacy',
              team_id: 'T1',
              team_domain: 'team',
              channel_id: 'C1',
              channel_name: 'general',
              user_id: 'U1',
              user_name: 'someone',
              command: '/vram',
              text: '13b int4 ctx=8192',
              api_app_id: 'A1',
              response_url: 'https://hooks.slack.com/commands/T1/1/abc',
              trigger_id: '1.2.trigger',
            },
          }),
        );
      });
    });

    const source = {
      SLACK_SIGNING_SECRET: 'socket-test-signing-secret',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
    };
    const { env } = loadConfig(source);
    const logs: string[] = [];
    const log = createLogger(source, 'debug', { write: (l: string) => void logs.push(l) });
    service = await startSlack(env, 'socket', log);
    expect(service.name).toBe('slack-socket');

    const ack = await acked;
    expect(open.isDone()).toBe(true);
    expect(ack.envelope_id).toBe('env-1');
    expect(ack.payload.response_type).toBe('in_channel');
    expect(JSON.stringify(ack.payload.blocks)).toContain('KV cache');
    expect(String(ack.payload.text)).toMatch(/GiB/);

    const t0 = performance.now();
    await service.close();
    service = undefined;
    expect(performance.now() - t0).toBeLessThan(5000);
    const all = logs.join('\n');
    expect(all).not.toContain(APP_TOKEN);
    expect(all).not.toContain(BOT_TOKEN);
  });
});
