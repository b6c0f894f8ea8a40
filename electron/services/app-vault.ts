import type { VaultStatus } from '../../shared/ipc/shapes';
import type { SecretStore, Vault } from '../vault';
import { isVaultProblem, toErrorData } from './errors';

/** What opening the vault yields (the shape of `Vault.open`). */
export interface OpenedVault {
  vault: Vault;
  report: { recovered: string[] };
}

/**
 * The vault as the app holds it: opened once at start, possibly not at all (locked keychain,
 * unreadable folder). The app still starts; `status()` says why and `retry()` tries again.
 */
export interface AppVault {
  /** The open vault; throws the reason it could not be opened. */
  current(): Vault;
  /** Open and the keychain usable right now (with what recovery repaired), or the error to show in the banner. */
  status(): Promise<VaultStatus>;
  /** Opens the vault if it is not open yet, then reports {@link status}. */
  retry(): Promise<VaultStatus>;
}

/** The app's vault, opened with `open()` now and on each retry; `secrets` is probed for the status. */
export async function openAppVault(
  open: () => Promise<OpenedVault>,
  secrets: SecretStore,
): Promise<AppVault> {
  let opened: OpenedVault | null = null;
  let failure: unknown = null;
  const tryOpen = async (): Promise<void> => {
    try {
      opened = await open();
      failure = null;
    } catch (error) {
      if (!isVaultProblem(error))
        console.error(`[keyfob] opening the vault failed (${(error as Error).name})`);
      failure = error;
    }
  };
  await tryOpen();
  const status = async (): Promise<VaultStatus> => {
    if (opened === null) return { ok: false, error: toErrorData(failure) };
    // Saves another process left half-done (it was killed) are finished once it is gone; while a
    // writer is at work this returns at once and changes nothing.
    const more = await opened.vault.recover().catch((error: unknown) => {
      if (!isVaultProblem(error)) throw error;
      return [];
    });
    opened.report.recovered.push(...more);
    try {
      // A keychain locked after start only shows when it is used: ask it directly.
      await secrets.probe?.();
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
    return { ok: true, recovered: [...opened.report.recovered] };
  };
  return {
    current() {
      if (opened === null) throw failure;
      return opened.vault;
    },
    status,
    async retry() {
      if (opened === null) await tryOpen();
      return status();
    },
  };
}
