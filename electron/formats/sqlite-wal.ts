import { damaged } from './format';

// SQLite's write-ahead log, applied to the database image by hand: sql.js opens one file and cannot
// be pointed at a `-wal` beside it, and an Android app's newest rows often live only in the WAL
// until the app checkpoints. Format: https://www.sqlite.org/fileformat2.html#the_write_ahead_log —
// a 32-byte header (magic 0x377f0682/3, version, page size, checkpoint sequence, salt-1, salt-2,
// checksum), then frames of a 24-byte header (page number, database size after a commit or 0,
// salt-1, salt-2, cumulative checksum) and one page. A frame counts when its salts equal the
// header's and the running checksum matches; the pages of every frame up to the last valid commit
// frame are written over the database, later frames of a page winning, as SQLite itself recovers.

const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;
const HEADER = 32;
const FRAME_HEADER = 24;

/** The database image with the WAL's committed frames applied; the WAL is ignored when it is empty or not one. */
export function applyWal(db: Uint8Array, wal: Uint8Array, label: string): Uint8Array {
  if (wal.length < HEADER) return db;
  const w = Buffer.from(wal.buffer, wal.byteOffset, wal.byteLength);
  const magic = w.readUInt32BE(0);
  if (magic !== MAGIC_LE && magic !== MAGIC_BE) return db;
  const bigEndian = magic === MAGIC_BE;
  const pageSize = w.readUInt32BE(8);
  const dbPageSize = Buffer.from(db.subarray(16, 18)).readUInt16BE(0);
  if (pageSize !== (dbPageSize === 1 ? 65_536 : dbPageSize)) {
    throw damaged(label, 'its -wal file belongs to another database (the page sizes differ)');
  }
  let sum = checksum(w.subarray(0, 24), [0, 0], bigEndian);
  if (sum[0] !== w.readUInt32BE(24) || sum[1] !== w.readUInt32BE(28)) return db;
  const pages = new Map<number, Buffer>();
  let committed = new Map<number, Buffer>();
  let size = 0;
  for (let at = HEADER; at + FRAME_HEADER + pageSize <= w.length; at += FRAME_HEADER + pageSize) {
    if (w.readUInt32BE(at + 8) !== w.readUInt32BE(16) || w.readUInt32BE(at + 12) !== w.readUInt32BE(20))
      break;
    sum = checksum(w.subarray(at, at + 8), sum, bigEndian);
    sum = checksum(w.subarray(at + FRAME_HEADER, at + FRAME_HEADER + pageSize), sum, bigEndian);
    if (sum[0] !== w.readUInt32BE(at + 16) || sum[1] !== w.readUInt32BE(at + 20)) break;
    const page = w.readUInt32BE(at);
    if (page === 0) break;
    pages.set(page, w.subarray(at + FRAME_HEADER, at + FRAME_HEADER + pageSize));
    const commitSize = w.readUInt32BE(at + 4);
    if (commitSize > 0) {
      committed = new Map(pages);
      size = commitSize;
    }
  }
  if (committed.size === 0) return db;
  if (size * pageSize > 4 * Math.max(db.length, wal.length)) {
    throw damaged(label, 'its -wal file names a database far larger than the file');
  }
  const out = new Uint8Array(size * pageSize);
  out.set(db.subarray(0, Math.min(db.length, out.length)));
  for (const [page, data] of committed) if (page <= size) out.set(data, (page - 1) * pageSize);
  return out;
}

/** The WAL checksum over 32-bit words (big- or little-endian as the magic says), continuing `[s0, s1]`. */
function checksum(data: Buffer, [s0, s1]: number[], bigEndian: boolean): [number, number] {
  let a = s0 ?? 0;
  let b = s1 ?? 0;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    a = (a + x0 + b) >>> 0;
    b = (b + x1 + a) >>> 0;
  }
  return [a, b];
}
