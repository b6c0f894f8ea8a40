import type { Token } from '../../../shared/otp-types';
import { pbkdf2, sealCbc, sha256 } from './fixture-crypto';
import { base32, base64, gson, hex, json, sharedPrefsXml } from './fixture-encoding';
import type { Randomness } from './seeded';
import { freeOtpTokenJson } from './write-phone-apps';

// App data of Android authenticators kept in shared_prefs XML, written from formats-more.md
// ("Authy", "FreeOTP 1.x", "TOTP Authenticator", "Battle.net Authenticator") and the Aegis
// fixtures it describes, never from Keyfob's readers.

/** Authy's file stems and key: `<stem>.xml` holds the JSON array under `<stem>.key`. */
const AUTHY_THIRD_PARTY = 'com.authy.storage.tokens.authenticator';
const AUTHY_NATIVE = 'com.authy.storage.tokens.authy';
/** Authy's per-entry encryption: PBKDF2-HMAC-SHA1, 1000 iterations, 32 bytes; AES-256-CBC, zero IV. */
const AUTHY_ITERATIONS = 1000;
/** Authy's `key_version` beside the list (Aegis's fixtures: 121). */
const AUTHY_KEY_VERSION = '121';

/** A salt like Authy's: 32 letters and digits. */
function authySalt(random: Randomness): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(random.bytes(32), (b) => letters[b % letters.length]).join('');
}

/**
 * Authy's third-party token list (authy_plain.xml / authy_encrypted.xml): Gson JSON with
 * `originalName` "Issuer:account", display `name` "Issuer: account", `decryptedSecret` (base32) or,
 * with a password, `encryptedSecret` + `salt` instead.
 */
export function writeAuthy(tokens: readonly Token[], random: Randomness, password?: string): string {
  const entries = tokens.map((t, i) => {
    // Field order as in Aegis's fixtures (Gson writes the class's fields in declaration order).
    const secret = base32(t.secret);
    const entry: Record<string, unknown> = { accountType: 'authenticator' };
    let salt: string | undefined;
    if (password === undefined) entry['decryptedSecret'] = secret;
    entry['digits'] = t.digits;
    if (password !== undefined) {
      salt = authySalt(random);
      const key = pbkdf2(password, Buffer.from(salt, 'utf8'), AUTHY_ITERATIONS, 'sha1');
      entry['encryptedSecret'] = base64(sealCbc(key, Buffer.alloc(16), Buffer.from(secret, 'utf8')));
    }
    Object.assign(entry, {
      logo: t.issuer,
      originalIssuer: t.issuer,
      originalName: `${t.issuer}:${t.account}`,
      timestamp: 1_700_000_000 + i,
    });
    if (salt !== undefined) entry['salt'] = salt;
    return Object.assign(entry, {
      upload_state: salt === undefined ? 'notUploaded' : 'uploaded',
      hidden: false,
      id: String(1_700_000_000 + i),
      isNew: false,
      name: `${t.issuer}: ${t.account}`,
    });
  });
  return sharedPrefsXml([
    ['int', 'key_version', AUTHY_KEY_VERSION],
    ['string', `${AUTHY_THIRD_PARTY}.key`, gson(entries)],
  ]);
}

/** Authy's own tokens (`…tokens.authy.xml`): `secretSeed` in hex, `digits`, and the app's `name`. */
export function writeAuthyNative(tokens: readonly Token[]): string {
  const entries = tokens.map((t, i) => ({
    digits: t.digits,
    id: String(i + 1),
    name: t.issuer,
    secretSeed: hex(t.secret),
  }));
  return sharedPrefsXml([
    ['int', 'key_version', AUTHY_KEY_VERSION],
    ['string', `${AUTHY_NATIVE}.key`, gson(entries)],
  ]);
}

/**
 * FreeOTP 1.x / FreeOTP+ `tokens.xml` (freeotp.xml, freeotp_plus_internal.xml): one string per
 * token named "issuer:label" holding its Gson JSON — signed-byte secret, HOTP counter stored one
 * less than the next, Steam as a TOTP whose issuer is "Steam" — written in reverse, with
 * `tokenOrder` giving the order.
 */
