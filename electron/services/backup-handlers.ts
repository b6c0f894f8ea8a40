import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { KeyfobError } from '../../shared/errors';
import type {
  AppExportFormat,
  ExportSummary,
  ImportChoice,
  ImportEntryView,
  ImportOpened,
  ImportSummary,
} from '../../shared/ipc-contract';
import type { Token } from '../../shared/otp-types';
import type { DialogsAdapter } from '../adapters/dialogs';
import { detectImport, planImport, readImport, writeExport, type PlannedEntry } from '../formats';
import { isEntryError } from '../formats/import-plan';
import type { Vault } from '../vault';
import { idArg } from './args';
import { toAccountView } from './codes';
import { replaceDuplicate } from './replace-duplicate';
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
  importRead(sessionId: unknown, password: unknown): Promise<ImportEntryView[]>;
  importCommit(sessionId: unknown, choices: unknown): Promise<ImportSummary>;
  importCancel(sessionId: unknown): Promise<null>;
  exportTo(format: unknown, password: unknown): Promise<ExportSummary | null>;
  /** Whether the backup reminder banner should show now. */
  reminder(): Promise<boolean>;
  dismissReminder(): Promise<null>;
}

interface ImportSession {
  fileName: string;
  bytes: Uint8Array;
  plan: PlannedEntry[] | null;
}

const FORMATS: Record<AppExportFormat, { ext: string }> = {
  'aegis-encrypted': { ext: 'json' },
  aegis: { ext: 'json' },
  otpauth: { ext: 'txt' },
};

/** Backup handlers over the vault, the file dialogs, the vault home (last-backup time) and a clock. */
export function backupHandlers(
  vault: () => Vault,
  dialogs: DialogsAdapter,
  home: string,
  now: () => number,
): BackupHandlers {
  // One import at a time is what the UI offers; a few are allowed so a stale one never blocks.
  const sessions = new Map<string, ImportSession>();
  const session = (id: unknown): ImportSession => {
    const found = sessions.get(idArg(id));
    if (found === undefined)
      throw new KeyfobError('not-found', 'This import was closed; choose the file again.');
    return found;
  };

  return {
    async importOpen() {
      const path = await dialogs.openFile({ title: 'Import accounts from a backup' });
      if (path === null) return null;
      const bytes = await readBackupFile(path);
      const fileName = basename(path);
      const detected = detectImport(fileName, bytes);
      if (sessions.size >= 4) sessions.delete(sessions.keys().next().value as string);
      const sessionId = randomUUID();
      sessions.set(sessionId, { fileName, bytes, plan: null });
      return { sessionId, fileName, formatLabel: detected.label, needsPassword: detected.needsPassword };
    },
    async importRead(id, password) {
      const s = session(id);
      if (password !== null && typeof password !== 'string')
        throw new KeyfobError('invalid-input', 'The request was malformed: expected a password.');
      const report = await readImport(s.fileName, s.bytes, password ?? undefined);
      s.plan = await planImport(vault(), [report]);
      const accounts = new Map((await vault().list()).map((a) => [a.id, a]));
      return s.plan.map((p) => {
        const stored = p.duplicateOf?.id === undefined ? undefined : accounts.get(p.duplicateOf.id);
        return {
          source: p.source,
          issuer: p.token?.issuer ?? '',
          account: p.token?.account ?? '',
          type: p.token?.type ?? null,
          status: p.status,
          duplicateOf: stored === undefined ? null : toAccountView(stored),
          message: p.message ?? null,
        };
      });
    },
    async importCommit(id, rawChoices) {
      const s = session(id);
      if (s.plan === null) throw new KeyfobError('invalid-input', 'Read the backup before saving it.');
      const choices = choicesArg(rawChoices, s.plan.length);
      sessions.delete(idArg(id));
      const summary: ImportSummary = { added: 0, replaced: 0, skipped: 0, rejected: 0, failed: [] };
      const fail = (entry: PlannedEntry, e: unknown) => {
        if (!isEntryError(e)) throw e;
        summary.failed.push({ source: entry.source, message: (e as KeyfobError).message });
      };
      const adds: PlannedEntry[] = [];
      for (const [i, entry] of s.plan.entries()) {
        const choice = choices[i] as ImportChoice;
        if (entry.status === 'rejected' || entry.token === undefined) summary.rejected++;
        else if (choice === 'skip') summary.skipped++;
        else if (
          choice === 'replace' &&
          entry.status === 'duplicate' &&
          entry.duplicateOf?.id !== undefined
        ) {
          try {
            await replaceDuplicate(vault(), entry.duplicateOf.id, entry.token);
            summary.replaced++;
          } catch (e) {
            fail(entry, e);
          }
        } else adds.push(entry);
      }
      // In chunks through Vault.addMany: a few metadata writes per chunk, not two per account.
      for (let i = 0; i < adds.length; i += ADD_CHUNK) {
        const chunk = adds.slice(i, i + ADD_CHUNK);
        const results = await vault().addMany(
          chunk.map((entry) => ({
            token: entry.token as Token,
            allowDuplicate: entry.status === 'duplicate',
          })),
        );
        for (const [j, result] of results.entries()) {
          if (result instanceof KeyfobError) fail(chunk[j] as PlannedEntry, result);
          else summary.added++;
        }
      }
      return summary;
    },
    async importCancel(id) {
      sessions.delete(idArg(id));
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
    async exportTo(rawFormat, password) {
      const format = exportFormatArg(rawFormat);
      if (format === 'aegis-encrypted' && (typeof password !== 'string' || password === ''))
        throw new KeyfobError('invalid-input', 'Choose a password for the encrypted backup.', 'password');
      const day = new Date(now()).toISOString().slice(0, 10);
      const path = await dialogs.saveFile({
        title: 'Save backup',
        defaultName: `keyfob-backup-${day}.${FORMATS[format].ext}`,
      });
      if (path === null) return null;
      const tokens = await allTokens(vault());
      const result = await writeExport(
        format,
        tokens,
        format === 'aegis-encrypted' ? (password as string) : undefined,
      );
      await writeBackupFile(path, result.bytes);
      const atMs = now();
      await updateBackupState(home, { lastBackupAt: atMs });
      return { fileName: basename(path), count: tokens.length, atMs };
    },
  };
}

/** Every account with its secret, in list order (what an export writes). */
export async function allTokens(vault: Vault): Promise<Token[]> {
  const accounts = await vault.list();
  const secrets = await vault.secrets(accounts.map((a) => a.id));
  return accounts.map((a) => {
    const secret = secrets.get(a.id);
    if (!(secret instanceof Uint8Array))
      throw secret ?? new KeyfobError('not-found', 'The secret of an account is missing from the keychain.');
    const { id: _i, order: _o, createdAt: _c, updatedAt: _u, replacedKey: _r, ...token } = { ...a, secret };
    return token;
  });
}

/** Accounts saved per Vault.addMany call. */
const ADD_CHUNK = 100;

function choicesArg(value: unknown, length: number): ImportChoice[] {
  const ok = new Set<unknown>(['skip', 'replace', 'keep-both']);
  if (!Array.isArray(value) || value.length !== length || !value.every((c) => ok.has(c)))
    throw new KeyfobError('invalid-input', 'The request was malformed: expected one choice per entry.');
  return value as ImportChoice[];
}

function exportFormatArg(value: unknown): AppExportFormat {
  if (value === 'aegis-encrypted' || value === 'aegis' || value === 'otpauth') return value;
  throw new KeyfobError('invalid-input', 'The request was malformed: unknown export format.', 'format');
}
