import { useEffect, useRef, useState } from 'react';
import type { ImportChoice, ImportEntryView, ImportOpened, ImportSummary } from '../../../shared/ipc/shapes';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorData } from '../bridge';
import { useImportSave } from '../hooks/useImportSave';
import { useLatest } from '../hooks/useLatest';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { ImportEntryList } from './ImportEntryList';
import { ImportProgress, ImportStopped } from './ImportProgress';
import { FormError } from './FormError';
import { replaceFirst } from './NewKeyChoice';
import { accountName } from '../../../shared/account-name';

interface ImportDialogProps {
  /** The file main opened (its bytes stay in main under `opened.sessionId`). */
  opened: ImportOpened;
  onDone: (summary: ImportSummary) => void;
  /** A save was stopped: what it saved is in the list now (the dialog stays open to say so). */
  onStopped?: () => void;
  onClose: () => void;
}

/** Errors of the keychain or the disk: main kept the import, so saving again saves the rest. */
const RETRYABLE = new Set<ErrorCode>([
  'keychain-locked',
  'keychain-unavailable',
  'storage-unavailable',
  'busy',
]);

/** Default choice per entry: add new ones, new keys replace their account's key, duplicates (safe to run again) and rejected ones are skipped. */
function defaultChoice(entry: ImportEntryView): ImportChoice {
  if (entry.status === 'new-key') return replaceFirst(entry.newKeyFor);
  return entry.status === 'new' ? 'keep-both' : 'skip';
}

/**
 * Import from a backup: the format (chosen by the user when Keyfob could not tell it from the
 * contents), the password (when the file is encrypted, with retry on a wrong one), then a review of
 * every entry — will add, duplicate (skip / update the existing account / keep both), rejected with the reason —
 * and only then the save, shown as "Saving 240 of 500…" with Cancel (Esc too), which stops after the
 * account being written and then says what was saved. A save the keychain or disk interrupted can be
 * retried: main kept the plan and saves only what is left. An import main closed (after 5 minutes)
 * can only be cancelled.
 */
