import { accountName } from '../../shared/account-name';
import { KeyfobError } from '../../shared/errors';
import { EXPORT_FORMATS, type ExportFormatId } from '../../shared/export-formats';
import type { Token } from '../../shared/otp-types';
import { writeAegisEncrypted, writeAegisPlain } from './aegis';
import { formatMigrationUris, migrationIncompatibility } from './google-migration/writer';
import { writeUriList } from './uri-list';

/** What an export produced: the file's bytes, the accounts it had to leave out, and (Google) the URIs. */
export interface ExportResult {
  bytes: Uint8Array;
  skipped: Array<{ name: string; message: string }>;
  /** google-migration only: one `otpauth-migration://` URI per QR code, ≤ 10 accounts each. */
  uris?: string[];
}

/**
 * Writes accounts (with their secrets, in the given order) in one of the export formats. Only the
 * aegis-encrypted format protects the secrets; it needs a non-empty `password`. Google's format
 * cannot carry every account (no Steam, 30 s only, 6 or 8 digits): those are left out and listed in
 * `skipped`, never silently dropped.
 */
export async function writeExport(
  format: ExportFormatId,
  tokens: readonly Token[],
  password?: string,
): Promise<ExportResult> {
  const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
  switch (format) {
    case 'otpauth':
      return { bytes: utf8(writeUriList(tokens)), skipped: [] };
    case 'aegis':
      return { bytes: utf8(writeAegisPlain(tokens)), skipped: [] };
    case 'aegis-encrypted':
      if (password === undefined || password === '') {
        throw new KeyfobError('invalid-input', 'An encrypted backup needs a password.', 'password');
      }
      return { bytes: utf8(await writeAegisEncrypted(tokens, password)), skipped: [] };
    case 'google-migration': {
      const skipped: ExportResult['skipped'] = [];
      const fit = tokens.filter((t) => {
        const why = migrationIncompatibility(t);
        if (why !== undefined) skipped.push({ name: accountName(t), message: why });
        return why === undefined;
      });
      const uris = formatMigrationUris([...fit]);
      return { bytes: utf8(uris.map((u) => `${u}\n`).join('')), skipped, uris };
    }
    default:
      throw new KeyfobError(
        'invalid-input',
        `Unknown export format '${String(format)}'; use ${EXPORT_FORMATS.map((f) => f.id).join(', ')}.`,
        'format',
      );
  }
}
