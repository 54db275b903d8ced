// The Hugging Face Hub, read-only: a model's config.json (+ the Hub's safetensors metadata) or a GGUF file's
// header, turned into a ModelSpec by the pure parsers in src/catalog. The only module that talks to the Hub.
//
// Uses the official libraries (@huggingface/hub for the API and files, @huggingface/gguf for ranged GGUF
// header reads) through one guarded fetch that enforces, for every request:
// - only HF_ENDPOINT's origin (default https://huggingface.co); redirects are followed by hand, to the same
//   origin, or, for the public Hub only, to its own download hosts (*.hf.co, *.huggingface.co: LFS and Xet
//   files always redirect there); anything else is refused;
// - HF_TOKEN (optional) is sent as a bearer header to the endpoint's origin only, never to a redirect target,
//   and never logged or put in a reply;
// - a timeout (4 s by default) on each request, and a size limit on each body (config.json 1 MB, API answers
//   4 MB, GGUF header chunks 2 MB each and 16 MB in all);
// - results cached in memory (500 entries, 1 h), failures for 60 s, and concurrent asks for one id share a lookup.
import { downloadFile, HubApiError, modelInfo } from '@huggingface/hub';
import { gguf } from '@huggingface/gguf';
import { specFromGguf, type GgufTensor } from '../src/catalog/gguf.ts';
import { ModelConfigError, specFromHfConfig, type SafetensorsSummary } from '../src/catalog/hf-config.ts';
import { MODEL_NAMES } from '../src/catalog/models.ts';
import type { ModelSpec } from '../src/catalog/types.ts';
import {
  HubLookupError,
  HubRefError,
  parseHubRef,
  type HubRef,
  type HubResolver,
} from '../src/query/hub-ref.ts';
import { nearest } from '../src/query/suggest.ts';

export const DEFAULT_ENDPOINT = 'https://huggingface.co';

export const HUB_LIMITS = {
  timeoutMs: 4000,
  /** One lookup (several requests) as a whole. */
  lookupMs: 20_000,
  configBytes: 1_000_000,
  apiBytes: 4_000_000,
  errorBytes: 64 * 1024,
  /** @huggingface/gguf reads in 2 MB ranges; headers with a large tokenizer take several. */
  ggufChunkBytes: 2_100_000,
  ggufTotalBytes: 16_000_000,
  /** Split GGUF files read at most this many headers. */
  ggufShards: 16,
  redirects: 3,
  cacheEntries: 500,
  cacheTtlMs: 60 * 60 * 1000,
  failureTtlMs: 60 * 1000,
} as const;

export interface HubClientOptions {
  /** HF_ENDPOINT: the Hub or a mirror, e.g. https://huggingface.co. */
  endpoint?: string;
  /** HF_TOKEN: for gated and private repos. */
  token?: string;
  /** Per request. */
  timeoutMs?: number;
  /** Hosts a redirect may lead to besides the endpoint's own (default: the public Hub's download hosts). */
  redirectHosts?: readonly string[];
  fetch?: typeof fetch;
  now?: () => number;
  /** Lookup events (no secrets, no URLs with tokens): id, outcome, requests, ms. */
  log?: (fields: Record<string, unknown>, msg: string) => void;
  cache?: { entries?: number; ttlMs?: number; failureTtlMs?: number };
  /** Tighter (or looser) size limits, e.g. for tests. */
  limits?: {
    [K in 'configBytes' | 'apiBytes' | 'ggufChunkBytes' | 'ggufTotalBytes' | 'lookupMs']?: number;
  };
}

export interface HubClient extends HubResolver {
  readonly endpoint: string;
  /** Requests sent to the network so far (tests and logs). */
  readonly requests: number;
  /** A cached answer exists for this id (no network needed). */
  cached(text: string): boolean;
}

/** The public Hub's own download hosts (LFS CDN, Xet bridge). */
const HUB_DOWNLOAD_HOSTS = ['hf.co', 'huggingface.co'];

interface Entry {
  expires: number;
  value?: ModelSpec;
  error?: HubLookupError;
}

/** What one lookup saw on the wire: the commit the Hub served, and the last error's code. */
interface Trace {
  commit?: string;
  lastStatus?: number;
  lastErrorCode?: string;
  requests: number;
}

class RefusedRedirect extends Error {}
class BodyTooLarge extends Error {}

