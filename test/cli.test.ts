// The command line contract of design 2.1: JSON shape, exit codes, error lines, human output width.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../adapters/cli.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GiB = 2 ** 30;

const REQUEST_KEYS = [
  'model',
  'format',
  'kvType',
  'context',
  'batch',
  'mode',
  'runtime',
  'flashAttention',
  'precision',
  'optimizer',
  'gradientCheckpointing',
  'accumulation',
  'lora',
  'gpu',
  'gpuCount',
  'visibility',
] as const;

interface JsonComponent {
  id: string;
  label: string;
  bytes: number;
  detail: string;
}
interface JsonFit {
  gpu: string;
  name: string;
  memoryBytes: number;
  usableBytes: number;
  count: number;
  verdict: string;
  headroomBytes: number;
  maxContext: number | null;
  tokensPerSecond: number | null;
}
interface JsonReport {
  query: Record<string, unknown>;
  total: { bytes: number; low: number; high: number };
  components: JsonComponent[];
  fits: JsonFit[];
  assumptions: string[];
  suggestions: string[];
}

function noStackTrace(text: string): void {
  expect(text).not.toContain('    at ');
  expect(text).not.toContain('.ts:');
}

/** stdout must be exactly one JSON value on one line, followed by a newline. */
function parseSingleJson(stdout: string): unknown {
  expect(stdout.endsWith('\n')).toBe(true);
  const body = stdout.slice(0, -1);
  expect(body).not.toContain('\n');
  return JSON.parse(body) as unknown;
}

describe('runCli --json (valid query)', () => {
  const result = runCli(['--json', 'llama-2-13b int4 ctx=8192']);
  const report = (result.code === 0 ? parseSingleJson(result.stdout) : undefined) as JsonReport;

  it('exits 0 with one JSON object and nothing on stderr', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(typeof report).toBe('object');
    expect(report).not.toBeNull();
    expect(Array.isArray(report)).toBe(false);
  });

  it('has exactly the top-level keys of the contract', () => {
    expect(Object.keys(report).sort()).toEqual([
      'assumptions',
      'components',
      'fits',
      'query',
      'suggestions',
      'total',
    ]);
    expect(Array.isArray(report.assumptions)).toBe(true);
    expect(report.assumptions.length).toBeGreaterThan(0);
    for (const a of report.assumptions) expect(typeof a).toBe('string');
    expect(Array.isArray(report.suggestions)).toBe(true);
    for (const s of report.suggestions) expect(typeof s).toBe('string');
  });

  it('total equals the sum of the components and lies inside its band', () => {
    const { bytes, low, high } = report.total;
    for (const n of [bytes, low, high]) expect(Number.isSafeInteger(n)).toBe(true);
    expect(bytes).toBe(report.components.reduce((s, c) => s + c.bytes, 0));
    expect(low).toBeLessThanOrEqual(bytes);
    expect(bytes).toBeLessThanOrEqual(high);
    expect(bytes).toBeGreaterThan(0);
  });

  it('every component has id, label, integer bytes and detail', () => {
    expect(report.components.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const c of report.components) {
      expect(Object.keys(c).sort()).toEqual(['bytes', 'detail', 'id', 'label']);
      expect(typeof c.id).toBe('string');
      expect(c.id.length).toBeGreaterThan(0);
      expect(typeof c.label).toBe('string');
      expect(c.label.length).toBeGreaterThan(0);
      expect(Number.isSafeInteger(c.bytes)).toBe(true);
      expect(c.bytes).toBeGreaterThanOrEqual(0);
      expect(typeof c.detail).toBe('string');
      expect(ids.has(c.id)).toBe(false);
      ids.add(c.id);
    }
    expect(ids.has('weights')).toBe(true);
    expect(ids.has('overhead')).toBe(true);
  });

  it('the KV cache of Llama-2-13B at 8192 tokens is exactly 6.25 GiB', () => {
    // 2 (K and V) x 40 heads x 128 head_dim x 2 bytes x 40 layers x 8192 tokens
    const kv = report.components.find((c) => c.id === 'kv_cache');
    expect(kv).toBeDefined();
    expect(2 * 40 * 128 * 2 * 40 * 8192).toBe(6.25 * GiB);
    expect(kv!.bytes).toBe(6.25 * GiB);
  });

  it('every fit row follows the contract', () => {
    expect(report.fits.length).toBeGreaterThan(0);
    for (const f of report.fits) {
      expect(typeof f.gpu).toBe('string');
      expect(f.gpu.length).toBeGreaterThan(0);
      expect(typeof f.name).toBe('string');
      expect(f.name.length).toBeGreaterThan(0);
      expect(Number.isSafeInteger(f.memoryBytes)).toBe(true);
      expect(Number.isSafeInteger(f.usableBytes)).toBe(true);
      expect(f.usableBytes).toBeGreaterThan(0);
      expect(f.usableBytes).toBeLessThanOrEqual(f.memoryBytes);
      expect(Number.isSafeInteger(f.count)).toBe(true);
      expect(['fits', 'tight', 'no']).toContain(f.verdict);
      expect(Number.isSafeInteger(f.headroomBytes)).toBe(true);
      if (f.verdict === 'fits') expect(f.headroomBytes).toBeGreaterThanOrEqual(0);
      expect(f.maxContext === null || Number.isSafeInteger(f.maxContext)).toBe(true);
      expect(
        f.tokensPerSecond === null ||
          (typeof f.tokensPerSecond === 'number' && Number.isFinite(f.tokensPerSecond)),
      ).toBe(true);
    }
    expect(new Set(report.fits.map((f) => f.gpu)).size).toBe(report.fits.length);
    expect(report.fits.some((f) => f.verdict === 'fits')).toBe(true);
  });

  it('the query has every default filled in', () => {
    for (const k of REQUEST_KEYS) {
      expect(report.query, `query.${k}`).toHaveProperty(k);
      expect(report.query[k], `query.${k}`).not.toBeUndefined();
    }
    expect(report.query).not.toHaveProperty('assumed');
    expect(report.query.model).toBe('llama-2-13b');
    expect(report.query.context).toBe(8192);
    expect(report.query.batch).toBe(1);
    expect(report.query.mode).toBe('inference');
    expect(report.query.kvType).toBe('fp16');
    expect(typeof report.query.runtime).toBe('string');
    expect(typeof report.query.format).toBe('string');
  });
});

