// A Hugging Face model id in a query: `owner/name`, `owner/name:Q4_K_M` (a GGUF file in the repo chosen by its
// quant tag, as Ollama's hf.co/owner/name:TAG does), or `owner/name/path/file.gguf`. Validated strictly here,
// before anything could build a URL from it: only the Hub's own id characters, no traversal, no scheme, no
// percent-encoding, no backslashes. Pure.
import type { ModelSpec } from '../catalog/types.ts';

export interface HubRef {
  /** `owner/name`, case as typed (the Hub resolves ids case-insensitively, file names are case-sensitive). */
  repo: string;
  /** A `.gguf` path inside the repo. */
  file?: string;
  /** A GGUF quant tag (`Q4_K_M`, `UD-Q4_K_XL`): the repo's .gguf file whose name carries it. */
  quant?: string;
  /** The normalized word: what the reply and the buttons repeat. */
  text: string;
}

export class HubRefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubRefError';
  }
}

/**
 * Owner and repo names as the Hub allows them (huggingface_hub validate_repo_id): letters, digits, `_`, `-`,
 * `.`, at most 96 characters, starting and ending with a letter, digit or `_`, no `--` or `..`.
 */
const NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?$/;
/** A path segment of a file in the repo. */
const SEGMENT = /^[A-Za-z0-9_+-][A-Za-z0-9_.+-]{0,127}$/;
const TAG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
/** `hf.co/owner/name:TAG` (Ollama's spelling) and `huggingface.co/owner/name` name the same repo. */
const HOST_PREFIX = /^(?:hf\.co|huggingface\.co)\//i;

function checkName(part: string, what: string): void {
  if (!NAME.test(part) || part.includes('--') || part.includes('..') || /\.git$/i.test(part))
    throw new HubRefError(
      `"${part.slice(0, 40)}" is not a valid Hugging Face ${what} name (letters, digits, - _ . only, at most 96)`,
    );
}

/** A word that is meant as a Hub id (it has a slash); says nothing about validity. */
export function isHubWord(word: string): boolean {
  return word.includes('/');
}

/** A word that names a GGUF file or quant in a repo: never a catalog name. */
export function isGgufWord(word: string): boolean {
  return /\.gguf$/i.test(word) || /^[^:]+\/[^:/]+:[^/]+$/.test(word);
}

/** Parse and validate; throws HubRefError with a message for the asker. */
export function parseHubRef(raw: string): HubRef {
  const word = raw.trim();
  if (word.length > 300) throw new HubRefError('that Hugging Face id is too long');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(word) || word.startsWith('//'))
    throw new HubRefError('give the model id (owner/name), not a URL');
  if (word.includes('\\')) throw new HubRefError('a Hugging Face id has no backslashes');
  if (word.includes('%')) throw new HubRefError('a Hugging Face id has no percent-encoding');
  if (/[?#@\s]/.test(word) || [...word].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    throw new HubRefError('a Hugging Face id has no ? # @, spaces or control characters');
  if (word.startsWith('/')) throw new HubRefError('a Hugging Face id is owner/name, without a leading /');
  const bare = word.replace(HOST_PREFIX, '');
  const [path = '', ...tagParts] = bare.split(':');
  if (tagParts.length > 1) throw new HubRefError('use one quant tag: owner/name:Q4_K_M');
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..'))
    throw new HubRefError('a Hugging Face id has no empty, . or .. parts');
  const [owner = '', name = '', ...rest] = parts;
  checkName(owner, 'owner');
  checkName(name, 'repository');
  const repo = `${owner}/${name}`;
  const tag = tagParts[0];
  if (tag !== undefined) {
    if (rest.length > 0)
      throw new HubRefError('name either a file (owner/name/file.gguf) or a quant (owner/name:Q4_K_M)');
    if (!TAG.test(tag)) throw new HubRefError(`"${tag.slice(0, 40)}" is not a quant tag like Q4_K_M`);
    return { repo, quant: tag, text: `${repo}:${tag}` };
  }
  if (rest.length === 0) return { repo, text: repo };
  const file = rest.join('/');
  if (rest.length > 8 || file.length > 255 || !rest.every((s) => SEGMENT.test(s)))
    throw new HubRefError('that file path is not a plain path inside the repository');
  if (!/\.gguf$/i.test(file))
    throw new HubRefError('only .gguf files can be read from a path; for a model give owner/name');
  return { repo, file, text: `${repo}/${file}` };
}

/**
 * What can turn a Hub id into an architecture: hub/client.ts reads the Hub; tests pass a stub. Defined here,
 * in the engine's terms, so commands and adapters depend on the contract and never on the I/O.
 */
export interface HubResolver {
  /** `text` is a HubRef text (`owner/name`, `owner/name:TAG`, `owner/name/file.gguf`). */
  resolve(text: string): Promise<ModelSpec>;
}

export type HubLookupFailure =
  'bad_id' | 'not_found' | 'gated' | 'rate_limited' | 'timeout' | 'too_large' | 'malformed' | 'unavailable';

/** A lookup that failed for a reason the asker can act on; the message is the reply. Never carries a token. */
export class HubLookupError extends Error {
  constructor(
    readonly kind: HubLookupFailure,
    message: string,
  ) {
    super(message);
    this.name = 'HubLookupError';
  }
}