/** Everything a lookup needs, settled once from the options. */
interface Hub {
  endpoint: string;
  origin: string;
  token: string | undefined;
  timeoutMs: number;
  fetch: typeof fetch;
  now: () => number;
  /** Hosts a redirect may lead to (the public Hub's download hosts). */
  redirectHosts: readonly string[];
  limits: Record<'configBytes' | 'apiBytes' | 'ggufChunkBytes' | 'ggufTotalBytes' | 'lookupMs', number>;
  log: HubClientOptions['log'];
  /** Requests sent so far. */
  requests: number;
}

function settle(opts: HubClientOptions): Hub {
  const endpoint = normalizeEndpoint(opts.endpoint ?? DEFAULT_ENDPOINT);
  const origin = new URL(endpoint).origin;
  return {
    endpoint,
    origin,
    token: opts.token?.trim() || undefined,
    timeoutMs: opts.timeoutMs ?? HUB_LIMITS.timeoutMs,
    fetch: opts.fetch ?? globalThis.fetch,
    now: opts.now ?? Date.now,
    redirectHosts:
      opts.redirectHosts ?? (origin === new URL(DEFAULT_ENDPOINT).origin ? HUB_DOWNLOAD_HOSTS : []),
    limits: { ...HUB_LIMITS, ...opts.limits },
    log: opts.log,
    requests: 0,
  };
}

/**
 * Answers (and failures, for less long) by id, at most `maxEntries`, oldest out first; a lookup already
 * running is shared by everyone who asks meanwhile.
 */
class LookupCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<ModelSpec>>();
  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  fresh(key: string): Entry | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit;
  }

  remember(key: string, entry: Omit<Entry, 'expires'>, ms: number): void {
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { ...entry, expires: this.now() + ms });
  }

  /** The running lookup for `key`, or `start` run once and shared until it settles. */
  shared(key: string, start: () => Promise<ModelSpec>): Promise<ModelSpec> {
    const running = this.inflight.get(key);
    if (running) return running;
    const work = start();
    this.inflight.set(key, work);
    void work.catch(() => undefined).finally(() => this.inflight.delete(key));
    return work;
  }
}

export function createHubClient(opts: HubClientOptions = {}): HubClient {
  const hub = settle(opts);
  const ttl = opts.cache?.ttlMs ?? HUB_LIMITS.cacheTtlMs;
  const failureTtl = opts.cache?.failureTtlMs ?? HUB_LIMITS.failureTtlMs;
  const cache = new LookupCache(opts.cache?.entries ?? HUB_LIMITS.cacheEntries, hub.now);
  return {
    endpoint: hub.endpoint,
    get requests() {
      return hub.requests;
    },
    cached: (text) => cache.fresh(text) !== undefined,
    resolve(text: string): Promise<ModelSpec> {
      const hit = cache.fresh(text);
      if (hit?.value) return Promise.resolve(hit.value);
      if (hit?.error) return Promise.reject(hit.error);
      return cache.shared(text, () =>
        lookup(hub, text).then(
          (value) => {
            cache.remember(text, { value }, ttl);
            return value;
          },
          (err: unknown) => {
            if (err instanceof HubLookupError) cache.remember(text, { error: err }, failureTtl);
            throw err;
          },
        ),
      );
    },
  };
}

function allowed(hub: Hub, url: URL, hop: number): boolean {
  if (url.username || url.password) return false;
  if (url.origin === hub.origin) return true;
  if (hop === 0 || url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return hub.redirectHosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** fetch for the libraries: one origin, manual redirects, timeout, body limit, token only to the origin. */
function guardedFetch(
  hub: Hub,
  trace: Trace,
  maxBytes: number,
  deadline: AbortSignal,
  budget?: { left: number },
) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    headers.delete('authorization'); // this function alone decides where the token goes
    for (let hop = 0; ; hop++) {
      if (!allowed(hub, url, hop)) throw new RefusedRedirect(url.host);
      const h = new Headers(headers);
      if (hub.token && url.origin === hub.origin) h.set('authorization', `Bearer ${hub.token}`);
      hub.requests++;
      trace.requests++;
      const res = await hub.fetch(url, {
        method: init?.method ?? 'GET',
        headers: h,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(hub.timeoutMs), deadline]),
      });
      const commit = res.headers.get('x-repo-commit');
      if (commit && /^[0-9a-f]{40}$/.test(commit) && !trace.commit) trace.commit = commit;
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel().catch(() => undefined);
        if (hop >= HUB_LIMITS.redirects) throw new RefusedRedirect('too many redirects');
        url = new URL(location, url);
        continue;
      }
      if (!res.ok) {
        trace.lastStatus = res.status;
        trace.lastErrorCode = res.headers.get('x-error-code') ?? undefined;
      }
      return limited(res, res.ok ? maxBytes : HUB_LIMITS.errorBytes, budget);
    }
  };
}