describe('runCli invalid queries', () => {
  const INVALID = [
    'zzz-no-such-model q9',
    'llama-3-8b ctx=10000000000000000',
    'llama-3-8b batch=-3',
    '',
    '7b 8192',
  ];

  it.each(INVALID)('--json %j exits 2 with {"error":{"message"}} and one error: line', (q) => {
    const r = runCli(['--json', q]);
    expect(r.code).toBe(2);
    const parsed = parseSingleJson(r.stdout) as { error: { message: unknown } };
    expect(Object.keys(parsed)).toEqual(['error']);
    expect(Object.keys(parsed.error)).toEqual(['message']);
    expect(typeof parsed.error.message).toBe('string');
    expect((parsed.error.message as string).length).toBeGreaterThan(0);
    expect(r.stderr.endsWith('\n')).toBe(true);
    const lines = r.stderr.slice(0, -1).split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith('error:')).toBe(true);
    noStackTrace(r.stdout + r.stderr);
  });

  it.each(INVALID.filter((q) => q !== ''))(
    '%j without --json exits 2, stdout empty, one error: line',
    (q) => {
      const r = runCli([q]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith('\n')).toBe(true);
      const lines = r.stderr.slice(0, -1).split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith('error:')).toBe(true);
      noStackTrace(r.stderr);
    },
  );

  it('the error names the offending word', () => {
    expect(runCli(['zzz-no-such-model q9']).stderr).toContain('zzz-no-such-model');
    expect(runCli(['llama-3-8b batch=-3']).stderr).toContain('batch');
    expect(runCli(['7b 8192']).stderr).toContain('8192');
  });
});

describe('runCli human output', () => {
  it.each(['llama-2-13b int4 ctx=8192', 'llama-3.1-70b bf16 on a 4090', 'mistral-7b qlora rank=16'])(
    '%j prints a report in GiB within 100 columns',
    (q) => {
      const r = runCli([q]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('GiB');
      for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
      noStackTrace(r.stdout);
    },
  );

  it('accepts the query split over several argv words and a -- separator', () => {
    const joined = runCli(['--json', 'llama-2-13b int4 ctx=8192']);
    const split = runCli(['--json', '--', 'llama-2-13b', 'int4', 'ctx=8192']);
    expect(split.code).toBe(0);
    expect(split.stdout).toBe(joined.stdout);
  });
});

describe('the real script through npm (design 2.1)', () => {
  const npm = (args: string[]) =>
    spawnSync('npm', ['run', '-s', 'vram', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it(
    'npm run -s vram -- --json "llama-3.1-8b q4_k_m ctx=8k" exits 0 with one JSON object',
    { timeout: 60_000 },
    () => {
      const r = npm(['--json', 'llama-3.1-8b q4_k_m ctx=8k']);
      expect(r.error).toBeUndefined();
      expect(r.status, r.stderr).toBe(0);
      const report = parseSingleJson(r.stdout) as JsonReport;
      expect(report.query.model).toBe('llama-3.1-8b');
      expect(report.query.context).toBe(8192);
      expect(report.total.bytes).toBe(report.components.reduce((s, c) => s + c.bytes, 0));
    },
  );

  it('an invalid query exits 2 with one error: line', { timeout: 60_000 }, () => {
    const r = npm(['zzz-no-such-model q9']);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith('error:')).toBe(true);
    noStackTrace(r.stderr);
  });
});
