import { ALL_ACCOUNTS, CANONICAL } from './canonical';

/** Every canonical key. */
const ALL = CANONICAL.map((c) => c.key);
const keysWhere = (keep: (t: (typeof CANONICAL)[number]['token']) => boolean) =>
  CANONICAL.filter((c) => keep(c.token)).map((c) => c.key);
/** Proton Authenticator has TOTP and Steam only. */
const NO_HOTP = keysWhere((t) => t.type !== 'hotp');
/** 2FAS schema 2 (2FAS 3.8) had digits, period and algorithm but no tokenType: TOTP only. */
const TOTP_ONLY = keysWhere((t) => t.type === 'totp');
/** 2FAS schema 1 (2FAS 3.1) had not even those: TOTP with SHA-1, 6 digits and 30 s only. */
const DEFAULT_TOTP = keysWhere(
  (t) => t.type === 'totp' && t.algorithm === 'SHA1' && t.digits === 6 && t.period === 30,
);
/** 2FAS schema 3 (2FAS 4.0) added HOTP; Steam came with schema 4. */
const NO_STEAM = keysWhere((t) => t.type !== 'steam');
/** Apps with SHA-1, 6 digits and 30 s only, TOTP and HOTP (Duo, Google Authenticator's database). */
const DEFAULTS = keysWhere(
  (t) =>
    t.type !== 'steam' && t.algorithm === 'SHA1' && t.digits === 6 && (t.type === 'hotp' || t.period === 30),
);
/** TOTP Authenticator: TOTP with SHA-1, any digits and period. */
const TOTP_SHA1 = keysWhere((t) => t.type === 'totp' && t.algorithm === 'SHA1');
/** Authy's third-party tokens: TOTP, SHA-1, 30 s, any digits. */
const AUTHY = keysWhere((t) => t.type === 'totp' && t.algorithm === 'SHA1' && t.period === 30);
/** WinAuth writes neither algorithm nor period: SHA-1 and 30 s, TOTP, HOTP and Steam. */
const WINAUTH = keysWhere((t) => t.algorithm === 'SHA1' && t.period === 30);
const STEAM = ['steam'];
/** Duo keeps one label ("Issuer:account"): an issuer with a colon of its own cannot be told apart. */
const LABEL_ONLY = DEFAULTS.filter(
  (k) => !(CANONICAL.find((c) => c.key === k)?.token.issuer.includes(':') ?? false),
);

/** One committed fixture file: which format must detect it and which canonical accounts it holds, in order. */
export interface FixtureSpec {
  file: string;
  formatId: string;
  keys: readonly string[];
  encrypted: boolean;
}

