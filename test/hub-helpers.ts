// A fake Hugging Face Hub on nock: the model API (`/api/models/{id}/revision/{rev}`) and file resolution
// (`/{id}/resolve/{rev}/{path}`, with Range requests answered 206 + Content-Range the way the Hub does),
// gated repos (401 + X-Error-Code: GatedRepo without the right bearer token), missing repos and files
// (404 + X-Error-Code), and a log of every request seen (path, headers).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hub');

/** A config.json fixture by its file name stem (`meta-llama--Llama-3.1-8B-Instruct`). */
export function fixtureConfig(stem: string): Buffer {
  return readFileSync(join(FIXTURES, `${stem}.config.json`));
}

export interface FakeFile {
  body: Buffer;
  /** The size the file claims (Content-Range total), e.g. a GGUF's full size when only its header is served. */
  size?: number;
}

export interface FakeRepo {
  sha: string;
  files: Record<string, Buffer | FakeFile>;
  /** Files need `Authorization: Bearer <token>` (401 GatedRepo otherwise). */
  gatedToken?: string;
  safetensors?: { parameters: Record<string, number>; total: number };
}

export interface Seen {
  method: string;
  path: string;
  authorization?: string;
  range?: string;
  host: string;
}

export const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

/** Intercepts `origin` persistently; returns what it saw. Call nock.cleanAll() after. */
export function fakeHub(origin: string, repos: Record<string, FakeRepo>): { seen: Seen[] } {
  const seen: Seen[] = [];
  // nock 15 hands reply functions the web Request.
  const record = (req: Request): string => {
    const url = new URL(req.url);
    const auth = req.headers.get('authorization');
    const range = req.headers.get('range');
    seen.push({
      method: req.method,
      path: url.pathname + url.search,
      host: url.host,
      ...(auth !== null ? { authorization: auth } : {}),
      ...(range !== null ? { range } : {}),
    });
    return url.pathname;
  };
  nock(origin)
    .persist()
    .get(/^\/api\/models\//)
    .reply((req: Request) => {
      const uri = record(req);
      const m = /^\/api\/models\/([^/]+\/[^/]+)\/revision\/[^/?]+/.exec(uri);
      const repo = m ? repos[decodeURIComponent(m[1]!)] : undefined;
      if (!repo)
        return [
          404,
          { error: 'Repository not found' },
          { 'content-type': 'application/json', 'x-error-code': 'RepoNotFound' },
        ];
      return [
        200,
        {
          _id: '0123456789abcdef01234567',
          id: decodeURIComponent(m![1]!),
          sha: repo.sha,
          private: false,
          gated: repo.gatedToken ? 'manual' : false,
          downloads: 1,
          likes: 1,
          lastModified: '2025-01-01T00:00:00.000Z',
          siblings: Object.keys(repo.files).map((rfilename) => ({ rfilename })),
          ...(repo.safetensors ? { safetensors: repo.safetensors } : {}),
        },
        { 'content-type': 'application/json' },
      ];
    });
  nock(origin)
    .persist()
    .get(/^\/[^/]+\/[^/]+\/resolve\//)
    .reply((req: Request) => {
      const uri = record(req);
      const m = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(uri);
      const repo = m ? repos[decodeURIComponent(m[1]!)] : undefined;
      if (!repo)
        return [
          404,
          { error: 'Repository not found' },
          { 'content-type': 'application/json', 'x-error-code': 'RepoNotFound' },
        ];
      if (repo.gatedToken && req.headers.get('authorization') !== `Bearer ${repo.gatedToken}`)
        return [
          401,
          {
            error: `Access to model ${m![1]} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
          },
          { 'content-type': 'application/json', 'x-error-code': 'GatedRepo' },
        ];
      const path = m![3]!.split('/').map(decodeURIComponent).join('/');
      const entry = repo.files[path];
      if (!entry)
        return [
          404,
          { error: 'Entry not found' },
          { 'content-type': 'application/json', 'x-error-code': 'EntryNotFound' },
        ];
      const file: FakeFile = Buffer.isBuffer(entry) ? { body: entry } : entry;
      const size = file.size ?? file.body.length;
      const headers = {
        etag: `"${repo.sha.slice(0, 16)}"`,
        'x-repo-commit': repo.sha,
        'accept-ranges': 'bytes',
      };
      const range = /^bytes=(\d+)-(\d+)?$/.exec(req.headers.get('range') ?? '');
      if (!range) return [200, file.body, { ...headers, 'content-type': 'application/octet-stream' }];
      const start = Number(range[1]);
      const end = Math.min(range[2] === undefined ? size - 1 : Number(range[2]), size - 1);
      // Bytes past the header are not stored: serve zeros for them, as a real file would serve its data.
      const slice = Buffer.alloc(Math.max(0, end - start + 1));
      if (start < file.body.length) file.body.copy(slice, 0, start, Math.min(end + 1, file.body.length));
      return [206, slice, { ...headers, 'content-range': `bytes ${start}-${end}/${size}` }];
    });
  return { seen };
}
