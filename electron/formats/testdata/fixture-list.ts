import { CANONICAL } from './canonical';

/** Every canonical key. */
const ALL = CANONICAL.map((c) => c.key);
/** Proton Authenticator has TOTP and Steam only. */
const NO_HOTP = CANONICAL.filter((c) => c.token.type !== 'hotp').map((c) => c.key);
/** 2FAS schema 2 (2FAS 3.8) had digits, period and algorithm but no tokenType: TOTP only. */
const TOTP_ONLY = CANONICAL.filter((c) => c.token.type === 'totp').map((c) => c.key);
/** 2FAS schema 1 (2FAS 3.1) had not even those: TOTP with SHA-1, 6 digits and 30 s only. */
const DEFAULT_TOTP = CANONICAL.filter(
  ({ token: t }) => t.type === 'totp' && t.algorithm === 'SHA1' && t.digits === 6 && t.period === 30,
).map((c) => c.key);
/** 2FAS schema 3 (2FAS 4.0) added HOTP; Steam came with schema 4. */
const NO_STEAM = CANONICAL.filter((c) => c.token.type !== 'steam').map((c) => c.key);

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
  { file: 'freeotp-plus.json', formatId: 'freeotp-plus', keys: ALL, encrypted: false },
  { file: 'bitwarden.json', formatId: 'bitwarden', keys: ALL, encrypted: false },
  { file: 'bitwarden.csv', formatId: 'bitwarden', keys: ALL, encrypted: false },
  { file: 'proton-authenticator.json', formatId: 'proton', keys: NO_HOTP, encrypted: false },
  { file: 'ente-auth.txt', formatId: 'otpauth', keys: ALL, encrypted: false },
  { file: 'keyfob-otpauth.txt', formatId: 'otpauth', keys: ALL, encrypted: false },
];
