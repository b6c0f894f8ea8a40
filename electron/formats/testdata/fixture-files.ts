import { FIXTURE_PASSWORD } from './canonical';
import { canonicalAccount } from './fixture-list';
import { writeKeyfobList } from './key-uris';
import { seededRandomness } from './seeded';
import { write2fas } from './write-2fas';
import { aegisDb, aegisEncryptedFile, aegisPlainFile } from './write-aegis';
import {
  writeAuthy,
  writeAuthyNative,
  writeBattleNet,
  writeFreeOtpXml,
  writeTotpAuthenticatorBin,
  writeTotpAuthenticatorXml,
} from './write-android-prefs';
import { writeAuthenticatorPlusZip, writeWinAuthText, writeWinAuthZip } from './write-desktop-apps';
import { writeFreeOtp2 } from './write-freeotp2';
import { writeAndotp, writeAndotpOld, writeDuo, writeFreeOtpPlus } from './write-phone-apps';
import {
  writeAuthPlusDb,
  writeGoogleAuthenticatorDb,
  writePhoneFactor,
  writeStratumDb,
} from './write-sqlite';
import { writeMaFile, writeSdaEncrypted, writeSteamAccounts } from './write-steam';
import { stratumJson, writeStratumEncrypted, writeStratumLegacy } from './write-stratum';
import { writeBitwardenCsv, writeBitwardenJson, writeEnte, writeProton } from './write-web-apps';

/** A fixture's bytes (text is written as UTF-8). */
export type FixtureBytes = string | Uint8Array;

/**
 * The bytes of one fixture file of testdata/files/, made from the canonical accounts `keys` by the
 * writer for its format. Deterministic: the same call always gives the same bytes. Files written
 * as a pair (an SDA folder, a database and its WAL) share one seeded randomness.
 */
export async function makeFixture(file: string, keys: readonly string[]): Promise<FixtureBytes> {
  const picked = keys.map((k) => canonicalAccount(k)?.token).filter((t) => t !== undefined);
  const random = seededRandomness(file);
  const [first] = picked;
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
    case 'otp_accounts_old.json.aes':
      return writeAndotpOld(picked, random, FIXTURE_PASSWORD);
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
    case 'duo-accounts.json':
      return writeDuo(picked, random);
    case 'com.authy.storage.tokens.authenticator.xml':
      return writeAuthy(picked, random);
    case 'authy-encrypted.xml':
      return writeAuthy(picked, random, FIXTURE_PASSWORD);
    case 'com.authy.storage.tokens.authy.xml':
      return writeAuthyNative(picked);
    case 'tokens.xml':
      return writeFreeOtpXml(picked);
    case 'freeotp2-api23.xml':
      return writeFreeOtp2(picked, FIXTURE_PASSWORD, random, {
        threshold: false,
        sequence: false,
        digest: 'sha1',
      });
    case 'freeotp2-api25.xml':
      return writeFreeOtp2(picked, FIXTURE_PASSWORD, random, {
        threshold: true,
        sequence: true,
        digest: 'sha1',
      });
    case 'freeotp2-api34.xml':
      return writeFreeOtp2(picked, FIXTURE_PASSWORD, random, {
        threshold: true,
        sequence: true,
        digest: 'sha512',
      });
    case 'freeotp2-null-algo.xml':
      return writeFreeOtp2(picked, FIXTURE_PASSWORD, random, {
        threshold: true,
        sequence: true,
        digest: 'sha512',
        nullAlgo: true,
      });
    case '76561197960287930.maFile':
      return first === undefined ? '' : writeMaFile(first, random);
    case 'steam-app-accounts.json':
      return writeSteamAccounts(picked, random);
    case 'sda/manifest.json':
    case 'sda/76561197960287930.maFile': {
      if (first === undefined) return '';
      const sda = writeSdaEncrypted(first, FIXTURE_PASSWORD, seededRandomness('sda'));
      return file.endsWith('manifest.json') ? sda.manifest : sda.maFile;
    }
    case 'PhoneFactor':
    case 'PhoneFactor-wal': {
      const { db, wal } = await writePhoneFactor(picked, 1, seededRandomness('PhoneFactor'));
      return file === 'PhoneFactor' ? db : wal;
    }
    case 'databases':
      return writeGoogleAuthenticatorDb(picked);
    case 'stratum-plain.stratum':
      return stratumJson(picked);
    case 'stratum-encrypted.stratum':
      return writeStratumEncrypted(picked, FIXTURE_PASSWORD, random);
    case 'stratum-legacy.authpro':
      return writeStratumLegacy(picked, FIXTURE_PASSWORD, random);
    case 'authenticator.db3':
      return writeStratumDb(picked);
    case 'totp-authenticator.bin':
      return writeTotpAuthenticatorBin(picked, FIXTURE_PASSWORD);
    case 'totp-authenticator-default.bin':
      return writeTotpAuthenticatorBin(picked);
    case 'TOTP_Authenticator_Preferences.xml':
      return writeTotpAuthenticatorXml(picked);
    case 'com.blizzard.messenger.authenticator_preferences.xml':
      return first === undefined ? '' : writeBattleNet(first);
    case 'com.blizzard.bma.AUTH_STORE.xml':
      return first === undefined ? '' : writeBattleNet(first, true);
    case 'authenticator-plus-zipcrypto.zip':
      return writeAuthenticatorPlusZip(picked, random, FIXTURE_PASSWORD, 'zipcrypto');
    case 'authenticator-plus-aes.zip':
      return writeAuthenticatorPlusZip(picked, random, FIXTURE_PASSWORD, 'aes');
    case 'authplus.db':
      return writeAuthPlusDb(picked, FIXTURE_PASSWORD, random);
    case 'winauth.txt':
      return writeWinAuthText(picked, random);
    case 'winauth.zip':
      return writeWinAuthZip(picked, random, FIXTURE_PASSWORD);
    default:
      throw new Error(`no writer for ${file}`);
  }
}
