import { pbkdf2Sync } from 'node:crypto';
import type { Token } from '../../../shared/otp-types';
import { sealGcm } from './fixture-crypto';
import { base32, base64, json } from './fixture-encoding';
import { keyUri } from './key-uris';
import type { Randomness } from './seeded';

// 2FAS Authenticator `.2fas` backups, schema by schema as 2FAS for Android wrote them. The field sets
// follow the real exports in Aegis's importer tests (2fas_authenticator.json from 2FAS 3.1.1,
// 2fas_authenticator_plain.2fas from 3.8.2, …_plain_v3.2fas from 4.0.0, …_plain_v4.2fas from 5.1.0)
// and Aegis's TwoFASImporter.java; nothing comes from Keyfob's 2FAS reader.

/** Aegis's TwoFASImporter.java: PBKDF2-HMAC-SHA256, 10 000 iterations, 256-bit key; the real exports hold
 * a 256-byte salt (shared by both sealed fields) and a 12-byte IV per field. */
const KDF = { iterations: 10_000, keyBytes: 32, saltBytes: 256 };
const IV_BYTES = 12;
/**
 * The fixed text 2FAS seals as `reference` to check a password: `BackupContent.Reference` in 2FAS
 * for Android (data/services/…/domain/BackupContent.kt); the real encrypted exports decrypt to it.
 */
const REFERENCE =
  'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbz' +
  'LebqVFJsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4r' +
  'yiJeCjD2o4QsveJ9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd';
/** The app version each schema was exported by in those real files. */
const APP = {
  1: { code: 300_101, name: '3.1.1' },
  2: { code: 3_080_200, name: '3.8.2' },
  3: { code: 4_000_004, name: '4.0.0' },
  4: { code: 5_000_009, name: '5.1.0' },
} as const;
/** 2FAS's default icon collection id, as in the schema 3 and 4 exports. */
const ICON_COLLECTION = 'a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad';
const UPDATED_AT = 1_700_000_000_000;

/**
 * One service. Schema 1 knows only default TOTP (no digits, period or algorithm: `type: "Unknown"`);
 * schema 2 adds digits, period and algorithm (TOTP only, no tokenType); schema 3 adds tokenType
 * (TOTP/HOTP), counter, `source` and an icon, with period on every entry; schema 4 adds `link`,
 * takes the account as `label`, drops period on HOTP and knows STEAM.
 */
function service(t: Token, schema: 1 | 2 | 3 | 4, position: number): Record<string, unknown> {
  const label = schema === 4 ? t.account : `${t.issuer}:${t.account}`;
  const base = { name: t.issuer, secret: base32(t.secret), updatedAt: UPDATED_AT + position };
  if (schema === 1) {
    return {
      ...base,
      order: { position },
      otp: { account: t.account, issuer: t.issuer, label },
      type: 'Unknown',
    };
  }
  const hotp = t.type === 'hotp';
  const otp = {
    ...(schema === 4 ? { link: keyUri(t) } : {}),
    label,
    account: t.account,
    issuer: t.issuer,
    digits: t.digits,
    ...(schema === 4 && hotp ? {} : { period: t.period }),
    algorithm: t.algorithm,
    ...(hotp ? { counter: t.counter } : {}),
    ...(schema >= 3 ? { tokenType: t.type.toUpperCase(), source: 'Link' } : {}),
  };
  if (schema === 2) return { ...base, type: 'Unknown', otp, order: { position } };
  const icon =
    schema === 3
      ? { selected: 'IconCollection', iconCollection: { id: ICON_COLLECTION } }
      : {
          selected: 'Label',
          label: { text: t.issuer.slice(0, 2).toUpperCase(), backgroundColor: 'Default' },
          iconCollection: { id: ICON_COLLECTION },
        };
  return { ...base, otp, order: { position }, icon };
}

/** What each schema's exports can hold (see {@link service}). */
const HOLDS: Record<1 | 2 | 3 | 4, (t: Token) => boolean> = {
  1: (t) => t.type === 'totp' && t.algorithm === 'SHA1' && t.digits === 6 && t.period === 30,
  2: (t) => t.type === 'totp',
  3: (t) => t.type !== 'steam',
  4: () => true,
};

/** A `.2fas` backup of `schema`; with a password, schema 4 encrypted as 2FAS 5 writes it. */
export function write2fas(
  tokens: readonly Token[],
  schema: 1 | 2 | 3 | 4,
  random: Randomness,
  password?: string,
): string {
  const misfit = tokens.find((t) => !HOLDS[schema](t));
  if (misfit !== undefined)
    throw new Error(`2FAS schema ${schema} cannot hold ${misfit.issuer}: ${misfit.account}`);
  const services = tokens.map((t, i) => service(t, schema, i));
  const app = { appVersionCode: APP[schema].code, appVersionName: APP[schema].name, appOrigin: 'android' };
  if (schema === 1) {
    // Keys in alphabetical order and a 2-space indent, as in the 3.1.1 export.
    return json(
      {
        appOrigin: 'android',
        appVersionCode: APP[1].code,
        appVersionName: APP[1].name,
        schemaVersion: 1,
        services,
        updatedAt: UPDATED_AT,
      },
      2,
    );
  }
  if (schema < 4)
    return json({ services, updatedAt: UPDATED_AT, schemaVersion: schema, ...app, groups: [] }, 2);
  const top = { services, groups: [], updatedAt: UPDATED_AT, schemaVersion: 4, ...app };
  if (password === undefined) return json(top);
  // Encrypted: `services` empty; each sealed field is base64(ciphertext ‖ tag):base64(salt):base64(iv).
  const salt = random.bytes(KDF.saltBytes);
  const key = pbkdf2Sync(password, salt, KDF.iterations, KDF.keyBytes, 'sha256');
  const seal = (text: string): string => {
    const iv = random.bytes(IV_BYTES);
    const s = sealGcm(key, iv, Buffer.from(text, 'utf8'));
    return `${base64(Buffer.concat([s.ciphertext, s.tag]))}:${base64(salt)}:${base64(iv)}`;
  };
  return json({ ...top, services: [], servicesEncrypted: seal(json(services)), reference: seal(REFERENCE) });
}