async function lookup(hub: Hub, text: string): Promise<ModelSpec> {
  let ref: HubRef;
  try {
    ref = parseHubRef(text);
  } catch (err) {
    if (err instanceof HubRefError) throw new HubLookupError('bad_id', err.message);
    throw err;
  }
  const trace: Trace = { requests: 0 };
  const deadline = AbortSignal.timeout(hub.limits.lookupMs);
  const started = hub.now();
  try {
    const spec =
      ref.file || ref.quant
        ? await fromGguf(hub, ref, trace, deadline)
        : await fromConfig(hub, ref, trace, deadline);
    hub.log?.({ id: ref.text, requests: trace.requests, ms: hub.now() - started }, 'hub lookup');
    return spec;
  } catch (err) {
    const mapped = mapError(hub, err, ref, trace);
    hub.log?.(
      {
        id: ref.text,
        requests: trace.requests,
        ms: hub.now() - started,
        failure: mapped.kind,
        status: trace.lastStatus,
      },
      'hub lookup failed',
    );
    throw mapped;
  }
}

async function fromConfig(hub: Hub, ref: HubRef, trace: Trace, deadline: AbortSignal): Promise<ModelSpec> {
  const info = await modelInfo({
    name: ref.repo,
    hubUrl: hub.endpoint,
    additionalFields: ['sha', 'safetensors'],
    fetch: guardedFetch(hub, trace, hub.limits.apiBytes, deadline),
  });
  const sha =
    typeof info.sha === 'string' && /^[0-9a-f]{40}$/.test(info.sha) ? info.sha : (trace.commit ?? 'main');
  let blob: Blob | null;
  try {
    blob = await downloadFile({
      repo: ref.repo,
      path: 'config.json',
      revision: sha,
      hubUrl: hub.endpoint,
      xet: false,
      fetch: guardedFetch(hub, trace, hub.limits.configBytes, deadline),
    });
  } catch (err) {
    if (err instanceof HubApiError && (err.statusCode === 401 || err.statusCode === 403) && info.gated)
      throw gatedError(hub, ref);
    throw err;
  }
  if (!blob)
    throw new HubLookupError(
      'not_found',
      `${ref.repo} has no config.json. For a GGUF repository name the file or the quant: ${ref.repo}:Q4_K_M`,
    );
  if (blob.size > hub.limits.configBytes)
    throw new HubLookupError(
      'too_large',
      `${ref.repo}'s config.json is larger than ${hub.limits.configBytes / 1e6} MB; not read`,
    );
  let config: unknown;
  try {
    config = JSON.parse(await blob.text());
  } catch (err) {
    if (err instanceof SyntaxError)
      throw new HubLookupError('malformed', `${ref.repo}'s config.json is not valid JSON`);
    throw err;
  }
  const safetensors = readSafetensors(info);
  return specFromHfConfig({
    repo: ref.repo,
    revision: sha,
    config,
    id: ref.text,
    ...(safetensors ? { safetensors } : {}),
  });
}

