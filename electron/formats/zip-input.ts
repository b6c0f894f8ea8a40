import type { Entry } from '@zip.js/zip.js';
import { damaged, passwordNeeded, wrongPassword } from './format';
import { MAX_IMPORT_BYTES } from './import-limits';

// Zip archives of other apps' exports (Authenticator Plus's password zip, WinAuth's zip): the
// central directory is read here by hand, synchronously, for detection (APPNOTE.TXT 4.3.12/4.3.16:
// end record `PK\5\6` with the directory's offset and entry count, entries `PK\1\2` with flags,
// name length at 28, extra and comment lengths at 30/32, name at 46); entries are decrypted and
// inflated by @zip.js/zip.js, which reads traditional PKWARE ("ZipCrypto") and WinZip AES alike.
// The library is loaded on first use: most runs of the app and the CLI never open a zip.

let library: Promise<typeof import('@zip.js/zip.js')> | undefined;

function zipJs(): Promise<typeof import('@zip.js/zip.js')> {
  library ??= import('@zip.js/zip.js').then((zip) => {
    zip.configure({ useWebWorkers: false });
    return zip;
  });
  return library;
}

/** One entry of a zip's central directory. */
export interface ZipName {
  name: string;
  /** General-purpose flag bit 0: the entry is encrypted (ZipCrypto or WinZip AES). */
  encrypted: boolean;
}

/** Most entries the directory scan lists: the archives read here hold one to three files. */
const MAX_ENTRIES = 256;

/** The entries of a zip archive by name, or undefined when the bytes are not one. */
export function zipNames(bytes: Uint8Array): ZipName[] | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 22 || b.readUInt32LE(0) !== 0x04034b50) return undefined;
  let end = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (b.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = Math.min(b.readUInt16LE(end + 10), MAX_ENTRIES);
  const names: ZipName[] = [];
  let at = b.readUInt32LE(end + 16);
  for (let i = 0; i < count && at + 46 <= b.length && b.readUInt32LE(at) === 0x02014b50; i++) {
    const nameLength = b.readUInt16LE(at + 28);
    const name = b.toString('utf8', at + 46, Math.min(b.length, at + 46 + nameLength));
    names.push({ name, encrypted: (b.readUInt16LE(at + 8) & 1) === 1 });
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return names;
}

/** The base name of a zip entry's path ("backup/Accounts.txt" → "Accounts.txt"). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The contents of the first entry whose name `pick` accepts, decrypted with `password` when it is
 * encrypted. Throws the format's one-line errors: `what` names the entry the archive lacks.
 */
export async function readZipEntry(
  bytes: Uint8Array,
  label: string,
  pick: (name: string) => boolean,
  what: string,
  password?: string,
): Promise<Uint8Array> {
  const zip = await zipJs();
  const reader = new zip.ZipReader(new zip.Uint8ArrayReader(bytes));
  try {
    const entries = await reader.getEntries().catch(() => {
      throw damaged(label, 'its zip directory cannot be read');
    });
    const entry = entries.find((e) => !e.directory && pick(e.filename));
    if (entry === undefined || entry.directory) throw damaged(label, `the archive holds no ${what}`);
    if (entry.uncompressedSize > MAX_IMPORT_BYTES) throw damaged(label, `its ${what} is too large`);
    if (entry.encrypted && password === undefined) throw passwordNeeded(label);
    return await unzipped(zip, entry, label, password);
  } finally {
    await reader.close();
  }
}

/**
 * The entry's data. Zip does not say how a password is encoded: Info-ZIP and Java's zip4j use the
 * UTF-8 bytes, Windows tools a single-byte code page; a non-ASCII password is tried both ways.
 */
async function unzipped(
  zip: typeof import('@zip.js/zip.js'),
  entry: Entry,
  label: string,
  password?: string,
): Promise<Uint8Array> {
  if (entry.directory) return new Uint8Array();
  const encodings =
    password === undefined
      ? [undefined]
      : [
          Buffer.from(password, 'utf8'),
          ...(Buffer.byteLength(password) === password.length ? [] : [Buffer.from(password, 'latin1')]),
        ];
  let wrong = false;
  for (const rawPassword of encodings) {
    try {
      return await entry.getData(new zip.Uint8ArrayWriter(), { rawPassword, checkCrc32: true });
    } catch (e) {
      if (e instanceof Error && e.message === zip.ERR_INVALID_PASSWORD) wrong = true;
      // ZipCrypto checks a password by one byte: one wrong password in 256 gets past it and fails here.
      else if (!entry.encrypted) throw damaged(label, 'an entry of the archive cannot be unpacked');
    }
  }
  throw wrong ? wrongPassword(label) : wrongPassword(label, 'the archive could not be unpacked');
}
