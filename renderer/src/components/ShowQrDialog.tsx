import { useId, useState } from 'react';
import type { AccountView } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import { useHideWhenLeft } from '../hooks/useHideWhenLeft';
import { Dialog } from './Dialog';
import { FormError } from './FormError';
import { accountSubtitle, accountTitle } from '../../../shared/account-name';

interface ShowQrDialogProps {
  account: AccountView;
  /** The QR image main sent after the user confirmed in its native dialog. */
  image: string;
  onClose: () => void;
}

/**
 * "Show QR": the key as a QR code for a phone to scan. Main asked before sending it (a native
 * dialog naming the account), so there is no second question here. The image is dropped as soon
 * as the window loses focus or is hidden, so it is not left on screen (or in a screen share) by
 * accident; showing it again asks again.
 */
export function ShowQrDialog({ account, image: first, onClose }: ShowQrDialogProps) {
  const [image, setImage] = useState<string | null>(first);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const descId = useId();
  const name = accountTitle(account);
  const second = accountSubtitle(account);

  useHideWhenLeft(image !== null, () => setImage(null));

  const showAgain = async () => {
    setError(null);
    setBusy(true);
    try {
      const reveal = await call('accounts:show-qr', account.id);
      if (reveal !== null) setImage(reveal.image);
    } catch (e) {
      setError(errorData(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`QR code of ${name}`} onClose={onClose} describedBy={descId} className="narrow qr-dialog">
      <div className="dialog-body">
        {image === null ? (
          <div id={descId}>
            <p role="status" className="qr-hidden-note">
              The QR code was hidden because the window lost focus.
            </p>
            <p className="muted">
              It holds the secret key of {second ? `${name} (${second})` : name}; Keyfob asks again before
              showing it.
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
              Close
            </button>
            <button type="button" className="button primary" disabled={busy} onClick={() => void showAgain()}>
              Show again…
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
