import { KeyIcon, PlusIcon } from './Icons';

interface EmptyStateProps {
  onAdd: () => void;
}

/** Shown when the vault has no accounts: what Keyfob does and how to add the first account. */
export function EmptyState({ onAdd }: EmptyStateProps) {
  return (
    <section className="empty" aria-labelledby="empty-title">
      <KeyIcon />
      <h2 id="empty-title">No accounts yet</h2>
      <p>
        Keyfob shows the sign-in codes for your accounts. To add one, turn on two-step verification on the
        website, choose <em>authenticator app</em>, and copy the setup key it shows — often behind a link such
        as “Can’t scan the QR code?”.
      </p>
      <button type="button" className="button primary" onClick={onAdd}>
        <PlusIcon />
        Enter a setup key
      </button>
    </section>
  );
}
