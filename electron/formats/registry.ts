import { KeyfobError } from '../../shared/errors';
import { aegisFormat } from './aegis';
import { andotpFormat } from './andotp';
import { bitwardenFormat } from './bitwarden';
import type { ImportFormat, ImportResult, ReadOptions } from './format';
import { freeOtpPlusFormat } from './freeotp-plus';
import { googleMigrationFormat } from './google-migration/format';
import { MAX_IMPORT_BYTES } from './import-limits';
import { showBytes } from './input-file';
import { shareParsed } from './json-input';
import { protonFormat } from './proton';
import { twofasFormat } from './twofas';
import { uriListFormat } from './uri-list';

/**
 * Every import format, sorted by label for the app's format list (Aegis keeps its importers in one
 * sorted list too). Detection does not depend on this order: the most confident format wins.
 */
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  twofasFormat,
  aegisFormat,
  andotpFormat,
  bitwardenFormat,
  freeOtpPlusFormat,
  googleMigrationFormat,
  protonFormat,
  uriListFormat,
].sort((a, b) => a.label.localeCompare(b.label, 'en'));

/** What a file turned out to be, before anything is decrypted: enough for the app to ask for a password. */
export interface DetectedImport {
  formatId: string;
  label: string;
  needsPassword: boolean;
}

/** The result of reading one file: which format it was, its entries and its per-entry errors. */
export interface ImportReport extends ImportResult, DetectedImport {}

export { MAX_IMPORT_BYTES };

/** Finds the format of a file; throws `invalid-input` naming what Keyfob can read when none fits. */
export function detectImport(fileName: string, bytes: Uint8Array): DetectedImport {
  return shareParsed(bytes, () => detect(fileName, bytes));
}

function detect(fileName: string, bytes: Uint8Array): DetectedImport {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new KeyfobError(
      'invalid-input',
      `${fileName} is ${showBytes(bytes.length)}; Keyfob reads backups up to ${showBytes(MAX_IMPORT_BYTES)}.`,
    );
  }
  let best: { format: ImportFormat; score: number } | undefined;
  for (const format of IMPORT_FORMATS) {
    const score = format.detect(fileName, bytes);
    if (score > 0 && (best === undefined || score > best.score)) best = { format, score };
  }
  if (best === undefined) {
    const names = IMPORT_FORMATS.map((f) => f.label).join(', ');
    throw new KeyfobError(
      'invalid-input',
      `${fileName} is not a backup Keyfob can read. Keyfob reads: ${names}.`,
    );
  }
  const { format } = best;
  return { formatId: format.id, label: format.label, needsPassword: format.needsPassword(bytes) };
}

/**
 * Reads a foreign backup: detects its format, decrypts it with `password` when it needs one, and
 * returns every entry or its error. Throws only for the file as a whole (unknown format, password
 * missing or wrong, damaged, too many entries), always a KeyfobError; entries are never stored here.
 * `transfers` collects Google Authenticator transfer codes across the files of one import.
 */
export function readImport(
  fileName: string,
  bytes: Uint8Array,
  password?: string,
  transfers?: ReadOptions['transfers'],
): Promise<ImportReport> {
  return shareParsed(bytes, async () => {
    const detected = detect(fileName, bytes);
    const format = IMPORT_FORMATS.find((f) => f.id === detected.formatId) as ImportFormat;
    try {
      const result = await format.read(bytes, { password, sourceName: fileName, transfers });
      return { ...detected, ...result };
    } catch (e) {
      if (e instanceof KeyfobError) throw e;
      // A reader's own failure (a bug, or memory running out): the file is named, never the details.
      const name = e instanceof Error ? e.name : typeof e;
      throw new KeyfobError(
        'invalid-input',
        `${fileName} could not be read as a ${detected.label} (${name}).`,
      );
    }
  });
}
