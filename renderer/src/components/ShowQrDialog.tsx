import { useEffect, useId, useState } from 'react';
import type { AccountView } from '../../../shared/ipc-contract';
import { call, errorData } from '../bridge';
import { displayName, secondaryName } from '../lib/row-label';
import { Dialog } from './Dialog';
import { FormError } from './FormError';

interface ShowQrDialogProps {
  account: AccountView;
  onClose: () => void;
}

/**
 * "Show QR": asks first (the code carries the secret key), then shows the key as a QR code for a
 * phone to scan. The image is dropped as soon as the window loses focus or is hidden, so it is not
 * left on screen (or in a screen share) by accident.
 */
export function ShowQrDialog({ account, onClose }: ShowQrDialogProps) {
  const [image, setImage] = useState<string | null>(null);
  const [hidden, setHidden] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const descId = useId();
  const name = displayName(account.issuer, account.account);
  const second = secondaryName(account.issuer, account.account);

  useEffect(() => {
    if (image === null) return;
    const hide = () => {
      setImage(null);
      setHidden(true);
    };
    const onVisibility = () => document.visibilityState === 'hidden' && hide();
    window.addEventListener('blur', hide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', hide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [image]);

  const reveal = async () => {
    setError(null);
    try {
      setImage((await call('accounts:show-qr', account.id)).image);
      setHidden(false);
    } catch (e) {
      setError(errorData(e).message);
    }
  };

  return (
    <Dialog title={`QR code of ${name}`} onClose={onClose} describedBy={descId} className="narrow qr-dialog">
      <div className="dialog-body">
        {image === null ? (
          <div id={descId}>
            {hidden && (
              <p role="status" className="qr-hidden-note">
                The QR code was hidden because the window lost focus.
              </p>
            )}
            <p>
              The QR code contains the secret key of {second ? `${name} (${second})` : name}. Anyone who sees
              or photographs it can make your codes.
            </p>
            <p className="muted">
              Show it only to scan it with your own phone, with nobody watching your screen.
            </p>
          </div>
        ) : (
          <figure className="qr-figure" id={descId}>
            <img src={image} alt={`QR code with the secret key of ${name}`} className="qr-image" />
            <figcaption className="muted">
              Scan this with your authenticator app. It hides when you leave the window.
            </figcaption>
          </figure>
        )}
        <FormError message={error} />
      </div>
      <div className="dialog-actions">
        {image === null ? (
          <>
            <button type="button" className="button" autoFocus onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button primary" onClick={() => void reveal()}>
              {hidden ? 'Show again' : 'Show QR code'}
            </button>
          </>
        ) : (
          <button type="button" className="button primary" autoFocus onClick={onClose}>
            Done
          </button>
        )}
      </div>
    </Dialog>
  );
}
