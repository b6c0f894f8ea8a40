import { useState } from 'react';
import type { LockStatus } from '../../../../shared/ipc/shapes';
import { call } from '../../bridge';
import { useLock } from '../../hooks/useLock';
import { useSettingSave } from '../../hooks/useSettingSave';
import { Field } from '../Field';
import { FormError } from '../FormError';
import { LockPasswordForm } from './LockPasswordForm';
import { SettingToggle, SettingsSection, type SettingsSectionProps } from './SettingsSection';

/** The auto-lock choices, in minutes (0: never because of idle time). */
const AUTO_LOCK_MINUTES = [1, 2, 5, 10, 15, 30, 60, 0];

/**
 * The app lock: off by default. Set a password to turn it on; then choose the idle time, Touch
 * ID (on a Mac that has it), lock now, or change or remove the password (the current one required).
 */
export function LockSettings({ settings, update }: SettingsSectionProps) {
  const { value: status, set } = useLock();
  const [open, setOpen] = useState<'change' | 'remove' | null>(null);
  const { error, save } = useSettingSave(update);
  const done = async (reply: Promise<LockStatus>) => {
    set(await reply);
    setOpen(null);
  };

  return (
    <SettingsSection title="Lock">
      <p className="settings-note">
        With a password, Keyfob shows only an unlock form after the idle time below, when the computer sleeps
        and when its screen locks (Windows, macOS). The <code>keyfob</code> command line is not locked: the
        system keychain guards it.
      </p>
      {status?.enabled !== true ? (
        <LockPasswordForm
          current={false}
          next
          submitLabel="Turn on the lock"
          onSubmit={(_, next) => done(call('lock:set-password', null, next))}
        />
      ) : (
        <>
          <Field label="Lock after">
            <select
              value={settings.autoLockMinutes}
              onChange={(e) => void save({ autoLockMinutes: Number(e.target.value) })}
            >
              {AUTO_LOCK_MINUTES.map((m) => (
                <option key={m} value={m}>
                  {m === 0 ? 'Never (only on sleep and screen lock)' : `${m} min without input`}
                </option>
              ))}
            </select>
          </Field>
          {status.touchIdPresent && (
            <SettingToggle
              label="Unlock with Touch ID (the password still works)"
              checked={settings.touchIdUnlock}
              onChange={(on) => void save({ touchIdUnlock: on })}
            />
          )}
          <FormError message={error} />
          <div className="settings-buttons">
            <button type="button" className="button small" onClick={() => void done(call('lock:lock'))}>
              Lock now
            </button>
            <button type="button" className="button small" onClick={() => setOpen('change')}>
              Change password…
            </button>
            <button type="button" className="button small danger" onClick={() => setOpen('remove')}>
              Turn off the lock…
            </button>
          </div>
          {open === 'change' && (
            <LockPasswordForm
              current
              next
              submitLabel="Change password"
              onSubmit={(current, next) => done(call('lock:set-password', current, next))}
              onCancel={() => setOpen(null)}
            />
          )}
          {open === 'remove' && (
            <LockPasswordForm
              current
              next={false}
              danger
              submitLabel="Turn off the lock"
              onSubmit={(current) => done(call('lock:remove-password', current ?? ''))}
              onCancel={() => setOpen(null)}
            />
          )}
        </>
      )}
    </SettingsSection>
  );
}
