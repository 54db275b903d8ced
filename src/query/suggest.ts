// "Did you mean": the nearest known word by edit distance. Only runs on the error path.

/** Damerau-free Levenshtein distance with an early exit once `max` is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate within a distance that grows with the word's length, if any. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const max = Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    // A candidate that starts with the word is a good guess for a truncated name.
    // The bound is bestD itself so an early exit (bound + 1) can never pose as a tie.
    const d = c.startsWith(w) && w.length >= 3 ? 1 : editDistance(w, c, bestD);
    if (d > bestD) continue;
    if (d < bestD || (best !== undefined && c.length < best.length)) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= max ? best : undefined;
}
