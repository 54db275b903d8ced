// The one answer path every platform shares (design 1): rate limit -> reply cache -> plan (the question
// parsed once: a reply now, or a Hugging Face lookup to finish) -> answer now or defer -> render. An adapter
// turns its event into a Question, hands it here with its renderer, and sends what comes back; it keeps only
// translation, transport and rendering. Deferred answers are tracked so shutdown can wait for them (bounded)
// on every platform, and every fault becomes the same short reply while the log gets the details.
import { hubUnavailable, plan, planVariant, settle, type Plan } from '../../commands/index.ts';
import { FAULT_REPLY } from '../../commands/lookup.ts';
import type { CommandInput, Reply } from '../../commands/types.ts';
import type { HubResolver } from '../../src/query/hub-ref.ts';
import { hubFromConfig } from './hub.ts';
import { describeError, type Logger } from './log.ts';
import { RateLimiter, rateLimitMessage, type RateLimitOptions } from './rate-limit.ts';
import { ReplyCache, replyKey } from './reply-cache.ts';

/** What a person asked, whatever the platform: a /vram line (words and typed options) or a button click. */
export type Question = { kind: 'command'; input: CommandInput } | { kind: 'button'; payload: string };

/**
 * What to send now:
 * - `limited`: the asker is over their rate; `notice` is the text to show (once per window), null to stay quiet.
 * - `answer`: the rendered answer (`reply` is absent when it came from the reply cache).
 * - `deferred`: the answer needs time (a Hub lookup, `lookup` names it; or a chart to draw); acknowledge now
 *   (privately when `private`), the answer goes to `deliver` when ready. `delivered` settles once it has
 *   been handed over (never rejects).
 */
export type Outcome<Out> =
  | { type: 'limited'; notice: string | null; retryAfterMs: number }
  | { type: 'answer'; out: Out; reply?: Reply }
  | { type: 'deferred'; lookup?: string; private: boolean; delivered: Promise<void> };

/** Turns a reply into what the platform sends; the question says whether it answers a command or a click. */
export type Renderer<Out> = (reply: Reply, question: Question) => Out;

/**
 * Hands a deferred answer to the platform (a webhook edit, a response_url post, a chat message);
 * `asked.private` says whether the question asked for a private answer.
 */
export type Deliver = (reply: Reply, asked: { private: boolean }) => Promise<void>;

/** Generous for people, tight for loops and floods: a burst of 5, then one request every 2 seconds. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 5, perSecond: 0.5 };

/** Shutdown waits this long for deferred answers (SIGTERM allows 5 s in all; see shared/shutdown.ts). */
export const DRAIN_MS = 3_500;

/** The log lines the pipeline writes (a pino logger, or the console's stderr writer). */
export type PipelineLog = Pick<Logger, 'error' | 'warn' | 'debug'>;

export interface PipelineOptions<Out extends object> {
  log: PipelineLog;
  render: Renderer<Out>;
  /** Per-user token bucket (default DEFAULT_RATE_LIMIT); false: no limit (the console, the CLI). */
  limiter?: RateLimiter | false;
  now?: () => number;
  /** Reads Hugging Face models (default: the public Hub, no token). */
  hub?: HubResolver;
  /** Finished catalog answers by question (default: a bounded cache; false turns it off). */
  cache?: ReplyCache<Out> | false;
}

export interface AnswerPipeline<Out extends object> {
  /**
   * Answer a question from `user` (the rate-limit key; undefined skips the limit). Without `deliver`, a
   * question that needs a lookup is answered now from the catalog alone (which says it needs the Hub).
   * Never throws.
   */
  ask(user: string | undefined, question: Question, deliver?: Deliver): Outcome<Out>;
  /** The per-user limit alone, for answers that do not go through ask (a form's field errors). */
  admit(user: string): Extract<Outcome<Out>, { type: 'limited' }> | null;
  /** Log an unexpected fault (with its stack: a bug), for adapter steps outside ask. */
  fault(err: unknown): void;
  /** Deferred answers not yet handed over. */
  readonly pending: number;
  /** Wait for every deferred answer, at most `ms`. */
  drain(ms?: number): Promise<void>;
}

