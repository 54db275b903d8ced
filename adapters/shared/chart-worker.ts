// The chart worker thread: renders PNGs one message at a time (chart.ts owns the queue, the timeout and the
// restarts). A render takes ~60-110 ms of CPU (ECharts layout + resvg rasterization), which would stall every
// other answer if it ran on the bot's event loop. Compiled to dist/adapters/shared/chart-worker.js; under tsx
// or vitest chart.ts loads this .ts source through tsx's tsImport.
import { parentPort } from 'node:worker_threads';
import { defaultFonts, type ChartFonts } from './chart-font.ts';
import { renderPng, type ChartTheme } from './chart-render.ts';
import type { ChartData } from '../../src/chart-data.ts';

export interface ChartJob {
  id: number;
  data: ChartData;
  theme: ChartTheme;
  width: number;
  height: number;
  fonts?: ChartFonts;
}

export type ChartResult =
  { id: number; ok: true; png: Uint8Array } | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('chart-worker.ts runs as a worker thread');

let fonts: ChartFonts | undefined;

port.on('message', (job: ChartJob) => {
  let result: ChartResult;
  try {
    fonts ??= defaultFonts();
    const png = renderPng(job.data, {
      theme: job.theme,
      width: job.width,
      height: job.height,
      fonts: job.fonts ?? fonts,
    });
    result = { id: job.id, ok: true, png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) };
  } catch (err) {
    result = { id: job.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(result);
});
