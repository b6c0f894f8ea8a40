import type { ImportChoice, ImportEntryView } from '../../../shared/ipc/shapes';
import { accountTitle } from '../../../shared/account-name';
import { asNewKeyDecision, NewKeyChoice } from './NewKeyChoice';

interface ImportEntryListProps {
  entries: ImportEntryView[];
  choices: ImportChoice[];
  onChoice: (index: number, choice: ImportChoice) => void;
  nameOf: (entry: ImportEntryView) => string;
}

/** One row per entry of an import: what will happen to it, and for duplicates and new keys the choice. */
export function ImportEntryList({ entries, choices, onChoice, nameOf }: ImportEntryListProps) {
  return (
    <ul className="import-list" aria-label="Accounts in the backup">
      {entries.map((entry, i) => {
        const name = entry.status === 'rejected' ? entry.source : nameOf(entry);
        return (
          <li key={`${entry.source}-${i}`} className={`import-entry ${entry.status}`} aria-label={name}>
            <div className="import-entry-text">
              <span className="import-entry-name">{name}</span>
              <span className="import-entry-status">{statusText(entry)}</span>
            </div>
            {entry.status === 'new' && (
              <label className="import-add">
                <input
                  type="checkbox"
                  checked={choices[i] !== 'skip'}
                  onChange={(e) => onChoice(i, e.target.checked ? 'keep-both' : 'skip')}
                />
                Add
              </label>
            )}
            {entry.status === 'new-key' && (
              <NewKeyChoice
                label={entry}
                owners={entry.newKeyFor}
                value={asNewKeyDecision(choices[i])}
                onChange={(d) => onChoice(i, d)}
              />
            )}
            {entry.status === 'duplicate' && (
              <select
                aria-label={`What to do with the duplicate ${name}`}
                value={typeof choices[i] === 'string' ? choices[i] : 'skip'}
                onChange={(e) => onChoice(i, e.target.value as ImportChoice)}
              >
                <option value="skip">Skip</option>
                {entry.duplicateOf !== null && <option value="update">Update existing</option>}
                <option value="keep-both">Keep both</option>
              </select>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function statusText(entry: ImportEntryView): string {
  if (entry.status === 'new') return 'Will be added';
  if (entry.status === 'rejected') return `Cannot be imported: ${entry.message ?? 'unreadable entry'}`;
  if (entry.status === 'new-key') return 'A new key for an account in Keyfob';
  const of = entry.duplicateOf;
  return of === null ? 'Repeats an earlier entry of this file' : `Already in Keyfob as ${accountTitle(of)}`;
}
