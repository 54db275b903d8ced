// `npm run calibrate [-- path/to/measurements.csv]`: estimate vs measured for every row with a query,
// then the error summary (median |error|, share within 30%, under-estimates beyond -15%).
import { parseQuery } from '../src/query/parse.ts';
import { buildReport } from '../src/report.ts';
import { comparableBytes, comparableRange, median, relativeError } from '../src/compare.ts';
import { GIB } from '../src/units.ts';
import { calibrationWords, loadCalibration } from './calibration-data.ts';

const { rows: written, file } = loadCalibration(process.argv.slice(2).find((a) => !a.startsWith('--')));
// `--as-written` compares the queries exactly as the file has them; by default the project's words for the
// row's framework and settings are added (test/fixtures/calibration-words.csv).
const asWritten = process.argv.includes('--as-written');
const extra = calibrationWords();
const rows = written.map((r) =>
  asWritten || !extra.has(r.id) ? r : { ...r, query: `${r.query} ${extra.get(r.id)}` },
);
console.log(`calibration: ${file}\n`);
console.log(
  `${'id'.padEnd(9)} ${'measured'.padStart(9)} ${'estimate'.padStart(9)} ${'error'.padStart(7)}  compare            query`,
);
const errors: number[] = [];
let inside = 0;
const widths: number[] = [];
for (const r of rows) {
  let line: string;
  try {
    const { request, model } = parseQuery(r.query);
    const est = comparableBytes(buildReport(request, model), r.compare);
    if (est === undefined) {
      line = `${r.id.padEnd(9)} ${r.measuredGiB.toFixed(3).padStart(9)} ${'-'.padStart(9)} ${'n/a'.padStart(7)}  ${r.compare.padEnd(18)} ${r.query}`;
    } else {
      const err = relativeError(est, r.measuredGiB);
      errors.push(err);
      const [lo, hi] = comparableRange(buildReport(request, model), r.compare)!;
      const measured = r.measuredGiB * GIB;
      if (lo <= measured && measured <= hi) inside++;
      widths.push((hi - lo) / est);
      line = `${r.id.padEnd(9)} ${r.measuredGiB.toFixed(3).padStart(9)} ${(est / GIB).toFixed(3).padStart(9)} ${`${(err * 100).toFixed(1)}%`.padStart(7)}  ${r.compare.padEnd(18)} ${r.query}`;
    }
  } catch (e) {
    line = `${r.id.padEnd(9)} query failed: ${(e as Error).message}`;
  }
  console.log(line);
}
const abs = errors.map(Math.abs);
const within30 = abs.filter((x) => x <= 0.3).length;
const under15 = errors.filter((x) => x < -0.15).length;
const over30 = errors.filter((x) => x > 0.3).length;
console.log(`\nrows compared: ${errors.length}`);
console.log(
  `median |error|: ${(median(abs) * 100).toFixed(1)}%   mean error: ${((errors.reduce((a, b) => a + b, 0) / errors.length) * 100).toFixed(1)}%`,
);
console.log(
  `within 30%: ${within30}/${errors.length} (${((within30 / errors.length) * 100).toFixed(0)}%)   over +30%: ${over30}   under -15%: ${under15}`,
);
const within = (x: number) => abs.filter((e) => e <= x).length;
console.log(
  `within 10%: ${within(0.1)}/${errors.length}   within 20%: ${within(0.2)}/${errors.length}   measured inside low..high: ${inside}/${errors.length} (${((inside / errors.length) * 100).toFixed(0)}%)   median width: ${(median(widths) * 100).toFixed(1)}% of the estimate`,
);
