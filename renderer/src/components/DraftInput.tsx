import type { ManualDraft } from '../../../shared/ipc/shapes';
import { Field } from './Field';

/** The text fields of a manual-entry draft (everything except the type and algorithm selects). */
type TextField = 'issuer' | 'account' | 'digits' | 'period' | 'counter';

interface DraftInputProps {
  field: TextField;
  label: string;
  hint?: string;
  draft: ManualDraft;
  errorOf: (field: keyof ManualDraft) => string | undefined;
  onChange: (patch: Partial<ManualDraft>) => void;
  disabled?: boolean;
  autoFocus?: boolean;
}

/**
 * One labelled text input bound to a draft field. `data-field` lets the form move focus to the
 * first field main reported an error for.
 */
export function DraftInput({
  field,
  label,
  hint,
  draft,
  errorOf,
  onChange,
  disabled,
  autoFocus,
}: DraftInputProps) {
  const numeric = field === 'digits' || field === 'period' || field === 'counter';
  return (
    <Field label={label} hint={hint} error={errorOf(field)}>
      <input
        data-field={field}
        {...(numeric ? { inputMode: 'numeric' as const } : { autoComplete: 'off' })}
        autoFocus={autoFocus}
        value={draft[field]}
        disabled={disabled}
        onChange={(e) => onChange({ [field]: e.currentTarget.value })}
      />
    </Field>
  );
}
