// Finished platform answers, keyed by exactly what was asked. An answer from the catalog is a pure function
// of the words and options (the catalogs do not change while the process runs), and channels ask the same
// popular questions again and again, so the second asker gets the first asker's answer without the parse,
// estimate, fit over every GPU, render and JSON serialization (~250 us of CPU per answer, measured in
// `npm run bench`). Bounded by entries and by serialized bytes (least recently used goes first), so memory
// stays flat under any stream of distinct queries (~12 MiB of heap when full). Only answers that need no
// network are cached: Hub lookups have their own TTL cache (hub/client.ts), and rate-limit notices are
// decided before the cache.
import { LRUCache } from 'lru-cache';

export const REPLY_CACHE_DEFAULTS = {
  /** Distinct questions kept; a busy community asks far fewer distinct ones per hour. */
  maxEntries: 2000,
  /**
   * Serialized JSON bytes kept in all (a compact answer is ~2-3 KB). The answers' objects take ~3x their
   * JSON in heap (measured: 2,000 Discord answers = 7 MiB of JSON, 22 MiB of heap), so ~12 MiB at most per
   * platform.
   */
  maxBytes: 4 * 1024 * 1024,
} as const;

/**
 * UTF-8 JSON bodies remembered for cached (frozen) answers, so a cache hit is neither serialized nor
 * encoded again (answers carry emoji and box characters, so encoding is not free either).
 */
const serialized = new WeakMap<object, Buffer>();

/** The JSON body for a response: the remembered bytes when it came from a ReplyCache, else fresh ones. */
export function jsonBody(value: unknown): Buffer {
  return (
    (typeof value === 'object' && value !== null && serialized.get(value)) ||
    Buffer.from(JSON.stringify(value), 'utf8')
  );
}

export interface ReplyCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export class ReplyCache<V extends object> {
  private readonly lru: LRUCache<string, V>;
  private hits = 0;
  private misses = 0;

  constructor(opts: { maxEntries?: number; maxBytes?: number } = {}) {
    this.lru = new LRUCache<string, V>({
      max: opts.maxEntries ?? REPLY_CACHE_DEFAULTS.maxEntries,
      maxSize: opts.maxBytes ?? REPLY_CACHE_DEFAULTS.maxBytes,
      // Key and body both take memory; the body dominates.
      sizeCalculation: (value, key) => key.length + (serialized.get(value)?.length ?? 1),
    });
  }

  get(key: string): V | undefined {
    const v = this.lru.get(key);
    if (v === undefined) this.misses++;
    else this.hits++;
    return v;
  }

  /** Whether `key` is kept, without counting it or making it recent. */
  has(key: string): boolean {
    return this.lru.has(key);
  }

  /**
   * Keep `value` for `key` and return it. The value is deep-frozen: one object now answers many requests,
   * so a later change to it would leak into other people's answers (strict mode makes that a loud error).
   */
  set(key: string, value: V): V {
    deepFreeze(value);
    serialized.set(value, Buffer.from(JSON.stringify(value), 'utf8'));
    this.lru.set(key, value);
    return value;
  }

  stats(): ReplyCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.lru.size, bytes: this.lru.calculatedSize };
  }
}

/** A stable key for a command's words and typed options (the same question always maps to the same key). */
export function replyKey(kind: string, text: string, options: Record<string, unknown> = {}): string {
  const opts = Object.keys(options)
    .filter((k) => options[k] !== undefined && options[k] !== '')
    .sort()
    .map((k) => `${k}=${String(options[k])}`)
    .join('\u0001');
  return `${kind}\u0000${text}\u0000${opts}`;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
