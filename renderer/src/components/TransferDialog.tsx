import { useState } from 'react';
import type { AccountView, TransferCodes } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import { useHideWhenLeft } from '../hooks/useHideWhenLeft';
import { Dialog } from './Dialog';
import { FormError } from './FormError';
import { accountName } from '../../../shared/account-name';

interface TransferDialogProps {
  accounts: AccountView[];
  onClose: () => void;
}

const label = (a: AccountView) => accountName(a);

/**
 * "Transfer to Google Authenticator": choose accounts, confirm in main's native dialog (it names
 * them; refusing leaves this step as it was), then scan the migration QR codes one after another
 * ("1 of 3"); accounts Google cannot hold are listed with the reason. The codes are dropped as soon
 * as the window loses focus or is hidden; showing them again asks again and goes on where it was.
 */
export function TransferDialog({ accounts, onClose }: TransferDialogProps) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(accounts.map((a) => a.id)));
  const [codes, setCodes] = useState<TransferCodes | null>(null);
  const [at, setAt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState(false);
  useHideWhenLeft(codes !== null, () => {
    setCodes(null);
    setLeft(true);
  });

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const show = async () => {
    setBusy(true);
    setError(null);
    try {
      const ids = accounts.filter((a) => chosen.has(a.id)).map((a) => a.id);
      const shown = await call('backup:transfer-codes', ids);
      if (shown === null) return; // refused in main's dialog: nothing to show, nothing to say
      setCodes(shown);
      setLeft(false);
      setAt((was) => (was < shown.images.length ? was : 0));
    } catch (e) {
      setError(errorData(e).message);
    } finally {
      setBusy(false);
    }
  };

  const total = codes?.images.length ?? 0;
  const image = codes?.images[at];
  return (
    <Dialog title="Transfer to Google Authenticator" onClose={onClose} className="transfer-dialog">
      <div className="dialog-body">
        {codes === null && left && (
          <p role="status" className="qr-hidden-note">
            The codes were hidden because the window lost focus. Show them again to go on with code {at + 1}.
          </p>
        )}
        {codes === null ? (
          <fieldset className="transfer-choice">
            <legend>Accounts to transfer</legend>
            <label className="transfer-all">
              <input
                type="checkbox"
                checked={chosen.size === accounts.length}
                onChange={(e) => setChosen(new Set(e.target.checked ? accounts.map((a) => a.id) : []))}
              />
              All accounts
            </label>
            <ul className="transfer-list">
              {accounts.map((a) => (
                <li key={a.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(a.id)}
                      onChange={(e) => toggle(a.id, e.target.checked)}
                    />
                    {label(a)}
                  </label>
                </li>
              ))}
            </ul>
            <p className="muted">
              In Google Authenticator choose Transfer accounts → Import accounts and scan each code in turn.
              The codes contain your secret keys: Keyfob asks once more before showing them.
            </p>
          </fieldset>
        ) : (
          <>
            {image !== undefined ? (
              <figure className="qr-figure">
                <img src={image} alt={`Transfer QR code ${at + 1} of ${total}`} className="qr-image" />
                <figcaption aria-live="polite">
                  {at + 1} of {total} · {codes.count} account{codes.count === 1 ? '' : 's'} in all
                </figcaption>
              </figure>
            ) : (
              <p role="status">None of the chosen accounts can be transferred.</p>
            )}
            {codes.skipped.length > 0 && (
              <div className="transfer-skipped">
                <p>Google Authenticator cannot hold these, so they are left out:</p>
                <ul aria-label="Left out">
                  {codes.skipped.map((s) => (
                    <li key={s.name}>
                      <strong>{s.name}</strong> — {s.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
        <FormError message={error} />
      </div>
      <div className="dialog-actions">
        {codes === null ? (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy || chosen.size === 0}
              onClick={() => void show()}
            >
              Show codes…
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" disabled={at === 0} onClick={() => setAt(at - 1)}>
              Previous
            </button>
            {at < total - 1 ? (
              <button type="button" className="button primary" autoFocus onClick={() => setAt(at + 1)}>
                Next
              </button>
            ) : (
              <button type="button" className="button primary" onClick={onClose}>
                Done
              </button>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
