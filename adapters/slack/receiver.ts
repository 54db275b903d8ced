// HTTP transport: a Bolt Receiver over node:http, the way Bolt's own receivers work (verify, parse, hand the
// body and an ack function to app.processEvent). Ours because Bolt's HTTPReceiver accepts future-dated
// signatures, has no body limit by default and answers parse errors with 500.
// One path, POST /slack/events, takes slash commands, interactivity, options and events. The ack body is the
// HTTP response. Nothing is kept between requests, so replicas can sit behind any load balancer.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createBoundedServer, readBody } from '../shared/server.ts';
import type { AddressInfo } from 'node:net';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../shared/log.ts';
import { jsonBody } from '../shared/reply-cache.ts';
import { describeError } from '../shared/log.ts';
import { checkPayload, logRejected } from './payload.ts';
import { SLACK_LIMITS } from './limits.ts';
import { verifyRequest } from './verify.ts';

export const EVENTS_PATH = '/slack/events';
/** For load balancers: answers 200 without touching Slack. */
export const HEALTH_PATH = '/healthz';
/** Slack's largest payloads (a block_actions carrying a 50-block message) stay well under this. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Ack a little before Slack's 3 s so the response is on the wire in time. */
const ACK_TIMEOUT_MS = SLACK_LIMITS.ackDeadlineMs - 500;
/**
 * close(): wait this long for in-flight work, then cut what is left. SIGTERM allows 5 s in all, and the
 * process itself needs ~0.5 s to exit while outbound posts are still connecting (measured).
 */
const DRAIN_MS = 3500;

/** An ack body (null: an empty 200), or undefined when the request needs the full app. */
export type Shortcut = (body: Record<string, unknown>) => object | null | undefined;

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  host: string;
  port: number;
  log: Logger;
  now?: () => number;
}

export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private closing = false;
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly now: () => number;
  private shortcut: Shortcut | undefined;

  constructor(private readonly opts: SlackHttpReceiverOptions) {
    this.now = opts.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  /**
   * A verified request the app can answer at once, without Bolt's middleware chain (a repeated slash
   * command whose answer is kept). The app decides; undefined sends the request down the normal path.
   */
  answerDirectly(shortcut: Shortcut): void {
    this.shortcut = shortcut;
  }

  /** Listen; resolves with the bound address (port 0 picks a free port). */
  start(): Promise<AddressInfo> {
    // Slowloris guard (bounds checked every second, connections capped); keep-alive longer than common
    // load-balancer idle timeouts (60 s) to avoid 502s.
    const server = createBoundedServer({ headersMs: 5_000, requestMs: 10_000 }, (req, res) =>
      this.track(this.serve(req, res)),
    );
    server.keepAliveTimeout = 65_000;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port, this.opts.host, () => {
        server.off('error', reject);
        server.on('error', (err) =>
          this.opts.log.error({ err: describeError(err) }, 'slack http server error'),
        );
        resolve(server.address() as AddressInfo);
      });
    });
  }

  /** Stop accepting, let in-flight requests (and the work after their ack) finish, then cut the rest. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server || this.closing) return;
    this.closing = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, DRAIN_MS);
    });
    await Promise.race([Promise.allSettled([...this.inflight]), deadline]);
    server.closeAllConnections();
    await Promise.race([closed, deadline]);
    clearTimeout(timer);
  }

  private track(work: Promise<unknown>): void {
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log = this.opts.log;
    if (this.closing) res.setHeader('connection', 'close');
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD'))
        return reply(res, this.closing ? 503 : 200, this.closing ? 'closing' : 'ok');
      if (path !== EVENTS_PATH) return reply(res, 404);
      if (req.method !== 'POST') return reply(res, 405, '', { allow: 'POST' });
      if (this.closing) return reply(res, 503);

      // Too large: answer 413 at once and discard the rest of the upload (requestTimeout bounds how long),
      // so the client reads a status instead of a reset connection.
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY_BYTES) {
        req.resume();
        return reply(res, 413, '', { connection: 'close' });
      }
      const raw = await readBody(req, MAX_BODY_BYTES);
      if (raw === 'aborted') return;
      if (raw === 'too-large') return reply(res, 413, '', { connection: 'close' });

      // The signature (and its timestamp window) is checked on the raw bytes before anything is parsed: an
      // unsigned body, however large or odd, costs one HMAC and is never decoded.
      const verdict = verifyRequest(
        this.opts.signingSecret,
        {
          signature: header(req, 'x-slack-signature'),
          timestamp: header(req, 'x-slack-request-timestamp'),
          body: raw,
        },
        this.now(),
      );
      if (!verdict.ok) {
        log.warn({ reason: verdict.reason }, 'slack request rejected');
        return reply(res, 401);
      }

      const parsed = parseBody(raw, mediaType(req.headers['content-type']));
      if (!parsed.ok) {
        log.warn({ reason: parsed.reason }, 'slack request unreadable');
        return reply(res, parsed.status);
      }
      const body = parsed.body;
      // Slack's certificate check for slash commands: carries nothing to act on.
      if (body.ssl_check === '1') return reply(res, 200);
      if (body.type === 'url_verification') return json(res, { challenge: String(body.challenge ?? '') });
      // Signed but malformed: Bolt would throw on it (a 500). A slash command still gets a word back.
      const check = checkPayload(body);
      if (!check.ok) {
        logRejected(log, check.reason);
        return check.reply ? json(res, check.reply) : json(res, { error: 'invalid_payload' }, 400);
      }
      const direct = this.shortcut?.(body);
      if (direct !== undefined) return direct === null ? reply(res, 200) : json(res, direct);
      await this.dispatch(req, res, body);
    } catch (err) {
      log.error({ err: describeError(err) }, 'slack request failed');
      if (!res.headersSent) reply(res, 500);
    }
  }

  /** Hand the body to Bolt with an ack that writes the HTTP response, once, within the deadline. */
  private async dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    body: Record<string, unknown>,
  ): Promise<void> {
    const app = this.app;
    if (!app) return reply(res, 503);
    const log = this.opts.log;
    let acked = false;
    const send = (payload: unknown) => {
      if (acked) return false;
      acked = true;
      clearTimeout(timer);
      if (payload === undefined || payload === null || payload === '') reply(res, 200);
      else if (typeof payload === 'string') reply(res, 200, payload);
      else json(res, payload);
      return true;
    };
    const timer = setTimeout(() => {
      log.error({ type: body.type ?? body.command }, 'slack request not acknowledged in time');
      // A slash command still gets a word back; anything else an empty 200 (Slack would only retry).
      send(
        typeof body.command === 'string'
          ? { response_type: 'ephemeral', text: 'That took too long; please try again.' }
          : undefined,
      );
    }, ACK_TIMEOUT_MS);

    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (!send(response)) log.debug('second ack ignored');
      },
    };
    const retryNum = Number(header(req, 'x-slack-retry-num'));
    if (Number.isInteger(retryNum)) event.retryNum = retryNum;
    const retryReason = header(req, 'x-slack-retry-reason');
    if (retryReason) event.retryReason = retryReason;

    try {
      await app.processEvent(event);
    } catch (err) {
      log.error({ err: describeError(err) }, 'slack event processing failed');
      if (!acked) {
        acked = true;
        clearTimeout(timer);
        return reply(res, 500);
      }
    }
    // Nothing listened (an action or event we do not handle): answer now rather than at the deadline.
    send(undefined);
  }
}

