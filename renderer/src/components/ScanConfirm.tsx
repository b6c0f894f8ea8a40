import { useState } from 'react';
import type { ScanDecision, ScanPreview, ScanPreviewEntry } from '../../../shared/ipc/shapes';
import { groupCode } from '../lib/code-format';
import { saveLabel } from '../lib/save-summary';
import { accountSubtitle, accountTitle } from '../../../shared/account-name';
import { FormError } from './FormError';
import { asNewKeyDecision, NewKeyChoice, replaceFirst } from './NewKeyChoice';

interface ScanConfirmProps {
  preview: ScanPreview;
  saving: boolean;
  /** Why the last save failed, if it did. */
  error: string | null;
  onSave: (decisions: ScanDecision[]) => void;
  onBack: () => void;
}

function parameters(e: ScanPreviewEntry): string {
  const kind = e.type === 'steam' ? 'Steam Guard' : e.type.toUpperCase();
  const timing = e.type === 'hotp' ? `counter ${e.counter}` : `every ${e.period} s`;
  return `${kind} · ${e.algorithm} · ${e.digits} ${e.type === 'steam' ? 'characters' : 'digits'} · ${timing}`;
}

/** What each entry starts as: duplicates skipped, new keys replacing the account's key, the rest added. */
function defaultDecision(e: ScanPreviewEntry): ScanDecision {
  if (e.duplicateOf !== null) return 'skip';
  return e.newKeyFor.length > 0 ? replaceFirst(e.newKeyFor) : 'add';
}

/**
 * The scanned accounts with their current codes (computed in main); duplicates get skip / update
 * the existing one / keep both; a new key for an account Keyfob has gets replace / add / skip.
 */
export function ScanConfirm({ preview, saving, error, onSave, onBack }: ScanConfirmProps) {
  const [decisions, setDecisions] = useState<ScanDecision[]>(() => preview.entries.map(defaultDecision));
  const set = (i: number, d: ScanDecision) => setDecisions((all) => all.map((x, j) => (j === i ? d : x)));
  return (
    <>
      <div className="dialog-body">
        <p>Check each code against the site before adding. Nothing is saved until you confirm.</p>
        <ul className="scan-entries" aria-label="Scanned accounts">
          {preview.entries.map((e, i) => {
            const name = accountTitle(e);
            const second = accountSubtitle(e);
            return (
              <li key={i} className="scan-entry" aria-label={name}>
                <div className="scan-entry-name">
                  <strong>{name}</strong>
                  {second !== '' && <span className="muted">{second}</span>}
                  <span className="scan-entry-params">{parameters(e)}</span>
                </div>
                <output
                  className="scan-entry-code"
                  data-testid="scan-code"
                  aria-label={`Current code for ${name}`}
                >
                  {groupCode(e.code.code, e.type)}
                </output>
                {e.duplicateOf === null && e.newKeyFor.length > 0 && (
                  <div className="scan-entry-new-key">
                    <NewKeyChoice
                      label={e}
                      owners={e.newKeyFor}
                      value={asNewKeyDecision(decisions[i])}
                      onChange={(d) => set(i, d)}
                    />
                  </div>
                )}
                {e.duplicateOf !== null && (
                  <div className="field scan-entry-dup">
                    <label htmlFor={`scan-dup-${i}`}>
                      Already in Keyfob as {accountTitle(e.duplicateOf)}
                    </label>
                    <select
                      id={`scan-dup-${i}`}
                      value={typeof decisions[i] === 'string' ? decisions[i] : 'skip'}
                      onChange={(ev) => set(i, ev.target.value as ScanDecision)}
                    >
                      <option value="skip">Skip</option>
                      <option value="update">Update the existing one</option>
                      <option value="keep-both">Keep both</option>
                    </select>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        {preview.problems.length > 0 && (
          <div className="scan-problems" role="note">
            <p>Not added (cannot be read):</p>
            <ul>
              {preview.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <FormError message={error} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack} disabled={saving}>
          Scan again
        </button>
        <button type="button" className="button primary" disabled={saving} onClick={() => onSave(decisions)}>
          {saveLabel(decisions)}
        </button>
      </div>
    </>
  );
}