export function createPipeline<Out extends object>(opts: PipelineOptions<Out>): AnswerPipeline<Out> {
  const { log, render } = opts;
  const limiter = opts.limiter === false ? undefined : (opts.limiter ?? new RateLimiter(DEFAULT_RATE_LIMIT));
  const now = opts.now ?? Date.now;
  const deps = { hub: opts.hub ?? hubFromConfig({}) };
  const cache = opts.cache === false ? undefined : (opts.cache ?? new ReplyCache<Out>());
  const inflight = new Set<Promise<void>>();
  const fault = (err: unknown) => log.error({ err }, 'command fault');

  function admit(user: string): Extract<Outcome<Out>, { type: 'limited' }> | null {
    if (!limiter) return null;
    const d = limiter.take(user, now());
    if (d.ok) return null;
    log.debug({ user, retryAfterMs: d.retryAfterMs, notify: d.notify }, 'rate limited');
    return {
      type: 'limited',
      notice: d.notify ? rateLimitMessage(d.retryAfterMs) : null,
      retryAfterMs: d.retryAfterMs,
    };
  }

  /** Run the lookup (if any), then hand the answer over; tracked until delivered, whatever happens. */
  function defer(p: Plan, isPrivate: boolean, deliver: Deliver): Promise<void> {
    const lookup = 'lookup' in p ? p.lookup : undefined;
    const work = settle(p, deps, fault)
      .then((reply) => deliver(reply, { private: isPrivate }))
      .catch((err: unknown) => log.warn({ err: describeError(err), lookup }, 'deferred answer failed'));
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
    return work;
  }

  return {
    ask(user, q, deliver) {
      try {
        if (user !== undefined) {
          const stop = admit(user);
          if (stop) return stop;
        }
        const key = keyOf(q);
        const hit = cache?.get(key);
        if (hit) return { type: 'answer', out: hit };
        // A fault while planning is a bug: logged every time it bites, so its answer is not kept.
        let faulted = false;
        const onFault = (err: unknown) => {
          faulted = true;
          fault(err);
        };
        const p = q.kind === 'command' ? plan(q.input, onFault) : planVariant(q.payload, onFault);
        if ('lookup' in p) {
          if (deliver)
            return {
              type: 'deferred',
              lookup: p.lookup,
              private: p.private,
              delivered: defer(p, p.private, deliver),
            };
          const reply = hubUnavailable(p.lookup);
          return { type: 'answer', out: render(reply, q), reply };
        }
        // A chart is drawn off the hot path (adapters/shared/chart.ts): the answer follows with it.
        if (deliver && p.reply.kind === 'estimate' && p.reply.chart)
          return {
            type: 'deferred',
            private: p.reply.ephemeral,
            delivered: defer(p, p.reply.ephemeral, deliver),
          };
        const rendered = render(p.reply, q);
        return {
          type: 'answer',
          out: cache && !faulted ? cache.offer(key, rendered) : rendered,
          reply: p.reply,
        };
      } catch (err) {
        // Rendering failed (a bug): the fault reply, rendered; if even that throws, the adapter's own net.
        fault(err);
        return { type: 'answer', out: render(FAULT_REPLY, q), reply: FAULT_REPLY };
      }
    },
    admit,
    fault,
    get pending() {
      return inflight.size;
    },
    async drain(ms = DRAIN_MS) {
      if (inflight.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
      await Promise.race([Promise.allSettled([...inflight]), deadline]);
      clearTimeout(timer);
    },
  };
}

/** The reply-cache key: exactly what was asked (the same question always maps to the same key). */
function keyOf(q: Question): string {
  return q.kind === 'command'
    ? replyKey('command', q.input.text, q.input.options)
    : replyKey('button', q.payload);
}
