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

/** A clipboard that remembers every write, for unit tests and the e2e harness to observe. */
export interface RecordingClipboard extends ClipboardAdapter {
  /** What the clipboard holds now. */
  read(): string;
  /** Every text written, oldest first (including the empty string written by a clear). */
  readonly writes: readonly string[];
}

/** An in-memory clipboard that records writes; `initial` is what it holds before the first one. */
export function recordingClipboard(initial = ''): RecordingClipboard {
  let current = initial;
  const writes: string[] = [];
  return {
    readText: async () => current,
    writeText: async (text) => {
      current = text;
      writes.push(text);
    },
    read: () => current,
    writes,
  };
}
