// The "memory vs context" chart for the platforms: `renderChartPng(chartData(request, model))` gives a PNG
// (about 1000 x 560, 50-65 KB: far inside Discord's and Slack's attachment limits), `chartText` the same
// facts in a few lines for where an image cannot go.
//
// A render costs ~60-110 ms of CPU (ECharts SSR + resvg, see chart-render.ts), so it runs on one worker
// thread, started on the first chart and reused: the event loop keeps answering meanwhile. Jobs run one at
// a time; at most `maxQueue` wait (more are refused at once), each gets `timeoutMs` once it starts (a stuck
// worker is terminated and the next chart starts a fresh one). Every failure — font or library missing, a
// throw inside the renderer, a crashed or stuck worker, a full queue — rejects with ChartUnavailableError,
// so a caller falls back to `chartText` and the process never goes down with the chart.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChartFonts } from './chart-font.ts';
import type { ChartTheme } from './chart-render.ts';
import type { ChartJob, ChartResult } from './chart-worker.ts';
import type { ChartData } from '../../src/chart-data.ts';

export { chartText, type ChartData } from '../../src/chart-data.ts';
export type { ChartFonts, ChartTheme };

export class ChartUnavailableError extends Error {
  override name = 'ChartUnavailableError';
}

export interface ChartOptions {
  theme?: ChartTheme;
  width?: number;
  height?: number;
  /** Font files to draw with instead of the shipped DejaVu Sans (a deployment's own font; tests). */
  fonts?: ChartFonts;
}

export interface RendererOptions {
  /** Charts allowed to wait behind the one rendering; more are refused. */
  maxQueue?: number;
  /** Milliseconds a chart may take once it starts (the first one includes the worker's start). */
  timeoutMs?: number;
}

export const CHART_SIZE = { width: 1000, height: 560 } as const;
const SIZE_LIMITS = { min: 200, max: 2400 } as const;
/** How long charts are refused after the worker could not start. */
const BROKEN_MS = 30_000;

interface Pending {
  job: ChartJob;
  resolve(png: Buffer): void;
  reject(err: ChartUnavailableError): void;
}

/**
 * Each render leaves ~2 MiB of native pixels behind JS wrappers that only a garbage collection frees: a small
 * young generation collects them every few charts (RSS levels off instead of creeping up to ~230 MiB), and
 * a bounded old generation keeps a runaway render from taking the bot's memory (the worker dies, the chart
 * is refused, the next one starts a new worker).
 */
const LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };
/** The parent's node flags are not the worker's business (`--input-type` even makes a file worker fail). */
const WORKER_OPTIONS = { resourceLimits: LIMITS, execArgv: [] as string[] };

/**
 * The worker's entry point. Compiled (dist/), this file is chart.js and its sibling chart-worker.js runs as
 * is; from the TypeScript sources (tsx, vitest) the worker is a small bootstrap that loads chart-worker.ts
 * through tsx's API (a worker's `--import tsx` is not honoured by Node 20's loader in worker threads).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new Worker(new URL('./chart-worker.js', here), WORKER_OPTIONS);
  const tsx = tsxApi(here);
  const entry = new URL('./chart-worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}));`;
  return new Worker(boot, { ...WORKER_OPTIONS, eval: true });
}

/** tsx's ESM API (its CommonJS build cannot register the ESM loader from a worker). */
function tsxApi(here: string): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // A runner without import.meta.resolve: the path tsx's package.json exports for `import`.
    const dir = dirname(createRequire(here).resolve('tsx/package.json'));
    return pathToFileURL(join(dir, 'dist/esm/api/index.mjs')).href;
  }
}

export class ChartRenderer {
  private worker: Worker | null = null;
  private running: (Pending & { timer: NodeJS.Timeout }) | null = null;
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** A worker that died before its first chart (a library or font missing): refuse charts for a while. */
  private broken: { until: number; message: string } | null = null;
  private rendered = false;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  /** For tests and measurements: workers started so far. */
  starts = 0;

