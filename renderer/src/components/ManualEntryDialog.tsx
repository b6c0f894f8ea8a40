import { useRef, useState } from 'react';
import { DRAFT_FIELDS, EMPTY_DRAFT, type AccountView, type ManualDraft } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import { useDraftCheck } from '../hooks/useDraftCheck';
import { Dialog } from './Dialog';
import { DraftAdvanced } from './DraftAdvanced';
import { DraftInput } from './DraftInput';
import { DraftPreview } from './DraftPreview';
import { Field } from './Field';
import { WarningIcon } from './Icons';
import { FormError } from './FormError';
import { accountTitle } from '../../../shared/account-name';

interface ManualEntryDialogProps {
  onSaved: (account: AccountView) => void;
  onClose: () => void;
}

/**
 * Add an account by typing its secret key. Main validates as you type (field messages appear
 * once a field was edited), previews the current code and warns about duplicates.
 */
export function ManualEntryDialog({ onSaved, onClose }: ManualEntryDialogProps) {
  const [draft, setDraft] = useState<ManualDraft>(EMPTY_DRAFT);
  const [touched, setTouched] = useState<ReadonlySet<keyof ManualDraft>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { check, checkNow } = useDraftCheck(draft);
  const form = useRef<HTMLFormElement>(null);
  const savingRef = useRef(false);

  const change = (patch: Partial<ManualDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setTouched((t) => new Set([...t, ...(Object.keys(patch) as Array<keyof ManualDraft>)]));
    setFormError(null);
  };
  const errorOf = (field: keyof ManualDraft) =>
    submitted || touched.has(field) ? check?.errors[field] : undefined;
  const duplicate = check?.duplicateOf ?? null;

  const save = async (allowDuplicate: boolean) => {
    if (savingRef.current) return;
    savingRef.current = true;
    setSubmitted(true);
    setSaving(true);
    try {
      const fresh = await checkNow();
      const firstBad = DRAFT_FIELDS.find((f) => fresh.errors[f]);
      if (firstBad) {
        if (firstBad !== 'issuer' && firstBad !== 'account' && firstBad !== 'secret') {
          form.current?.querySelector('details')?.setAttribute('open', '');
        }
        form.current?.querySelector<HTMLElement>(`[data-field="${firstBad}"]`)?.focus();
        return;
      }
      if (fresh.duplicateOf && !allowDuplicate) {
        form.current?.querySelector<HTMLElement>('.duplicate button')?.focus();
        return;
      }
      onSaved(await call('accounts:add', draft, { allowDuplicate }));
    } catch (err) {
      setFormError(errorData(err).message);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  return (
    <Dialog title="Add account" onClose={onClose} className="wide">
      <form
        ref={form}
        className="dialog-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <div className="field-row">
          <DraftInput
            field="issuer"
            label="Issuer"
            hint="The service, e.g. GitHub"
            autoFocus
            draft={draft}
            errorOf={errorOf}
            onChange={change}
          />
          <DraftInput
            field="account"
            label="Account"
            hint="Your user name or email there"
            draft={draft}
            errorOf={errorOf}
            onChange={change}
          />
        </div>
        <Field
          label="Secret key"
          hint="As the site shows it. Spaces, dashes and lower case are fine."
          error={errorOf('secret')}
        >
          <input
            data-field="secret"
            className="mono"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            value={draft.secret}
            onChange={(e) => change({ secret: e.currentTarget.value })}
          />
        </Field>
        <DraftAdvanced draft={draft} errorOf={errorOf} onChange={change} />
        <DraftPreview check={check} type={draft.type} />
        {duplicate && (
          <div className="duplicate" role="alert">
            <WarningIcon />
            <p>
              <strong>{accountTitle(duplicate)}</strong>
              {duplicate.issuer && duplicate.account ? ` (${duplicate.account})` : ''} already uses this
              secret key. Adding it again creates a second row with the same codes.
            </p>
            <button type="button" className="button" onClick={() => void save(true)}>
              Add anyway
            </button>
          </div>
        )}
        <FormError message={formError} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving}>
            Add account
          </button>
        </div>
      </form>
    </Dialog>
  );
}
