import type { BrowserWindow } from 'electron';
import { loadElectron } from './electron-module';
import { KeyfobError } from '../../shared/errors';

/** The open/save file dialogs as the services see them: a chosen path, or null when cancelled. */
export interface DialogsAdapter {
  /** Asks for a backup file to import. */
  openFile(options: { title: string }): Promise<string | null>;
  /** Asks where to write a backup, suggesting `defaultName`. */
  saveFile(options: { title: string; defaultName: string }): Promise<string | null>;
}

/** The native dialogs through Electron's `dialog` module, attached to the app's window. */
export function electronDialogs(window: () => BrowserWindow | null): DialogsAdapter {
  return {
    async openFile({ title }) {
      const { dialog } = loadElectron();
      const win = window();
      const options = { title, properties: ['openFile' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async saveFile({ title, defaultName }) {
      const { dialog } = loadElectron();
      const win = window();
      const options = { title, defaultPath: defaultName };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || r.filePath === undefined || r.filePath === '' ? null : r.filePath;
    },
  };
}

/** Dialogs answered by a script, for unit tests and the e2e harness: each call takes the next path. */
export interface ScriptedDialogs extends DialogsAdapter {
  /** Queue the answer to the next open dialog (null = the user cancels). */
  nextOpen(path: string | null): void;
  /** Queue the answer to the next save dialog (null = the user cancels). */
  nextSave(path: string | null): void;
  /** Titles and suggested names of every dialog shown, oldest first. */
  readonly shown: ReadonlyArray<{ kind: 'open' | 'save'; title: string; defaultName?: string }>;
}

/** A {@link ScriptedDialogs}; a dialog with nothing queued is cancelled. */
export function scriptedDialogs(): ScriptedDialogs {
  const opens: Array<string | null> = [];
  const saves: Array<string | null> = [];
  const shown: Array<{ kind: 'open' | 'save'; title: string; defaultName?: string }> = [];
  return {
    async openFile({ title }) {
      shown.push({ kind: 'open', title });
      return opens.shift() ?? null;
    },
    async saveFile({ title, defaultName }) {
      shown.push({ kind: 'save', title, defaultName });
      return saves.shift() ?? null;
    },
    nextOpen: (path) => void opens.push(path),
    nextSave: (path) => void saves.push(path),
    shown,
  };
}

/** For hosts without file dialogs: every dialog fails with a clear message instead of hanging. */
export const noDialogs: DialogsAdapter = {
  openFile: async () => {
    throw new KeyfobError('storage-unavailable', 'File dialogs are not available here.');
  },
  saveFile: async () => {
    throw new KeyfobError('storage-unavailable', 'File dialogs are not available here.');
  },
};
