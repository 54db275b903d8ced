// Compare an estimate with a published measurement, as ../shared/calibration/README.md defines `compare`:
// `total`, `total-overhead` (PyTorch counters do not see the CUDA context), or `component:<id>`.
import { GIB } from './units.ts';

export interface Comparable {
  total: { bytes: number; low: number; high: number };
  components: ReadonlyArray<{
    id: string;
    bytes: number;
    low?: number;
    high?: number;
    outsideTorch?: boolean;
  }>;
}

/** The estimate's bytes that correspond to a reading, or undefined if the report has no such part. */
export function comparableBytes(report: Comparable, compare: string): number | undefined {
  if (compare === 'total') return report.total.bytes;
  // PyTorch's counters see neither the CUDA context nor CUDA managed memory (paged optimizer states).
  if (compare === 'total-overhead') {
    const unseen = report.components
      .filter((c) => c.id === 'overhead' || c.outsideTorch)
      .reduce((a, c) => a + c.bytes, 0);
    return report.total.bytes - unseen;
  }
  if (compare.startsWith('component:')) {
    return report.components.find((c) => c.id === compare.slice('component:'.length))?.bytes;
  }
  return undefined;
}

/** The estimate's low..high band for the same part (components carry their own band). */
export function comparableRange(report: Comparable, compare: string): [number, number] | undefined {
  if (compare === 'total') return [report.total.low, report.total.high];
  const band = (c: { bytes: number; low?: number; high?: number }): [number, number] => [
    c.low ?? c.bytes,
    c.high ?? c.bytes,
  ];
  if (compare === 'total-overhead') {
    let [lo, hi] = [report.total.low, report.total.high];
    for (const c of report.components) {
      if (c.id !== 'overhead' && !c.outsideTorch) continue;
      const [cl, ch] = band(c);
      lo -= cl;
      hi -= ch;
    }
    return [lo, hi];
  }
  if (compare.startsWith('component:')) {
    const c = report.components.find((x) => x.id === compare.slice('component:'.length));
    return c ? band(c) : undefined;
  }
  return undefined;
}

/** Signed relative error of an estimate against a measurement in GiB. */
export function relativeError(estimateBytes: number, measuredGiB: number): number {
  return (estimateBytes / GIB - measuredGiB) / measuredGiB;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}
