import type { BrowserWindow, MessageBoxOptions, SaveDialogOptions } from 'electron';
import { loadElectron } from './electron-module';
import { KeyfobError } from '../../shared/errors';

/** A question main asks before something irreversible, e.g. showing secret keys on screen. */
export interface ConfirmRequest {
  /** The window title (some desktops show it, others do not). */
  title: string;
  /** The question itself, in one sentence. */
  message: string;
  /** What the user should know before answering (which accounts, what the risk is). */
  detail: string;
  /** The label of the button that goes ahead; the other one is "Cancel", the default. */
  confirmLabel: string;
}

/** The native dialogs as the services see them: a chosen path (null when cancelled), or a yes/no. */
export interface DialogsAdapter {
  /** Asks for a backup file to import. */
  openFile(options: { title: string }): Promise<string | null>;
  /** Asks where to write a backup, suggesting `defaultName`; an existing file is confirmed first. */
  saveFile(options: { title: string; defaultName: string }): Promise<string | null>;
  /** Asks the user to confirm; true only when they chose `confirmLabel`. */
  confirm(request: ConfirmRequest): Promise<boolean>;
}

/**
 * The save dialog's options. macOS and Windows always ask before replacing a file; on Linux (GTK)
 * only `showOverwriteConfirmation` makes the dialog ask.
 */
export function saveDialogOptions(title: string, defaultName: string): SaveDialogOptions {
  return { title, defaultPath: defaultName, properties: ['showOverwriteConfirmation', 'createDirectory'] };
}

/** The message box for a {@link ConfirmRequest}: a warning whose default (Enter, Escape) is Cancel. */
export function confirmBoxOptions(request: ConfirmRequest): MessageBoxOptions {
  return {
    type: 'warning',
    title: request.title,
    message: request.message,
    detail: request.detail,
    buttons: [request.confirmLabel, 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
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
      const options = saveDialogOptions(title, defaultName);
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || r.filePath === undefined || r.filePath === '' ? null : r.filePath;
    },
    async confirm(request) {
      const { dialog } = loadElectron();
      const win = window();
      const options = confirmBoxOptions(request);
      const r = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return r.response === 0;
    },
  };
}

/** For hosts without native dialogs: every dialog fails with a clear message instead of hanging. */
export const noDialogs: DialogsAdapter = {
  openFile: async () => {
    throw new KeyfobError('storage-unavailable', 'File dialogs are not available here.');
  },
  saveFile: async () => {
    throw new KeyfobError('storage-unavailable', 'File dialogs are not available here.');
  },
  confirm: async () => {
    throw new KeyfobError('storage-unavailable', 'Confirmation dialogs are not available here.');
  },
};