export function ImportDialog({ opened, onDone, onStopped, onClose }: ImportDialogProps) {
  const [entries, setEntries] = useState<ImportEntryView[] | null>(null);
  const [choices, setChoices] = useState<ImportChoice[]>([]);
  const [password, setPassword] = useState('');
  // Keyfob was unsure of the format (or did not recognise the file): the user picks one first.
  const choosing = opened.formats.length > 0;
  const [formatId, setFormatId] = useState(opened.formatId ?? '');
  const chosen = opened.formats.find((f) => f.id === formatId);
  const formatLabel = chosen?.label ?? opened.formatLabel;
  const [error, setError] = useState<{ code?: ErrorCode; message: string; field?: string } | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const importSave = useImportSave(opened.sessionId);
  const [stopped, setStopped] = useState<ImportSummary | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // A wrong password: select what was typed so the retry starts from a clean field.
  useEffect(() => {
    if (error?.field === 'password') passwordRef.current?.select();
  }, [error]);

  const read = async (pw: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const found = await call('backup:import-read', opened.sessionId, pw, choosing ? formatId : null);
      setEntries(found);
      setChoices(found.map(defaultChoice));
    } catch (e) {
      setError(errorData(e));
    } finally {
      setBusy(false);
    }
  };
  const readRef = useLatest(read);
  // A plain file of a known format is read straight away (reading is repeatable: StrictMode may do
  // it twice); with a format to choose, reading waits for the choice.
  const needsPassword = chosen?.needsPassword ?? opened.needsPassword;
  const readAtOnce = !choosing && !opened.needsPassword;
  useEffect(() => {
    if (readAtOnce) void readRef.current(null);
  }, [readAtOnce, readRef]);

  const close = () => {
    if (importSave.saving) return importSave.stop(); // Esc while saving: stop, then say what was saved
    if (stopped !== null) return onDone(stopped);
    void call('backup:import-cancel', opened.sessionId).catch(() => undefined);
    onClose();
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const summary = await importSave.save(choices, adding);
      if (!summary.stopped) return onDone(summary);
      setStopped(summary);
      onStopped?.();
    } catch (e) {
      setError(errorData(e));
      setSaveFailed(true);
      setBusy(false);
    }
  };

  const adding = entries?.filter((_, i) => choices[i] !== undefined && choices[i] !== 'skip').length ?? 0;
  const closed = error?.code === 'not-found';
  const retry = saveFailed && error?.code !== undefined && RETRYABLE.has(error.code);

  return (
    <Dialog title={`Import from ${opened.fileName}`} onClose={close} className="wide import-dialog">
      {entries === null && (choosing || needsPassword) ? (
        <form
          className="dialog-body"
          onSubmit={(e) => {
            e.preventDefault();
            if (formatId !== '' && (!needsPassword || password !== ''))
              void read(needsPassword ? password : null);
          }}
        >
          {choosing && (
            <>
              <p>
                {opened.unrecognised ??
                  `Keyfob is not sure this is a ${opened.formatLabel}: check the app that made ${opened.fileName}.`}
              </p>
              <Field label="Format" error={error?.field === 'format' ? error.message : undefined}>
                <select
                  autoFocus
                  value={formatId}
                  onChange={(e) => {
                    setFormatId(e.target.value);
                    setError(null);
                  }}
                >
                  {formatId === '' && <option value="">Choose the app that made it…</option>}
                  {opened.formats.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </Field>
            </>
          )}
          {needsPassword && (
            <>
              <p>This {formatLabel} is encrypted. Type the password that was set when it was made.</p>
              <Field label="Backup password" error={error?.field === 'password' ? error.message : undefined}>
                <input
                  ref={passwordRef}
                  type="password"
                  autoFocus={!choosing}
                  autoComplete="off"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </Field>
            </>
          )}
          <FormError message={error?.field !== 'password' && error?.field !== 'format' && error?.message} />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button
              type="submit"
              className="button primary"
              disabled={busy || formatId === '' || (needsPassword && password === '')}
            >
              {busy ? (needsPassword ? 'Decrypting…' : 'Reading…') : needsPassword ? 'Unlock' : 'Read'}
            </button>
          </div>
        </form>
      ) : stopped !== null && importSave.progress !== null ? (
        <div className="dialog-body">
          <ImportStopped
            fileName={opened.fileName}
            summary={stopped}
            total={importSave.progress.total}
            onClose={() => onDone(stopped)}
          />
        </div>
      ) : importSave.saving && importSave.progress !== null ? (
        <div className="dialog-body">
          <ImportProgress
            progress={importSave.progress}
            stopping={importSave.stopping}
            onStop={importSave.stop}
          />
        </div>
      ) : (
        <div className="dialog-body">
          {entries === null ? (
            error ? (
              <FormError message={error.message} />
            ) : (
              <p role="status">Reading {formatLabel}…</p>
            )
          ) : (
            <>
              <p className="muted">
                {formatLabel}: {summaryLine(entries)} Nothing is saved until you choose Import.
              </p>
              <ImportEntryList
                entries={entries}
                choices={choices}
                onChoice={(i, c) => setChoices((all) => all.map((x, j) => (j === i ? c : x)))}
                nameOf={(e) => accountName(e)}
              />
              <FormError message={error?.message} />
              {retry && (
                <p className="muted">
                  Nothing was lost: fix the problem, then Retry saves what is not saved yet.
                </p>
              )}
            </>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            {entries !== null && !closed && (
              <button
                type="button"
                className="button primary"
                disabled={busy || adding === 0}
                onClick={() => void save()}
              >
                {retry ? 'Retry' : adding === 1 ? 'Import 1 account' : `Import ${adding} accounts`}
              </button>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}

function summaryLine(entries: ImportEntryView[]): string {
  const count = (s: ImportEntryView['status']) => entries.filter((e) => e.status === s).length;
  const parts = [`${count('new')} new`, `${count('duplicate')} already in Keyfob`];
  if (count('new-key') > 0) parts.push(`${count('new-key')} with a new key for an account in Keyfob`);
  if (count('rejected') > 0) parts.push(`${count('rejected')} cannot be imported`);
  return `${parts.join(', ')}.`;
}
