import { useId, useState } from 'react';
import type { AccountView, KeyReplace } from '../../../shared/ipc/shapes';
import type { TokenLabel } from '../../../shared/otp-types';
import { accountSubtitle, accountTitle } from '../../../shared/account-name';
import { useCodes } from '../hooks/useCodes';
import { groupCode } from '../lib/code-format';
import { WarningIcon } from './Icons';

/** What to do with a key for an account Keyfob already has under another key. */
export type NewKeyDecision = KeyReplace | 'keep-both' | 'skip';

interface NewKeyChoiceProps {
  /** The incoming key's names. */
  label: TokenLabel;
  /** The stored accounts of those names, each with another key (one or more), in list order. */
  owners: readonly AccountView[];
  value: NewKeyDecision;
  onChange: (decision: NewKeyDecision) => void;
  /** Announce the warning when it appears (a form the user is typing in). */
  alert?: boolean;
}

/** The default: the new key replaces the key of the first account of its names. */
export function replaceFirst(owners: readonly AccountView[]): NewKeyDecision {
  const [first] = owners;
  return first === undefined ? 'keep-both' : { replace: first.id };
}

/** A decision of a wider kind (a scan's, an import's) as one of the three; anything else counts as adding. */
export function asNewKeyDecision(d: string | KeyReplace | undefined): NewKeyDecision {
  return typeof d === 'object' || d === 'skip' ? d : 'keep-both';
}

/** "GitHub — alice": both names, as the warning quotes them. */
function bothNames(label: TokenLabel): string {
  const second = accountSubtitle(label);
  return second === '' ? accountTitle(label) : `${accountTitle(label)} — ${second}`;
}

/**
 * A key with the names of an account Keyfob has, but another secret: the service has probably
 * re-enrolled the account. Offers "Replace its key" (the old key kept 30 days), "Add as a separate
 * account" or "Skip", and — when several accounts bear those names — which one gets the key.
 */
export function NewKeyChoice({ label, owners, value, onChange, alert = false }: NewKeyChoiceProps) {
  const id = useId();
  const name = bothNames(label);
  const several = owners.length > 1;
  const [target, setTarget] = useState(() =>
    typeof value === 'object' ? value.replace : (owners[0]?.id ?? ''),
  );
  const replacing = typeof value === 'object';
  const pick = (d: 'replace' | 'keep-both' | 'skip') => onChange(d === 'replace' ? { replace: target } : d);
  const why = several
    ? `${name} is already in Keyfob ${owners.length} times, each with a different key. The service has probably issued a new one.`
    : `${name} is already in Keyfob with a different key. The service has probably issued a new one.`;
  return (
    <div className="new-key-choice" role={alert ? 'alert' : undefined}>
      <WarningIcon />
      <fieldset className="new-key-choices">
        <legend>{why}</legend>
        <label>
          <input type="radio" name={id} checked={replacing} onChange={() => pick('replace')} />
          Replace its key
        </label>
        {several && replacing && (
          <OwnerSelect
            label={`Which ${name} gets the new key`}
            owners={owners}
            value={target}
            onChange={(next) => {
              setTarget(next);
              onChange({ replace: next });
            }}
          />
        )}
        <label>
          <input type="radio" name={id} checked={value === 'keep-both'} onChange={() => pick('keep-both')} />
          Add as a separate account
        </label>
        <label>
          <input type="radio" name={id} checked={value === 'skip'} onChange={() => pick('skip')} />
          Skip
        </label>
        {replacing && (
          <p className="new-key-hint">
            The old key is kept for 30 days: “Restore previous key” in the account’s menu brings it back.
          </p>
        )}
      </fieldset>
    </div>
  );
}

interface OwnerSelectProps {
  label: string;
  owners: readonly AccountView[];
  value: string;
  onChange: (id: string) => void;
}

/** The accounts of one name, told apart by their row in the list, date added, type and current code. */
function OwnerSelect({ label, owners, value, onChange }: OwnerSelectProps) {
  const { codes } = useCodes(
    0,
    true,
    owners.map((a) => a.id),
  );
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {owners.map((a) => {
        const code = codes.get(a.id)?.code;
        const added = new Date(a.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' });
        const kind = a.type === 'steam' ? 'Steam Guard' : a.type.toUpperCase();
        const parts = [`Row ${a.order + 1}`, `added ${added}`, kind];
        if (code !== undefined) parts.push(`code ${groupCode(code, a.type)}`);
        return (
          <option key={a.id} value={a.id}>
            {parts.join(' · ')}
          </option>
        );
      })}
    </select>
  );
}
