// Discord gateway mode: a discord.js Client (intent Guilds only: slash commands need nothing more)
// runs the same core as the HTTP endpoint and POSTs its response to the interaction callback.
// DISCORD_SHARDS=auto (or a number) runs the client under discord.js's ShardingManager instead.
// Logging in is the only network step; it runs in the background, so start never blocks on it.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  Client,
  Events,
  GatewayIntentBits,
  Routes,
  ShardingManager,
  type ClientOptions,
  type Interaction,
} from 'discord.js';
import type { HubResolver } from '../../src/query/hub-ref.ts';
import type { Config } from '../config.ts';
import { hubFromConfig } from '../shared/hub.ts';
import type { Logger } from '../shared/log.ts';
import { SHUTDOWN_DEADLINE_MS, type Closable } from '../shared/shutdown.ts';
import { describeError } from '../shared/log.ts';
import {
  createInteractionHandler,
  type InteractionHandler,
  type InteractionIn,
  type InteractionWebhook,
} from './core.ts';

// The compiled build (dist/) spawns shard.js; the sources (tests, tsx) shard.ts under tsx.
const COMPILED = import.meta.url.endsWith('.js');
const SHARD_ENTRY = fileURLToPath(new URL(COMPILED ? './shard.js' : './shard.ts', import.meta.url));

export async function startDiscordGateway(
  env: Config['env'],
  log: Logger,
  /** Tests point `rest.api` at a local fake Discord. */
  clientOptions: Partial<ClientOptions> = {},
): Promise<Closable> {
  const token = env.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is missing (gateway mode needs the bot token)');
  const shards = parseShards(env.DISCORD_SHARDS);
  if (shards !== null) return startSharded(token, shards, log);

  const client = createGatewayClient(log, clientOptions, undefined, hubFromConfig(env, log));
  const stop = connect(client, token, log);
  return { name: 'discord-gateway', close: () => closeGatewayClient(client, stop) };
}

/** The handler each client answers with, so closing can wait for its deferred answers. */
const handlers = new WeakMap<Client, InteractionHandler>();

/** Stop logging in, let deferred answers (Hub lookups in flight) finish, bounded, then disconnect. */
export async function closeGatewayClient(client: Client, stopConnecting: () => void): Promise<void> {
  stopConnecting();
  await handlers.get(client)?.drain?.();
  await client.destroy();
}

/** A client that answers interactions with the shared core; not logged in. */
export function createGatewayClient(
  log: Logger,
  options: Partial<ClientOptions> = {},
  handler?: InteractionHandler,
  hub?: HubResolver,
): Client {
  const client = new Client({ ...options, intents: [GatewayIntentBits.Guilds] });
  const answer =
    handler ?? createInteractionHandler({ log, webhook: restWebhook(client), ...(hub ? { hub } : {}) });
  handlers.set(client, answer);
  client.on(Events.InteractionCreate, (interaction) => void respond(client, interaction, answer, log));
  client.on(Events.Error, (err) => log.error({ error: describeError(err) }, 'discord client error'));
  client.on(Events.ShardError, (err, shard) =>
    log.warn({ error: describeError(err), shard }, 'discord shard error'),
  );
  client.on(Events.ClientReady, (c) =>
    log.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'discord gateway ready'),
  );
  return client;
}

/** The interaction webhook through the client's REST (deferred answers: edit, delete, follow-up). */
export function restWebhook(client: Client): InteractionWebhook {
  return {
    editOriginal: async (app, token, message, files = []) => {
      const attachments = files.map((file, id) => ({ id, filename: file.name }));
      await client.rest.patch(Routes.webhookMessage(app, token, '@original'), {
        body: files.length > 0 ? { ...message, attachments } : message,
        ...(files.length > 0 ? { files } : {}),
        auth: false,
      });
    },
    deleteOriginal: async (app, token) => {
      await client.rest.delete(Routes.webhookMessage(app, token, '@original'), { auth: false });
    },
    followUp: async (app, token, message) => {
      await client.rest.post(Routes.webhook(app, token), { body: message, auth: false });
    },
  };
}