async function fromGguf(hub: Hub, ref: HubRef, trace: Trace, deadline: AbortSignal): Promise<ModelSpec> {
  let sha: string | undefined;
  let files: string[];
  let file: string;
  if (ref.quant) {
    const info = await modelInfo({
      name: ref.repo,
      hubUrl: hub.endpoint,
      additionalFields: ['sha', 'filePaths'],
      fetch: guardedFetch(hub, trace, hub.limits.apiBytes, deadline),
    });
    sha = typeof info.sha === 'string' && /^[0-9a-f]{40}$/.test(info.sha) ? info.sha : undefined;
    files = (Array.isArray(info.filePaths) ? info.filePaths : []).filter(
      (f): f is string => typeof f === 'string',
    );
    file = pickGgufFile(ref, files);
  } else {
    file = ref.file!;
    files = [file];
  }
  const shards = shardNames(file, files);
  if (shards.length > HUB_LIMITS.ggufShards)
    throw new HubLookupError(
      'too_large',
      `${file} is split into ${shards.length} files; at most ${HUB_LIMITS.ggufShards} headers are read`,
    );
  const budget = { left: hub.limits.ggufTotalBytes };
  const revision = sha ?? 'main';
  let metadata: Record<string, unknown> | undefined;
  const tensors: GgufTensor[] = [];
  for (const shard of shards) {
    const url = `${hub.endpoint}/${ref.repo}/resolve/${encodeURIComponent(revision)}/${shard.split('/').map(encodeURIComponent).join('/')}`;
    const parsed = await gguf(url, {
      fetch: guardedFetch(hub, trace, hub.limits.ggufChunkBytes, deadline, budget),
    });
    metadata ??= parsed.metadata as Record<string, unknown>;
    tensors.push(...parsed.tensorInfos);
  }
  return specFromGguf({
    repo: ref.repo,
    revision: sha ?? trace.commit ?? 'main',
    file,
    metadata: metadata ?? {},
    tensors,
    id: ref.text,
    shards: shards.length,
  });
}

function gatedError(hub: Hub, ref: HubRef): HubLookupError {
  const page = `${hub.endpoint}/${ref.repo}`;
  return new HubLookupError(
    'gated',
    hub.token
      ? `${ref.repo} is gated and HF_TOKEN has no access to it: accept the license on ${page} with the token's account`
      : `${ref.repo} is gated: set HF_TOKEN (a read token) and accept the license on ${page}`,
  );
}

function mapError(hub: Hub, err: unknown, ref: HubRef, trace: Trace): HubLookupError {
  if (err instanceof HubLookupError) return err;
  if (err instanceof ModelConfigError)
    return new HubLookupError('malformed', `could not size ${ref.text}: ${err.message}`);
  if (err instanceof RefusedRedirect)
    return new HubLookupError(
      'unavailable',
      err.message === 'too many redirects'
        ? `the Hub redirected ${ref.text} too many times; not followed`
        : `the Hub sent the request to another host (${err.message.slice(0, 60)}); not followed`,
    );
  if (err instanceof BodyTooLarge)
    return new HubLookupError(
      'too_large',
      `${ref.text}: the Hub's answer is larger than ${err.message}; not read`,
    );
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new HubLookupError(
      'timeout',
      `the Hugging Face Hub did not answer in time looking up ${ref.text}; try again shortly`,
    );
  const status = err instanceof HubApiError ? err.statusCode : trace.lastStatus;
  const code = trace.lastErrorCode;
  if (status !== undefined) {
    if (code === 'GatedRepo') return gatedError(hub, ref);
    if (code === 'EntryNotFound' || code === 'RevisionNotFound')
      return new HubLookupError('not_found', `${ref.repo} has no ${ref.file ?? 'such file'}`);
    if (status === 404 || code === 'RepoNotFound') return notFound(hub, ref);
    if (status === 401 || status === 403)
      return hub.token
        ? gatedError(hub, ref)
        : new HubLookupError(
            'gated',
            `${ref.repo} is private, gated or does not exist. If it is gated, set HF_TOKEN and accept the license on ${hub.endpoint}/${ref.repo}`,
          );
    if (status === 429)
      return new HubLookupError(
        'rate_limited',
        'the Hugging Face Hub is rate-limiting lookups; try again in a minute',
      );
    if (status >= 500)
      return new HubLookupError(
        'unavailable',
        `the Hugging Face Hub answered HTTP ${status}; try again shortly`,
      );
    return new HubLookupError('unavailable', `the Hugging Face Hub answered HTTP ${status} for ${ref.text}`);
  }
  // @huggingface/gguf throws plain Errors (bad magic, version, counts over its limits) and RangeErrors
  // (a header cut short); both mean the file is not a GGUF we can read.
  if (
    (ref.file || ref.quant) &&
    (err instanceof RangeError || (err instanceof Error && err.constructor === Error))
  )
    return new HubLookupError(
      'malformed',
      `${ref.file ?? ref.text} is not a readable GGUF file (${clean(err.message)})`,
    );
  // undici's network failure (DNS, refused, reset): TypeError('fetch failed') with the reason as its cause.
  if (err instanceof TypeError && err.message === 'fetch failed')
    return new HubLookupError('unavailable', 'the Hugging Face Hub could not be reached; try again shortly');
  // Anything else is a bug here, not the asker's problem: let it through as a fault.
  throw err;
}

