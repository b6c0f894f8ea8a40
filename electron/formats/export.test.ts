import { scrypt } from '@noble/hashes/scrypt.js';
import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseMigrationUri } from './google-migration/transfer-uri';
import { AEGIS_SCRYPT } from './aegis';
import { writeExport } from './export';
import { readImport } from './registry';
import { CANONICAL_TOKENS } from './testdata/canonical';
import { thousandAccounts } from './testdata/thousand';

describe('round trips', () => {
  it('1000 accounts through an encrypted Aegis backup come back exactly, in order', async () => {
    const tokens = thousandAccounts();
    const { bytes, skipped } = await writeExport('aegis-encrypted', tokens, 'correct horse');
    expect(skipped).toEqual([]);
    const report = await readImport('backup.json', bytes, 'correct horse');
    expect(report.errors).toEqual([]);
    expect(report.entries.map((e) => e.token)).toEqual(tokens);
  });

  it.each(['aegis', 'otpauth'] as const)(
    '1000 accounts through %s come back exactly, in order',
    async (format) => {
      const tokens = thousandAccounts().filter(
        (t) => format !== 'otpauth' || t.issuer !== '' || !t.account.includes(':'),
      );
      const report = await readImport(`backup.${format}`, (await writeExport(format, tokens)).bytes);
      expect(report.errors).toEqual([]);
      expect(report.entries.map((e) => e.token)).toEqual(tokens);
    },
  );

  it('Google transfer links carry what Google Authenticator can hold and list the rest as skipped', async () => {
    const { uris = [], skipped } = await writeExport('google-migration', [...CANONICAL_TOKENS]);
    expect(skipped.map((s) => s.name)).toEqual([
      'Bänk Zürich: jürgen.müller',
      '日本銀行: 山田 太郎',
      'Steam: gaben',
      'Odd Params Inc: seven-digits',
    ]);
    expect(skipped[2]?.message).toMatch(/Steam Guard accounts cannot be transferred/);
    const back = uris.flatMap((u) => parseMigrationUri(u).result.entries.map((e) => e.token));
    expect(back).toEqual(
      CANONICAL_TOKENS.filter(
        (t) => !['Steam', 'Bänk Zürich', '日本銀行', 'Odd Params Inc'].includes(t.issuer),
      ),
    );
  });

  it('refuses an encrypted export without a password', async () => {
    await expect(writeExport('aegis-encrypted', [...CANONICAL_TOKENS], '')).rejects.toMatchObject({
      field: 'password',
    });
  });
});

describe('the encrypted Aegis file, checked by an independent reader', () => {
  // A reader written from Aegis's docs/vault.md alone, with another scrypt (@noble/hashes, in
  // JavaScript; Keyfob derives with OpenSSL's) and no code of Keyfob's: if the two agree, the file
  // follows the spec rather than Keyfob's own reading of it.
  const hex = (s: string) => Buffer.from(s, 'hex');
  const openGcm = (key: Uint8Array, nonce: string, tag: string, sealed: Buffer) => {
    const d = createDecipheriv('aes-256-gcm', key, hex(nonce));
    d.setAuthTag(hex(tag));
    return Buffer.concat([d.update(sealed), d.final()]);
  };
  interface Slot {
    type: number;
    salt: string;
    n: number;
    r: number;
    p: number;
    key: string;
    key_params: { nonce: string; tag: string };
  }
  interface Entry {
    type: string;
    issuer: string;
    name: string;
    info: { secret: string; algo: string; digits: number; period?: number; counter?: number };
  }
  function readVaultMd(bytes: Uint8Array, password: string) {
    const f = JSON.parse(Buffer.from(bytes).toString('utf8')) as {
      version: number;
      header: { slots: Slot[]; params: { nonce: string; tag: string } | null };
      db: string;
    };
    const params = f.header.params;
    expect(f.version).toBe(1);
    expect(params).not.toBeNull();
    return f.header.slots.map((s) => {
      expect([s.type, hex(s.salt).length, hex(s.key_params.nonce).length]).toEqual([1, 32, 12]);
      const kek = scrypt(new TextEncoder().encode(password), hex(s.salt), {
        N: s.n,
        r: s.r,
        p: s.p,
        dkLen: 32,
      });
      const master = openGcm(kek, s.key_params.nonce, s.key_params.tag, hex(s.key));
      const db = openGcm(master, params?.nonce ?? '', params?.tag ?? '', Buffer.from(f.db, 'base64'));
      const out = JSON.parse(db.toString('utf8')) as { version: number; groups: unknown[]; entries: Entry[] };
      return {
        n: s.n,
        r: s.r,
        p: s.p,
        version: out.version,
        groups: out.groups,
        entries: out.entries.map((e) => [
          e.type,
          e.issuer,
          e.name,
          e.info.secret,
          e.info.algo,
          e.info.digits,
          e.info.period ?? null,
          e.info.counter ?? null,
        ]),
      };
    });
  }

  it('opens with a reader following vault.md, with N=32768 r=8 p=1', async () => {
    const { bytes } = await writeExport('aegis-encrypted', [...CANONICAL_TOKENS], 'pässword ✓');
    const [parsed, ...more] = readVaultMd(bytes, 'pässword ✓');
    expect(more).toEqual([]);
    expect({ n: parsed?.n, r: parsed?.r, p: parsed?.p }).toEqual(AEGIS_SCRYPT);
    expect([parsed?.version, parsed?.groups]).toEqual([3, []]);
    expect(parsed?.entries[5]).toEqual([
      'hotp',
      'Corp VPN',
      'vpn-user',
      'IEVSP6SZO4PFZELHO3VFRKCCL57BRFOY',
      'SHA1',
      6,
      null,
      7,
    ]);
    expect(parsed?.entries.map((e) => e[1])).toEqual(CANONICAL_TOKENS.map((t) => t.issuer));
    expect(() => readVaultMd(bytes, 'wrong password')).toThrow(/authenticate/);
  });
});
