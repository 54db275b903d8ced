// Draws a ChartData (src/chart-data.ts) as a PNG: Apache ECharts builds the chart as SVG in Node (server-side
// rendering, https://echarts.apache.org/handbook/en/how-to/cross-platform/server/ : init(null, null,
// { renderer: 'svg', ssr: true, width, height }) then renderToSVGString()), and resvg rasterizes it
// (@resvg/resvg-js, https://github.com/thx/resvg-js : `new Resvg(svg, { font: { loadSystemFonts: false,
// fontFiles, defaultFontFamily } }).render().asPng()`) with the font the project ships (chart-font.ts), so
// the text looks the same on every machine and needs no system fonts.
//
// Synchronous and CPU-bound: adapters call it through chart.ts, which runs it on a worker thread.
//
// Looks: an opaque card background, dark or light. The bot cannot know each reader's Discord/Slack theme
// (the same PNG is shown to everyone), and a transparent PNG drawn for one theme loses its text and
// anti-aliasing on the other; an opaque card reads on both, like a screenshot. Component colours are the
// mid-tone Tableau 10 palette, readable on either card. Limits are dashed lines in the text colour with
// their labels on a background box, placed so that no two labels overlap.
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { contextTick, type ChartData } from '../../src/chart-data.ts';
import type { ComponentId } from '../../src/estimate.ts';
import { GIB, gib } from '../../src/units.ts';
import { FONT_FAMILY, readMetrics, textMeasurer, type ChartFonts } from './chart-font.ts';

echarts.use([
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  SVGRenderer,
]);

export type ChartTheme = 'dark' | 'light';

export interface RenderOptions {
  theme: ChartTheme;
  width: number;
  height: number;
  fonts: ChartFonts;
}

interface Palette {
  background: string;
  text: string;
  muted: string;
  grid: string;
  /** Behind limit labels, so they stay legible over the coloured areas. */
  labelBox: string;
}

const THEMES: Record<ChartTheme, Palette> = {
  // Close to Discord's dark embed and Slack's dark message background, one step darker so the card shows.
  dark: { background: '#1e1f22', text: '#ecedef', muted: '#a3a6ad', grid: '#383a40', labelBox: '#1e1f22cc' },
  light: { background: '#ffffff', text: '#1f2328', muted: '#5c6370', grid: '#e4e6ea', labelBox: '#ffffffcc' },
};

/** Tableau 10 (mid-tone): fixed parts in cool colours, what grows with the context in warm ones. */
const COLORS: Record<ComponentId, string> = {
  weights: '#4e79a7',
  vision: '#b07aa1',
  adapter: '#ff9da7',
  optimizer: '#9c755f',
  state: '#76b7b2',
  overhead: '#8e8a86',
  gradients: '#e15759',
  logits: '#f28e2b',
  activations: '#59a14f',
  kv_cache: '#edc948',
};

// Layout in pixels (at the default 1000 x 560; scaled with the height).
// Sized to stay legible when a chat client shows the image at half its width (~500 px on a phone or in a thread).
const FONT = { title: 20, subtitle: 16, axis: 17, label: 17, legend: 17 };
const GRID = { left: 84, right: 28, top: 100, bottom: 106 };
const LABEL_HEIGHT = 25;

let measurerFor: string | undefined;

/** Points ECharts' text measurement at the shipped font (once per font pair). */
function useFonts(fonts: ChartFonts): void {
  const key = `${fonts.regular}\n${fonts.bold}`;
  if (measurerFor === key) return;
  for (const f of [fonts.regular, fonts.bold]) {
    if (!existsSync(f)) throw new Error(`chart font missing: ${f}`);
  }
  echarts.setPlatformAPI({ measureText: textMeasurer(readMetrics(fonts.regular), readMetrics(fonts.bold)) });
  measurerFor = key;
}

/** x-axis ticks: 0, 8k, 32k, 128k, 2M. */
const tick = (n: number): string => (n === 0 ? '0' : contextTick(n));

/** A 1-2-5 step giving about 5 gridlines, and the axis top as a whole number of steps. */
function yScale(maxGiB: number): { max: number; step: number } {
  const raw = Math.max(maxGiB, 1) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  return { max: Math.ceil(maxGiB / step) * step, step };
}

type LabelPosition = 'insideEndTop' | 'insideEndBottom' | 'insideStartTop' | 'insideStartBottom';

