import { KeyfobError } from '../../shared/errors';
import { aegisFormat } from './aegis';
import { googleAuthenticatorDbFormat, microsoftAuthenticatorFormat } from './app-databases';
import { andotpFormat, andotpOldFormat } from './andotp';
import { authyFormat } from './authy';
import { authenticatorPlusDbFormat, authenticatorPlusFormat } from './authenticator-plus';
import { battleNetFormat } from './battle-net';
import { bitwardenFormat } from './bitwarden';
import { duoFormat } from './duo';
import type { Companion, ImportFormat, ImportResult, ReadOptions } from './format';
import { freeOtpPlusFormat } from './freeotp-plus';
import { freeOtpXmlFormat } from './freeotp-xml';
import { freeOtp2Format } from './freeotp2/format';
import { googleMigrationFormat } from './google-migration/format';
import { MAX_IMPORT_BYTES } from './import-limits';
import { showBytes } from './input-file';
import { shareParsed } from './json-input';
import { protonFormat } from './proton';
import { steamFormat } from './steam';
import { stratumDbFormat, stratumFormat } from './stratum';
import { totpAuthenticatorFormat, totpAuthenticatorXmlFormat } from './totp-authenticator';
import { twofasFormat } from './twofas';
import { uriListFormat } from './uri-list';
import { winAuthFormat } from './winauth';

export { MAX_IMPORT_BYTES };

/**
 * Every import format, sorted by label for the app's format list (Aegis keeps its importers in one
 * sorted list too). Detection does not depend on this order: the most confident format wins.
 */
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  twofasFormat,
  aegisFormat,
  andotpFormat,
  andotpOldFormat,
  authenticatorPlusFormat,
  authenticatorPlusDbFormat,
  authyFormat,
  battleNetFormat,
  bitwardenFormat,
  duoFormat,
  freeOtpPlusFormat,
  freeOtpXmlFormat,
  freeOtp2Format,
  googleMigrationFormat,
  googleAuthenticatorDbFormat,
  microsoftAuthenticatorFormat,
  protonFormat,
  steamFormat,
  stratumFormat,
  stratumDbFormat,
  totpAuthenticatorFormat,
  totpAuthenticatorXmlFormat,
  uriListFormat,
  winAuthFormat,
].sort((a, b) => a.label.localeCompare(b.label, 'en'));

/** Detection at or above this score is sure; below it the app offers a choice of format. */
const SURE = 0.5;

/** What a file turned out to be, before anything is decrypted: enough for the app to ask for a password. */
export interface DetectedImport {
  formatId: string;
  label: string;
  needsPassword: boolean;
  /** False when content alone could not tell (a file name, or formats alike): offer a choice. */
  sure: boolean;
}

/** The result of reading one file: which format it was, its entries and its per-entry errors. */
export interface ImportReport extends ImportResult, DetectedImport {}

/** How to read one file besides its bytes and password. */
export interface ImportOptions {
  /** Collects Google Authenticator transfer codes across the files of one import. */
  transfers?: ReadOptions['transfers'];
  /** The format the user named (an id of {@link IMPORT_FORMATS}); detection is skipped. */
  formatId?: string;
  /** Files beside this one (see {@link Companion}). */
  companion?: Companion;
}

/** A format by id; throws a message listing the ids when there is none. */
export function importFormat(id: string): ImportFormat {
  const format = IMPORT_FORMATS.find((f) => f.id === id);
  if (format === undefined) {
    const ids = IMPORT_FORMATS.map((f) => f.id).join(', ');
    throw new KeyfobError(
      'invalid-input',
      `There is no import format '${id.slice(0, 40)}'. Formats: ${ids}.`,
      'format',
    );
  }
  return format;
}

/**
 * Finds the format of a file, or takes the one named by `formatId`; throws `invalid-input` when
 * none fits or the file is too large.
 */
export function detectImport(fileName: string, bytes: Uint8Array, formatId?: string): DetectedImport {
  return shareParsed(bytes, () => detect(fileName, bytes, formatId));
}

function detect(fileName: string, bytes: Uint8Array, formatId?: string): DetectedImport {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new KeyfobError(
      'invalid-input',
      `${fileName} is ${showBytes(bytes.length)}; Keyfob reads backups up to ${showBytes(MAX_IMPORT_BYTES)}.`,
    );
  }
  if (formatId !== undefined) {
    const format = importFormat(formatId);
    return { formatId, label: format.label, needsPassword: format.needsPassword(bytes), sure: true };
  }
  let best: { format: ImportFormat; score: number } | undefined;
  for (const format of IMPORT_FORMATS) {
    const score = format.detect(fileName, bytes);
    if (score > 0 && (best === undefined || score > best.score)) best = { format, score };
  }
  if (best === undefined) {
    throw new KeyfobError(
      'invalid-input',
      `${fileName} is not a backup Keyfob recognises: name the app that made it ` +
        "(Import… offers the list; so does 'keyfob import --help').",
      'format',
    );
  }
  const { format, score } = best;
  return {
    formatId: format.id,
    label: format.label,
    needsPassword: format.needsPassword(bytes),
    sure: score >= SURE,
  };
}

/** Every format as a choice for these bytes: id, label, and whether it would need a password. */
export function importChoices(bytes: Uint8Array): Array<Omit<DetectedImport, 'sure'>> {
  return shareParsed(bytes, () =>
    IMPORT_FORMATS.map((f) => ({ formatId: f.id, label: f.label, needsPassword: f.needsPassword(bytes) })),
  );
}

/**
 * Reads a foreign backup: detects its format (or takes `options.formatId`), decrypts it with
 * `password` when it needs one, and returns every entry or its error. Throws only for the file as
 * a whole (unknown format, password missing or wrong, damaged, too many entries), always a
 * KeyfobError; entries are never stored here.
 */
export function readImport(
  fileName: string,
  bytes: Uint8Array,
  password?: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return shareParsed(bytes, async () => {
    const detected = detect(fileName, bytes, options.formatId);
    const format = importFormat(detected.formatId);
    const { transfers, companion } = options;
    try {
      const result = await format.read(bytes, { password, sourceName: fileName, transfers, companion });
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
