import { useEffect, useState } from 'react';
import type { AccountView, NewKeyCheck } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import { DraftPreview } from './DraftPreview';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { FormError } from './FormError';
import { accountTitle } from '../../../shared/account-name';

interface ReplaceKeyDialogProps {
  account: AccountView;
  onSaved: (account: AccountView) => void;
  onClose: () => void;
}

/**
 * "Replace key…" after the site reset two-factor sign-in: the new key (base32 or an otpauth://
 * link), its code shown for checking against the site, then the swap. Name and place stay; the
 * old key can be restored for 30 days.
 */
export function ReplaceKeyDialog({ account, onSaved, onClose }: ReplaceKeyDialogProps) {
  const [key, setKey] = useState('');
  const [check, setCheck] = useState<NewKeyCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = accountTitle(account);

  // Main parses and previews the key as it is typed; a stale answer is dropped.
  useEffect(() => {
    if (key.trim() === '') return;
    let live = true;
    const timer = setTimeout(() => {
      call('accounts:check-new-key', account.id, key)
        .then((c) => live && setCheck(c))
        .catch((e: unknown) => live && setError(errorData(e).message));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, account.id]);

  const save = async () => {
    if (check?.preview == null) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await call('accounts:replace-key', account.id, key));
    } catch (e) {
      setError(errorData(e).message);
      setSaving(false);
    }
  };

  return (
    <Dialog title={`Replace the key of ${name}`} onClose={onClose}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted">
          Use this after {name} reset your two-factor sign-in. The name and place in the list stay; the
          current key is kept and can be restored for 30 days.
        </p>
        <Field
          label="New secret key or otpauth:// link"
          error={key.trim() !== '' ? (check?.error ?? undefined) : undefined}
          hint="Spaces, dashes and lower case are fine."
        >
          <input
            className="mono"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              if (e.target.value.trim() === '') setCheck(null);
            }}
          />
        </Field>
        <DraftPreview
          check={check && { errors: {}, preview: check.preview, duplicateOf: null }}
          type={account.type}
        />
        <FormError message={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving || check?.preview == null}>
            Replace key
          </button>
        </div>
      </form>
    </Dialog>
  );
}
