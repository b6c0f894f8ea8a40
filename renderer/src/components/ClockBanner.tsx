import { useEffect, useRef, useState } from 'react';
import { CLOCK_WARN_MS, clockSentence } from '../../../shared/clock-offset';
import { useClock } from '../hooks/useClock';
import { WarningIcon } from './Icons';
import '../styles/lock-clock.css';

interface ClockBannerProps {
  /** Called when codes now come from another time (corrected time turned on or off, a new offset). */
  onCodesMoved: () => void;
  /** Saves the "Use corrected time" setting (through the window's one settings state). */
  setCorrectedTime: (on: boolean) => Promise<void>;
}

/**
 * Shown when the time server says this computer's clock is off by more than 10 s: by how much, and
 * "Use corrected time" (or, with it on, that codes use it and how to go back). Nothing otherwise.
 */
export function ClockBanner({ onCodesMoved, setCorrectedTime }: ClockBannerProps) {
  const { value: clock } = useClock();
  const [busy, setBusy] = useState(false);
  const applied = clock?.corrected === true ? (clock.measurement?.offsetMs ?? 0) : 0;

  // Codes on screen were computed at the old time: fetch them again whenever it moves.
  const seen = useRef(applied);
  useEffect(() => {
    if (seen.current === applied) return;
    seen.current = applied;
    onCodesMoved();
  }, [applied, onCodesMoved]);

  const offset = clock?.measurement?.offsetMs ?? 0;
  if (clock === null || Math.abs(offset) <= CLOCK_WARN_MS) return null;
  const choose = async (useCorrectedTime: boolean) => {
    setBusy(true);
    await setCorrectedTime(useCorrectedTime).catch(() => undefined);
    setBusy(false);
  };
  return (
    <div className="banner clock-banner" role="region" aria-label="Clock">
      <WarningIcon />
      <div className="banner-text">
        <strong>{clockSentence(offset)}</strong>
        <span className="muted">
          {clock.corrected
            ? `Codes use the corrected time from ${clock.server}.`
            : `Sites may refuse codes made with it. Keyfob can use the time from ${clock.server} instead.`}
        </span>
        <div className="banner-actions">
          <button
            type="button"
            className={clock.corrected ? 'button small' : 'button small primary'}
            disabled={busy}
            onClick={() => void choose(!clock.corrected)}
          >
            {clock.corrected ? "Use this computer's clock" : 'Use corrected time'}
          </button>
        </div>
      </div>
    </div>
  );
}
