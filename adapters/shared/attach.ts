// The chart that goes with an answer, for every platform: drawn off the main thread (shared/chart.ts), or
// null when it cannot be (renderer or font missing, queue full, timeout) or is larger than the platform
// takes. The caller then sends the text answer with the chart in words and a short apology: never a crash.
import type { ChartData } from '../../src/chart-data.ts';
import { renderChartPng, type ChartTheme } from './chart.ts';
import { describeError } from './log.ts';
import type { PipelineLog } from './pipeline.ts';

export type DrawChart = (data: ChartData, opts: { theme: ChartTheme }) => Promise<Buffer>;

export async function chartPng(
  data: ChartData,
  how: { maxBytes: number; theme: ChartTheme; log: PipelineLog; draw?: DrawChart },
): Promise<Buffer | null> {
  try {
    const png = await (how.draw ?? renderChartPng)(data, { theme: how.theme });
    if (png.length <= how.maxBytes) return png;
    how.log.warn({ bytes: png.length, maxBytes: how.maxBytes }, 'chart larger than the platform takes');
    return null;
  } catch (err) {
    how.log.warn({ err: describeError(err) }, 'chart not drawn');
    return null;
  }
}
