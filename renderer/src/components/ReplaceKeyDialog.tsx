import { useCallback, useEffect, useState } from 'react';
import type { AccountView, NewKeyCheck, ScanPreview } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import { usePendingPreview, useQrScanner } from '../hooks/useQrScanner';
import { DraftPreview } from './DraftPreview';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { FormError } from './FormError';
import { ScanSources } from './ScanSources';
import { accountName, accountTitle } from '../../../shared/account-name';

interface ReplaceKeyDialogProps {
  account: AccountView;
  onSaved: (account: AccountView) => void;
  onClose: () => void;
}

/**
 * "Replace key…" after the site reset two-factor sign-in: the new QR code scanned (image file,
 * webcam, screen, drop or paste — through main's scan session, so the key never comes here) or the
 * new key typed (base32 or an otpauth:// link); its code shown for checking against the site, then
 * the swap. Name and place stay; the old key can be restored for 30 days.
 */
export function ReplaceKeyDialog({ account, onSaved, onClose }: ReplaceKeyDialogProps) {
  const [key, setKey] = useState('');
  const [check, setCheck] = useState<NewKeyCheck | null>(null);
  const [scanned, setScanned] = useState<ScanPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = accountTitle(account);

  const onPreview = useCallback((p: ScanPreview) => {
    setScanned(p);
    setKey('');
    setCheck(null);
    setError(null);
  }, []);
  const scanner = useQrScanner({ onPreview, paused: false });
  usePendingPreview(
    scanned !== null,
    useCallback((p: ScanPreview) => setScanned((s) => (s === null ? null : p)), []),
  );
  const close = () => {
    scanner.endSession();
    onClose();
  };

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

  const [entry, ...others] = scanned?.entries ?? [];
  const scannedError =
    entry !== undefined && others.length > 0
      ? `This code holds ${others.length + 1} accounts; scan the QR code of ${name} alone.`
      : undefined;
  const ready = scanned !== null ? entry !== undefined && others.length === 0 : check?.preview != null;

  const save = async () => {
    if (!ready) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(
        await (scanned !== null
          ? call('scan:replace-key', account.id)
          : call('accounts:replace-key', account.id, key)),
      );
    } catch (e) {
      setError(errorData(e).message);
      setSaving(false);
    }
  };

  return (
    <Dialog title={`Replace the key of ${name}`} onClose={close} className="scan-dialog">
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
        <ScanSources scanner={scanner} label="Scan the new QR code from" compact />
        <Field
          label="New secret key or otpauth:// link"
          error={key.trim() !== '' ? (check?.error ?? undefined) : scannedError}
          hint="Or type it: spaces, dashes and lower case are fine."
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
              // Typing takes over from a scanned code, which main then forgets.
              if (scanned !== null) {
                setScanned(null);
                scanner.endSession();
              }
            }}
          />
        </Field>
        <DraftPreview
          check={{
            errors: {},
            preview: scanned !== null ? (ready ? (entry?.code ?? null) : null) : (check?.preview ?? null),
            duplicateOf: null,
            newKeyFor: [],
          }}
          type={entry?.type ?? account.type}
        />
        {ready && entry !== undefined && accountName(entry) !== accountName(account) && (
          <p className="muted">
            The scanned code names it {accountName(entry)}; the account keeps the name {accountName(account)}.
          </p>
        )}
        <FormError message={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving || !ready}>
            Replace key
          </button>
        </div>
      </form>
    </Dialog>
  );
}
