import { useState } from 'react';
import type { AccountView } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { FormError } from './FormError';

interface EditDialogProps {
  account: AccountView;
  onSaved: (account: AccountView) => void;
  onClose: () => void;
}

/** Renames an account's issuer and account name (accounts:rename); the secret is untouched. */
export function EditDialog({ account, onSaved, onClose }: EditDialogProps) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.account);
  const [errors, setErrors] = useState<{ issuer?: string; account?: string; form?: string }>({});
  const [saving, setSaving] = useState(false);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      onSaved(await call('accounts:rename', account.id, { issuer, account: name }));
    } catch (err) {
      const data = errorData(err);
      if (data.field === 'issuer' || data.field === 'account') setErrors({ [data.field]: data.message });
      else setErrors({ form: data.message });
      setSaving(false);
    }
  };

  return (
    <Dialog title="Edit account" onClose={onClose} className="narrow">
      <form className="dialog-body" onSubmit={save} noValidate>
        <Field label="Issuer" hint="The service, e.g. GitHub" error={errors.issuer}>
          <input
            autoFocus
            value={issuer}
            onChange={(e) => setIssuer(e.currentTarget.value)}
            autoComplete="off"
          />
        </Field>
        <Field label="Account" hint="Usually your user name or email" error={errors.account}>
          <input value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="off" />
        </Field>
        <FormError message={errors.form} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
