import { describe, expect, it } from 'vitest';
import type { Token } from '../../../shared/otp-types';
import { parseMigrationUri } from './transfer-uri';
import { formatMigrationUris } from './writer';
import { MigrationBatches } from './batches';
import { MigrationCollector } from './collector';
import { readUriList } from '../uri-list';
import { lineSource, showSource } from '../format';
import { token } from '../../../test-support/vault/fixtures';
import { defined } from '../../../test-support/defined';

const account = (i: number): Token => token('Acme', `user${i}`, i + 1);
const accounts = (n: number, from = 0) => Array.from({ length: n }, (_, i) => account(from + i));
/** A 3-code export of 25 accounts (10 + 10 + 5), batch id −42. */
const EXPORT = formatMigrationUris(accounts(25), -42);
const code = (uri: string | undefined) => parseMigrationUri(uri ?? '');

describe('MigrationCollector', () => {
  it('collects codes in the order 2, 3, 1 and completes only at the end', () => {
    const c = new MigrationCollector();
    const steps = [EXPORT[1], EXPORT[2], EXPORT[0]].map((u) => c.add(code(u)));
    expect(steps.map((s) => [s.status, s.scanned, s.total, s.missing, s.complete, s.message])).toEqual([
      ['added', 1, 3, [1, 3], false, '1 of 3 scanned — show codes 1 and 3.'],
      ['added', 2, 3, [1], false, '2 of 3 scanned — show code 1.'],
      ['added', 3, 3, [], true, 'All 3 codes scanned: 25 accounts.'],
    ]);
    expect(c.result().entries.map((e) => e.token.account)).toEqual(accounts(25).map((a) => a.account));
  });

  it('releases nothing before the set is complete', () => {
    const c = new MigrationCollector();
    c.add(code(EXPORT[0]));
    expect(c.complete).toBe(false);
    expect(c.result()).toEqual({ entries: [], errors: [] });
  });

  it('ignores a code scanned twice', () => {
    const c = new MigrationCollector();
    c.add(code(EXPORT[1]));
    const again = c.add(code(EXPORT[1]));
    expect([again.status, again.scanned, again.message]).toEqual([
      'duplicate',
      1,
      'Code 2 of 3 was already scanned. 1 of 3 scanned — show codes 1 and 3.',
    ]);
  });

  it.each([
    ['another batch id', formatMigrationUris(accounts(25), 7)[0]],
    ['another batch size', formatMigrationUris(accounts(11), -42)[0]],
    ['other content at a held index', formatMigrationUris(accounts(25, 100), -42)[1]],
  ])('refuses a code of a different export (%s)', (_, foreign) => {
    const c = new MigrationCollector();
    c.add(code(EXPORT[1]));
    const step = c.add(code(foreign));
    expect(step.status).toBe('refused');
    expect(step.message).toMatch(/different Google Authenticator export.*1 of 3.*show codes 1 and 3/);
    expect(step.scanned).toBe(1);
  });

  it('completes at once on a single-code export, even an empty one', () => {
    const c = new MigrationCollector();
    expect(c.add(code(formatMigrationUris([], 3)[0])).message).toBe('Transfer code read: 0 accounts.');
    expect(c.complete).toBe(true);
  });
});

describe('transfer codes in plain lists', () => {
  it('collects one export across the lines and files of one import, in any order', () => {
    const batches = new MigrationBatches();
    const a = readUriList(`${EXPORT[2]}\notpauth://totp/X:y?secret=JBSWY3DP\n`, 'a.txt', batches);
    const b = readUriList(`# second half\n${EXPORT[0]}\n\n${EXPORT[1]}\n`, 'b.txt', batches);
    expect(a.entries.map((e) => showSource(e.source))).toEqual(['a.txt:2']);
    expect(b.entries).toEqual([]);
    const done = batches.finish();
    expect(done.errors).toEqual([]);
    expect(done.entries).toHaveLength(25);
    expect(showSource(defined(done.entries[0]).source)).toBe('b.txt:2 entry 1');
    expect(showSource(defined(done.entries[24]).source)).toBe('a.txt:1 entry 5');
  });

  it('reports the missing codes of an incomplete export and imports none of it', () => {
    const r = readUriList(`${EXPORT[1]}\n${formatMigrationUris(accounts(2), 9)[0]}\n`, 'list.txt');
    expect(r.entries.map((e) => e.token.account)).toEqual(['user0', 'user1']);
    expect(r.errors).toEqual([
      {
        source: lineSource('list.txt', 1),
        message: expect.stringMatching(
          /^Google Authenticator export -42 is incomplete: codes 1 and 3 of 3 are missing/,
        ),
      },
    ]);
  });

  it('keeps two different single-code exports apart even with the same batch id', () => {
    const r = readUriList(
      `${formatMigrationUris(accounts(1), 0)[0]}\n${formatMigrationUris(accounts(1, 5), 0)[0]}`,
      'l',
    );
    expect(r.entries.map((e) => e.token.account)).toEqual(['user0', 'user5']);
  });

  it('reports an unreadable transfer code as its line', () => {
    const r = readUriList('otpauth-migration://offline?data=%%%', 'l');
    expect(r.errors).toEqual([
      { source: lineSource('l', 1), message: expect.stringMatching(/transfer code is unreadable/) },
    ]);
  });
});
