import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ENTRIES } from './import-limits';
import { assertMessage, fuzz, fuzzTimeout, mutatedBytes, typedOutcome } from '../../test-support/fuzz/fuzz';
import { readImport } from './registry';
import { FIXTURE_PASSWORD } from './testdata/canonical';
import type { Companion } from './format';
import { FIXTURES } from './testdata/fixture-list';

// Fuzzing every import format from its fixtures: byte mutations, and structure-aware ones — JSON
// values swapped for odd ones at random paths, lines and cells of text and CSV files changed. Every
// outcome is a report whose problems are short lines, or one typed error line.

const files = join(__dirname, 'testdata/files');
const fixture = (file: string) => ({ file, bytes: new Uint8Array(readFileSync(join(files, file))) });
const plain = FIXTURES.filter((f) => !f.encrypted).map((f) => fixture(f.file));
const encrypted = FIXTURES.filter((f) => f.encrypted).map((f) => fixture(f.file));
/** Fixtures whose whole text is JSON (by content: a `.stratum` file is JSON or encrypted). */
const isJson = ({ bytes }: { bytes: Uint8Array }) => {
  try {
    JSON.parse(text.decode(bytes));
    return true;
  } catch {
    return false;
  }
};
/** Databases and archives: only their bytes are changed, never their "lines". */
const isBinary = ({ bytes }: { bytes: Uint8Array }) => bytes.subarray(0, 512).includes(0);
const utf8 = new TextEncoder();
const text = new TextDecoder();

/** What readers say when their own code failed: typed for the user, but a bug all the same. */
const READER_BUG = /\(unexpected \w+\)\.$|^this entry could not be read$/u;

/** Reads a (mutated) file: a bounded report with one-line problems, or one typed error line. */
async function checkRead(
  { file, bytes }: { file: string; bytes: Uint8Array },
  password: string | undefined = FIXTURE_PASSWORD,
  companion?: Companion,
): Promise<void> {
  await typedOutcome(
    async () => {
      try {
        return await readImport(file, bytes, password, { companion });
      } catch (e) {
        if (e instanceof Error && READER_BUG.test(e.message)) throw new Error(`reader bug: ${e.message}`);
        throw e;
      }
    },
    (report) => {
      expect(report.entries.length + report.errors.length).toBeLessThanOrEqual(MAX_IMPORT_ENTRIES + 1);
      for (const e of report.errors) {
        assertMessage(e.message);
        expect(e.message).not.toMatch(READER_BUG);
      }
    },
  );
}

/** Values that have broken parsers before: wrong types, edge numbers, long and odd text. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    0.5,
    5e-324,
    1e308,
    2 ** 31 - 1,
    2 ** 32,
    2 ** 53 + 2,
    -(2 ** 63),
    '',
    ' ',
    '\n',
    '0',
    '-1',
    '1e400',
    'x'.repeat(5000),
    'TOTP',
    'HOTP',
    'STEAM',
    'SHA512',
    'otpauth://totp/a?secret=JBSWY3DP',
    [],
    {},
    [[[]]],
  ),
);

type Json = unknown;
/** Walks `steps` into the document and replaces, deletes or duplicates what it reaches. */
function mutateJson(doc: Json, steps: number[], op: 'replace' | 'delete' | 'duplicate', value: Json): Json {
  const root = { doc };
  let parent: Record<string, Json> | Json[] = root;
  let key: string | number = 'doc';
  for (const step of steps) {
    const here: Json = (parent as Record<string | number, Json>)[key];
    if (Array.isArray(here) && here.length > 0) [parent, key] = [here, step % here.length];
    else if (typeof here === 'object' && here !== null && Object.keys(here).length > 0) {
      const keys = Object.keys(here);
      [parent, key] = [here as Record<string, Json>, keys[step % keys.length] as string];
    } else break;
  }
  if (op === 'delete' && parent !== root) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else Reflect.deleteProperty(parent, key);
  } else if (op === 'duplicate' && Array.isArray(parent)) {
    parent.splice(Number(key), 0, structuredClone(parent[Number(key)]));
  } else (parent as Record<string | number, Json>)[key] = structuredClone(value);
  return root.doc;
}

const jsonMutation = fc.record({
  steps: fc.array(fc.nat(), { maxLength: 7 }),
  op: fc.constantFrom('replace' as const, 'delete' as const, 'duplicate' as const),
  value: oddValue,
  times: fc.integer({ min: 1, max: 3 }),
});

