// The formats Keyfob writes, in the order they are offered: the export writer, `keyfob export`,
// the IPC contract and the app's Export dialog all take their ids and words from this one list.

/** One format Keyfob exports to. */
export interface ExportFormat {
  id: string;
  /** Only this format protects the secrets (it needs a password). */
  encrypted: boolean;
  /** The file name extension the save dialog proposes. */
  extension: string;
  /** Offered by the app's Export dialog (Google's transfer has a dialog of its own, with QR codes). */
  inApp: boolean;
  /** The app's name for it, and the sentence under it. */
  label: string;
  hint: string;
  /** Its line in `keyfob export --help` (a second line, if any, is indented under the first). */
  cli: string;
}

/** Every export format, the recommended one first. */
export const EXPORT_FORMATS = [
  {
    id: 'aegis-encrypted',
    encrypted: true,
    extension: 'json',
    inApp: true,
    label: 'Encrypted backup (Aegis format)',
    hint: 'Recommended. Keyfob and Aegis can restore it with the password.',
    cli: 'Aegis vault, encrypted (scrypt N=32768 r=8 p=1, AES-256-GCM): Aegis and Keyfob import it',
  },
  {
    id: 'aegis',
    encrypted: false,
    extension: 'json',
    inApp: true,
    label: 'Unencrypted backup (Aegis format)',
    hint: 'For apps that cannot read encrypted Aegis files.',
    cli: 'Aegis vault, UNENCRYPTED',
  },
  {
    id: 'otpauth',
    encrypted: false,
    extension: 'txt',
    inApp: true,
    label: 'List of otpauth:// links',
    hint: 'Plain text most authenticator apps can import.',
    cli: 'one otpauth:// URI per line, UNENCRYPTED (Ente, Aegis, 2FAS… import it)',
  },
  {
    id: 'google-migration',
    encrypted: false,
    extension: 'txt',
    inApp: false,
    label: 'Google Authenticator transfer links',
    hint: 'At most 10 accounts a link; accounts Google cannot hold are left out.',
    cli:
      'Google Authenticator transfer links (≤ 10 accounts each), UNENCRYPTED;\n' +
      'accounts Google cannot hold (Steam, periods other than 30 s, other than 6/8 digits) are skipped',
  },
] as const satisfies readonly ExportFormat[];

/** The id of a format Keyfob writes. */
export type ExportFormatId = (typeof EXPORT_FORMATS)[number]['id'];

/** The id of a format the app's Export dialog offers. */
export type AppExportFormat = Extract<(typeof EXPORT_FORMATS)[number], { inApp: true }>['id'];

/** The formats the app's Export dialog offers, in order. */
export const APP_EXPORT_FORMATS = EXPORT_FORMATS.filter(
  (f): f is Extract<(typeof EXPORT_FORMATS)[number], { inApp: true }> => f.inApp,
);

/** True when `value` names a format Keyfob writes. */
export function isExportFormat(value: unknown): value is ExportFormatId {
  return EXPORT_FORMATS.some((f) => f.id === value);
}

/** True when `value` names a format the app's Export dialog offers. */
export function isAppExportFormat(value: unknown): value is AppExportFormat {
  return APP_EXPORT_FORMATS.some((f) => f.id === value);
}

/** The format named `id`. */
export function exportFormat(id: ExportFormatId): ExportFormat {
  return EXPORT_FORMATS.find((f) => f.id === id) as ExportFormat;
}
