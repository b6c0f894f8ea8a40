import { useState } from 'react';
import type { ErrorData } from '../../../shared/errors';
import { RefreshIcon, WarningIcon } from './Icons';

interface VaultBannerProps {
  error: ErrorData;
  onRetry: () => Promise<void>;
}

const TITLES: Partial<Record<ErrorData['code'], string>> = {
  'keychain-locked': 'The keychain is locked',
  'keychain-unavailable': 'The keychain is unavailable',
  'storage-unavailable': 'Your accounts could not be read',
};

/** Why codes cannot be shown, with Retry. Accounts stay listed: nothing is hidden or deleted. */
export function VaultBanner({ error, onRetry }: VaultBannerProps) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="banner" role="alert">
      <WarningIcon />
      <div className="banner-text">
        <strong>{TITLES[error.code] ?? 'Codes are unavailable'}</strong>
        <span>{error.message}</span>
        <span className="muted">Your accounts are safe; codes come back once it is available.</span>
      </div>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onRetry();
          } finally {
            setBusy(false);
          }
        }}
      >
        <RefreshIcon />
        Retry
      </button>
    </div>
  );
}
