import { basename } from 'node:path';
import { KeyfobError } from '../../shared/errors';
import { exportFormat, type AppExportFormat } from '../../shared/export-formats';
import type {
  ExportSummary,
  ImportChoice,
  ImportEntryView,
  ImportOpened,
  ImportProgress,
  ImportSummary,
} from '../../shared/ipc/shapes';
import type { DialogsAdapter } from '../adapters/dialogs';
import {
  companionsOf,
  detectImport,
  importChoices,
  readImport,
  showSource,
  writeExport,
  type DetectedImport,
} from '../formats';
import type { Vault } from '../vault';
import type { Timers } from './clipboard-clear';
import { toAccountView } from './codes';
import { planImport } from './import/plan';
import { emptySummary, ImportSessions, saveSession } from './import/sessions';
import { tokensOf } from './tokens';
import {
  readBackupFile,
  readBackupState,
  reminderDue,
  updateBackupState,
  writeBackupFile,
} from './backup-file';

/** The backup channels: import sessions (bytes and seeds stay here) and export. */
export interface BackupHandlers {
  importOpen(): Promise<ImportOpened | null>;
  importRead(sessionId: string, password: string | null, formatId: string | null): Promise<ImportEntryView[]>;
  importCommit(sessionId: string, choices: ImportChoice[]): Promise<ImportSummary>;
  /** Stops that import's save in progress after the account being written (nothing to stop: nothing). */
  importStop(sessionId: string): Promise<null>;
  importCancel(sessionId: string): Promise<null>;
  exportTo(format: AppExportFormat, password: string | null): Promise<ExportSummary | null>;
  /** Whether the backup reminder banner should show now. */
  reminder(): Promise<boolean>;
  dismissReminder(): Promise<null>;
}

/**
 * Backup handlers over the vault, the file dialogs, the vault home (last-backup time), a clock,
 * the timers that end an import session's 5-minute hold, `keychainReady`, which throws when the
 * keychain cannot take a write right now (the secret store's probe), and `progress`, told how far
 * each save is.
 */
export function backupHandlers(
  vault: () => Vault,
  dialogs: DialogsAdapter,
  home: string,
  now: () => number,
  timers?: Timers,
  keychainReady?: () => Promise<void>,
  progress?: (p: ImportProgress) => void,
): BackupHandlers {
  const sessions = new ImportSessions(now, timers);
  // The saves in progress, by session id: kept apart from the sessions, whose 5-minute hold may end
  // during a long save, so a stop always reaches its save.
  const saving = new Map<string, AbortController>();

  return {
    async importOpen() {
      const path = await dialogs.openFile({ title: 'Import accounts from a backup' });
      if (path === null) return null;
      const bytes = await readBackupFile(path);
      const fileName = basename(path);
      // A file no format recognises still opens: the user may know which app made it.
      let detected: DetectedImport | undefined;
      let unrecognised: string | null = null;
      try {
        detected = detectImport(fileName, bytes);
      } catch (e) {
        if (!(e instanceof KeyfobError) || e.field !== 'format') throw e;
        unrecognised = e.message;
      }
      const sessionId = sessions.open(fileName, bytes, companionsOf(path));
      const formats =
        detected?.sure === true
          ? []
          : importChoices(bytes).map((c) => ({
              id: c.formatId,
              label: c.label,
              needsPassword: c.needsPassword,
            }));
      return {
        sessionId,
        fileName,
        formatId: detected?.formatId ?? null,
        formatLabel: detected?.label ?? 'backup',
        needsPassword: detected?.needsPassword ?? false,
        formats,
        unrecognised,
      };
    },
    async importRead(id, password, formatId) {
      const s = sessions.use(id);
      const report = await readImport(s.fileName, s.bytes, password ?? undefined, {
        formatId: formatId ?? undefined,
        companion: s.companion,
      });
      s.plan = await planImport(vault(), [report]);
      s.done = [];
      s.summary = emptySummary();
      return s.plan.map((p) => ({
        source: showSource(p.source),
        issuer: p.token?.issuer ?? '',
        account: p.token?.account ?? '',
        type: p.token?.type ?? null,
        status: p.status,
        duplicateOf: p.duplicateOf?.account ? toAccountView(p.duplicateOf.account) : null,
        newKeyFor: (p.newKeyFor ?? []).map(toAccountView),
        message: p.message ?? null,
      }));
    },
    async importCommit(id, choices) {
      const s = sessions.use(id);
      if (s.plan === null) throw new KeyfobError('invalid-input', 'Read the backup before saving it.');
      if (choices.length !== s.plan.length)
        throw new KeyfobError('invalid-input', 'The request was malformed: expected one choice per entry.');
      // A keychain locked while the user reviewed the list fails here, in one write, rather than in
      // many parallel ones (libsecret can leave those waiting for an unlock prompt).
      await keychainReady?.();
      // The session (plan and progress) stays until the save succeeds or is stopped: a keychain that
      // locks half-way throws here, and the renderer's Retry saves the rest.
      if (saving.has(id)) throw new KeyfobError('busy', 'This import is already being saved.');
      const stop = new AbortController();
      saving.set(id, stop);
      try {
        const summary = await saveSession(vault(), s, choices, {
          signal: stop.signal,
          progress: (p) => progress?.({ sessionId: id, ...p }),
        });
        sessions.close(id);
        return summary;
      } finally {
        saving.delete(id);
      }
    },
    async importStop(id) {
      saving.get(id)?.abort();
      return null;
    },
    async importCancel(id) {
      saving.get(id)?.abort();
      sessions.close(id);
      return null;
    },
    async reminder() {
      const changes = (await vault().list()).flatMap((a) => [
        Date.parse(a.createdAt),
        Date.parse(a.updatedAt),
      ]);
      const last = changes.filter(Number.isFinite).reduce<number | null>((m, t) => Math.max(m ?? t, t), null);
      return reminderDue(await readBackupState(home), last, now());
    },
    async dismissReminder() {
      await updateBackupState(home, { reminderDismissedAt: now() });
      return null;
    },
    async exportTo(formatId, password) {
      const format = exportFormat(formatId);
      if (!format?.inApp)
        throw new KeyfobError('invalid-input', 'The request was malformed: unknown export format.', 'format');
      if (format.encrypted && (password === null || password === ''))
        throw new KeyfobError('invalid-input', 'Choose a password for the encrypted backup.', 'password');
      const day = new Date(now()).toISOString().slice(0, 10);
      const path = await dialogs.saveFile({
        title: 'Save backup',
        defaultName: `keyfob-backup-${day}.${format.extension}`,
      });
      if (path === null) return null;
      const tokens = await tokensOf(vault(), await vault().list());
      const result = await writeExport(
        format.id,
        tokens,
        format.encrypted ? (password ?? undefined) : undefined,
      );
      await writeBackupFile(path, result.bytes);
      const atMs = now();
      await updateBackupState(home, { lastBackupAt: atMs });
      return { fileName: basename(path), count: tokens.length, atMs };
    },
  };
}
