// The "memory vs context" chart: the data agrees with the estimator and the fit, the PNG has the asked size
// and something drawn on it, and every failure of the renderer is a ChartUnavailableError.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { chartData, chartText, type ChartData } from '../src/chart-data.ts';
import { estimate } from '../src/estimate.ts';
import { buildReport } from '../src/report.ts';
import { parseDraft, toRequest } from '../src/query/parse.ts';
import {
  ChartRenderer,
  ChartUnavailableError,
  closeChartRenderer,
  renderChartPng,
} from '../adapters/shared/chart.ts';

function build(text: string) {
  const { request, model } = toRequest(parseDraft(text));
  return { request, model, data: chartData(request, model) };
}

afterAll(() => closeChartRenderer());

describe('chart data', () => {
  it('a dense model: totals never fall as the context grows, and the asked point is the estimate', () => {
    const { request, model, data } = build('13b int4 ctx=8192');
    expect(data.contexts[0]).toBe(1);
    expect(data.contexts[data.contexts.length - 1]).toBe(data.xMax);
    expect(data.xMax).toBeGreaterThanOrEqual(Math.max(model.maxContext, 8192));
    expect(data.contexts.length).toBeGreaterThanOrEqual(48);
    expect(data.contexts.length).toBeLessThanOrEqual(90);
    for (let i = 1; i < data.contexts.length; i++) {
      expect(data.contexts[i]!).toBeGreaterThan(data.contexts[i - 1]!);
      expect(data.totals[i]!).toBeGreaterThanOrEqual(data.totals[i - 1]!);
    }
    // The stack adds up to the totals, component by component, with the estimate's ids and labels.
    const e = estimate(request, model);
    data.contexts.forEach((_, i) => {
      expect(data.series.reduce((t, s) => t + s.bytes[i]!, 0)).toBeCloseTo(data.totals[i]!, 0);
    });
    for (const s of data.series) expect(e.components.find((c) => c.id === s.id)?.label).toBe(s.label);
    expect(data.series.map((s) => s.id)).toContain('kv_cache');

    expect(data.asked.context).toBe(8192);
    expect(data.contexts).toContain(8192);
    expect(data.asked.totalBytes).toBe(e.total.bytes);
    expect(data.totals[data.contexts.indexOf(8192)]).toBe(e.total.bytes);

    // No hardware named: a few common cards for scale, each labelled with its usable memory.
    expect(data.limits.length).toBeGreaterThan(0);
    expect(data.limits.length).toBeLessThanOrEqual(4);
    for (const l of data.limits) {
      expect(l.asked).toBe(false);
      expect(l.label).toMatch(/ · \d+\.\d+ GiB usable$/);
    }
  });

  it('the asked GPUs: one line, per-card memory, crossed where the fit says the context ends', () => {
    const { request, model, data } = build('llama 3.1 70b q4_k_m on 2x 3090 ctx=32k');
    const e = estimate(request, model);
    const report = buildReport(request, model);
    expect(data.cards).toBe(2);
    expect(data.subtitle).toMatch(/split over 2 cards/);
    expect(data.limits).toHaveLength(1);
    const [limit] = data.limits;
    expect(limit!.gpu).toBe('rtx-3090');
    expect(limit!.asked).toBe(true);
    expect(limit!.label).toBe('2x RTX 3090 · 24.0 GiB usable each');
    expect(limit!.maxContext).toBe(report.focus!.maxContext);
    expect(data.asked.totalBytes).toBeCloseTo(e.perCard(2), 0);
    // Every point is the fit's per-card figure.
    data.contexts.forEach((x, i) => expect(data.totals[i]!).toBeCloseTo(e.perCard(2, x), 0));
    // The line is crossed at the reported longest context: it fits there, not at the next point.
    const at = data.contexts.indexOf(limit!.maxContext!);
    expect(at).toBeGreaterThan(0);
    expect(data.totals[at]!).toBeLessThanOrEqual(limit!.usableBytes);
    expect(data.totals[at + 1]!).toBeGreaterThan(limit!.usableBytes);
  });

  it.each([
    'llama 3.1 8b full on 4x h100',
    'llama 3.1 8b lora on 2 gpus ctx=8k ddp',
    'llama 3.1 8b qlora on 2 gpus zero2',
  ])('training split over cards (%s): the stack is the fit per card, no part negative', (text) => {
    const { request, model, data } = build(text);
    const e = estimate(request, model);
    expect(data.cards).toBeGreaterThan(1);
    expect(data.contextWord).toBe('sequence');
    data.contexts.forEach((x, i) => {
      expect(data.totals[i]!).toBeCloseTo(e.perCard(data.cards, x), 0);
      for (const s of data.series) expect(s.bytes[i]!).toBeGreaterThanOrEqual(-1);
    });
  });

  it('a chip sold in several sizes: only the sizes that matter for the range', () => {
    const { data } = build('qwen3 32b on m3 max ctx=32k');
    expect(data.limits.length).toBeGreaterThan(0);
    expect(data.limits.length).toBeLessThan(5);
    expect(data.limits.every((l) => l.asked)).toBe(true);
    // The smallest size that holds the whole range is there.
    expect(data.limits.some((l) => l.usableBytes >= Math.max(...data.totals))).toBe(true);
  });

  it('the text fallback names totals and where each line is crossed', () => {
    const { data } = build('llama 3.1 70b q4_k_m on 2x 3090 ctx=32k');
    const text = chartText(data);
    expect(text.split('\n')[0]).toBe(`${data.title} (${data.subtitle})`);
    expect(text).toMatch(/32k \(asked\): \d+\.\d GiB/);
    expect(text).toContain('2x RTX 3090 (24.0 GiB usable each): fits up to 13k tokens');
  });
});

