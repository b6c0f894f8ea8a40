import { useSettingSave } from '../../hooks/useSettingSave';
import { FormError } from '../FormError';
import { SettingToggle, SettingsSection, type SettingsSectionProps } from './SettingsSection';
import { ShortcutField } from './ShortcutField';

/** The tray, starting with the session, and the global shortcut. */
export function WindowSettings({ settings, status, update }: SettingsSectionProps) {
  const { error, save } = useSettingSave(update);
  const tray = status.tray;
  const trayName = status.platform === 'mac' ? 'menu bar' : 'tray';
  // Linux: a panel the session bus cannot tell about (an XEmbed tray) may still show the icon.
  const askAboutIcon = status.platform === 'linux' && (!tray.available || settings.trayIconSeen);
  return (
    <SettingsSection title={status.platform === 'mac' ? 'Menu bar and startup' : 'Tray and startup'}>
      <SettingToggle
        label={`Closing the window keeps Keyfob in the ${trayName}`}
        checked={settings.closeToTray && tray.available}
        disabled={!tray.available}
        hint={tray.message ?? `Quit from the ${trayName} icon's menu.`}
        onChange={(on) => void save({ closeToTray: on })}
      />
      {askAboutIcon && (
        <SettingToggle
          label="My panel shows Keyfob's icon"
          checked={settings.trayIconSeen}
          hint="Tick this if you can see the icon anyway: closing the window will then keep Keyfob there."
          onChange={(on) => void save({ trayIconSeen: on })}
        />
      )}
      <SettingToggle
        label="Start Keyfob when I log in"
        checked={settings.startAtLogin}
        error={status.startAtLogin.available ? status.startAtLogin.message : null}
        disabled={!status.startAtLogin.available}
        hint={status.startAtLogin.available ? null : status.startAtLogin.message}
        onChange={(on) => void save({ startAtLogin: on })}
      />
      <SettingToggle
        label={`Start with the window hidden in the ${trayName}`}
        checked={settings.startHidden && tray.available}
        disabled={!tray.available}
        hint={tray.available ? `Open it from the ${trayName} icon or with the shortcut.` : null}
        onChange={(on) => void save({ startHidden: on })}
      />
      <ShortcutField
        value={settings.shortcut}
        platform={status.platform}
        registration={status.shortcut}
        onChange={(shortcut) => save({ shortcut })}
      />
      <FormError message={error} />
    </SettingsSection>
  );
}
