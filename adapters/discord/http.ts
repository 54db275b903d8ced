// Discord HTTP interactions: POST /discord/interactions, Ed25519-verified on the raw body, the reply
// in the HTTP response. Stateless (buttons carry their own state), so any number of processes can
// sit behind a load balancer. Starting makes no network call.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createBoundedServer, readBody } from '../shared/server.ts';
import { describeError } from '../shared/log.ts';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.ts';
import type { Logger } from '../shared/log.ts';
import { SHUTDOWN_DEADLINE_MS, type Closable } from '../shared/shutdown.ts';
import { hubFromConfig } from '../shared/hub.ts';
import { jsonBody } from '../shared/reply-cache.ts';
import { publicKeyFromHex, verifyEd25519, type Ed25519PublicKey } from './ed25519.ts';
import { createInteractionHandler, parseInteraction, type InteractionHandler } from './core.ts';
import { fetchWebhook } from './webhook.ts';

export const INTERACTIONS_PATH = '/discord/interactions';
/** For load balancers: answers 200 without touching Discord. */
export const HEALTH_PATH = '/healthz';
/** Real interactions are a few KiB; anything this big is not from Discord. */
export const MAX_BODY_BYTES = 64 * 1024;

export { publicKeyFromHex } from './ed25519.ts';

/** A signed request older or newer than this is refused: a captured request cannot be replayed later. */
export const MAX_CLOCK_SKEW_S = 300;

/**
 * Discord signs timestamp + raw body. Any malformed header is simply "not verified", and so is a timestamp
 * more than five minutes from `nowMs` in either direction (replays of captured requests).
 */
export function verifySignature(
  key: Ed25519PublicKey,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number = Date.now(),
): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S)
    return false;
  return verifyEd25519(
    key,
    Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
    Buffer.from(signatureHex, 'hex'),
  );
}

export interface DiscordHttpOptions {
  publicKey: Ed25519PublicKey;
  log: Logger;
  handler?: InteractionHandler;
  maxBodyBytes?: number;
  /** The clock for the timestamp check (tests). */
  now?: () => number;
}

/** Slow clients are cut at these bounds (adapters/shared/server.ts checks them every second). */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;

/** The server, not yet listening (tests and embedding). */
export function createDiscordHttpServer(opts: DiscordHttpOptions): Server {
  const { publicKey, log } = opts;
  const handler = opts.handler ?? createInteractionHandler({ log, webhook: fetchWebhook() });
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = opts.now ?? Date.now;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0];
    if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD'))
      return send(res, 200, { ok: true });
    if (path !== INTERACTIONS_PATH) return send(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST' }, { allow: 'POST' });

    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > maxBody ? 'too-large' : await readBody(req, maxBody);
    if (body === 'aborted') {
      // The client went away mid-body: nothing to answer, nothing worth more than a debug line.
      log.debug('discord http: client aborted the request body');
      return;
    }
    if (body === 'too-large') return tooLarge(req, res, maxBody);

    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!verifySignature(publicKey, signature, timestamp, body, now())) {
      log.debug('discord http: bad or missing signature');
      return send(res, 401, { error: 'invalid request signature' });
    }

    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    const interaction = parseInteraction(json);
    if (!interaction) return send(res, 400, { error: 'not an interaction' });

    // A deferred answer (Hub lookups) edits the original only once this response is on the wire.
    const sent = new Promise<void>((resolve) => {
      res.once('finish', resolve);
      res.once('close', resolve);
    });
    const response = handler(interaction, { sent });
    send(res, 200, response);
    log.debug(
      { type: interaction.type, reply: response.type, ms: Math.round(performance.now() - started) },
      'discord http interaction',
    );
  }

  // A client that trickles its request cannot hold a socket for long.
  return createBoundedServer({ headersMs: HEADERS_TIMEOUT_MS, requestMs: REQUEST_TIMEOUT_MS }, (req, res) => {
    serve(req, res).catch((err: unknown) => {
      log.error({ err: describeError(err) }, 'discord http: request failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
}

/** Start serving on HOST:DISCORD_PORT. Resolves once listening; `port` is the bound port (tests use 0). */
export async function startDiscordHttp(
  env: Config['env'],
  log: Logger,
): Promise<Closable & { port: number }> {
  if (!env.DISCORD_PUBLIC_KEY)
    throw new Error('DISCORD_PUBLIC_KEY is missing (HTTP interactions mode needs it)');
  const handler = createInteractionHandler({ log, hub: hubFromConfig(env, log), webhook: fetchWebhook() });
  const server = createDiscordHttpServer({
    publicKey: publicKeyFromHex(env.DISCORD_PUBLIC_KEY),
    log,
    handler,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.DISCORD_PORT, env.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log.error({ err }, 'discord http server error'));
  const { port } = server.address() as AddressInfo;
  log.info({ host: env.HOST, port, path: INTERACTIONS_PATH }, 'discord http interactions listening');
  return {
    name: 'discord-http',
    port,
    // Requests first (their deferred answers start there), then the answers still waiting on a lookup.
    close: () => Promise.all([closeServer(server), handler.drain?.()]).then(() => undefined),
  };
}

/** Stop accepting, let in-flight requests finish, and force the rest closed before the deadline. */
export function closeServer(server: Server, graceMs = SHUTDOWN_DEADLINE_MS - 1000): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    // Keep-alive sockets with no request in flight would otherwise hold close() open.
    server.closeIdleConnections();
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** 413, then close the connection rather than read the rest of an oversized body. */
function tooLarge(req: IncomingMessage, res: ServerResponse, max: number): void {
  res.once('finish', () => req.destroy());
  send(res, 413, { error: `body larger than ${max} bytes` }, { connection: 'close' });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const bytes = jsonBody(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': bytes.length,
    ...headers,
  });
  res.end(bytes);
}
