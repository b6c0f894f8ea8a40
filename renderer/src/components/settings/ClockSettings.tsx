import { useState } from 'react';
import { DEFAULT_CLOCK_SERVER } from '../../../../shared/clock-server';
import { useClock } from '../../hooks/useClock';
import { useSettingSave } from '../../hooks/useSettingSave';
import { clockStatusText } from '../../lib/clock-status-text';
import { Field } from '../Field';
import { SettingToggle, SettingsSection, type SettingsSectionProps } from './SettingsSection';

/**
 * The clock: the time server (HOST[:PORT], saved on Enter or on leaving the field), whether codes
 * use the corrected time, and what the last measurement said.
 */
export function ClockSettings({ settings, update }: SettingsSectionProps) {
  const { value: clock } = useClock();
  const { error, save } = useSettingSave(update);
  const [server, setServer] = useState(settings.clockServer);
  const [shown, setShown] = useState(settings.clockServer);
  // A save (main writes the server one way) or another window's change replaces what is typed.
  if (shown !== settings.clockServer) {
    setShown(settings.clockServer);
    setServer(settings.clockServer);
  }
  const saveServer = () => {
    if (server.trim() !== settings.clockServer) void save({ clockServer: server.trim() });
  };

  return (
    <SettingsSection title="Clock">
      <p className="settings-note">
        Codes only work while this computer’s clock is within about half a minute of the sites’. Keyfob
        compares it with a time server at start, every 6 hours and after sleep.
      </p>
      <Field
        label="Time server"
        hint={`HOST or HOST:PORT; the default is ${DEFAULT_CLOCK_SERVER}.`}
        error={error ?? undefined}
      >
        <input
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={server}
          onChange={(e) => setServer(e.target.value)}
          onBlur={saveServer}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveServer();
          }}
        />
      </Field>
      <SettingToggle
        label="Use corrected time: compute codes at the time server’s time"
        checked={settings.useCorrectedTime}
        onChange={(on) => void save({ useCorrectedTime: on })}
      />
      {clock !== null && (
        <p className="settings-note" role="status">
          {clockStatusText(clock)}
        </p>
      )}
      {settings.clockServer !== DEFAULT_CLOCK_SERVER && (
        <div className="settings-buttons">
          <button
            type="button"
            className="button small"
            onClick={() => void save({ clockServer: DEFAULT_CLOCK_SERVER })}
          >
            Use {DEFAULT_CLOCK_SERVER}
          </button>
        </div>
      )}
    </SettingsSection>
  );
}
