/** Seconds before the end of a period during which the next code is shown beside the current one. */
export const NEXT_CODE_LEAD_SECONDS = 5;

/**
 * Where a TOTP window stands at `nowMs`: whole seconds left (ceil) and the fraction elapsed (0…1).
 * Periodic like the bar's animation, so a snapshot a moment stale still counts the wall clock's period.
 */
export function windowAt(validFromMs: number, validUntilMs: number, nowMs: number) {
  const periodMs = Math.max(1, validUntilMs - validFromMs);
  const intoMs = (((nowMs - validFromMs) % periodMs) + periodMs) % periodMs;
  const leftMs = periodMs - intoMs;
  return { secondsLeft: Math.ceil(leftMs / 1000), elapsed: intoMs / periodMs };
}

/**
 * CSS timing that makes one infinite keyframe animation track the period exactly: duration is
 * the period and a negative delay starts it part-way through, so no script runs per frame.
 */
export function barAnimationTiming(validFromMs: number, validUntilMs: number, nowMs: number) {
  const periodMs = Math.max(1, validUntilMs - validFromMs);
  const elapsedMs = (((nowMs - validFromMs) % periodMs) + periodMs) % periodMs;
  return { duration: `${periodMs}ms`, delay: `${-elapsedMs}ms` };
}

/** What the countdown progressbar announces: "12 seconds left". */
export function secondsLeftText(secondsLeft: number): string {
  return secondsLeft === 1 ? '1 second left' : `${secondsLeft} seconds left`;
}

/**
 * Colour stops of the countdown (fraction of the period elapsed → colour). The bar takes the
 * colour once a second from the shared ticker (components/Countdown.tsx), not from a CSS
 * animation, so the colour change never repaints per frame.
 */
export const COUNTDOWN_STOPS = [
  { at: 0, rgb: [22, 163, 74] },
  { at: 0.6, rgb: [217, 140, 6] },
  { at: 1, rgb: [220, 38, 38] },
] as const;

/** The countdown colour at a fraction elapsed, interpolated in sRGB between the stops. */
export function countdownColour(elapsed: number): [number, number, number] {
  const f = Math.min(1, Math.max(0, elapsed));
  let a: (typeof COUNTDOWN_STOPS)[number] = COUNTDOWN_STOPS[0];
  for (const b of COUNTDOWN_STOPS) {
    if (f <= b.at && b !== a) {
      const t = (f - a.at) / (b.at - a.at);
      const mix = (k: 0 | 1 | 2) => Math.round(a.rgb[k] + (b.rgb[k] - a.rgb[k]) * t);
      return [mix(0), mix(1), mix(2)];
    }
    a = b;
  }
  return [...a.rgb];
}
