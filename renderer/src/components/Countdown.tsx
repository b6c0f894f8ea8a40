import { forwardRef } from 'react';
import { barAnimationTiming } from '../lib/countdown';

interface CountdownProps {
  validFromMs: number;
  validUntilMs: number;
}

/**
 * The countdown bar: one CSS animation (transform + colour) whose duration is the period and whose
 * negative delay is the time already elapsed, so it needs no script per frame. aria-valuenow and
 * aria-valuetext are written by the row's subscription to the shared ticker, not by React.
 */
export const Countdown = forwardRef<HTMLDivElement, CountdownProps>(function Countdown(
  { validFromMs, validUntilMs },
  ref,
) {
  const timing = barAnimationTiming(validFromMs, validUntilMs, Date.now());
  const periodS = Math.round((validUntilMs - validFromMs) / 1000);
  return (
    <div
      ref={ref}
      className="countdown"
      role="progressbar"
      aria-label="Time left"
      aria-valuemin={0}
      aria-valuemax={periodS}
    >
      <div
        className="countdown-fill"
        style={{ animationDuration: timing.duration, animationDelay: timing.delay }}
      />
    </div>
  );
});
