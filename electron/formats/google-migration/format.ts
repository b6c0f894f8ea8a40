import { textOf, type ImportFormat } from '../format';
import { firstLineKind, readUriList } from '../uri-list';

/**
 * Google Authenticator's transfer codes saved as text, one `otpauth-migration://` URI per line (what
 * `keyfob scan` prints for each QR code of an export). The lines are read like a URI list, so a
 * file that mixes transfer codes and key URIs keeps both; the codes of one export may come in any
 * order, and an export with codes missing is reported, naming them, and imports nothing.
 */
export const googleMigrationFormat: ImportFormat = {
  id: 'google-migration',
  label: 'Google Authenticator transfer codes',
  detect(_fileName, bytes) {
    return firstLineKind(bytes) === 'migration' ? 0.8 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName, transfers }) {
    return readUriList(textOf(bytes), sourceName, transfers);
  },
};
