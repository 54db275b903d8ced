/**
 * A lookup table without a prototype, so user words like "constructor" or "__proto__" find nothing
 * instead of Object.prototype's members.
 */
export function dict<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
