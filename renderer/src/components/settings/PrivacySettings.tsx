import { useSettingSave } from '../../hooks/useSettingSave';
import { FormError } from '../FormError';
import { SettingToggle, SettingsSection, type SettingsSectionProps } from './SettingsSection';

/** What others may see: the window in screen shares and screenshots, codes on screen. */
export function PrivacySettings({ settings, status, update }: SettingsSectionProps) {
  const { error, save } = useSettingSave(update);
  const protection = status.contentProtection;
  return (
    <SettingsSection title="Privacy">
      <SettingToggle
        label="Hide Keyfob from screenshots and screen sharing"
        checked={settings.contentProtection && protection.available}
        disabled={!protection.available}
        hint={
          protection.message ??
          'Screen shares and screenshots show an empty window. Turn this off to share Keyfob on purpose.'
        }
        onChange={(on) => void save({ contentProtection: on })}
      />
      <SettingToggle
        label="Blur codes until I point at them or move to them"
        checked={settings.blurCodes}
        hint="A code shows when the pointer is over its row or the row has keyboard focus; screen readers still read it."
        onChange={(on) => void save({ blurCodes: on })}
      />
      <FormError message={error} />
    </SettingsSection>
  );
}
