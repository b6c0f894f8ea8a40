import { useId } from 'react';
import type { AccountView } from '../../../shared/ipc/shapes';
import { Dialog } from './Dialog';
import { accountSubtitle, accountTitle } from '../../../shared/account-name';

interface ConfirmDeleteDialogProps {
  account: AccountView;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before deleting; Cancel has the focus so Enter alone never deletes. */
export function ConfirmDeleteDialog({ account, onConfirm, onClose }: ConfirmDeleteDialogProps) {
  const descId = useId();
  const name = accountTitle(account);
  const second = accountSubtitle(account);
  return (
    <Dialog title={`Delete ${name}?`} onClose={onClose} describedBy={descId} className="narrow">
      <div id={descId} className="dialog-body">
        <p>
          {second ? (
            <>
              The account <strong>{second}</strong> and its secret key will be removed from Keyfob.
            </>
          ) : (
            'This account and its secret key will be removed from Keyfob.'
          )}
        </p>
        <p className="muted">
          Before you delete it, make sure you can still sign in to {name} — turn off two-factor sign-in there
          first, or keep another authenticator.
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={onConfirm}>
          Delete
        </button>
      </div>
    </Dialog>
  );
}
