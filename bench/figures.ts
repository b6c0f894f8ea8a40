/** How benchmarks report: one JSON line per figure, with its target and whether it was met. */

/** Median of a sample (mean of the middle two for even sizes), rounded to 0.1. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const m = s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  return Math.round(m * 10) / 10;
}

/** A target as printed, and whether `value` met it. */
export interface Check {
  target: number | string;
  ok: boolean;
}

/** An upper bound: met when `value` ≤ `max`. */
export function atMost(value: number, max: number): Check {
  return { target: max, ok: value <= max };
}

/**
 * Prints one figure as a JSON line: `{"metric","value"[, …beside],"unit"[,"target","ok"]}`, where
 * `beside` holds figures to read next to it (e.g. another decoder's on the same frames).
 */
export function emit(
  metric: string,
  value: number,
  unit: string,
  check?: Check,
  beside?: Record<string, number>,
): void {
  console.log(JSON.stringify({ metric, value, ...(beside ?? {}), unit, ...(check ?? {}) }));
}
