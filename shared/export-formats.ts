// The formats Keyfob writes, the recommended one first: the export writer, `keyfob export`, the
// IPC contract and the app's Export dialog all take their ids and words from this one list. Each
// has the file extension the save dialog proposes, whether it is encrypted (needs a password),
// whether the app's Export dialog offers it (Google's transfer has a dialog of its own), the
// app's label and hint, and its line in `keyfob export --help` (a second line is indented).
export const EXPORT_FORMATS = [
  {
    id: 'aegis-encrypted',
    extension: 'json',
    encrypted: true,
    inApp: true,
    label: 'Encrypted backup (Aegis format)',
    hint: 'Recommended. Keyfob and Aegis can restore it with the password.',
    cli: 'Aegis vault, encrypted (scrypt N=32768 r=8 p=1, AES-256-GCM): Aegis and Keyfob import it',
  },
  {
    id: 'aegis',
    extension: 'json',
    encrypted: false,
    inApp: true,
    label: 'Unencrypted backup (Aegis format)',
    hint: 'For apps that cannot read encrypted Aegis files.',
    cli: 'Aegis vault, UNENCRYPTED',
  },
  {
    id: 'otpauth',
    extension: 'txt',
    encrypted: false,
    inApp: true,
    label: 'List of otpauth:// links',
    hint: 'Plain text most authenticator apps can import.',
    cli: 'one otpauth:// URI per line, UNENCRYPTED (Ente, Aegis, 2FAS… import it)',
  },
  {
    id: 'google-migration',
    extension: 'txt',
    encrypted: false,
    inApp: false,
    cli:
      'Google Authenticator transfer links (≤ 10 accounts each), UNENCRYPTED;\n' +
      'accounts Google cannot hold (Steam, periods other than 30 s, other than 6/8 digits) are skipped',
  },
] as const;

type Format = (typeof EXPORT_FORMATS)[number];

/** The id of a format Keyfob writes. */
export type ExportFormatId = Format['id'];

/** A format the app's Export dialog offers. */
export type AppExportFormat = Extract<Format, { inApp: true }>['id'];

/** The formats the app's Export dialog offers, in order. */
export const APP_EXPORT_FORMATS = EXPORT_FORMATS.filter(
  (f): f is Extract<Format, { inApp: true }> => f.inApp,
);

/** The format named `id`, or undefined when Keyfob writes none of that name. */
export function exportFormat(id: unknown): Format | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}
