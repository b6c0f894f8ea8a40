import { useState } from 'react';
import { useSettingSave } from '../../hooks/useSettingSave';
import { Field } from '../Field';
import { SettingsSection, type SettingsSectionProps } from './SettingsSection';

const SECONDS = /^\d{1,3}$/;

/** The clipboard: how long a copied code stays there. Saved when the field is left or Enter is pressed. */
export function GeneralSettings({ settings, update }: SettingsSectionProps) {
  const saved = String(settings.clearClipboardSeconds);
  const [text, setText] = useState(saved);
  const [local, setLocal] = useState<string | null>(null);
  const { error, save } = useSettingSave(update);

  const commit = () => {
    const value = text.trim();
    if (value === saved) return setLocal(null);
    if (!SECONDS.test(value) || Number(value) > 600) {
      return setLocal('Enter a whole number of seconds from 0 (never clear) to 600.');
    }
    setLocal(null);
    void save({ clearClipboardSeconds: Number(value) });
  };

  return (
    <SettingsSection title="Clipboard">
      <Field
        label="Clear a copied code after (seconds)"
        hint="Only if the clipboard still holds that code. 0 never clears it."
        error={local ?? error ?? undefined}
      >
        <input
          type="text"
          inputMode="numeric"
          className="settings-seconds"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
      </Field>
    </SettingsSection>
  );
}