/** Pixels of a PNG, and how many differ from the top-left (background) pixel. */
function inspect(png: Buffer) {
  const img = PNG.sync.read(png);
  const colours = new Set<number>();
  let differing = 0;
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const rgb = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
    colours.add(rgb);
    if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) differing++;
  }
  return { width: img.width, height: img.height, colours: colours.size, drawn: differing / (d.length / 4) };
}

describe('chart PNG', () => {
  let data: ChartData;

  it('renders both themes at the asked size, with a chart drawn on them', async () => {
    data = build('13b int4 ctx=8192').data;
    for (const theme of ['dark', 'light'] as const) {
      const png = await renderChartPng(data, { theme });
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect(png.readUInt32BE(16)).toBe(1000);
      expect(png.readUInt32BE(20)).toBe(560);
      expect(png.length).toBeLessThan(1024 * 1024);
      const px = inspect(png);
      expect(px.width).toBe(1000);
      expect(px.colours).toBeGreaterThan(50);
      // The stacked areas alone cover about a third of the image.
      expect(px.drawn).toBeGreaterThan(0.25);
    }
    const small = await renderChartPng(data, { width: 640, height: 360 });
    expect([small.readUInt32BE(16), small.readUInt32BE(20)]).toEqual([640, 360]);
  });

  it('a missing font is a ChartUnavailableError, and the renderer keeps working', async () => {
    data ??= build('13b int4 ctx=8192').data;
    const failed = renderChartPng(data, {
      fonts: { regular: '/nonexistent/font.ttf', bold: '/nonexistent/b.ttf' },
    });
    await expect(failed).rejects.toBeInstanceOf(ChartUnavailableError);
    await expect(failed).rejects.toThrow(/font missing/);
    const png = await renderChartPng(data);
    expect(png.readUInt32BE(16)).toBe(1000);
  });

  it('refuses a size out of range and a full queue at once', async () => {
    data ??= build('13b int4 ctx=8192').data;
    await expect(renderChartPng(data, { width: 100_000 })).rejects.toBeInstanceOf(ChartUnavailableError);
    const r = new ChartRenderer({ maxQueue: 1 });
    try {
      const first = r.render(data); // starts at once
      const second = r.render(data); // waits
      const third = r.render(data); // over the bound
      await expect(third).rejects.toThrow(/too many charts waiting/);
      await expect(Promise.all([first, second])).resolves.toHaveLength(2);
      expect(r.starts).toBe(1); // one worker, reused
    } finally {
      await r.close();
    }
  });

  it('a chart that outlives its timeout is refused, and the stuck worker is dropped', async () => {
    data ??= build('13b int4 ctx=8192').data;
    const r = new ChartRenderer({ timeoutMs: 1 });
    try {
      await expect(r.render(data)).rejects.toThrow(/longer than 1 ms/);
      // A worker that never finished a chart marks the renderer broken for a while: refused at once.
      await expect(r.render(data)).rejects.toBeInstanceOf(ChartUnavailableError);
      expect(r.starts).toBe(1);
    } finally {
      await r.close();
    }
  });
});

// The compiled build starts its worker from chart-worker.js, not through tsx: checked in a plain node
// process against dist/ (`npm test` builds it first; skipped when there is no build).
const DIST = new URL('../dist/adapters/shared/chart.js', import.meta.url);
describe.skipIf(!existsSync(DIST))('chart from the compiled build', () => {
  it('renders through dist/ with plain node', async () => {
    const script = `
      const { parseDraft, toRequest } = await import(${JSON.stringify(new URL('../dist/src/query/parse.js', import.meta.url).href)});
      const { chartData } = await import(${JSON.stringify(new URL('../dist/src/chart-data.js', import.meta.url).href)});
      const { renderChartPng, closeChartRenderer } = await import(${JSON.stringify(DIST.href)});
      const { request, model } = toRequest(parseDraft('13b int4 ctx=8192'));
      const png = await renderChartPng(chartData(request, model));
      console.log(png.readUInt32BE(16), png.readUInt32BE(20), png.length);
      await closeChartRenderer();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      timeout: 60_000,
    });
    const [w, h, bytes] = stdout.trim().split(' ').map(Number);
    expect([w, h]).toEqual([1000, 560]);
    expect(bytes).toBeGreaterThan(10_000);
  });
});
