// "Did you mean": the nearest known word by edit distance. Only runs on the error path, but an error
// reply should cost about as much as an answer, so the rows are reused and far candidates skipped.

let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

/** Levenshtein distance; returns max + 1 as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > prevRow.length) {
    prevRow = new Int32Array(b.length + 1);
    curRow = new Int32Array(b.length + 1);
  }
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}

/** The closest candidate within a distance that grows with the word's length, if any. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  // Two or three letters are too short to guess from: "ti" is not "t4".
  const max = w.length <= 3 ? 0 : Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - w.length) > bestD && !(w.length >= 3 && c.startsWith(w))) continue;
    // A candidate that starts with the word is a good guess for a truncated name. The bound is bestD itself
    // so an early exit (bound + 1) can never pose as a tie.
    const d = c.startsWith(w) && w.length >= 3 ? 1 : editDistance(w, c, bestD);
    if (d > bestD) continue;
    if (d < bestD || (best !== undefined && c.length < best.length)) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= max ? best : undefined;
}