/** The fixture files in electron/formats/testdata/files/, made by fixture-files.ts. */
export const FIXTURES: readonly FixtureSpec[] = [
  { file: 'aegis-db1-plain.json', formatId: 'aegis', keys: ALL, encrypted: false },
  { file: 'aegis-db2-plain.json', formatId: 'aegis', keys: ALL, encrypted: false },
  { file: 'aegis-db3-plain.json', formatId: 'aegis', keys: ALL, encrypted: false },
  { file: 'aegis-db3-encrypted.json', formatId: 'aegis', keys: ALL, encrypted: true },
  { file: '2fas-schema1.2fas', formatId: '2fas', keys: DEFAULT_TOTP, encrypted: false },
  { file: '2fas-schema2.2fas', formatId: '2fas', keys: TOTP_ONLY, encrypted: false },
  { file: '2fas-schema3.2fas', formatId: '2fas', keys: NO_STEAM, encrypted: false },
  { file: '2fas-schema4.2fas', formatId: '2fas', keys: ALL, encrypted: false },
  { file: '2fas-schema4-encrypted.2fas', formatId: '2fas', keys: ALL, encrypted: true },
  { file: 'andotp-plain.json', formatId: 'andotp', keys: ALL, encrypted: false },
  { file: 'otp_accounts.json.aes', formatId: 'andotp', keys: ALL, encrypted: true },
  { file: 'otp_accounts_old.json.aes', formatId: 'andotp-old', keys: ALL, encrypted: true },
  { file: 'freeotp-plus.json', formatId: 'freeotp-plus', keys: ALL, encrypted: false },
  { file: 'bitwarden.json', formatId: 'bitwarden', keys: ALL, encrypted: false },
  { file: 'bitwarden.csv', formatId: 'bitwarden', keys: ALL, encrypted: false },
  { file: 'proton-authenticator.json', formatId: 'proton', keys: NO_HOTP, encrypted: false },
  { file: 'ente-auth.txt', formatId: 'otpauth', keys: ALL, encrypted: false },
  { file: 'keyfob-otpauth.txt', formatId: 'otpauth', keys: ALL, encrypted: false },
  { file: 'duo-accounts.json', formatId: 'duo', keys: LABEL_ONLY, encrypted: false },
  { file: 'com.authy.storage.tokens.authenticator.xml', formatId: 'authy', keys: AUTHY, encrypted: false },
  { file: 'authy-encrypted.xml', formatId: 'authy', keys: AUTHY, encrypted: true },
  { file: 'com.authy.storage.tokens.authy.xml', formatId: 'authy', keys: ['authy-app'], encrypted: false },
  { file: 'tokens.xml', formatId: 'freeotp-xml', keys: ALL, encrypted: false },
  { file: 'freeotp2-api23.xml', formatId: 'freeotp2', keys: ALL, encrypted: true },
  { file: 'freeotp2-api25.xml', formatId: 'freeotp2', keys: ALL, encrypted: true },
  { file: 'freeotp2-api34.xml', formatId: 'freeotp2', keys: ALL, encrypted: true },
  { file: 'freeotp2-null-algo.xml', formatId: 'freeotp2', keys: DEFAULTS, encrypted: true },
  { file: '76561197960287930.maFile', formatId: 'steam', keys: STEAM, encrypted: false },
  { file: 'steam-app-accounts.json', formatId: 'steam', keys: STEAM, encrypted: false },
  { file: 'sda/manifest.json', formatId: 'steam', keys: STEAM, encrypted: true },
  { file: 'sda/76561197960287930.maFile', formatId: 'steam', keys: STEAM, encrypted: true },
  { file: 'PhoneFactor', formatId: 'microsoft-authenticator', keys: DEFAULT_TOTP, encrypted: false },
  { file: 'databases', formatId: 'google-authenticator-db', keys: DEFAULTS, encrypted: false },
  { file: 'stratum-plain.stratum', formatId: 'stratum', keys: ALL, encrypted: false },
  { file: 'stratum-encrypted.stratum', formatId: 'stratum', keys: ALL, encrypted: true },
  { file: 'stratum-legacy.authpro', formatId: 'stratum', keys: ALL, encrypted: true },
  { file: 'authenticator.db3', formatId: 'stratum-db', keys: ALL, encrypted: false },
  { file: 'totp-authenticator.bin', formatId: 'totp-authenticator', keys: TOTP_SHA1, encrypted: true },
  {
    file: 'totp-authenticator-default.bin',
    formatId: 'totp-authenticator',
    keys: TOTP_SHA1,
    encrypted: false,
  },
  {
    file: 'TOTP_Authenticator_Preferences.xml',
    formatId: 'totp-authenticator-xml',
    keys: TOTP_SHA1,
    encrypted: false,
  },
  {
    file: 'com.blizzard.messenger.authenticator_preferences.xml',
    formatId: 'battle-net',
    keys: ['battlenet'],
    encrypted: false,
  },
  { file: 'com.blizzard.bma.AUTH_STORE.xml', formatId: 'battle-net', keys: ['battlenet'], encrypted: false },
  { file: 'authenticator-plus-zipcrypto.zip', formatId: 'authenticator-plus', keys: ALL, encrypted: true },
  { file: 'authenticator-plus-aes.zip', formatId: 'authenticator-plus', keys: ALL, encrypted: true },
  {
    file: 'authplus.db',
    formatId: 'authenticator-plus-db',
    keys: [...DEFAULTS, 'battlenet'],
    encrypted: true,
  },
  { file: 'winauth.txt', formatId: 'winauth', keys: WINAUTH, encrypted: false },
  { file: 'winauth.zip', formatId: 'winauth', keys: WINAUTH, encrypted: true },
];

/** Files written beside a fixture that are not read alone (a database's write-ahead log). */
export const COMPANIONS: ReadonlyArray<{ file: string; keys: readonly string[] }> = [
  { file: 'PhoneFactor-wal', keys: DEFAULT_TOTP },
];

/** Fixtures whose format only a guess or the user's choice names (detection is unsure). */
export const UNSURE: ReadonlySet<string> = new Set([
  'otp_accounts_old.json.aes',
  'authplus.db',
  'totp-authenticator.bin',
]);

/** The canonical account a key names (app-specific ones included). */
export function canonicalAccount(key: string) {
  return ALL_ACCOUNTS.find((c) => c.key === key);
}