function reply(res: ServerResponse, status: number, text = '', headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

function json(res: ServerResponse, payload: unknown, status = 200): void {
  if (res.headersSent) return;
  const bytes = jsonBody(payload);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': bytes.length,
  });
  res.end(bytes);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

type Parsed = { ok: true; body: Record<string, unknown> } | { ok: false; status: 400 | 415; reason: string };

/**
 * Slash commands arrive form-encoded; interactivity and options as a form field `payload` holding JSON;
 * events as JSON. Anything else, or a body that is none of Slack's shapes, is a 400. Only ever called on a
 * body whose signature has been verified.
 */
export function parseBody(raw: Buffer, type: string): Parsed {
  const text = raw.toString('utf8');
  let body: unknown;
  if (type === 'application/x-www-form-urlencoded') {
    const form = readForm(new URLSearchParams(text));
    const payload = form.payload;
    if (Array.isArray(payload)) return { ok: false, status: 400, reason: 'payload given more than once' };
    if (payload !== undefined) {
      try {
        body = JSON.parse(payload);
      } catch {
        return { ok: false, status: 400, reason: 'payload is not JSON' };
      }
    } else if (form.ssl_check === '1') return { ok: true, body: { ssl_check: '1' } };
    else body = form;
  } else if (type === 'application/json') {
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, status: 400, reason: 'body is not JSON' };
    }
  } else return { ok: false, status: 415, reason: `content-type ${type || 'missing'}` };

  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, status: 400, reason: 'body is not an object' };
  const b = body as Record<string, unknown>;
  if (typeof b.command !== 'string' && typeof b.type !== 'string')
    return { ok: false, status: 400, reason: 'neither a command nor a typed payload' };
  // The legacy verification token is useless to us (signatures replace it) and should not reach debug logs.
  delete b.token;
  return { ok: true, body: b };
}

/**
 * A form as an object. Slack never repeats a field; a repeated one becomes a list of its values rather than
 * silently the first or the last, so the payload check refuses it where it matters (a command's `text`).
 */
function readForm(form: URLSearchParams): Record<string, string | string[]> {
  // A Map, then fromEntries: a field named __proto__ stays a field.
  const fields = new Map<string, string | string[]>();
  for (const [key, value] of form) {
    const seen = fields.get(key);
    if (seen === undefined) fields.set(key, value);
    else if (Array.isArray(seen)) seen.push(value);
    else fields.set(key, [seen, value]);
  }
  return Object.fromEntries(fields);
}
