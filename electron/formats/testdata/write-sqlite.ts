import { createCipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import initSqlJs, { type SqlValue } from 'sql.js';
import type { Token } from '../../../shared/otp-types';
import { base32, hex } from './fixture-encoding';
import type { Randomness } from './seeded';

// App databases, made with sql.js (the same SQLite the readers use, but none of their code) from
// the schemas in formats-more.md, plus SQLite's write-ahead log and SQLCipher 3's page encryption
// written from their specifications: sqlite.org/fileformat2.html ("The Database Header", "The
// Write-Ahead Log") and formats-more.md "Authenticator Plus" (cipher_sqlcipher.md's defaults).

/** One table to create and its rows. */
interface Table {
  create: string;
  insert: string;
  rows: SqlValue[][];
}

let engine: ReturnType<typeof initSqlJs> | undefined;
const sqlJs = () =>
  (engine ??= initSqlJs({
    wasmBinary: new Uint8Array(readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'))).buffer,
  }));

/**
 * A database file holding `table`, starting from `start` (an existing image, e.g. one with reserved
 * bytes per page) when given.
 */
async function database(table: Table, start?: Uint8Array): Promise<Uint8Array> {
  const SQL = await sqlJs();
  const db = new SQL.Database(start);
  try {
    if (start === undefined) db.run(table.create);
    for (const row of table.rows) db.run(table.insert, row);
    return db.export();
  } finally {
    db.close();
  }
}

/** Microsoft Authenticator's `accounts` (the columns Aegis reads and a few beside them). */
function phoneFactorTable(tokens: readonly Token[]): Table {
  return {
    create:
      'CREATE TABLE accounts (_id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, username TEXT, paws_url TEXT, ' +
      'oath_secret_key TEXT, ux_position INTEGER, account_type INTEGER, oath_enabled INTEGER, cid TEXT, ' +
      'encrypted_oath_secret_key TEXT)',
    insert:
      'INSERT INTO accounts (name, username, paws_url, oath_secret_key, ux_position, account_type, oath_enabled, cid) ' +
      "VALUES (?, ?, '', ?, ?, 0, 1, '')",
    // account_type 0: a third-party account with a base32 secret (as users see it: lower case, spaced).
    rows: tokens.map((t, i) => [
      t.issuer,
      t.account,
      base32(t.secret)
        .toLowerCase()
        .replace(/(.{4})/gu, '$1 ')
        .trim(),
      i,
    ]),
  };
}

/**
 * Microsoft Authenticator's `PhoneFactor` in WAL mode (header bytes 18–19 = 2) holding the first
 * `checkpointed` accounts, and its `PhoneFactor-wal` whose one committed transaction adds the rest.
 */
export async function writePhoneFactor(tokens: readonly Token[], checkpointed: number, random: Randomness) {
  const before = await database(phoneFactorTable(tokens.slice(0, checkpointed)));
  const table = phoneFactorTable(tokens);
  const after = await database({ ...table, rows: table.rows.slice(checkpointed) }, before);
  const db = Buffer.from(before);
  db[18] = 2;
  db[19] = 2;
  const walImage = Buffer.from(after);
  walImage[18] = 2;
  walImage[19] = 2;
  return { db, wal: writeWal(db, walImage, random) };
}

/** The WAL checksum over big-endian 32-bit words (magic 0x377f0683), continuing from `s`. */
function walChecksum(data: Buffer, s: [number, number]): [number, number] {
  let [a, b] = s;
  for (let i = 0; i < data.length; i += 8) {
    a = (a + data.readUInt32BE(i) + b) >>> 0;
    b = (b + data.readUInt32BE(i + 4) + a) >>> 0;
  }
  return [a, b];
}

/** A WAL turning database image `from` into `to`: a frame per changed page, the last one a commit. */
function writeWal(from: Buffer, to: Buffer, random: Randomness): Buffer {
  const pageSize = to.readUInt16BE(16);
  const header = Buffer.alloc(32);
  header.writeUInt32BE(0x377f0683, 0);
  header.writeUInt32BE(3007000, 4);
  header.writeUInt32BE(pageSize, 8);
  header.writeUInt32BE(0, 12);
  Buffer.from(random.bytes(8)).copy(header, 16); // salt-1, salt-2
  let sum = walChecksum(header.subarray(0, 24), [0, 0]);
  header.writeUInt32BE(sum[0], 24);
  header.writeUInt32BE(sum[1], 28);
  const pages = to.length / pageSize;
  const changed = Array.from({ length: pages }, (_, i) => i + 1).filter(
    (p) =>
      !to.subarray((p - 1) * pageSize, p * pageSize).equals(from.subarray((p - 1) * pageSize, p * pageSize)),
  );
  const frames = changed.map((page, n) => {
    const frame = Buffer.alloc(24);
    frame.writeUInt32BE(page, 0);
    frame.writeUInt32BE(n === changed.length - 1 ? pages : 0, 4);
    header.copy(frame, 8, 16, 24);
    const data = to.subarray((page - 1) * pageSize, page * pageSize);
    sum = walChecksum(Buffer.concat([frame.subarray(0, 8), data]), sum);
    frame.writeUInt32BE(sum[0], 16);
    frame.writeUInt32BE(sum[1], 20);
    return Buffer.concat([frame, data]);
  });
  return Buffer.concat([header, ...frames]);
}

/** Google Authenticator ≤ 5.10's `accounts`; `email` is the key URI label "Issuer:account". */
function googleTable(tokens: readonly Token[], authPlus = false): Table {
  const extra = authPlus
    ? ", position INTEGER, timestamp INTEGER, uid TEXT, category TEXT NOT NULL DEFAULT 'All Accounts'"
    : '';
  return {
    create:
      'CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL, secret TEXT NOT NULL, counter INTEGER DEFAULT 0, ' +
      `type INTEGER, provider INTEGER DEFAULT 0, issuer TEXT DEFAULT NULL, original_name TEXT DEFAULT NULL${extra})`,
    insert:
      'INSERT INTO accounts (email, secret, counter, type, issuer, original_name) VALUES (?, ?, ?, ?, ?, ?)',
    rows: tokens.map((t) => {
      const label = t.issuer === 'Battle.net' ? t.account : `${t.issuer}:${t.account}`;
      // Authenticator Plus's Blizzard accounts (type 2) keep the secret in hexadecimal.
      if (authPlus && t.issuer === 'Battle.net') return [label, hex(t.secret), 0, 2, t.issuer, label];
      return [
        label,
        base32(t.secret),
        t.type === 'hotp' ? Number(t.counter) : 0,
        t.type === 'hotp' ? 1 : 0,
        t.issuer,
        label,
      ];
    }),
  };
}

/** Google Authenticator's `databases` file. */
export const writeGoogleAuthenticatorDb = (tokens: readonly Token[]) => database(googleTable(tokens));

/** Stratum's `authenticator` table: Type 1 HOTP / 2 TOTP / 4 Steam, Algorithm 0/1/2 (formats-more.md). */
export function writeStratumDb(tokens: readonly Token[]): Promise<Uint8Array> {
  const type = { hotp: 1, totp: 2, steam: 4 } as const;
  const algorithm = { SHA1: 0, SHA256: 1, SHA512: 2 } as const;
  return database({
    create:
      'CREATE TABLE authenticator (type INTEGER NOT NULL, icon VARCHAR, issuer VARCHAR(32) NOT NULL, username VARCHAR(40), ' +
      'secret VARCHAR NOT NULL PRIMARY KEY, pin VARCHAR, algorithm INTEGER NOT NULL, digits INTEGER NOT NULL, ' +
      'period INTEGER NOT NULL, counter INTEGER NOT NULL, ranking INTEGER NOT NULL, copyCount INTEGER NOT NULL)',
    insert: 'INSERT INTO authenticator VALUES (?, NULL, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 0)',
    rows: tokens.map((t, i) => [
      type[t.type],
      t.issuer,
      t.account,
      base32(t.secret),
      algorithm[t.algorithm],
      t.digits,
      t.period,
      Number(t.counter),
      i,
    ]),
  });
}

/** SQLCipher 3's defaults (formats-more.md): 64 000 iterations, 1024-byte pages, 48 reserved bytes, 16-byte salt. */
const SQLCIPHER3 = { iterations: 64_000, pageSize: 1024, reserve: 48, saltBytes: 16 };

/** An empty database of 1024-byte pages with 48 reserved bytes each (header fields per fileformat2.html). */
function emptyReservedDatabase(): Buffer {
  const page = Buffer.alloc(SQLCIPHER3.pageSize);
  page.write('SQLite format 3\u0000', 0, 'latin1');
  page.writeUInt16BE(SQLCIPHER3.pageSize, 16);
  page[18] = 1; // rollback journal
  page[19] = 1;
  page[20] = SQLCIPHER3.reserve;
  page[21] = 64; // payload fractions, fixed by the format
  page[22] = 32;
  page[23] = 32;
  page.writeUInt32BE(1, 28); // one page
  page.writeUInt32BE(4, 44); // schema format 4
  page.writeUInt32BE(1, 56); // UTF-8
  page[100] = 0x0d; // sqlite_master: an empty table leaf page
  page.writeUInt16BE(SQLCIPHER3.pageSize - SQLCIPHER3.reserve, 105);
  return page;
}

/** Authenticator Plus's `authplus.db`: its accounts table, every page SQLCipher-3-encrypted under `password`. */
export async function writeAuthPlusDb(
  tokens: readonly Token[],
  password: string,
  random: Randomness,
): Promise<Buffer> {
  const table = googleTable(tokens, true);
  const SQL = await sqlJs();
  const start = new SQL.Database(emptyReservedDatabase());
  start.run(table.create);
  const created = start.export();
  start.close();
  const plain = Buffer.from(await database(table, created));
  const { iterations, pageSize, reserve, saltBytes } = SQLCIPHER3;
  const salt = Buffer.from(random.bytes(saltBytes));
  const key = pbkdf2Sync(password, salt, iterations, 32, 'sha1');
  const macKey = pbkdf2Sync(
    key,
    salt.map((b) => b ^ 0x3a),
    2,
    32,
    'sha1',
  );
  const pages: Buffer[] = [];
  for (let n = 1; n * pageSize <= plain.length; n++) {
    const page = plain.subarray((n - 1) * pageSize, n * pageSize - reserve);
    const iv = Buffer.from(random.bytes(16));
    const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    const ciphertext = Buffer.concat([
      cipher.update(n === 1 ? page.subarray(saltBytes) : page),
      cipher.final(),
    ]);
    const number = Buffer.alloc(4);
    number.writeUInt32LE(n);
    const mac = createHmac('sha1', macKey).update(ciphertext).update(iv).update(number).digest();
    pages.push(
      n === 1 ? salt : Buffer.alloc(0),
      ciphertext,
      iv,
      mac,
      Buffer.from(random.bytes(reserve - 36)),
    );
  }
  return Buffer.concat(pages);
}
