import { basename, join } from 'node:path';
import { KeyfobError } from '../../shared/errors';
import { MAX_IMPORT_BYTES, readInputFile } from '../formats';
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from '../atomic-file';

/**
 * Reads a backup chosen for import: a regular file no larger than a backup can be, checked before
 * reading (a folder, a device or a pipe gets a message instead of a hang).
 */
export function readBackupFile(path: string): Promise<Uint8Array> {
  return readInputFile(path, { maxBytes: MAX_IMPORT_BYTES, what: 'backup', name: basename(path) });
}

/**
 * Writes a backup where the save dialog said (it asked before replacing a file) so that the target
 * is either the old file or the complete new one, with mode 600.
 */
export async function writeBackupFile(path: string, bytes: Uint8Array): Promise<void> {
  await writeFileAtomic(path, bytes).catch(() => {
    throw new KeyfobError('storage-unavailable', `Keyfob could not write ${basename(path)}.`);
  });
}

/** Where the backup reminder's state is kept, next to settings.json in the vault home. */
export const BACKUP_STATE_FILE = 'backup-state.json';

/** The last successful export and the last time the reminder was dismissed, in ms since the epoch. */
export interface BackupState {
  lastBackupAt: number | null;
  reminderDismissedAt: number | null;
}

/** Reads the backup state; missing or invalid values are null. */
export async function readBackupState(home: string): Promise<BackupState> {
  const raw = await readJsonFile(join(home, BACKUP_STATE_FILE));
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const ms = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { lastBackupAt: ms(o.lastBackupAt), reminderDismissedAt: ms(o.reminderDismissedAt) };
}

/** Changes part of the backup state. */
export async function updateBackupState(home: string, patch: Partial<BackupState>): Promise<void> {
  await writeJsonAtomic(join(home, BACKUP_STATE_FILE), { ...(await readBackupState(home)), ...patch });
}

/** How long a dismissed reminder stays away: it may nag at most once a week. */
export const REMINDER_QUIET_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Whether to remind: some account changed after the last backup (or there was none), and the
 * reminder was not dismissed within the last week.
 */
export function reminderDue(state: BackupState, lastChangeMs: number | null, nowMs: number): boolean {
  if (lastChangeMs === null) return false;
  if (state.lastBackupAt !== null && state.lastBackupAt >= lastChangeMs) return false;
  return state.reminderDismissedAt === null || nowMs - state.reminderDismissedAt >= REMINDER_QUIET_MS;
}
