// Estimates against published measurements (test/fixtures/calibration.csv: the rows of
// ../shared/calibration/measurements.csv that carry a query; see that folder's README for what each
// reading includes and how `compare` maps it to the estimate).
import { describe, expect, it } from 'vitest';
import { comparableBytes, comparableRange, median, relativeError } from '../src/compare.ts';
import { calibrationWords, FIXTURE_CSV, loadCalibration } from '../scripts/calibration-data.ts';
import { report } from './helpers.ts';

// The project's words for what the rows' framework / settings columns say (test/fixtures/calibration-words.csv).
const words = calibrationWords();
const rows = loadCalibration(FIXTURE_CSV).rows.map((r) =>
  words.has(r.id) ? { ...r, query: `${r.query} ${words.get(r.id)}` } : r,
);

/**
 * Tolerances, stated: every row within -15% / +20%; Qwen3's benchmark (unit and counter unverified) +30%;
 * TT16's ablation step also fuses the 8-bit AdamW step into backward with torchao's optimizer, whose states
 * its counter reads above bitsandbytes' 2 bytes per parameter: -20%.
 */
const TOLERANCE: Record<string, [number, number]> = { 'QW3-07': [-0.15, 0.3], TT16: [-0.2, 0.2] };
const DEFAULT_TOLERANCE: [number, number] = [-0.15, 0.2];

const results = rows.map((r) => {
  const rep = report(r.query);
  const bytes = comparableBytes(rep, r.compare);
  const range = comparableRange(rep, r.compare);
  if (bytes === undefined || range === undefined)
    throw new Error(`${r.id}: the report has nothing to compare with ${r.compare}`);
  const measured = r.measuredGiB * 2 ** 30;
  return {
    ...r,
    error: relativeError(bytes, r.measuredGiB),
    inside: range[0] <= measured && measured <= range[1],
    width: (range[1] - range[0]) / bytes,
  };
});

describe('calibration against published measurements', () => {
  it('has the rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  for (const r of results) {
    const [lo, hi] = TOLERANCE[r.id] ?? DEFAULT_TOLERANCE;
    it(`${r.id} within ${lo * 100}%/+${hi * 100}% of ${r.measuredGiB} GiB (${r.query})`, () => {
      expect(r.error).toBeGreaterThanOrEqual(lo);
      expect(r.error).toBeLessThanOrEqual(hi);
    });
  }

  // The bar of the accuracy issue: median |error| <= 5%, 90% within 20%, 75% within 10%, under -15% at most
  // 1 in 20, the measured value inside low..high in 85% of rows with a median width <= 25% of the estimate.
  it('median |error| <= 5%; 75% within 10%; 90% within 20%; under -15% at most 1 in 20', () => {
    const abs = results.map((r) => Math.abs(r.error));
    expect(median(abs)).toBeLessThanOrEqual(0.05);
    expect(abs.filter((e) => e <= 0.1).length / abs.length).toBeGreaterThanOrEqual(0.75);
    expect(abs.filter((e) => e <= 0.2).length / abs.length).toBeGreaterThanOrEqual(0.9);
    expect(results.filter((r) => r.error < -0.15).length / results.length).toBeLessThanOrEqual(1 / 20);
  });

  it('the range holds the measured value in 85% of rows, with a median width <= 25% of the estimate', () => {
    expect(results.filter((r) => r.inside).length / results.length).toBeGreaterThanOrEqual(0.85);
    expect(median(results.map((r) => r.width))).toBeLessThanOrEqual(0.25);
  });
});