/**
 * Label places for the limit lines, lowest line first: above the line at the right end, else below it,
 * else the same at the left end; a label is skipped (its line stays) when all four collide.
 */
function placeLabels(ys: number[]): Array<LabelPosition | null> {
  const taken: Array<{ side: 'start' | 'end'; top: number }> = [];
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => b.y - a.y);
  const out = new Array<LabelPosition | null>(ys.length).fill(null);
  for (const { y, i } of order) {
    const tries: Array<[LabelPosition, 'start' | 'end', number]> = [
      ['insideEndTop', 'end', y - LABEL_HEIGHT],
      ['insideEndBottom', 'end', y],
      ['insideStartTop', 'start', y - LABEL_HEIGHT],
      ['insideStartBottom', 'start', y],
    ];
    const free = tries.find(
      ([, side, top]) => !taken.some((t) => t.side === side && Math.abs(t.top - top) < LABEL_HEIGHT),
    );
    if (free) {
      out[i] = free[0];
      taken.push({ side: free[1], top: free[2] });
    }
  }
  return out;
}

/** The ECharts option for a chart (exported for tests: the layout decisions are visible here). */
export function chartOption(data: ChartData, theme: ChartTheme, width: number, height: number) {
  const c = THEMES[theme];
  const scale = height / 560;
  const grid = {
    left: GRID.left,
    right: GRID.right,
    top: Math.round(GRID.top * scale),
    bottom: Math.round(GRID.bottom * scale),
  };
  const maxTotal = Math.max(...data.totals);
  const maxLimit = Math.max(0, ...data.limits.map((l) => l.usableBytes));
  const y = yScale((Math.max(maxTotal, maxLimit) / GIB) * 1.08);
  const plotHeight = height - grid.top - grid.bottom;
  const yPixel = (bytes: number) => grid.top + (1 - bytes / GIB / y.max) * plotHeight;
  const positions = placeLabels(data.limits.map((l) => yPixel(l.usableBytes)));
  const perCard = data.cards > 1 ? ' per card' : '';
  // The asked marker's label sits above the plot; near either edge it hangs inward so it is not cut off.
  const xFraction = (x: number) => x / data.xMax;
  const hang = (x: number) =>
    xFraction(x) > 0.7 ? ('right' as const) : xFraction(x) < 0.3 ? ('left' as const) : ('center' as const);
  const askedIndex = data.contexts.indexOf(data.asked.context);

  const text = { fontFamily: FONT_FAMILY, color: c.text };
  const stacked = data.series.map((s) => ({
    type: 'line' as const,
    name: s.label,
    stack: 'memory',
    symbol: 'none',
    color: COLORS[s.id],
    lineStyle: { width: 1, color: COLORS[s.id] },
    areaStyle: { color: COLORS[s.id], opacity: 0.92 },
    data: data.contexts.map((x, i) => [x, s.bytes[i]! / GIB]),
  }));
  const markers = {
    type: 'line' as const,
    name: 'limits',
    symbol: 'none',
    data: [] as number[][],
    silent: true,
    markLine: {
      symbol: 'none',
      silent: true,
      data: [
        ...data.limits.map((l, i) => ({
          yAxis: l.usableBytes / GIB,
          lineStyle: { type: 'dashed' as const, width: l.asked ? 2 : 1.5, color: c.text, opacity: 0.9 },
          label: {
            show: positions[i] !== null,
            position: positions[i] ?? 'insideEndTop',
            formatter: l.label,
            ...text,
            fontSize: FONT.label,
            fontWeight: l.asked ? ('bold' as const) : ('normal' as const),
            backgroundColor: c.labelBox,
            padding: [2, 4],
            borderRadius: 3,
          },
        })),
        {
          xAxis: data.asked.context,
          lineStyle: { type: 'dotted' as const, width: 2, color: c.text },
          label: {
            position: 'end' as const,
            align: hang(data.asked.context),
            formatter: `asked ${contextTick(data.asked.context)} · ${gib(data.asked.totalBytes)}${perCard}`,
            ...text,
            fontSize: FONT.label,
            fontWeight: 'bold' as const,
          },
        },
        // Past the trained context the model is extrapolating (RoPE scaling): a faint line says where.
        ...(data.trainedContext < data.xMax && data.trainedContext !== data.asked.context
          ? [
              {
                xAxis: data.trainedContext,
                lineStyle: { type: 'dotted' as const, width: 1.5, color: c.muted },
                label: {
                  position: 'insideEndTop' as const,
                  formatter: `trained ${contextTick(data.trainedContext)}`,
                  fontFamily: FONT_FAMILY,
                  color: c.muted,
                  fontSize: FONT.label,
                },
              },
            ]
          : []),
      ],
    },
    markPoint: {
      silent: true,
      symbol: 'circle',
      symbolSize: 9,
      label: { show: false },
      data: [
        ...data.limits
          .filter((l) => l.maxContext !== null && l.maxContext < data.xMax && l.maxContext > 1)
          .map((l) => ({
            coord: [l.maxContext!, l.usableBytes / GIB],
            itemStyle: { color: c.background, borderColor: c.text, borderWidth: 2 },
          })),
        ...(askedIndex >= 0
          ? [
              {
                coord: [data.asked.context, data.asked.totalBytes / GIB],
                itemStyle: { color: c.text, borderColor: c.background, borderWidth: 1.5 },
              },
            ]
          : []),
      ],
    },
  };

  // Under the title: the split/batch words, then where the asked hardware runs out.
  const askedLimits = data.limits.filter((l) => l.asked);
  const reach =
    askedLimits.length === 1
      ? reachText(askedLimits[0]!, data)
      : `memory by component (stacked) vs ${data.contextWord} length`;
  const subtitle = [data.subtitle, reach].filter((t) => t).join(' · ');

  return {
    backgroundColor: c.background,
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, color: c.text },
    title: {
      text: data.title,
      subtext: subtitle,
      left: 16,
      top: 10,
      // A long model and format name is cut with an ellipsis rather than run off the image.
      textStyle: {
        ...text,
        fontSize: FONT.title,
        fontWeight: 'bold' as const,
        width: width - 32,
        overflow: 'truncate' as const,
      },
      subtextStyle: {
        fontFamily: FONT_FAMILY,
        color: c.muted,
        fontSize: FONT.subtitle,
        width: width - 32,
        overflow: 'truncate' as const,
      },
      itemGap: 8,
    },
    legend: {
      bottom: 10,
      left: 'center',
      icon: 'roundRect',
      itemWidth: 14,
      itemHeight: 14,
      itemGap: 18,
      data: data.series.map((s) => s.label),
      textStyle: { ...text, fontSize: FONT.legend },
    },
    grid,
    xAxis: {
      type: 'value' as const,
      min: 0,
      max: data.xMax,
      interval: data.tickStep,
      name: `${data.contextWord} (tokens)`,
      nameLocation: 'middle' as const,
      nameGap: 30,
      nameTextStyle: { ...text, fontSize: FONT.axis },
      axisLine: { lineStyle: { color: c.muted } },
      axisTick: { lineStyle: { color: c.muted } },
      axisLabel: { ...text, color: c.muted, fontSize: FONT.axis, formatter: tick },
      splitLine: { show: true, lineStyle: { color: c.grid } },
    },
    yAxis: {
      type: 'value' as const,
      min: 0,
      max: y.max,
      interval: y.step,
      name: `GPU memory${perCard} (GiB)`,
      nameLocation: 'middle' as const,
      nameGap: 46,
      nameTextStyle: { ...text, fontSize: FONT.axis },
      axisLine: { show: true, lineStyle: { color: c.muted } },
      axisLabel: { ...text, color: c.muted, fontSize: FONT.axis },
      splitLine: { lineStyle: { color: c.grid } },
    },
    series: [...stacked, markers],
  };
}

function reachText(l: ChartData['limits'][number], data: ChartData): string {
  const on = `${data.cards > 1 ? `${data.cards}x ` : ''}${l.name}`;
  const top = Math.max(data.trainedContext, data.asked.context);
  if (l.maxContext === null) return `does not fit on ${on} at any ${data.contextWord} length`;
  if (l.maxContext >= top) return `fits on ${on} up to ${contextTick(top)} tokens`;
  return `fits on ${on} up to ${contextTick(l.maxContext)} tokens`;
}

/** SVG text of the chart (ECharts SSR). */
export function renderSvg(data: ChartData, opts: RenderOptions): string {
  useFonts(opts.fonts);
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: opts.width,
    height: opts.height,
  });
  try {
    chart.setOption(chartOption(data, opts.theme, opts.width, opts.height));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The PNG bytes of the chart. Throws when the fonts are missing or either library fails. */
export function renderPng(data: ChartData, opts: RenderOptions): Buffer {
  const svg = renderSvg(data, opts);
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [opts.fonts.regular, opts.fonts.bold],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}