describe('import formats fuzz', () => {
  it(
    'plain fixtures with bytes changed',
    async () => {
      const arb = fc
        .constantFrom(...plain)
        .chain(({ file, bytes }) => mutatedBytes(bytes).map((b) => ({ file, bytes: b })));
      await fuzz('formats.bytes', arb, checkRead, 2_500);
    },
    fuzzTimeout(3_000),
  );

  it(
    'JSON fixtures with values changed at random paths',
    async () => {
      const arb = fc
        .tuple(
          fc.constantFrom(...plain.filter(isJson)),
          fc.array(jsonMutation, { minLength: 1, maxLength: 3 }),
        )
        .map(([{ file, bytes }, mutations]) => {
          let doc: Json = JSON.parse(text.decode(bytes));
          for (const m of mutations)
            for (let i = 0; i < m.times; i++) doc = mutateJson(doc, m.steps, m.op, m.value);
          return { file, bytes: utf8.encode(JSON.stringify(doc)) };
        });
      await fuzz('formats.json', arb, checkRead, 2_500);
    },
    fuzzTimeout(3_000),
  );

  it(
    'text and CSV fixtures with lines and cells changed',
    async () => {
      const edit = fc.record({
        line: fc.nat(),
        cell: fc.nat(),
        op: fc.constantFrom('drop', 'repeat', 'cell', 'line', 'swap'),
        put: fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('"', '""', '\r', ',', 'otpauth-migration://offline?data=', 'steam://'),
        ),
      });
      const arb = fc
        .tuple(
          fc.constantFrom(...plain.filter((f) => !isJson(f) && !isBinary(f))),
          fc.array(edit, { minLength: 1, maxLength: 4 }),
        )
        .map(([{ file, bytes }, edits]) => {
          const lines = text.decode(bytes).split('\n');
          for (const e of edits) {
            const i = e.line % lines.length;
            const line = lines[i] ?? '';
            if (e.op === 'drop') lines.splice(i, 1);
            else if (e.op === 'repeat') lines.splice(i, 0, line);
            else if (e.op === 'line') lines[i] = e.put;
            else if (e.op === 'swap') lines.splice(i, 1, lines[(i + 1) % lines.length] ?? '', line);
            else {
              const cells = line.split(/([,&=?])/u);
              cells[e.cell % cells.length] = e.put;
              lines[i] = cells.join('');
            }
          }
          return { file, bytes: utf8.encode(lines.join('\n')) };
        });
      await fuzz('formats.lines', arb, checkRead, 1_500);
    },
    fuzzTimeout(3_000),
  );

  it(
    "hand-parsed containers with bytes changed: a database's -wal, FreeOTP 2's Java serialization",
    async () => {
      const db = fixture('PhoneFactor');
      const wal = fixture('PhoneFactor-wal').bytes;
      const walArb = mutatedBytes(wal).map((w) => async () => {
        await checkRead(db, undefined, async (name) => (name === 'PhoneFactor-wal' ? w : undefined));
      });
      // Without a password the stream is parsed whole, then the password is asked for: no derivation.
      const streams = FIXTURES.filter((f) => f.formatId === 'freeotp2').map((f) => fixture(f.file));
      const javaArb = fc
        .constantFrom(...streams)
        .chain(({ file, bytes }) =>
          mutatedBytes(bytes).map((b) => () => checkRead({ file, bytes: b }, undefined)),
        );
      await fuzz('formats.containers', fc.oneof(walArb, javaArb), (run) => run(), 400);
    },
    fuzzTimeout(3_000),
  );

  it(
    'encrypted fixtures with bytes or header values changed (each may cost a key derivation)',
    async () => {
      const arb = fc.constantFrom(...encrypted).chain(({ file, bytes }) =>
        isJson({ bytes })
          ? fc.oneof(
              mutatedBytes(bytes, 2).map((b) => ({ file, bytes: b })),
              jsonMutation.map((m) => ({
                file,
                bytes: utf8.encode(
                  JSON.stringify(mutateJson(JSON.parse(text.decode(bytes)), m.steps, m.op, m.value)),
                ),
              })),
            )
          : mutatedBytes(bytes, 2).map((b) => ({ file, bytes: b })),
      );
      await fuzz('formats.encrypted', arb, checkRead, 40, 4_000);
    },
    fuzzTimeout(4_000),
  );
});
