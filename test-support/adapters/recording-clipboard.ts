import type { ClipboardAdapter } from '../../electron/adapters/clipboard';

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
