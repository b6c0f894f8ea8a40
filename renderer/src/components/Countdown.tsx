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
 * Rendering reads no clock: the timing and the first values are set before the browser paints.
 */
export function Countdown({ validFromMs, validUntilMs }: CountdownProps) {
  const barRef = useRef<HTMLDivElement>(null);
  const fillRef = useRef<HTMLDivElement>(null);
  const periodS = Math.round((validUntilMs - validFromMs) / 1000);

  useLayoutEffect(() => {
    const bar = barRef.current;
    const fill = fillRef.current;
    if (bar === null || fill === null) return;
    const timing = barAnimationTiming(validFromMs, validUntilMs, Date.now());
    fill.style.animationDuration = timing.duration;
    fill.style.animationDelay = timing.delay;
    let last: number | undefined;
    return subscribeToSeconds((at) => {
      const { secondsLeft, elapsed } = windowAt(validFromMs, validUntilMs, at);
      if (secondsLeft === last) return;
      last = secondsLeft;
      bar.setAttribute('aria-valuenow', String(secondsLeft));
      bar.setAttribute('aria-valuetext', secondsLeftText(secondsLeft));
      fill.style.setProperty('background-color', rgb(countdownColour(elapsed)));
    });
  }, [validFromMs, validUntilMs]);

  return (
    <div
      ref={barRef}
      className="countdown"
      role="progressbar"
      aria-label="Time left"
      aria-valuemin={0}
      aria-valuemax={periodS}
    >
      <div ref={fillRef} className="countdown-fill" />
    </div>
  );
}
