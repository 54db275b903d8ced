// Finished platform answers, keyed by exactly what was asked. An answer from the catalog is a pure function
// of the words and options (the catalogs do not change while the process runs), and channels ask the same
// popular questions again and again, so the second asker gets the first asker's answer without the parse,
// estimate, fit over every GPU and render (~60 us of CPU per answer; `npm run bench`'s repeated mix).
// Kept as the UTF-8 JSON bytes that are sent, not as objects: an answer's objects take ~3x its JSON in
// V8's heap, where the garbage collector walks them at every full collection (measured with 4 MiB of
// answers per platform: ~24 MiB of old space as objects, against 8 MiB outside the heap as bytes). An HTTP
// transport sends the bytes as they are. A hit is parsed back into an object (~5 us for a 1.5 KB answer)
// once; the answers asked most recently again stay parsed too (a few dozen, frozen and shared), which made
// the repeated mix 14% (Discord) to 30% (Slack) faster than parsing every hit (scripts/bench-http.ts's
// repeated questions, wrk, one process). Bounded by entries and by bytes (least recently used goes first),
// so memory stays flat under any stream of distinct queries. Only answers that need no network are cached: Hub lookups have
// their own TTL cache (hub/client.ts), and rate-limit notices are decided before the cache.
import { LRUCache } from 'lru-cache';

export const REPLY_CACHE_DEFAULTS = {
  /** Distinct questions kept; a busy community asks far fewer distinct ones per hour. */
  maxEntries: 2000,
  /** Serialized JSON bytes kept in all (a compact answer is ~1.5-3 KB): 4 MiB per platform. */
  maxBytes: 4 * 1024 * 1024,
  /**
   * Answers asked again kept parsed as well (frozen, shared), so the most popular questions skip the parse:
   * ~10 KB of heap each.
   */
  hotEntries: 64,
  /** Questions remembered (the words only, ~100 bytes each) to tell a second asking from a first. */
  seenKeys: 4096,
} as const;

/**
 * The UTF-8 JSON bytes of answers that came from or went into a ReplyCache, so such an answer is neither
 * serialized nor encoded again when it is sent (answers carry emoji and box characters, so encoding is not
 * free either). Answers are never edited after the pipeline: the kept ones are frozen, which makes an edit a
 * loud error in tests instead of a body that differs from the object.
 */
const serialized = new WeakMap<object, Buffer>();

/** The JSON body for a response: the remembered bytes when it came from a ReplyCache, else fresh ones. */
export function jsonBody(value: unknown): Buffer {
  return (
    (typeof value === 'object' && value !== null && serialized.get(value)) ||
    Buffer.from(JSON.stringify(value), 'utf8')
  );
}

/**
 * Bytes of exactly their own size: Buffer.from puts small buffers in a shared 8 KiB slab, and one kept
 * answer would hold a whole slab of short-lived request buffers in memory.
 */
function ownBytes(value: unknown): Buffer {
  const text = JSON.stringify(value);
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
  bytes.write(text, 'utf8');
  return bytes;
}

export interface ReplyCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export class ReplyCache<V extends object> {
  private readonly lru: LRUCache<string, Buffer>;
  private readonly hot: LRUCache<string, V>;
  /** Keys offered once and not kept yet, oldest first (a Set keeps insertion order). */
  private readonly seen = new Set<string>();
  private readonly maxSeen: number;
  private hits = 0;
  private misses = 0;

  constructor(opts: { maxEntries?: number; maxBytes?: number; hotEntries?: number; seenKeys?: number } = {}) {
    this.maxSeen = opts.seenKeys ?? REPLY_CACHE_DEFAULTS.seenKeys;
    this.lru = new LRUCache<string, Buffer>({
      max: opts.maxEntries ?? REPLY_CACHE_DEFAULTS.maxEntries,
      maxSize: opts.maxBytes ?? REPLY_CACHE_DEFAULTS.maxBytes,
      // Key and body both take memory; the body dominates.
      sizeCalculation: (bytes, key) => key.length + bytes.length,
    });
    this.hot = new LRUCache<string, V>({ max: opts.hotEntries ?? REPLY_CACHE_DEFAULTS.hotEntries });
  }

  /**
   * The kept answer, frozen (jsonBody gives its kept bytes without serializing): parsed from its bytes on
   * its first hit, then shared while it stays among the most recently asked again.
   */
  get(key: string): V | undefined {
    const bytes = this.lru.get(key);
    if (bytes === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    const shared = this.hot.get(key);
    if (shared !== undefined && serialized.get(shared) === bytes) return shared;
    const value = JSON.parse(bytes.toString('utf8')) as V;
    deepFreeze(value);
    serialized.set(value, bytes);
    this.hot.set(key, value);
    return value;
  }

  /** Whether `key` is kept, without counting it or making it recent. */
  has(key: string): boolean {
    return this.lru.has(key);
  }

  /**
   * Keep `value`'s bytes for `key` and return the value, deep-frozen: its bytes are what jsonBody sends,
   * so a later change to the object must not go unnoticed (strict mode makes it a loud error).
   */
  set(key: string, value: V): V {
    deepFreeze(value);
    const bytes = ownBytes(value);
    serialized.set(value, bytes);
    this.lru.set(key, bytes);
    return value;
  }

  /**
   * Keep `value` only if `key` was offered before (recently): a question asked once is not worth its cost
   * (serializing into bytes of its own, freezing, evicting another answer), and most questions are asked
   * once. The first asker of a popular question pays one more computation; one-off questions never push
   * popular answers out (the "doorkeeper" of TinyLFU: Einziger, Friedman & Manes, ACM ToS 2017). On the
   * bench's distinct mix (wrk, Discord, one process, runs alternated) keeping every answer left the process
   * ~10% slower than no cache at all; keeping at the second asking, ~5%.
   */
  offer(key: string, value: V): V {
    if (this.seen.delete(key)) return this.set(key, value);
    this.seen.add(key);
    if (this.seen.size > this.maxSeen) this.seen.delete(this.seen.values().next().value!);
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
