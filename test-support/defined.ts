/** `value`, or a failed test saying what was missing: for tests, where `!` would fail obscurely later. */
export function defined<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}
