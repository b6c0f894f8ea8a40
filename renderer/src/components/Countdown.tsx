import { useLayoutEffect, useRef } from 'react';
import { barAnimationTiming, countdownColour, secondsLeftText, windowAt } from '../lib/countdown';
import { subscribeToSeconds } from '../lib/ticker';

interface CountdownProps {
  validFromMs: number;
  validUntilMs: number;
}

const rgb = (c: readonly number[]) => `rgb(${c.join(' ')})`;

/**
 * The countdown bar. The shrink is one CSS transform animation (period as duration, negative delay
 * for the time already gone) that the compositor runs without the main thread. The colour and the
 * announced seconds change once a second from the shared ticker, so nothing repaints per frame.
 */
export function Countdown({ validFromMs, validUntilMs }: CountdownProps) {
  const barRef = useRef<HTMLDivElement>(null);
  const fillRef = useRef<HTMLDivElement>(null);
  const now = Date.now();
  const timing = barAnimationTiming(validFromMs, validUntilMs, now);
  const first = windowAt(validFromMs, validUntilMs, now);
  const periodS = Math.round((validUntilMs - validFromMs) / 1000);

  const rendered = first.secondsLeft;
  useLayoutEffect(() => {
    // The first call repeats what React just rendered: skip it (a mount then writes no attributes).
    let last = rendered;
    return subscribeToSeconds((at) => {
      const { secondsLeft, elapsed } = windowAt(validFromMs, validUntilMs, at);
      if (secondsLeft === last) return;
      last = secondsLeft;
      barRef.current?.setAttribute('aria-valuenow', String(secondsLeft));
      barRef.current?.setAttribute('aria-valuetext', secondsLeftText(secondsLeft));
      fillRef.current?.style.setProperty('background-color', rgb(countdownColour(elapsed)));
    });
  }, [validFromMs, validUntilMs, rendered]);

  return (
    <div
      ref={barRef}
      className="countdown"
      role="progressbar"
      aria-label="Time left"
      aria-valuemin={0}
      aria-valuemax={periodS}
      aria-valuenow={first.secondsLeft}
      aria-valuetext={secondsLeftText(first.secondsLeft)}
    >
      <div
        ref={fillRef}
        className="countdown-fill"
        style={{
          animationDuration: timing.duration,
          animationDelay: timing.delay,
          backgroundColor: rgb(countdownColour(first.elapsed)),
        }}
      />
    </div>
  );
}
