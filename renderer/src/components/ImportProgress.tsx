import { useId } from 'react';
import type { ImportSummary } from '../../../shared/ipc/shapes';
import type { SaveProgress } from '../hooks/useImportSave';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface ImportProgressProps {
  progress: SaveProgress;
  stopping: boolean;
  onStop: () => void;
}

/**
 * An import being saved: "Saving 240 of 500…" over a determinate progress bar, and Cancel, which
 * stops after the account being written. Cancel has the focus and the count as its description (a
 * screen reader reads it there, rather than on every update), and keeps the focus while main
 * finishes that account (aria-disabled, not disabled).
 */
export function ImportProgress({ progress, stopping, onStop }: ImportProgressProps) {
  const labelId = useId();
  const { done, total } = progress;
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <>
      <div className="import-progress">
        <p id={labelId} className="import-progress-label">
          {stopping
            ? `Stopping after the account being saved (${done} of ${total} saved)…`
            : `Saving ${done} of ${total}…`}
        </p>
        <div
          role="progressbar"
          className="progress-track"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={`${done} of ${plural(total, 'account', 'accounts')} saved`}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <p className="muted">Each account is kept as soon as it is saved: Cancel keeps those and stops.</p>
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          autoFocus
          aria-describedby={labelId}
          aria-disabled={stopping}
          onClick={() => !stopping && onStop()}
        >
          {stopping ? 'Stopping…' : 'Cancel'}
        </button>
      </div>
    </>
  );
}

interface ImportStoppedProps {
  fileName: string;
  summary: ImportSummary;
  /** Entries the save would have written. */
  total: number;
  onClose: () => void;
}

/** A stopped import: how many accounts were saved, and that importing the file again adds only the rest. */
export function ImportStopped({ fileName, summary, total, onClose }: ImportStoppedProps) {
  const resultId = useId();
  const saved = summary.added + summary.updated + summary.replaced.length;
  const rest = Math.max(0, total - saved - summary.failed.length);
  return (
    <>
      <div role="status" id={resultId} className="import-stopped">
        <p>
          <strong>Import stopped.</strong> Saved {saved} of {plural(total, 'account', 'accounts')}
          {saved > 0 ? '; they are in your list.' : '.'}
        </p>
        {rest > 0 && (
          <p>
            To add the other {rest} later, import {fileName} again: the accounts already in Keyfob are found
            as duplicates and skipped.
          </p>
        )}
        {summary.failed.length > 0 && (
          <p className="form-error">
            {plural(summary.failed.length, 'account', 'accounts')} could not be saved:{' '}
            {summary.failed.map((f) => f.message).join('; ')}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="button primary"
          autoFocus
          aria-describedby={resultId}
          onClick={onClose}
        >
          Close
        </button>
      </div>
    </>
  );
}
