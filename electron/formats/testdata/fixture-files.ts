import { CANONICAL, FIXTURE_PASSWORD } from './canonical';
import { writeKeyfobList } from './key-uris';
import { seededRandomness } from './seeded';
import { write2fas } from './write-2fas';
import { aegisDb, aegisEncryptedFile, aegisPlainFile } from './write-aegis';
import { writeAndotp, writeFreeOtpPlus } from './write-phone-apps';
import { writeBitwardenCsv, writeBitwardenJson, writeEnte, writeProton } from './write-web-apps';

/**
 * The bytes of one fixture file of testdata/files/, made from the canonical accounts `keys` by the
 * writer for its format. Deterministic: the same call always gives the same bytes.
 */
export function makeFixture(file: string, keys: readonly string[]): string | Uint8Array {
  const picked = keys.map((k) => CANONICAL.find((c) => c.key === k)?.token).filter((t) => t !== undefined);
  const random = seededRandomness(file);
  switch (file) {
    case 'aegis-db1-plain.json':
      return aegisPlainFile(aegisDb(1, picked, keys, random));
    case 'aegis-db2-plain.json':
      return aegisPlainFile(aegisDb(2, picked, keys, random));
    case 'aegis-db3-plain.json':
      return aegisPlainFile(aegisDb(3, picked, keys, random));
    case 'aegis-db3-encrypted.json':
      return aegisEncryptedFile(aegisDb(3, picked, keys, random), FIXTURE_PASSWORD, random);
    case '2fas-schema1.2fas':
      return write2fas(picked, 1, random);
    case '2fas-schema2.2fas':
      return write2fas(picked, 2, random);
    case '2fas-schema3.2fas':
      return write2fas(picked, 3, random);
    case '2fas-schema4.2fas':
      return write2fas(picked, 4, random);
    case '2fas-schema4-encrypted.2fas':
      return write2fas(picked, 4, random, FIXTURE_PASSWORD);
    case 'andotp-plain.json':
      return writeAndotp(picked, random);
    case 'otp_accounts.json.aes':
      return writeAndotp(picked, random, FIXTURE_PASSWORD);
    case 'freeotp-plus.json':
      return writeFreeOtpPlus(picked);
    case 'bitwarden.json':
      return writeBitwardenJson(picked, keys, 'github', random);
    case 'bitwarden.csv':
      return writeBitwardenCsv(picked, keys, 'github');
    case 'proton-authenticator.json':
      return writeProton(picked, random);
    case 'ente-auth.txt':
      return writeEnte(picked);
    case 'keyfob-otpauth.txt':
      return writeKeyfobList(picked);
    default:
      throw new Error(`no writer for ${file}`);
  }
}
