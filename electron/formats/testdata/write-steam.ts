import type { Token } from '../../../shared/otp-types';
import { pbkdf2, sealCbc } from './fixture-crypto';
import { base32, base64, json } from './fixture-encoding';
import type { Randomness } from './seeded';

// Steam Guard files, written from formats-more.md "Steam" (Aegis's steam.json and steam_old.json
// fixtures, SDA's FileEncryptor.cs and Manifest.cs as it describes them).

/** SDA's maFile encryption: PBKDF2-HMAC-SHA1, 50 000 iterations, 32-byte key, 8-byte salt, 16-byte IV. */
const SDA = { iterations: 50_000, saltBytes: 8, ivBytes: 16 };

/** A Steam ID for the fixture account (the first public Steam ID number, 64-bit form). */
export const FIXTURE_STEAM_ID = 76_561_197_960_287_930n;

/** The account fields every Steam file shares (`shared_secret` base64, and the same secret in `uri`). */
function steamAccount(t: Token, random: Randomness) {
  return {
    shared_secret: base64(t.secret),
    serial_number: '17000000000000000042',
    revocation_code: 'R17000',
    uri: `otpauth://totp/Steam:${t.account}?secret=${base32(t.secret)}&issuer=Steam`,
    server_time: 1_700_000_000,
    account_name: t.account,
    token_gid: '7e57ab1e5ca1ab1e',
    identity_secret: base64(random.bytes(20)),
    secret_1: base64(random.bytes(20)),
    status: 1,
  };
}

/** An SDA / steamguard-cli `.maFile` (plain): the account plus `device_id`, `fully_enrolled`, `Session`. */
export function writeMaFile(t: Token, random: Randomness): string {
  return json({
    ...steamAccount(t, random),
    device_id: `android:${random.uuid()}`,
    fully_enrolled: true,
    Session: { SessionID: null, SteamLogin: null, SteamLoginSecure: null, SteamID: FIXTURE_STEAM_ID },
  });
}

/** Newer Steam app data as users dumped it: `{"accounts": {"<id>": {…, steamid, steamguard_scheme}}}`. */
export function writeSteamAccounts(tokens: readonly Token[], random: Randomness): string {
  const accounts = Object.fromEntries(
    tokens.map((t, i) => [
      `account${i + 1}`,
      { steamid: String(FIXTURE_STEAM_ID), ...steamAccount(t, random), steamguard_scheme: '2' },
    ]),
  );
  return `${json({ accounts })}\n`;
}

/**
 * An encrypted SDA folder: `manifest.json` (`encrypted: true`, each entry's base64 salt and IV,
 * file name and Steam ID) and each `<steamid>.maFile` as base64 of AES-256-CBC under the passkey.
 */
export function writeSdaEncrypted(
  t: Token,
  passkey: string,
  random: Randomness,
): { manifest: string; maFile: string; name: string } {
  const name = `${FIXTURE_STEAM_ID}.maFile`;
  const salt = random.bytes(SDA.saltBytes);
  const iv = random.bytes(SDA.ivBytes);
  const key = pbkdf2(passkey, salt, SDA.iterations, 'sha1');
  const maFile = base64(sealCbc(key, iv, Buffer.from(writeMaFile(t, random), 'utf8')));
  const manifest = json({
    encrypted: true,
    first_run: false,
    entries: [
      { encryption_iv: base64(iv), encryption_salt: base64(salt), filename: name, steamid: FIXTURE_STEAM_ID },
    ],
    periodic_checking: false,
    periodic_checking_interval: 5,
    periodic_checking_checkall: false,
    auto_confirm_market_transactions: false,
    auto_confirm_trades: false,
  });
  return { manifest, maFile, name };
}
