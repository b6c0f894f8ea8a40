import type { ManualDraft } from '../../../shared/ipc-contract';
import type { Algorithm, OtpType } from '../../../shared/otp-types';
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
        <Field label="Digits" error={errorOf('digits')}>
          <input
            data-field="digits"
            inputMode="numeric"
            value={draft.digits}
            disabled={steam}
            onChange={(e) => onChange({ digits: e.currentTarget.value })}
          />
        </Field>
        {draft.type === 'hotp' ? (
          <Field label="Counter" error={errorOf('counter')}>
            <input
              data-field="counter"
              inputMode="numeric"
              value={draft.counter}
              onChange={(e) => onChange({ counter: e.currentTarget.value })}
            />
          </Field>
        ) : (
          <Field label="Period (seconds)" error={errorOf('period')}>
            <input
              data-field="period"
              inputMode="numeric"
              value={draft.period}
              onChange={(e) => onChange({ period: e.currentTarget.value })}
            />
          </Field>
        )}
      </div>
    </details>
  );
}
