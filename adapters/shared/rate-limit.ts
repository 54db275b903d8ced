// Per-user token bucket: `capacity` requests at once, refilled at `perSecond`. A limited user gets one
// friendly notice per window, then silence until the bucket refills (no notice floods).
export interface RateLimitOptions {
  capacity: number;
  perSecond: number;
  /**
   * Forget users idle this long (default: the time a bucket takes to refill completely, after which it is
   * the same as a new user's, so forgetting it changes no answer and the map holds only recent askers).
   */
  idleMs?: number;
  /** Hard cap on tracked users; the oldest are dropped first. */
  maxUsers?: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number; notify: boolean };

interface Bucket {
  tokens: number;
  at: number;
  notified: boolean;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly opts: RateLimitOptions) {}

  take(user: string, now: number): RateDecision {
    const { capacity, perSecond } = this.opts;
    let b = this.buckets.get(user);
    if (!b) {
      b = { tokens: capacity, at: now, notified: false };
      this.remember(user, b, now);
    } else {
      b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * perSecond);
      b.at = now;
      // Re-insert so the Map's order is least-recently-used first.
      this.buckets.delete(user);
      this.buckets.set(user, b);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      b.notified = false;
      return { ok: true };
    }
    const retryAfterMs = Math.ceil(((1 - b.tokens) / perSecond) * 1000);
    const notify = !b.notified;
    b.notified = true;
    return { ok: false, retryAfterMs, notify };
  }

  get size(): number {
    return this.buckets.size;
  }

  private remember(user: string, b: Bucket, now: number): void {
    const idle = this.opts.idleMs ?? Math.ceil((this.opts.capacity / this.opts.perSecond) * 1000);
    const max = this.opts.maxUsers ?? 100_000;
    for (const [k, v] of this.buckets) {
      if (this.buckets.size < max && now - v.at < idle) break;
      this.buckets.delete(k);
    }
    this.buckets.set(user, b);
  }
}

/** The friendly wait message, the same on every platform. */
export function rateLimitMessage(retryAfterMs: number): string {
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can answer: try again in ${s} second${s === 1 ? '' : 's'}.`;
}
