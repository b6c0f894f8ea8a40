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
import { NewKeyChoice, replaceFirst, type NewKeyDecision } from './NewKeyChoice';

interface ManualEntryDialogProps {
  onSaved: (account: AccountView) => void;
  /** The typed key became the key of an account of the same names (the old key kept 30 days). */
  onReplaced: (account: AccountView) => void;
  onClose: () => void;
}

const ids = (accounts: readonly AccountView[]) => accounts.map((a) => a.id).join(' ');

/**
 * Add an account by typing its secret key. Main validates as you type (field messages appear
 * once a field was edited), previews the current code and warns about duplicates, and about a key
 * for an account Keyfob has under another key (replace its key, add it separately, or skip).
 */
export function ManualEntryDialog({ onSaved, onReplaced, onClose }: ManualEntryDialogProps) {
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
  // The choice for a new key holds for the accounts it was made for; other names start over.
  const owners = check?.newKeyFor ?? [];
  const [choice, setChoice] = useState<{ for: string; decision: NewKeyDecision } | null>(null);
  const decision = choice?.for === ids(owners) ? choice.decision : replaceFirst(owners);

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
      if (fresh.newKeyFor.length > 0) {
        // A warning that only appears now (or names other accounts) is shown before anything is saved.
        if (ids(fresh.newKeyFor) !== ids(owners)) {
          form.current?.querySelector<HTMLElement>('.new-key-choice input:checked')?.focus();
          return;
        }
        if (decision === 'skip') return onClose();
        if (typeof decision === 'object')
          return onReplaced(await call('accounts:replace-key-with-draft', decision.replace, draft));
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
        {owners.length > 0 && (
          <NewKeyChoice
            label={owners[0] ?? draft}
            owners={owners}
            value={decision}
            onChange={(d) => setChoice({ for: ids(owners), decision: d })}
            alert
          />
        )}
        <FormError message={formError} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving}>
            {owners.length === 0 || decision === 'keep-both'
              ? 'Add account'
              : decision === 'skip'
                ? 'Skip'
                : 'Replace key'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
