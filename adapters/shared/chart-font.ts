// The chart's font: DejaVu Sans, shipped by the `dejavu-fonts-ttf` npm package (TrueType; resvg reads TTF/OTF,
// not woff2), so a fresh machine renders the same text without system fonts. ECharts lays text out (legend
// spacing, label boxes) with `platformApi.measureText`; without a canvas in Node it falls back to a width
// table for a generic sans-serif and counts every non-ASCII character (the "·" in our labels) as 1 em. This
// module reads the real advance widths from the TTF (the `cmap` format 4 and `hmtx` tables, OpenType spec
// https://learn.microsoft.com/typography/opentype/spec/cmap and .../hmtx) and hands ECharts a measureText
// that matches what resvg draws (kerning aside), via echarts.setPlatformAPI.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_FAMILY = 'DejaVu Sans';

export interface ChartFonts {
  regular: string;
  bold: string;
}

/** The TTFs inside node_modules/dejavu-fonts-ttf (resolved from this file, so it works from dist/ too). */
export function defaultFonts(): ChartFonts {
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
}

export interface FontMetrics {
  /** Advance width of a character in em (1 = the font size); the .notdef width for unmapped characters. */
  advance(codePoint: number): number;
}

/** Reads cmap (format 4: the Basic Multilingual Plane) and hmtx from a TrueType file. Throws on anything else. */
export function readMetrics(path: string): FontMetrics {
  const buf = readFileSync(path);
  const tables = new Map<string, number>();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const at = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${path}: no ${tag} table`);
    return offset;
  };
  const unitsPerEm = buf.readUInt16BE(at('head') + 18);
  const numberOfHMetrics = buf.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const widthOf = (glyph: number): number =>
    buf.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1)) / unitsPerEm;

  // The Windows Unicode BMP subtable (platform 3, encoding 1), format 4.
  const cmap = at('cmap');
  let sub = -1;
  for (let i = 0; i < buf.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    if (buf.readUInt16BE(rec) === 3 && buf.readUInt16BE(rec + 2) === 1)
      sub = cmap + buf.readUInt32BE(rec + 4);
  }
  if (sub < 0 || buf.readUInt16BE(sub) !== 4) throw new Error(`${path}: no format-4 Unicode cmap`);
  const segCount = buf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  const glyphOf = (c: number): number => {
    for (let s = 0; s < segCount; s++) {
      if (c > buf.readUInt16BE(ends + 2 * s)) continue;
      const start = buf.readUInt16BE(starts + 2 * s);
      if (c < start) return 0;
      const delta = buf.readInt16BE(deltas + 2 * s);
      const ro = buf.readUInt16BE(rangeOffsets + 2 * s);
      if (ro === 0) return (c + delta) & 0xffff;
      const g = buf.readUInt16BE(rangeOffsets + 2 * s + ro + 2 * (c - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return {
    advance(codePoint) {
      let w = cache.get(codePoint);
      if (w === undefined) {
        w = widthOf(codePoint > 0xffff ? 0 : glyphOf(codePoint));
        cache.set(codePoint, w);
      }
      return w;
    },
  };
}

/** A measureText for ECharts' platform API: the CSS font string gives the size and the weight. */
export function textMeasurer(
  regular: FontMetrics,
  bold: FontMetrics,
): (text: string, font?: string) => { width: number } {
  return (text, font) => {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    const m = /\bbold(er)?\b|\b[6-9]00\b/.test(font ?? '') ? bold : regular;
    let em = 0;
    for (const ch of text ?? '') em += m.advance(ch.codePointAt(0)!);
    return { width: em * size };
  };
}
