// Start the Slack adapter: HTTP (production; stateless, so N replicas behind a load balancer) or Socket Mode
// (development, firewalled installs). Both run the same app (app.ts); only the receiver differs.
// Starting makes no network call in HTTP mode; Socket Mode connects in the background, so a Slack outage
// at start is logged and retried, never fatal.
import { SocketModeReceiver, type App, type SocketModeReceiverOptions } from '@slack/bolt';
import type { HubResolver } from '../../src/query/hub-ref.ts';
import type { Config } from '../config.ts';
import { hubFromConfig } from '../shared/hub.ts';
import type { Logger } from '../shared/log.ts';
import { SHUTDOWN_DEADLINE_MS, type Closable } from '../shared/shutdown.ts';
import { createSlackApp } from './app.ts';
import { boltLogger } from './log.ts';
import { describeError } from '../shared/log.ts';
import { guardProcessEvent } from './payload.ts';
import { EVENTS_PATH, SlackHttpReceiver } from './receiver.ts';

export interface SlackService extends Closable {
  /** Where Slack should send requests (HTTP mode), e.g. http://0.0.0.0:3000/slack/events; null in Socket Mode. */
  readonly url: string | null;
}

export async function startSlack(
  env: Config['env'],
  mode: 'http' | 'socket',
  log: Logger,
): Promise<SlackService> {
  const { SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken } = env;
  // loadConfig already insists on these; name what is missing without printing any value.
  if (!botToken) throw new Error('Slack needs SLACK_BOT_TOKEN');
  const slog = log.child({ platform: 'slack', mode });
  if (mode === 'socket') {
    if (!appToken) throw new Error('Slack Socket Mode needs SLACK_APP_TOKEN');
    return startSocket(appToken, botToken, slog, hubFromConfig(env, slog));
  }
  if (!signingSecret) throw new Error('Slack over HTTP needs SLACK_SIGNING_SECRET');
  return startHttp(signingSecret, botToken, env.HOST, env.SLACK_PORT, slog, hubFromConfig(env, slog));
}

async function startHttp(
  signingSecret: string,
  botToken: string,
  host: string,
  port: number,
  log: Logger,
  hub: HubResolver,
): Promise<SlackService> {
  const receiver = new SlackHttpReceiver({ signingSecret, host, port, log });
  const app = createSlackApp({ receiver, botToken, log, hub });
  const address = await receiver.start();
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shown}:${address.port}${EVENTS_PATH}`;
  log.info({ url }, 'slack listening');
  return {
    name: 'slack-http',
    url,
    // Handlers await their deferred answers, so the receiver's drain covers them; the pipeline's own drain
    // is the same bound for any answer still on its way (as on Discord).
    close: () => Promise.all([receiver.stop(), app.drain()]).then(() => undefined),
  };
}

async function startSocket(
  appToken: string,
  botToken: string,
  log: Logger,
  hub: HubResolver,
): Promise<SlackService> {
  const receiver = new GuardedSocketModeReceiver(log, {
    appToken,
    logger: boltLogger(log.child({ component: 'socket-mode' })),
    // The socket client keeps its own patient retry policy for apps.connections.open: a failed reconnect
    // must not give up (a rejected reconnect inside the SDK would be an unhandled rejection).
    installerOptions: { clientOptions: {} },
  });
  const app = createSlackApp({ receiver, botToken, log, hub });

  // Work still running after its ack (a chat.postMessage, a response_url post) finishes before close returns.
  const inflight = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    inflight.add(work);
    try {
      await work;
    } finally {
      inflight.delete(work);
    }
  });

  let closing = false;
  void receiver
    .start()
    .then(() => log.info('slack socket mode connected'))
    .catch((err: unknown) => {
      if (!closing) log.error({ err: describeError(err) }, 'slack socket mode could not connect');
    });

  return {
    name: 'slack-socket',
    url: null,
    async close() {
      closing = true;
      const budget = SHUTDOWN_DEADLINE_MS - 1000;
      // Disconnect first: no new envelopes; an envelope not yet acked is redelivered by Slack elsewhere.
      await within(receiver.client.disconnect(), budget / 2);
      await within(Promise.allSettled([...inflight, app.drain(budget / 2)]), budget / 2);
    },
  };
}

/** Bolt's Socket Mode receiver with the payload check (payload.ts) in front of the app, as over HTTP. */
class GuardedSocketModeReceiver extends SocketModeReceiver {
  constructor(
    private readonly log: Logger,
    options: SocketModeReceiverOptions,
  ) {
    super(options);
  }

  override init(app: App): void {
    super.init(guardProcessEvent(app, this.log));
  }
}

function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.then(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
