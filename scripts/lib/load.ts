// One load run against 127.0.0.1:port, cycling through pre-signed requests: wrk when it is installed (a C
// load generator: on this 2-core machine it drives a bare node:http server at ~5x autocannon's rate, so the
// ceiling is the server's, not the generator's), autocannon otherwise. BENCH_LOADGEN=autocannon|wrk forces one.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { SignedRequest } from './signing.ts';

export interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** The load generator this run uses, in words for the report. */
export const LOAD_GENERATOR: { name: 'wrk' | 'autocannon'; version: string } = (() => {
  const forced = process.env.BENCH_LOADGEN;
  if (forced !== 'autocannon') {
    const wrk = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
    const line = `${wrk.stdout ?? ''}${wrk.stderr ?? ''}`.split('\n')[0] ?? '';
    if (wrk.error === undefined && /^wrk /.test(line))
      return { name: 'wrk', version: line.split(' ')[1] ?? '' };
    if (forced === 'wrk') throw new Error('BENCH_LOADGEN=wrk but wrk is not installed (apt-get install wrk)');
  }
  return { name: 'autocannon', version: '' };
})();

export function runLoad(
  port: number,
  pool: readonly SignedRequest[],
  seconds: number,
  connections = 50,
): Promise<LoadResult> {
  return LOAD_GENERATOR.name === 'wrk'
    ? runWrk(port, pool, seconds, connections)
    : runAutocannon(port, pool, seconds, connections);
}

async function runAutocannon(
  port: number,
  pool: readonly SignedRequest[],
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  let i = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const next = pool[i++ % pool.length]!;
          return { ...req, method: 'POST', path: next.path, headers: next.headers, body: next.body };
        },
      },
    ],
  });
  return {
    requests: { average: r.requests.average, total: r.requests.total },
    latency: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

/** A Lua long string that cannot be closed by its content. */
function luaString(s: string): string {
  let eq = '=';
  while (s.includes(`]${eq}]`)) eq += '=';
  return `[${eq}[${s}]${eq}]`;
}

/** wrk with one thread (each thread has its own Lua state) cycling the pool; the summary comes back as JSON. */
async function runWrk(
  port: number,
  pool: readonly SignedRequest[],
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'vram-wrk-'));
  const script = join(dir, 'pool.lua');
  const requests = pool.map((r) => {
    // wrk.format adds no Host header when given headers, and Node answers 400 to HTTP/1.1 without one.
    const headers = Object.entries({ host: `127.0.0.1:${port}`, ...r.headers })
      .map(([k, v]) => `[ ${luaString(k)} ] = ${luaString(String(v))}`)
      .join(',');
    return `wrk.format("POST", ${luaString(r.path)}, {${headers}}, ${luaString(r.body)})`;
  });
  writeFileSync(
    script,
    `local reqs = {${requests.join(',\n')}}
local i = 0
request = function()
  i = i + 1
  if i > #reqs then i = 1 end
  return reqs[i]
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('JSON {"requests":%d,"duration_us":%d,"errors":%d,"timeouts":%d,"non2xx":%d,"p50":%f,"p99":%f,"max":%f}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write, e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
`,
  );
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        'wrk',
        [
          '-t1',
          `-c${connections}`,
          `-d${seconds}s`,
          '--timeout',
          '5s',
          '-s',
          script,
          `http://127.0.0.1:${port}`,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    const line = out.split('\n').find((l) => l.startsWith('JSON '));
    if (!line) throw new Error(`wrk printed no summary: ${out.slice(0, 200)}`);
    const j = JSON.parse(line.slice(5)) as {
      requests: number;
      duration_us: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      p50: number;
      p99: number;
      max: number;
    };
    return {
      requests: { average: j.requests / (j.duration_us / 1e6), total: j.requests },
      latency: { p50: j.p50, p99: j.p99, max: j.max },
      errors: j.errors,
      timeouts: j.timeouts,
      non2xx: j.non2xx,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
