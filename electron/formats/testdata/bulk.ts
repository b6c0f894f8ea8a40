import type { Token } from '../../../shared/otp-types';
import { writeKeyfobList } from './key-uris';
import { seededRandomness } from './seeded';
import { write2fas } from './write-2fas';
import { writeAegisPlain } from './write-aegis';
import { googleTransferUris } from './write-google-transfer';
import { writeAuthy, writeFreeOtpXml, writeTotpAuthenticatorXml } from './write-android-prefs';
import { writeWinAuthText } from './write-desktop-apps';
import { writeAndotp, writeDuo, writeFreeOtpPlus } from './write-phone-apps';
import { writeSteamAccounts } from './write-steam';
import { stratumJson } from './write-stratum';
import { writeBitwardenCsv, writeBitwardenJson, writeProton } from './write-web-apps';

// Large import files of every readable kind, written by the same writers as the fixtures: for the
// tests of the entry limit and for the import benchmark. Nothing here is committed as a file.

/** The kinds of file {@link bulkFile} writes, one per import format (two for Bitwarden). */
export const BULK_KINDS = [
  'aegis',
  '2fas',
  'andotp',
  'freeotp-plus',
  'bitwarden-json',
  'bitwarden-csv',
  'proton',
  'otpauth',
  'google-transfer',
  'duo',
  'authy',
  'freeotp-xml',
  'stratum',
  'totp-authenticator-xml',
  'steam',
  'winauth',
] as const;
export type BulkKind = (typeof BULK_KINDS)[number];

/** `count` distinct TOTP accounts; `nameLength` pads each account name (to make a file larger). */
export function bulkTokens(count: number, nameLength = 0): Token[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0n,
    issuer: `Bulk ${i % 97}`,
    account: `user${i}@example.com`.padEnd(nameLength, '.'),
    secret: Uint8Array.from({ length: 20 }, (_, j) => (i * 31 + j * 7 + (i >> 8)) & 0xff),
  }));
}

/** One file of `kind` holding `tokens`, with the name an export of that app would have. */
export function bulkFile(kind: BulkKind, tokens: readonly Token[]): { name: string; bytes: Uint8Array } {
  const random = seededRandomness(`bulk-${kind}`);
  const keys = tokens.map((_, i) => `k${i}`);
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  switch (kind) {
    case 'aegis':
      return { name: 'aegis-export.json', bytes: utf8(writeAegisPlain(tokens, random)) };
    case '2fas':
      return { name: 'backup.2fas', bytes: utf8(write2fas(tokens, 4, random)) };
    case 'andotp':
      return { name: 'otp_accounts.json', bytes: new Uint8Array(writeAndotp(tokens, random)) };
    case 'freeotp-plus':
      return { name: 'freeotp-backup.json', bytes: utf8(writeFreeOtpPlus(tokens)) };
    case 'bitwarden-json':
      return { name: 'bitwarden.json', bytes: utf8(writeBitwardenJson(tokens, keys, '', random)) };
    case 'bitwarden-csv':
      return { name: 'bitwarden.csv', bytes: utf8(writeBitwardenCsv(tokens, keys, '')) };
    case 'proton':
      return { name: 'proton.json', bytes: utf8(writeProton(tokens, random)) };
    case 'otpauth':
      return { name: 'accounts.txt', bytes: utf8(writeKeyfobList(tokens)) };
    case 'duo':
      return { name: 'accounts.json', bytes: utf8(writeDuo(tokens, random)) };
    case 'authy':
      return { name: 'com.authy.storage.tokens.authenticator.xml', bytes: utf8(writeAuthy(tokens, random)) };
    case 'freeotp-xml':
      return { name: 'tokens.xml', bytes: utf8(writeFreeOtpXml(tokens)) };
    case 'stratum':
      return { name: 'backup.stratum', bytes: utf8(stratumJson(tokens)) };
    case 'totp-authenticator-xml':
      return { name: 'TOTP_Authenticator_Preferences.xml', bytes: utf8(writeTotpAuthenticatorXml(tokens)) };
    case 'steam':
      return { name: 'steam.json', bytes: utf8(writeSteamAccounts(tokens, random)) };
    case 'winauth':
      return { name: 'winauth.txt', bytes: utf8(writeWinAuthText(tokens, random)) };
    case 'google-transfer': {
      // Exports of 1000 accounts (100 codes of 10), each with its own batch id.
      const lines: string[] = [];
      for (let at = 0; at < tokens.length; at += 1000) {
        lines.push(...googleTransferUris(tokens.slice(at, at + 1000), at + 1));
      }
      return { name: 'transfer-codes.txt', bytes: utf8(`${lines.join('\n')}\n`) };
    }
  }
}
