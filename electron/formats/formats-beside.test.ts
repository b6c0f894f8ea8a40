import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import type { Companion } from './format';
import { showSource } from './format';
import { readImport } from './registry';
import { FIXTURE_PASSWORD } from './testdata/canonical';

// App databases, archives and folders: what Keyfob does with the files beside the one imported
// (a SQLite -wal, an SDA manifest), with rows that cannot be imported, and with damage.

const files = join(__dirname, 'testdata/files');
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(files, file)));
const only =
  (name: string, bytes: Uint8Array): Companion =>
  async (n) =>
    n === name ? bytes : undefined;
const names = (report: Awaited<ReturnType<typeof readImport>>) =>
  report.entries.map((e) => `${e.token.issuer}/${e.token.account}`);

/** A database made with sql.js: one table and its rows. */
async function database(
  create: string,
  insert: string,
  rows: Array<Array<string | number>>,
): Promise<Uint8Array> {
  const SQL = await initSqlJs({
    wasmBinary: new Uint8Array(readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'))).buffer,
  });
  const db = new SQL.Database();
  db.run(create);
  for (const row of rows) db.run(insert, row);
  const out = db.export();
  db.close();
  return out;
}
const S = 'DVVQGD4WJW6YUDIPSE67GIX3YJU3R7CN';

describe('SQLite app databases', () => {
  it('reads only the checkpointed rows when the -wal is not beside the database, and all with it', async () => {
    expect(names(await readImport('PhoneFactor', bytesOf('PhoneFactor')))).toEqual([
      'GitHub/alice@example.com',
    ]);
    const wal = bytesOf('PhoneFactor-wal');
    const report = await readImport('PhoneFactor', bytesOf('PhoneFactor'), undefined, {
      companion: only('PhoneFactor-wal', wal),
    });
    expect(names(report)).toEqual(['GitHub/alice@example.com', 'Example: Staging/dev@example.com']);
  });

  it('drops a transaction whose WAL frame is damaged, as SQLite does', async () => {
    const wal = bytesOf('PhoneFactor-wal');
    wal[wal.length - 100] = (wal[wal.length - 100] ?? 0) ^ 1;
    const report = await readImport('PhoneFactor', bytesOf('PhoneFactor'), undefined, {
      companion: only('PhoneFactor-wal', wal),
    });
    expect(names(report)).toEqual(['GitHub/alice@example.com']);
  });

  it('Microsoft Authenticator: a work account without a seed is listed as not importable', async () => {
    const db = await database(
      'CREATE TABLE accounts (_id INTEGER PRIMARY KEY, name TEXT, username TEXT, oath_secret_key TEXT, account_type INTEGER)',
      'INSERT INTO accounts (name, username, oath_secret_key, account_type) VALUES (?, ?, ?, ?)',
      [
        ['Contoso', 'jane@contoso.com', '', 2],
        ['Microsoft', 'jane@outlook.com', Buffer.from(S).toString('base64'), 1],
      ],
    );
    const report = await readImport('PhoneFactor', db);
    expect(report.entries.map((e) => [e.token.issuer, e.token.digits])).toEqual([['Microsoft', 8]]);
    expect(report.errors.map((e) => ({ ...e, source: showSource(e.source) }))).toEqual([
      { source: 'PhoneFactor#1', message: expect.stringMatching(/^Cannot be imported: a Microsoft work/) },
    ]);
  });

  it('Google Authenticator: the label rule splits `email`, encrypted rows are listed', async () => {
    const db = await database(
      'CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL, secret TEXT NOT NULL, counter INTEGER DEFAULT 0, type INTEGER, issuer TEXT, original_name TEXT, isencrypted INTEGER)',
      'INSERT INTO accounts (email, secret, type, issuer, isencrypted) VALUES (?, ?, 0, ?, ?)',
      [
        ['Other:alice', S, 'Acme', 0],
        ['Deno:Mason', S.toLowerCase(), '', 0],
        ['x', 'AAAA', 'Enc', 1],
      ],
    );
    const report = await readImport('databases', db);
    expect(names(report)).toEqual(['Acme/alice', 'Deno/Mason']);
    expect(report.errors.map((e) => e.message)).toEqual([expect.stringMatching(/encrypted this key/)]);
  });

  it('a file that is no database, and one without the table, are damaged', async () => {
    const header = bytesOf('databases').slice(0, 4096);
    await expect(readImport('databases', header)).rejects.toThrow(
      /^This Google Authenticator database \(databases\) is damaged: SQLite cannot read it/,
    );
    const other = await database(
      'CREATE TABLE notes (email TEXT, secret TEXT, original_name TEXT)',
      'SELECT 1',
      [],
    );
    await expect(
      readImport('databases', other, undefined, { formatId: 'google-authenticator-db' }),
    ).rejects.toThrow(/it has no "accounts" table/);
  });
});

describe('Authenticator Plus', () => {
  it('authplus.db: a damaged page after the first is damage, not a wrong password', async () => {
    const db = bytesOf('authplus.db');
    db[1024 + 10] = (db[1024 + 10] ?? 0) ^ 1;
    await expect(readImport('authplus.db', db, FIXTURE_PASSWORD)).rejects.toThrow(
      /damaged: its page 2 fails the integrity check/,
    );
  });

  it('an export zip without Accounts.txt says what it lacks', async () => {
    const zip = bytesOf('winauth.zip');
    await expect(
      readImport('export.zip', zip, FIXTURE_PASSWORD, { formatId: 'authenticator-plus' }),
    ).rejects.toThrow(/damaged: the archive holds no Accounts\.txt/);
  });
});

describe('Steam Desktop Authenticator folders', () => {
  const manifest = bytesOf('sda/manifest.json');
  const maFile = bytesOf('sda/76561197960287930.maFile');

  it('an encrypted maFile without its manifest says where the salt and IV are', async () => {
    await expect(readImport('76561197960287930.maFile', maFile, FIXTURE_PASSWORD)).rejects.toThrow(
      /is encrypted and the manifest\.json that holds its salt and IV is not beside it/,
    );
  });

  it('a manifest whose maFile is missing lists that account as not imported', async () => {
    const report = await readImport('manifest.json', manifest, FIXTURE_PASSWORD, {
      companion: async () => undefined,
    });
    expect(report.errors.map((e) => ({ ...e, source: showSource(e.source) }))).toEqual([
      {
        source: 'manifest.json#1',
        message: '76561197960287930.maFile is not beside the manifest; copy the whole maFiles folder.',
      },
    ]);
  });

  it('a manifest naming more encrypted maFiles than Keyfob decrypts at once is refused before deriving', async () => {
    const entry = {
      encryption_iv: 'AAAAAAAAAAAAAAAAAAAAAA==',
      encryption_salt: 'AAAAAAAAAAA=',
      filename: 'x.maFile',
    };
    const many = JSON.stringify({ encrypted: true, entries: Array.from({ length: 101 }, () => entry) });
    await expect(readImport('manifest.json', new Uint8Array(Buffer.from(many)), 'pw')).rejects.toThrow(
      /lists 101 encrypted maFiles; Keyfob decrypts at most 100 at a time/,
    );
  });

  it('maFiles beside a manifest are read up to 16 MB in all; the rest are listed as not read', async () => {
    const big = new Uint8Array(9 * 1024 * 1024);
    const manifest = JSON.stringify({
      version: 1,
      entries: ['a', 'b', 'c'].map((f) => ({ filename: f, encryption: null })),
    });
    const report = await readImport('manifest.json', new Uint8Array(Buffer.from(manifest)), undefined, {
      companion: async () => big,
    });
    expect(report.errors.map((e) => e.message)).toEqual([
      'a is not a maFile (its contents are not JSON).',
      'b is not a maFile (its contents are not JSON).',
      'Not read: the maFiles listed before it already hold more than 16 MB.',
    ]);
  });

  it("steamguard-cli's manifest: plain maFiles are read, its Argon2id scheme is refused with what to do", async () => {
    const plain = bytesOf('76561197960287930.maFile');
    const cli = (encryption: unknown) =>
      new Uint8Array(
        Buffer.from(
          JSON.stringify({
            version: 1,
            entries: [{ filename: 'g.maFile', steam_id: 1, account_name: 'gaben', encryption }],
          }),
        ),
      );
    const report = await readImport('manifest.json', cli(null), undefined, {
      companion: only('g.maFile', plain),
    });
    expect(names(report)).toEqual(['Steam/gaben']);
    await expect(
      readImport('manifest.json', cli({ iv: 'AA==', salt: 'AA==', scheme: 'Argon2idAes256' }), 'pw', {
        companion: only('g.maFile', plain),
      }),
    ).rejects.toThrow(/steamguard decrypt/);
  });
});

describe('FreeOTP 2 backups', () => {
  it("a key whose token details are missing is listed, not dropped (the stream's first '-token' renamed)", async () => {
    const bytes = Buffer.from(bytesOf('freeotp2-api25.xml'));
    const at = bytes.indexOf('-token');
    bytes.write('-tokex', at, 'latin1');
    const report = await readImport('externalBackup.xml', new Uint8Array(bytes), FIXTURE_PASSWORD);
    expect(report.entries).toHaveLength(9);
    expect(report.errors.map((e) => e.message)).toEqual([
      'This FreeOTP key has no token details (type, issuer) in the backup.',
      'This FreeOTP key has no token details (type, issuer) in the backup.',
    ]);
  });

  it('a truncated backup is damaged', async () => {
    const half = bytesOf('freeotp2-api25.xml').slice(0, 300);
    await expect(readImport('externalBackup.xml', half, FIXTURE_PASSWORD)).rejects.toThrow(
      /^This FreeOTP backup is damaged: it ends early/,
    );
  });
});
