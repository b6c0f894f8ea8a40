import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { damaged, entrySource, type ImportFormat } from './format';
import { sharedPrefs } from './shared-prefs';
import { buildToken, collect, emptyResult } from './token-build';

// Battle.net Authenticator app data. Current app (com.blizzard.messenger):
// `shared_prefs/com.blizzard.messenger.authenticator_preferences.xml` with the secret and serial
// masked in `…AUTHENTICATOR_DEVICE_SECRET` and `…AUTHENTICATOR_SERIAL`. Old app (com.blizzard.bma):
// `com.blizzard.bma.AUTH_STORE.xml` with one masked value `…AUTH_STORE.HASH` = secret (40 hex
// characters) followed by the serial. Unmasking: hex-decode, XOR byte i with byte i of the published
// 57-byte constant below, read as ASCII. The secret is 40 hex characters (20 bytes); the code is TOTP
// SHA-1, 8 digits, 30 s; the serial (US-1234-5678-9012) names the account. The stored server time
// difference is not used (Keyfob uses the system clock, as Aegis does).
// @see formats-more.md "Battle.net Authenticator"; Aegis BattleNetImporter (commit 4311bd9b);
//      puddly/android-otp-extractor apps.py

const LABEL = 'Battle.net Authenticator app data file';
const NEW = 'com.blizzard.messenger.AUTHENTICATOR_';
const OLD_HASH = 'com.blizzard.bma.AUTH_STORE.HASH';
/** The mask the apps XOR their stored values with. */
export const BATTLE_NET_MASK = Buffer.from(
  '398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a',
  'hex',
);

function unmask(hex: string): string {
  if (!/^(?:[0-9a-f]{2})+$/iu.test(hex) || hex.length / 2 > BATTLE_NET_MASK.length)
    throw damaged(LABEL, "a masked value is not hexadecimal of the mask's length");
  return String.fromCharCode(...Buffer.from(hex, 'hex').map((b, i) => b ^ (BATTLE_NET_MASK[i] ?? 0)));
}

/** The current and the old Battle.net app's preferences. */
export const battleNetFormat: ImportFormat = {
  id: 'battle-net',
  label: LABEL,
  detect(_fileName, bytes) {
    const prefs = sharedPrefs(bytes);
    return prefs?.has(`${NEW}DEVICE_SECRET`) === true || prefs?.has(OLD_HASH) === true ? 0.95 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName }) {
    const prefs = sharedPrefs(bytes);
    const secret = prefs?.get(`${NEW}DEVICE_SECRET`);
    const hash = prefs?.get(OLD_HASH);
    if (secret === undefined && hash === undefined) throw damaged(LABEL, 'it holds no authenticator secret');
    const result = emptyResult();
    collect(result, entrySource(sourceName, 0), () => {
      if (secret !== undefined) return token(unmask(secret), unmask(prefs?.get(`${NEW}SERIAL`) ?? ''));
      const whole = unmask(hash ?? '');
      return token(whole.slice(0, 40), whole.slice(40));
    });
    return result;
  },
};

function token(secretHex: string, serial: string): Token {
  if (!/^[0-9a-f]{40}$/iu.test(secretHex)) {
    throw new KeyfobError(
      'invalid-input',
      'The Battle.net secret is not 40 hexadecimal characters once unmasked.',
      'secret',
    );
  }
  return buildToken({
    type: 'totp',
    issuer: 'Battle.net',
    account: serial,
    secret: new Uint8Array(Buffer.from(secretHex, 'hex')),
    digits: 8,
  });
}
