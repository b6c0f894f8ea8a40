import type { ConfirmRequest, DialogsAdapter } from '../../electron/adapters/dialogs';

/** One dialog a {@link ScriptedDialogs} was asked to show. */
export type ShownDialog =
  | { kind: 'open'; title: string }
  | { kind: 'save'; title: string; defaultName: string }
  | ({ kind: 'confirm' } & ConfirmRequest);

/** Dialogs answered by a script, for unit tests and the e2e harness: each call takes the next answer. */
export interface ScriptedDialogs extends DialogsAdapter {
  /** Queue the answer to the next open dialog (null = the user cancels). */
  nextOpen(path: string | null): void;
  /** Queue the answer to the next save dialog (null = the user cancels). */
  nextSave(path: string | null): void;
  /** Queue the answer to the next confirmation (false = the user chooses Cancel). */
  nextConfirm(answer: boolean): void;
  /** Every dialog shown, oldest first, with what it said. */
  readonly shown: readonly ShownDialog[];
}

/** A {@link ScriptedDialogs}; a dialog with nothing queued is cancelled (a confirmation refused). */
export function scriptedDialogs(): ScriptedDialogs {
  const opens: Array<string | null> = [];
  const saves: Array<string | null> = [];
  const confirms: boolean[] = [];
  const shown: ShownDialog[] = [];
  return {
    async openFile({ title }) {
      shown.push({ kind: 'open', title });
      return opens.shift() ?? null;
    },
    async saveFile({ title, defaultName }) {
      shown.push({ kind: 'save', title, defaultName });
      return saves.shift() ?? null;
    },
    async confirm(request) {
      shown.push({ kind: 'confirm', ...request });
      return confirms.shift() ?? false;
    },
    nextOpen: (path) => void opens.push(path),
    nextSave: (path) => void saves.push(path),
    nextConfirm: (answer) => void confirms.push(answer),
    shown,
  };
}
