// Calibration rows: the shared measurements file when it is present (../shared/calibration), else the
// copy of its query rows kept in test/fixtures (so CI on a clean clone has them too).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.ts';

export interface CalibrationRow {
  id: string;
  query: string;
  compare: string;
  measuredGiB: number;
  whatMeasured: string;
  source: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_CSV = join(here, '../../shared/calibration/measurements.csv');
export const FIXTURE_CSV = join(here, '../test/fixtures/calibration.csv');

export const WORDS_CSV = join(here, '../test/fixtures/calibration-words.csv');

/**
 * Words the project adds to a row's query where the row's own columns (framework, other_settings) say what
 * the query language could not say when the rows were written (framework=torchtune, gc=offload, loss=full);
 * each with its reason in test/fixtures/calibration-words.csv.
 */
export function calibrationWords(): ReadonlyMap<string, string> {
  return new Map(parseCsv(readFileSync(WORDS_CSV, 'utf8')).map((r) => [r.id!, r.words!]));
}

export function loadCalibration(path?: string): { rows: CalibrationRow[]; file: string } {
  const file = path ?? (existsSync(SHARED_CSV) ? SHARED_CSV : FIXTURE_CSV);
  const rows = parseCsv(readFileSync(file, 'utf8'))
    .filter((r) => r.query && r.compare)
    .map((r) => ({
      id: r.id!,
      query: r.query!,
      compare: r.compare!,
      measuredGiB: Number(r.measured_gib),
      whatMeasured: r.what_measured ?? '',
      source: r.source ?? '',
    }));
  return { rows, file };
}
