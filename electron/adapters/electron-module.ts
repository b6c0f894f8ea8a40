import { createRequire } from 'node:module';

/** The `electron` module's type, for adapters that load it only when they are actually used. */
export type ElectronModule = typeof import('electron');

/**
 * Loads `electron` on first use. Outside Electron `require('electron')` returns the path of the
 * binary (or throws), so services import adapters' interfaces freely and only the Electron
 * implementations ever call this.
 */
export function loadElectron(): ElectronModule {
  const required: unknown = createRequire(__filename)('electron');
  if (typeof required !== 'object' || required === null) {
    throw new Error('The Electron API is only available inside the Electron main process.');
  }
  return required as ElectronModule;
}
