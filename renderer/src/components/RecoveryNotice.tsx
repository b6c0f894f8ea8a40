import { useState } from 'react';
import { WarningIcon } from './Icons';

interface RecoveryNoticeProps {
  /** What opening the vault repaired (main's VaultStatus.recovered): a line per kind of repair. */
  lines: readonly string[];
}

/**
 * What Keyfob finished or dropped after a process was killed mid-save (an import, another window,
 * the CLI), so nothing changes silently. Dismissed lines stay hidden; new ones show again.
 */
export function RecoveryNotice({ lines }: RecoveryNoticeProps) {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const shown = lines.filter((l) => !dismissed.has(l));
  if (shown.length === 0) return null;
  return (
    <div className="banner" role="status" aria-label="Interrupted changes">
      <WarningIcon />
      <div className="banner-text">
        <strong>An earlier change was interrupted</strong>
        {shown.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </div>
      <button
        type="button"
        className="button"
        onClick={() => setDismissed(new Set([...dismissed, ...shown]))}
      >
        Dismiss
      </button>
    </div>
  );
}
