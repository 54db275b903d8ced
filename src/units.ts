// Bytes inside, GiB (2^30) on screen. Marketed GPU sizes ("24 GB") are GiB-sized memories.
export const KIB = 1024;
export const MIB = 1024 ** 2;
export const GIB = 1024 ** 3;

/** Bytes to a GiB figure for display: 2 decimals below 10 GiB, 1 above. Always labelled. */
export function gib(bytes: number): string {
  const v = bytes / GIB;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)} GiB`;
}

/** A range with the unit once: "13.3-16.3 GiB" (every answer writes its band this way). */
export function gibRange(low: number, high: number): string {
  return `${gib(low).slice(0, -' GiB'.length)}-${gib(high)}`;
}

/** Bare number (no unit) in GiB, for tables whose header carries the unit. */
export function gibNumber(bytes: number, digits = 1): string {
  return (bytes / GIB).toFixed(digits);
}

/** Token counts: 8192 -> "8k", 131072 -> "128k", 2049 -> "2049". */
export function tokens(n: number): string {
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024}k`;
  // Multiples of 256 read (and parse back) as e.g. "33.5k" or "17.25k".
  if (n >= 1024 && n % 256 === 0) return `${n / 1024}k`;
  return String(n);
}

/** Parameter counts: 8.03e9 -> "8.03B", 494e6 -> "494M". */
export function paramCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(n >= 100e9 ? 0 : 2)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(0)}M`;
  return `${Math.round(n / 1e3)}K`;
}
