import type { ImportFormat } from '../format';
import { firstLineKind, uriListFormat } from '../uri-list';

/**
 * Google Authenticator's transfer codes saved as text, one `otpauth-migration://` URI per line (as
 * `keyfob scan` prints them). Read as a URI list, so a file mixing codes and key URIs keeps both.
 */
export const googleMigrationFormat: ImportFormat = {
  ...uriListFormat,
  id: 'google-migration',
  label: 'Google Authenticator transfer codes',
  detect: (_fileName, bytes) => (firstLineKind(bytes) === 'migration' ? 0.8 : 0),
};
