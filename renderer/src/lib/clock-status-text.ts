import { clockSentence } from '../../../shared/clock-offset';
import type { ClockStatus } from '../../../shared/ipc/shapes';

/** What the Settings screen says about the clock: the last measurement, or why there is none. */
export function clockStatusText(clock: ClockStatus): string {
  if (clock.refusedCode !== null)
    return `${clock.server} asked Keyfob to stop asking (${clock.refusedCode}). Choose another time server.`;
  if (clock.measurement === null)
    return `No answer from ${clock.server} yet. Keyfob asks at start, every 6 hours and after sleep.`;
  const { offsetMs, delayMs } = clock.measurement;
  const used = clock.corrected ? ' Codes use the corrected time.' : '';
  return `${clockSentence(offsetMs)} (round trip ${Math.round(delayMs)} ms).${used}`;
}
