import type { ManualDraft } from '../../../shared/ipc/shapes';
import type { Algorithm, OtpType } from '../../../shared/otp-types';
import { DraftInput } from './DraftInput';
import { Field } from './Field';

interface DraftAdvancedProps {
  draft: ManualDraft;
  errorOf: (field: keyof ManualDraft) => string | undefined;
  onChange: (patch: Partial<ManualDraft>) => void;
}

/** The "Advanced" disclosure of manual entry: type, algorithm, digits, period, counter. */
export function DraftAdvanced({ draft, errorOf, onChange }: DraftAdvancedProps) {
  const setType = (type: OtpType) => {
    // Steam codes are always 5 characters; restore the usual 6 when leaving Steam.
    if (type === 'steam') onChange({ type, digits: '5', algorithm: 'SHA1' });
    else onChange({ type, digits: draft.type === 'steam' ? '6' : draft.digits });
  };
  const steam = draft.type === 'steam';
  const bound = { draft, errorOf, onChange };
  const defaults =
    draft.type === 'totp' && draft.algorithm === 'SHA1' && draft.digits === '6' && draft.period === '30';
  return (
    <details className="advanced" open={!defaults || undefined}>
      <summary>Advanced</summary>
      <div className="advanced-grid">
        <Field label="Type" error={errorOf('type')}>
          <select
            data-field="type"
            value={draft.type}
            onChange={(e) => setType(e.currentTarget.value as OtpType)}
          >
            <option value="totp">Time-based (TOTP)</option>
            <option value="hotp">Counter-based (HOTP)</option>
            <option value="steam">Steam Guard</option>
          </select>
        </Field>
        <Field label="Algorithm" error={errorOf('algorithm')}>
          <select
            data-field="algorithm"
            value={draft.algorithm}
            disabled={steam}
            onChange={(e) => onChange({ algorithm: e.currentTarget.value as Algorithm })}
          >
            <option value="SHA1">SHA-1</option>
            <option value="SHA256">SHA-256</option>
            <option value="SHA512">SHA-512</option>
          </select>
        </Field>
        <DraftInput field="digits" label="Digits" disabled={steam} {...bound} />
        {draft.type === 'hotp' ? (
          <DraftInput field="counter" label="Counter" {...bound} />
        ) : (
          <DraftInput field="period" label="Period (seconds)" {...bound} />
        )}
      </div>
    </details>
  );
}
