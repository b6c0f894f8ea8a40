import { loadElectron } from './electron-module';

/**
 * A Touch ID prompt (macOS). Only a prompt: it proves someone at the Mac touched the sensor, but
 * nothing is encrypted with it. The lock's password verifier, not Touch ID, is what protects
 * anything against a person with the files.
 */
export interface TouchIdAdapter {
  /** True when this Mac can show the prompt now (a sensor, enrolled fingers). */
  available(): boolean;
  /** Shows the prompt with `reason`; true when the user was recognised, false when cancelled or failed. */
  prompt(reason: string): Promise<boolean>;
}

/** No Touch ID (Windows, Linux, tests). */
export const noTouchId: TouchIdAdapter = { available: () => false, prompt: async () => false };

/** Electron's `systemPreferences.canPromptTouchID` / `promptTouchID`, on macOS only. */
export function electronTouchId(platform: NodeJS.Platform = process.platform): TouchIdAdapter {
  if (platform !== 'darwin') return noTouchId;
  const { systemPreferences } = loadElectron();
  return {
    available: () => systemPreferences.canPromptTouchID(),
    prompt: (reason) =>
      systemPreferences.promptTouchID(reason).then(
        () => true,
        () => false,
      ),
  };
}
