import { useEffect, useId, useRef, useState } from 'react';
import type { LockStatus } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import { Field } from './Field';
import { KeyIcon } from './Icons';
import '../styles/lock-clock.css';

interface UnlockScreenProps {
  status: LockStatus;
  /** What main said after an attempt (also pushed as `lock:changed`). */
  onStatus: (status: LockStatus) => void;
}

/**
 * The whole window while Keyfob is locked: a password field, Unlock, and Touch ID where the Mac
 * has it. After a wrong password main makes the next attempt wait; the button counts it down. The
 * typed password is dropped from the form after every attempt.
 */
export function UnlockScreen({ status, onStatus }: UnlockScreenProps) {
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitS, setWaitS] = useState(() => Math.ceil(status.retryInMs / 1000));

  // One timer a second, only while a wait runs: the button says how long is left.
  useEffect(() => {
    if (waitS <= 0) return;
    const timer = setTimeout(() => setWaitS((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [waitS]);

  const attempt = async (unlock: () => Promise<LockStatus>) => {
    setBusy(true);
    setError(null);
    try {
      onStatus(await unlock());
    } catch (e) {
      setError(errorData(e).message);
      const next = await call('lock:status').catch(() => null);
      if (next !== null) setWaitS(Math.ceil(next.retryInMs / 1000));
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <main className="unlock" aria-labelledby={titleId}>
      <form
        className="unlock-card"
        onSubmit={(e) => {
          e.preventDefault();
          const typed = password;
          setPassword('');
          void attempt(() => call('lock:unlock', typed));
        }}
      >
        <KeyIcon />
        <h1 id={titleId}>Keyfob is locked</h1>
        <p className="muted">Type your lock password to see your codes.</p>
        <Field label="Password" error={error ?? undefined}>
          <input
            ref={input}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            // Read-only, not disabled, while checking: a disabled field would drop the focus.
            readOnly={busy}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <button type="submit" className="button primary" disabled={busy || waitS > 0 || password === ''}>
          {waitS > 0 ? `Try again in ${waitS} s` : 'Unlock'}
        </button>
        {status.touchId && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void attempt(() => call('lock:unlock-touch-id'))}
          >
            Unlock with Touch ID
          </button>
        )}
      </form>
    </main>
  );
}
