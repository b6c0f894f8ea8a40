import { afterEach, beforeEach } from 'vitest';
import { Vault } from '../../electron/vault';
import { tempHome } from './fixtures';
import { memorySecretStore, type MemorySecretStore } from './memory-secret-store';

/** The vault of the test running now, its folder and its in-memory keychain. */
export interface MemoryVault {
  readonly home: string;
  readonly store: MemorySecretStore;
  readonly vault: Vault;
}

/**
 * Gives every test of the calling file a fresh vault over an in-memory keychain in a temp folder
 * (removed after the test): call it at the top of the file, read its fields inside the tests.
 */
export function useMemoryVault(): MemoryVault {
  let current: MemoryVault | undefined;
  let cleanup: () => void = () => undefined;
  beforeEach(async () => {
    const temp = tempHome();
    cleanup = temp.cleanup;
    const store = memorySecretStore();
    const { vault } = await Vault.open({ home: temp.home, secrets: store });
    current = { home: temp.home, store, vault };
  });
  afterEach(() => cleanup());
  const now = (): MemoryVault => {
    if (current === undefined) throw new Error('useMemoryVault: read its fields inside a test');
    return current;
  };
  return {
    get home() {
      return now().home;
    },
    get store() {
      return now().store;
    },
    get vault() {
      return now().vault;
    },
  };
}
