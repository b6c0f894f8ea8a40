import { loadElectron } from './electron-module';

/** The system clipboard as the services see it: plain text in, plain text out. */
export interface ClipboardAdapter {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

/** The real clipboard through Electron's `clipboard` module (main process only). */
export function electronClipboard(): ClipboardAdapter {
  return {
    readText: async () => loadElectron().clipboard.readText(),
    writeText: async (text) => loadElectron().clipboard.writeText(text),
  };
}
