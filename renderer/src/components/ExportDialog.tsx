import { useId, useState } from 'react';
import { APP_EXPORT_FORMATS, exportFormat, type AppExportFormat } from '../../../shared/export-formats';
import type { ExportSummary } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import { passwordStrength } from '../lib/password-strength';
import { Field } from './Field';
import { Dialog } from './Dialog';
import { WarningIcon } from './Icons';
import { FormError } from './FormError';

interface ExportDialogProps {
  count: number;
  onDone: (summary: ExportSummary) => void;
  onClose: () => void;
}

/** Export every account: format (encrypted by default), password with confirmation and a strength hint, then the save dialog. */
export function ExportDialog({ count, onDone, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<AppExportFormat>('aegis-encrypted');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const warnId = useId();
  const encrypted = exportFormat(format)?.encrypted === true;
  const strength = passwordStrength(password);
  const mismatch = encrypted && confirm !== '' && confirm !== password;
  const ready = !encrypted || (password !== '' && password === confirm);

  const save = async () => {
    setTouched(true);
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      const done = await call('backup:export', format, encrypted ? password : null);
      if (done === null) setBusy(false);
      else onDone(done);
    } catch (e) {
      setError(errorData(e).message);
      setBusy(false);
    }
  };

  return (
    <Dialog title="Export accounts" onClose={onClose} className="export-dialog">
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted">
          {count === 1
            ? 'Your account, with its secret key.'
            : `All ${count} accounts, with their secret keys, in the list’s order.`}
        </p>
        <fieldset className="format-choice">
          <legend>Format</legend>
          {APP_EXPORT_FORMATS.map((f) => (
            <label key={f.id} className="format-option">
              <input
                type="radio"
                name="export-format"
                value={f.id}
                checked={format === f.id}
                onChange={() => setFormat(f.id)}
              />
              <span>
                <span className="format-label">{f.label}</span>
                <span className="field-hint">{f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {encrypted ? (
          <>
            <Field
              label="Password"
              hint={strength.label || 'Anyone with the file and this password gets every account.'}
            >
              <input
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
            {password !== '' && (
              <meter
                className="strength"
                aria-label="Password strength"
                min={0}
                max={4}
                low={2}
                high={3}
                optimum={4}
                value={strength.score}
              />
            )}
            <Field
              label="Confirm password"
              error={
                mismatch
                  ? 'The passwords do not match.'
                  : touched && confirm === ''
                    ? 'Type the password again.'
                    : undefined
              }
            >
              <input
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            </Field>
          </>
        ) : (
          <div className="banner export-warning" id={warnId} role="alert">
            <WarningIcon />
            <div className="banner-text">
              <strong>This file will not be encrypted.</strong>
              <span className="muted">
                Anyone who can read it can sign in as you. Import it and delete it right away; never e-mail it
                or leave it in a synced folder.
              </span>
            </div>
          </div>
        )}
        <FormError message={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={encrypted ? 'button primary' : 'button danger'}
            disabled={busy || count === 0}
            aria-describedby={encrypted ? undefined : warnId}
          >
            {busy ? 'Saving…' : encrypted ? 'Save backup…' : 'Save unencrypted…'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
