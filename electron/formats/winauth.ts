import { textOf, type ImportFormat } from './format';
import { firstLineKind, readUriList } from './uri-list';
import { readZipEntry, zipNames } from './zip-input';

// WinAuth's export: a `.txt` of key URIs, one per line, or a `.zip` (SharpZipLib, with a password
// when one is given — ZipCrypto assumed, WinZip AES read too) holding that `.txt`. WinAuth writes
// `otpauth://totp|hotp/<issuer>:<name>?secret=…&digits=N[&issuer=][&counter=][&serial=]
// [&deviceid=&data=][&icon=]` and never `period` or `algorithm`. Steam accounts come out as TOTP
// with issuer Steam, 5 digits and the maFile JSON in `data`: the URI list reader recognises those
// as Steam (uri-list.ts). An OpenPGP-protected export is not read: export again without PGP.
// @see formats-more.md "WinAuth"; winauth/winauth WinAuthAuthenticator.cs (ToUrl),
//      WinAuthHelper.cs (ExportAuthenticators); Aegis WinAuthImporter

const LABEL = 'WinAuth export';
/** Query parameters only WinAuth writes. */
const WINAUTH_PARAMS = /^otpauth:\/\/[^\n]*[?&](?:deviceid|serial|data)=/imu;
const txt = (name: string) => /\.txt$/iu.test(name);

/** WinAuth's text export and its zip. */
export const winAuthFormat: ImportFormat = {
  id: 'winauth',
  label: LABEL,
  detect(fileName, bytes) {
    const names = zipNames(bytes);
    if (names !== undefined) return names.length === 1 && names.some((e) => txt(e.name)) ? 0.6 : 0;
    if (firstLineKind(bytes) !== 'otpauth') return 0;
    return WINAUTH_PARAMS.test(textOf(bytes.subarray(0, 64 * 1024))) || /winauth/iu.test(fileName) ? 0.85 : 0;
  },
  needsPassword(bytes) {
    return zipNames(bytes)?.some((e) => e.encrypted) === true;
  },
  async read(bytes, { password, sourceName, transfers }) {
    if (zipNames(bytes) === undefined) return readUriList(textOf(bytes), sourceName, transfers);
    const data = await readZipEntry(bytes, LABEL, txt, 'exported .txt file', password);
    return readUriList(textOf(data), sourceName, transfers);
  },
};
