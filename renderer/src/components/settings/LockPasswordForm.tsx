import { useState } from 'react';
import { errorData } from '../../bridge';
import { Field } from '../Field';
import { FormError } from '../FormError';

interface LockPasswordFormProps {
  /** Ask for the current password (change, remove). */
  current: boolean;
  /** Ask for a new password twice (set, change). */
  next: boolean;
  submitLabel: string;
  danger?: boolean;
  /** Sends the passwords to main; a rejection's message lands on the field main names. */
  onSubmit: (current: string | null, next: string) => Promise<unknown>;
  onCancel?: () => void;
}

/**
 * The lock's password fields for set, change and remove: current, new and its confirmation as
 * asked. Enter in any field submits; the fields are emptied after every attempt.
 */
export function LockPasswordForm({
  current,
  next,
  submitLabel,
  danger,
  onSubmit,
  onCancel,
}: LockPasswordFormProps) {
  const [values, setValues] = useState({ current: '', next: '', confirm: '' });
  const [errors, setErrors] = useState<{ current?: string; next?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const ready = (!current || values.current !== '') && (!next || values.next !== '');

  const submit = async () => {
    if (!ready || busy) return;
    if (next && values.next !== values.confirm) return setErrors({ next: 'The two new passwords differ.' });
    setBusy(true);
    setErrors({});
    try {
      await onSubmit(current ? values.current : null, values.next);
    } catch (e) {
      const { message, field } = errorData(e);
      setErrors(
        field === 'current' ? { current: message } : field === 'new' ? { next: message } : { form: message },
      );
    } finally {
      setValues({ current: '', next: '', confirm: '' });
      setBusy(false);
    }
  };
  const input = (key: keyof typeof values, autoComplete: string) => (
    <input
      type="password"
      autoComplete={autoComplete}
      value={values[key]}
      disabled={busy}
      onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void submit();
      }}
    />
  );

  return (
    <div className="lock-password-form" role="group" aria-label={submitLabel}>
      {current && (
        <Field label="Current password" error={errors.current}>
          {input('current', 'current-password')}
        </Field>
      )}
      {next && (
        <>
          <Field label="New password" hint="At least 6 characters." error={errors.next}>
            {input('next', 'new-password')}
          </Field>
          <Field label="New password again">{input('confirm', 'new-password')}</Field>
        </>
      )}
      <FormError message={errors.form} />
      <div className="settings-buttons">
        <button
          type="button"
          className={danger ? 'button small danger' : 'button small primary'}
          disabled={!ready || busy}
          onClick={() => void submit()}
        >
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}