function notFound(hub: Hub, ref: HubRef): HubLookupError {
  const guess = nearest(ref.repo.split('/')[1]!.toLowerCase(), MODEL_NAMES);
  const hint = guess ? ` Did you mean "${guess}" from the catalog?` : ' See /vram models for the catalog.';
  const secret = hub.token ? '' : ' (A private repo needs HF_TOKEN.)';
  return new HubLookupError('not_found', `no model "${ref.repo}" on the Hugging Face Hub.${hint}${secret}`);
}

// ---------------------------------------------------------------- helpers

export function normalizeEndpoint(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new Error('HF_ENDPOINT must be a URL like https://huggingface.co');
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.search || u.hash)
    throw new Error('HF_ENDPOINT must be an http(s) URL without credentials, query or fragment');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/** The body read under a byte limit, as a fresh Response (the original stream is cancelled when too big). */
async function limited(res: Response, maxBytes: number, budget?: { left: number }): Promise<Response> {
  const cap = Math.min(maxBytes, budget?.left ?? Infinity);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > cap) {
    await res.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge(`${Math.round(cap / 1000)} kB`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        await reader.cancel().catch(() => undefined);
        throw new BodyTooLarge(`${Math.round(cap / 1000)} kB`);
      }
      chunks.push(value);
    }
  }
  if (budget) budget.left -= size;
  const body = res.status === 204 || res.status === 304 ? null : Buffer.concat(chunks);
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

function readSafetensors(info: unknown): SafetensorsSummary | undefined {
  const s = (info as { safetensors?: { parameters?: unknown; total?: unknown } }).safetensors;
  if (!s || typeof s.parameters !== 'object' || s.parameters === null) return undefined;
  const parameters: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.parameters)) {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && /^[A-Z0-9_]{1,16}$/.test(k))
      parameters[k] = v;
  }
  if (Object.keys(parameters).length === 0) return undefined;
  return { parameters, ...(typeof s.total === 'number' ? { total: s.total } : {}) };
}

const SHARD = /-(\d{5})-of-(\d{5})\.gguf$/i;

/** The .gguf file in the repo whose name carries the quant tag (the first shard of a split file). */
export function pickGgufFile(ref: HubRef, files: readonly string[]): string {
  const tag = ref.quant!.toLowerCase();
  const gguf = files.filter((f) => /\.gguf$/i.test(f) && !/mmproj/i.test(f));
  const match = gguf.filter((f) => {
    const base = (f.split('/').pop() ?? f)
      .replace(SHARD, '.gguf')
      .replace(/\.gguf$/i, '')
      .toLowerCase();
    return new RegExp(`(^|[-_.])${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[-_.])`).test(base);
  });
  const first = match.filter((f) => !SHARD.test(f) || SHARD.exec(f)![1] === '00001');
  const best = first.sort((a, b) => a.length - b.length)[0];
  if (best) return best;
  const tags = [
    ...new Set(
      gguf
        .map(
          (f) =>
            /(?:^|[-_.])((?:UD-)?I?Q\d(?:_[A-Z0-9]+)*|BF16|F16|F32)(?:[-_.]|$)/i.exec(
              (f.split('/').pop() ?? f).replace(SHARD, '').replace(/\.gguf$/i, ''),
            )?.[1],
        )
        .filter((t): t is string => !!t),
    ),
  ].slice(0, 10);
  throw new HubLookupError(
    'not_found',
    gguf.length === 0
      ? `${ref.repo} has no .gguf files`
      : `no .gguf file in ${ref.repo} matches ${ref.quant}${tags.length ? `; it has ${tags.join(', ')}` : ''}`,
  );
}

/** All shards of a split GGUF (`x-00001-of-00003.gguf`), or the file alone. */
export function shardNames(file: string, files: readonly string[]): string[] {
  const m = SHARD.exec(file);
  if (!m) return [file];
  const total = Number(m[2]);
  const names = Array.from({ length: total }, (_, i) =>
    file.replace(SHARD, `-${String(i + 1).padStart(5, '0')}-of-${m[2]}.gguf`),
  );
  void files;
  return names;
}

function clean(message: string): string {
  return message.replace(/https?:\/\/\S+/g, '').slice(0, 120);
}
