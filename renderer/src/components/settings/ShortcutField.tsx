import { useId, useState } from 'react';
import {
  DEFAULT_SHORTCUT,
  acceleratorLabel,
  acceleratorOf,
  checkAccelerator,
} from '../../../../shared/accelerator';
import type { DesktopPlatform, Facility } from '../../../../shared/ipc/shapes';

interface ShortcutFieldProps {
  /** The saved accelerator; '' for none. */
  value: string;
  platform: DesktopPlatform;
  /** Whether main could register it, and why not. */
  registration: Facility;
  onChange: (accelerator: string) => Promise<void>;
}

/**
 * The global shortcut, set by pressing it: focus the field and press the keys (Ctrl+Alt+K, say).
 * Tab and Esc keep their meaning; Backspace or Delete alone removes the shortcut. The keys are read
 * from their physical place, and checked here for a quick answer and again in main before saving.
 */
export function ShortcutField({ value, platform, registration, onChange }: ShortcutFieldProps) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const shown = value === '' ? 'None' : acceleratorLabel(value, platform);
  const failed = value !== '' && !registration.available ? registration.message : null;
  const error = problem ?? failed;

  const choose = (accelerator: string) => {
    setProblem(null);
    void onChange(accelerator);
  };

  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>Show or hide Keyfob from any app</label>
      <div className="shortcut-row">
        <input
          id={id}
          type="text"
          readOnly
          className="shortcut-input"
          value={shown}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Tab' || e.key === 'Escape') return;
            e.preventDefault();
            const bare = !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
            if (bare && (e.key === 'Backspace' || e.key === 'Delete')) return choose('');
            const pressed = acceleratorOf(e, platform === 'mac');
            if (pressed === null) return; // only modifiers so far, or a key that cannot be used
            const checked = checkAccelerator(pressed);
            if (checked.ok) choose(checked.accelerator);
            else setProblem(checked.message);
          }}
        />
        <button type="button" className="button small" onClick={() => choose(DEFAULT_SHORTCUT)}>
          Default
        </button>
        <button type="button" className="button small" disabled={value === ''} onClick={() => choose('')}>
          Remove
        </button>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        Focus the field and press the keys, e.g. {acceleratorLabel(DEFAULT_SHORTCUT, platform)}. The shortcut
        shows the window with the search field ready, or hides it.
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
