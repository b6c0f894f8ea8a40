/** An offset beyond this (either way) gets the banner: a code works for about ±30 s at most. */
export const CLOCK_WARN_MS = 10_000;

/**
 * How far off a clock is, in words a person reads at a glance: "850 ms", "42 s", "2 min 14 s",
 * "3 h 5 min", "2 days 4 h". Rounded to the unit shown last; the sign is left out.
 */
export function offsetAmount(offsetMs: number): string {
  const ms = Math.round(Math.abs(offsetMs));
  if (ms < 1_000) return `${ms} ms`;
  const s = Math.round(ms / 1_000);
  if (s < 60) return `${s} s`;
  if (s < 3_600) return pair(Math.floor(s / 60), 'min', s % 60, 's');
  const min = Math.round(s / 60);
  if (min < 1_440) return pair(Math.floor(min / 60), 'h', min % 60, 'min');
  const h = Math.round(min / 60);
  const days = Math.floor(h / 24);
  return pair(days, days === 1 ? 'day' : 'days', h % 24, 'h');
}

/**
 * What a measured offset says about this computer's clock: "Your computer's clock is 2 min 14 s
 * slow". `offsetMs` is server time minus this clock (positive: this clock is behind, i.e. slow).
 */
export function clockSentence(offsetMs: number, whose = "Your computer's"): string {
  if (Math.abs(offsetMs) < 0.5) return `${whose} clock is right`;
  return `${whose} clock is ${offsetAmount(offsetMs)} ${offsetMs > 0 ? 'slow' : 'fast'}`;
}

function pair(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}