/** Run the core and send its response. Never rejects: a failed call is logged, and serving goes on. */
async function respond(client: Client, interaction: Interaction, handler: InteractionHandler, log: Logger) {
  let reply: number | undefined;
  let delivered: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => (delivered = resolve));
  try {
    const response = handler(fromDiscordJs(interaction), { sent });
    reply = response.type;
    // The same bytes the HTTP endpoint would return, POSTed to the callback (its token is the auth).
    await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: response,
      auth: false,
    });
  } catch (err) {
    log.error(
      { error: describeError(err), interaction: interaction.id, type: interaction.type, reply },
      'discord interaction callback failed',
    );
  } finally {
    delivered();
  }
}

/** The discord.js object back to the API fields the core reads. */
export function fromDiscordJs(i: Interaction): InteractionIn {
  const base = {
    id: i.id,
    type: i.type,
    user: { id: i.user.id },
    application_id: i.applicationId,
    token: i.token,
  };
  if (i.isChatInputCommand() || i.isAutocomplete())
    return {
      ...base,
      data: {
        name: i.commandName,
        options: i.options.data.map((o) => ({
          name: o.name,
          type: o.type,
          ...(o.value !== undefined && o.value !== null ? { value: o.value } : {}),
          ...(o.focused ? { focused: true } : {}),
        })),
      },
    };
  if (i.isMessageComponent())
    return { ...base, data: { custom_id: i.customId, component_type: i.componentType } };
  return base;
}

/**
 * Log in, retrying transient failures with backoff (the network may be down at start); a rejected
 * token is final. Returns a function that stops retrying.
 */
export function connect(client: Client, token: string, log: Logger): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const attempt = (n: number) => {
    client.login(token).then(
      () => log.info('discord gateway logged in'),
      (err: unknown) => {
        const e = err as { status?: unknown; code?: unknown } | null;
        const final = e?.status === 401 || e?.code === 'TokenInvalid';
        const delay = Math.min(60_000, 2_000 * 2 ** n);
        log.error({ error: describeError(err), retryInMs: final ? null : delay }, 'discord login failed');
        if (!final && !stopped) timer = setTimeout(() => attempt(n + 1), delay);
      },
    );
  };
  attempt(0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** "auto" or a positive shard count; unset means one unsharded client. */
export function parseShards(value: string | undefined): number | 'auto' | null {
  const v = value?.trim();
  if (!v) return null;
  if (v === 'auto') return 'auto';
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new Error('DISCORD_SHARDS must be "auto" or a positive whole number');
  return n;
}

function startSharded(token: string, totalShards: number | 'auto', log: Logger): Closable {
  const manager = new ShardingManager(SHARD_ENTRY, {
    token,
    totalShards,
    mode: 'process',
    // Shards run what the parent runs: the compiled build, or the TypeScript sources under tsx.
    execArgv: COMPILED ? [] : ['--import', 'tsx'],
  });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  manager.on('shardCreate', (shard) => {
    if (!stopped) log.info({ shard: shard.id, of: manager.totalShards }, 'discord shard spawned');
    // The manager spawns shards seconds apart; one that starts after close() is stopped at once.
    shard.once('spawn', () => {
      if (stopped) shard.kill();
    });
    shard.on('death', () => {
      if (!stopped) log.warn({ shard: shard.id }, 'discord shard exited; respawning');
    });
  });
  // `auto` asks Discord for the shard count, so spawning is a network step: retry, never crash.
  const spawn = (n: number) => {
    // timeout -1: do not wait for each shard's login; every shard retries its own (see connect).
    manager.spawn({ timeout: -1 }).catch((err: unknown) => {
      if (stopped) return;
      const delay = Math.min(60_000, 5_000 * 2 ** n);
      log.error({ error: describeError(err), retryInMs: delay }, 'discord shards failed to spawn');
      if (manager.shards.size === 0) timer = setTimeout(() => spawn(n + 1), delay);
    });
  };
  spawn(0);
  return {
    name: 'discord-gateway-shards',
    close: async () => {
      stopped = true;
      clearTimeout(timer);
      const exits = [...manager.shards.values()].map((shard) => {
        const child = shard.process as ChildProcess | null;
        shard.kill();
        return child ? exited(child, SHUTDOWN_DEADLINE_MS - 1000) : Promise.resolve();
      });
      await Promise.all(exits);
    },
  };
}

function exited(child: ChildProcess, deadlineMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, deadlineMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
  });
}
