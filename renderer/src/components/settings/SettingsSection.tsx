import { useId, type ReactNode } from 'react';
import type { Settings, SettingsStatus } from '../../../../shared/ipc/shapes';

/** What every section of the Settings dialog gets: the saved settings, what this desktop offers, and how to save. */
export interface SettingsSectionProps {
  settings: Settings;
  status: SettingsStatus;
  /** Saves a change in main, which checks it; rejects with main's message. */
  update: (patch: Partial<Settings>) => Promise<void>;
}

/** One titled group of the Settings dialog, named for screen readers by its heading. */
export function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

interface SettingToggleProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Why it cannot be changed here, or what it does; read with the checkbox. */
  hint?: string | null;
  /** What went wrong the last time (shown as an error). */
  error?: string | null;
  disabled?: boolean;
}

/** A labelled checkbox with its hint or error wired to it for screen readers. */
export function SettingToggle({ label, checked, onChange, hint, error, disabled }: SettingToggleProps) {
  const id = useId();
  const note = error ?? hint ?? null;
  return (
    <div className="setting-toggle">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={note === null ? undefined : `${id}-note`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {note !== null && (
        <p id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {note}
        </p>
      )}
    </div>
  );
}