export function writeFreeOtpXml(tokens: readonly Token[]): string {
  const id = (t: Token) => `${t.issuer}:${t.account}`;
  const values = tokens.map((t): [string, string, string] => ['string', id(t), gson(freeOtpTokenJson(t))]);
  return sharedPrefsXml([...values.reverse(), ['string', 'tokenOrder', gson(tokens.map(id))]]);
}

/** TOTP Authenticator's entry (totp_authenticator_internal.xml): hex key (`base` 16), digits and period as text. */
function totpAuthenticatorEntry(t: Token) {
  return {
    accountHeaderLabel: '',
    allowNotifications: false,
    base: 16,
    digits: String(t.digits),
    fileName: '',
    iconLabel: '',
    iconPath: '',
    isFavorite: false,
    isSelected: false,
    isWidgetActive: false,
    issuer: t.issuer,
    key: hex(t.secret).toUpperCase(),
    name: t.account,
    period: String(t.period),
    setIconFromDrawable: true,
    source: 0,
    timeRemaining: 0,
    totpCode: '',
    widgetId: 0,
  };
}

/** TOTP Authenticator's app data: the entry list under STATIC_TOTP_CODES_LIST among other settings. */
export function writeTotpAuthenticatorXml(tokens: readonly Token[]): string {
  return sharedPrefsXml([
    ['int', 'RATE_US_COUNTER', '3'],
    ['string', 'STATIC_TOTP_CODES_LIST', json(tokens.map(totpAuthenticatorEntry))],
    ['string', 'SORT_ACCOUNT_BY', 'CUSTOM'],
  ]);
}

/** The password TOTP Authenticator encrypts with when the user set none (formats-more.md). */
const TOTP_AUTHENTICATOR_DEFAULT = 'TotpAuthenticator';

/**
 * TOTP Authenticator's export: base64 of AES-256-CBC (key SHA-256(password), IV 16 zero bytes,
 * PKCS#7) of a JSON object whose one member is NAMED by the entry list's JSON text and has the
 * export time (epoch seconds, as text) as its value.
 */
export function writeTotpAuthenticatorBin(
  tokens: readonly Token[],
  password = TOTP_AUTHENTICATOR_DEFAULT,
): string {
  const plain = json({ [json(tokens.map(totpAuthenticatorEntry))]: '1700000000' });
  return base64(sealCbc(sha256(password), Buffer.alloc(16), Buffer.from(plain, 'utf8')));
}

/** The 57-byte mask the Battle.net apps XOR their stored values with (formats-more.md). */
const BATTLE_NET_MASK = Buffer.from(
  '398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a',
  'hex',
);
const mask = (text: string) => hex(Buffer.from(text, 'latin1').map((b, i) => b ^ (BATTLE_NET_MASK[i] ?? 0)));

/**
 * Battle.net app data. Current app: masked secret (40 hex characters) and serial under
 * `com.blizzard.messenger.AUTHENTICATOR_*`; old app (`old`): one masked value, secret then serial.
 */
export function writeBattleNet(token: Token, old = false): string {
  const secret = hex(token.secret);
  if (old) {
    return sharedPrefsXml([
      ['int', 'com.blizzard.bma.AUTH_STORE_HASH_VERSION', '20600015'],
      ['string', 'com.blizzard.bma.AUTH_STORE.HASH', mask(secret + token.account)],
      ['long', 'com.blizzard.bma.AUTH_STORE.CLOCK_OFFSET', '193'],
    ]);
  }
  const key = 'com.blizzard.messenger.AUTHENTICATOR_';
  return sharedPrefsXml([
    ['string', `${key}CREDENTIALS_ENCRYPTION_TYPE`, 'MASK'],
    ['string', `${key}DEVICE_SECRET`, mask(secret)],
    ['string', `${key}BGS_REGION_CODE`, 'US'],
    ['string', `${key}SERIAL`, mask(token.account)],
    ['long', `${key}SERVER_TIME_DIFF`, '15'],
  ]);
}