  constructor(opts: RendererOptions = {}) {
    this.maxQueue = opts.maxQueue ?? 8;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  render(data: ChartData, opts: ChartOptions = {}): Promise<Buffer> {
    const width = Math.round(opts.width ?? CHART_SIZE.width);
    const height = Math.round(opts.height ?? CHART_SIZE.height);
    if (this.closed) return Promise.reject(new ChartUnavailableError('chart renderer is closed'));
    if (![width, height].every((n) => n >= SIZE_LIMITS.min && n <= SIZE_LIMITS.max))
      return Promise.reject(
        new ChartUnavailableError(
          `chart size ${width}x${height} is outside ${SIZE_LIMITS.min}-${SIZE_LIMITS.max}`,
        ),
      );
    if (this.broken && performance.now() < this.broken.until)
      return Promise.reject(new ChartUnavailableError(this.broken.message));
    if (this.waiting.length >= this.maxQueue)
      return Promise.reject(new ChartUnavailableError('too many charts waiting; try again shortly'));
    const job: ChartJob = { id: this.nextId++, data, theme: opts.theme ?? 'dark', width, height };
    if (opts.fonts) job.fonts = opts.fonts;
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Ends the worker; charts still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    this.fail(new ChartUnavailableError('chart renderer is closed'));
    for (const p of this.waiting.splice(0)) p.reject(new ChartUnavailableError('chart renderer is closed'));
  }

  /** Starts the next waiting chart when none is running. */
  private pump(): void {
    if (this.running || this.closed) return;
    const next = this.waiting.shift();
    if (!next) {
      this.worker?.unref(); // idle: the worker must not keep the process alive
      return;
    }
    if (this.broken && performance.now() < this.broken.until) {
      next.reject(new ChartUnavailableError(this.broken.message));
      this.pump();
      return;
    }
    let worker: Worker;
    try {
      worker = this.worker ?? this.spawn();
    } catch (err) {
      next.reject(new ChartUnavailableError(`chart renderer unavailable: ${message(err)}`));
      this.pump();
      return;
    }
    worker.ref();
    const timer = setTimeout(
      () => this.fail(new ChartUnavailableError(`chart took longer than ${this.timeoutMs} ms`)),
      this.timeoutMs,
    );
    this.running = { ...next, timer };
    try {
      worker.postMessage(next.job);
    } catch (err) {
      // Data that cannot be copied to the worker: this chart fails, the worker is fine.
      clearTimeout(timer);
      this.running = null;
      next.reject(new ChartUnavailableError(`chart data cannot be sent: ${message(err)}`));
      this.pump();
    }
  }

  private spawn(): Worker {
    const worker = startWorker();
    this.starts++;
    worker.on('message', (r: ChartResult) => {
      const run = this.running;
      if (!run || run.job.id !== r.id) return;
      clearTimeout(run.timer);
      this.running = null;
      this.rendered = true;
      if (r.ok) run.resolve(Buffer.from(r.png.buffer, r.png.byteOffset, r.png.byteLength));
      else run.reject(new ChartUnavailableError(`chart failed: ${r.message}`));
      this.pump();
    });
    worker.on('error', (err) => {
      if (this.worker === worker)
        this.fail(new ChartUnavailableError(`chart renderer failed: ${message(err)}`));
    });
    worker.on('exit', (code) => {
      if (this.worker === worker)
        this.fail(new ChartUnavailableError(`chart renderer exited (code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  /** Rejects the running chart and drops the worker (the next chart starts a new one). */
  private fail(err: ChartUnavailableError): void {
    if (this.worker && !this.rendered && !this.closed)
      this.broken = { until: performance.now() + BROKEN_MS, message: err.message };
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    const run = this.running;
    this.running = null;
    if (run) {
      clearTimeout(run.timer);
      run.reject(err);
    }
    this.pump();
  }
}

function message(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]!.slice(0, 200);
}

let shared: ChartRenderer | undefined;

/** The chart as a PNG, rendered off the main thread. Rejects with ChartUnavailableError, never throws. */
export function renderChartPng(data: ChartData, opts?: ChartOptions): Promise<Buffer> {
  shared ??= new ChartRenderer();
  return shared.render(data, opts);
}

/** Ends the shared renderer's worker (for shutdown; the next renderChartPng starts a new renderer). */
export async function closeChartRenderer(): Promise<void> {
  const r = shared;
  shared = undefined;
  await r?.close();
}
