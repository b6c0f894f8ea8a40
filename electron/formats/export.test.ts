import { execFileSync } from 'node:child_process';
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
  // A Python reader written from Aegis's docs/vault.md alone (with the `cryptography` package):
  // if Keyfob and this agree, the file follows the spec rather than Keyfob's own reading of it.
  const PY = String.raw`
import base64, json, sys
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
f = json.load(sys.stdin); pw = sys.argv[1].encode('utf-8'); h = f['header']
assert f['version'] == 1 and h['params'] is not None
for s in h['slots']:
    assert s['type'] == 1 and len(bytes.fromhex(s['salt'])) == 32 and len(bytes.fromhex(s['key_params']['nonce'])) == 12
    kek = Scrypt(salt=bytes.fromhex(s['salt']), length=32, n=s['n'], r=s['r'], p=s['p']).derive(pw)
    master = AESGCM(kek).decrypt(bytes.fromhex(s['key_params']['nonce']), bytes.fromhex(s['key']) + bytes.fromhex(s['key_params']['tag']), None)
    db = AESGCM(master).decrypt(bytes.fromhex(h['params']['nonce']), base64.b64decode(f['db']) + bytes.fromhex(h['params']['tag']), None)
    out = json.loads(db.decode('utf-8'))
    print(json.dumps({'n': s['n'], 'r': s['r'], 'p': s['p'], 'version': out['version'], 'groups': out['groups'],
      'entries': [[e['type'], e['issuer'], e['name'], e['info']['secret'], e['info']['algo'], e['info']['digits'], e['info'].get('period'), e['info'].get('counter')] for e in out['entries']]}))
`;

  it('opens with Python cryptography following vault.md, with N=32768 r=8 p=1', async () => {
    const { bytes } = await writeExport('aegis-encrypted', [...CANONICAL_TOKENS], 'pässword ✓');
    const out = execFileSync('python3', ['-c', PY, 'pässword ✓'], {
      input: Buffer.from(bytes),
      encoding: 'utf8',
    });
    const parsed = JSON.parse(out) as {
      n: number;
      r: number;
      p: number;
      version: number;
      groups: unknown[];
      entries: unknown[][];
    };
    expect({ n: parsed.n, r: parsed.r, p: parsed.p }).toEqual(AEGIS_SCRYPT);
    expect([parsed.version, parsed.groups]).toEqual([3, []]);
    expect(parsed.entries[5]).toEqual([
      'hotp',
      'Corp VPN',
      'vpn-user',
      'IEVSP6SZO4PFZELHO3VFRKCCL57BRFOY',
      'SHA1',
      6,
      null,
      7,
    ]);
    expect(parsed.entries.map((e) => e[1])).toEqual(CANONICAL_TOKENS.map((t) => t.issuer));
  });
});
