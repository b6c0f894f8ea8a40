import type { Token } from '../../../shared/otp-types';
import { fromBase32 } from './fixture-encoding';

/** The instant every fixture's codes are checked at: 2023-11-14T22:13:20Z. */
export const FIXTURE_TIME_MS = 1_700_000_000_000;

/** The password of every encrypted fixture (never a real one). */
export const FIXTURE_PASSWORD = 'keyfob-fixture-pässwörd';

/** One canonical account: the token every importer must reproduce, and its code at FIXTURE_TIME_MS. */
export interface CanonicalAccount {
  /** Short handle for tests and the README. */
  key: string;
  token: Token;
  /** From oathtool (Steam: Keyfob's engine, checked against the Steam tests in electron/core). */
  code: string;
}

function account(
  key: string,
  code: string,
  t: Omit<Token, 'secret' | 'counter'> & { secret: string; counter?: bigint },
): CanonicalAccount {
  return { key, code, token: { ...t, counter: t.counter ?? 0n, secret: fromBase32(t.secret) } };
}

/**
 * THE canonical account set every fixture is made from (electron/formats/testdata/fixture-files.ts)
 * and every importer must read back. Secrets are the first bytes of SHA-512("keyfob canonical <key>"):
 * test data, never real. Codes at FIXTURE_TIME_MS come from oathtool, e.g.
 * `oathtool -b --totp=sha512 -d 8 -s 60 --now=@1700000000 <secret>`; HOTP codes are for the stored
 * counter (`oathtool -b --hotp -c 7`, and `--totp=sha256 -s 1 --now=@<counter>` for HOTP-SHA256).
 */
export const CANONICAL: readonly CanonicalAccount[] = [
  account('github', '741904', {
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    issuer: 'GitHub',
    account: 'alice@example.com',
    secret: 'DVVQGD4WJW6YUDIPSE67GIX3YJU3R7CN',
  }),
  account('aws', '68292782', {
    type: 'totp',
    algorithm: 'SHA256',
    digits: 8,
    period: 30,
    issuer: 'Amazon Web Services',
    account: 'ops-admin',
    secret: 'EPXZO65HT3MDZ4IXSTHAIAMAOLZVX7VMDWRERXN7BF2CR53PGNMA',
  }),
  account('bank', '86784256', {
    type: 'totp',
    algorithm: 'SHA512',
    digits: 8,
    period: 60,
    issuer: 'Bänk Zürich',
    account: 'jürgen.müller',
    secret:
      'VP3ZIXXPQOMQQI62RGQ6EU3GD2YGWUZUEXU4BWXQAPXK3YKY3I6ZVEIWSXXWSOQS2VCNHL5APVJRVIBKPFKFELVRDDEFQS6VQOL3FOA',
  }),
  account('nihon', '968600', {
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 60,
    issuer: '日本銀行',
    account: '山田 太郎',
    secret: 'VU5NACPHKCCJP77G7SJYPVFIBZQ4I6CP',
  }),
  account('staging', '497393', {
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    issuer: 'Example: Staging',
    account: 'dev@example.com',
    secret: 'WL23D3PEWJE3446YMIAJIL2FVBU6CAZS',
  }),
  account('vpn', '441818', {
    type: 'hotp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 7n,
    issuer: 'Corp VPN',
    account: 'vpn-user',
    secret: 'IEVSP6SZO4PFZELHO3VFRKCCL57BRFOY',
  }),
  account('hw', '57228530', {
    type: 'hotp',
    algorithm: 'SHA256',
    digits: 8,
    period: 30,
    counter: 1_234_567_890n,
    issuer: 'Hardware Token',
    account: 'hotp-256',
    secret: '3FGIRQ7OLE5OHQGHDSXNONEATII73ZCQYWGASAXYTB76OYHCMAOQ',
  }),
  account('steam', '7Q47T', {
    type: 'steam',
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
    issuer: 'Steam',
    account: 'gaben',
    secret: 'KAIRPFGKKLZVLUI4LH243NYCN5TQHTBI',
  }),
  account('proton', '369975', {
    type: 'totp',
    algorithm: 'SHA256',
    digits: 6,
    period: 30,
    issuer: 'Proton Mail',
    account: 'élodie@proton.me',
    secret: '3CPSGFP6SBTNE3R574NVQAFXHPWROU4N',
  }),
  account('odd', '1421053', {
    type: 'totp',
    algorithm: 'SHA1',
    digits: 7,
    period: 45,
    issuer: 'Odd Params Inc',
    account: 'seven-digits',
    secret: 'MHEG4LDCYI4RIHK2',
  }),
];

/**
 * Accounts only some apps have, kept apart from {@link CANONICAL} so the files of every other app
 * stay as they are: an Authy-native token (7 digits, 10 s; its name is the issuer) and a Battle.net
 * authenticator (8 digits; its serial is the account). Codes from oathtool as above.
 */
export const APP_SPECIFIC: readonly CanonicalAccount[] = [
  account('authy-app', '9440053', {
    type: 'totp',
    algorithm: 'SHA1',
    digits: 7,
    period: 10,
    issuer: 'Twitch',
    account: '',
    secret: 'BMS4KVCYPAC6JMKUJAOOZANZCOXQGIRI',
  }),
  account('battlenet', '54213374', {
    type: 'totp',
    algorithm: 'SHA1',
    digits: 8,
    period: 30,
    issuer: 'Battle.net',
    account: 'US-1700-0000-0042',
    secret: 'UAXAABTNQF32AQIS7HYFAOEPX2C3IFS7',
  }),
];

/** Every canonical account, the app-specific ones last: what fixtures and tests look keys up in. */
export const ALL_ACCOUNTS: readonly CanonicalAccount[] = [...CANONICAL, ...APP_SPECIFIC];

/** The canonical tokens in order. */
export const CANONICAL_TOKENS: readonly Token[] = CANONICAL.map((c) => c.token);
