import { base64Encode } from '@bufbuild/protobuf/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyQrText } from '../../qr/classify';
import { assertMessage, fuzz, fuzzTimeout, typedOutcome } from '../../../test-support/fuzz/fuzz';
import { parseMigrationUri } from './transfer-uri';
import { formatMigrationUris } from './writer';
import { MigrationBatches } from './batches';
import { MigrationCollector } from './collector';
import { MAX_ACCOUNTS_PER_CODE, MAX_CODES_PER_EXPORT } from './limits';
import { encodeMigrationPayload, type OtpParametersWire } from './payload';
import { bulkTokens } from '../testdata/bulk';
import { lineSource } from '../format';

// Fuzzing Google Authenticator transfer codes: random bytes, payloads with arbitrary field values,
// and sequences of codes fed to a collector. Every outcome is a bounded result or one typed line.

const uriOf = (bytes: Uint8Array) =>
  `otpauth-migration://offline?data=${encodeURIComponent(base64Encode(bytes))}`;
const int32 = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -3, max: 120 }));

const otp: fc.Arbitrary<OtpParametersWire> = fc.record({
  secret: fc.uint8Array({ maxLength: 40 }),
  name: fc.string({ maxLength: 30 }),
  issuer: fc.string({ maxLength: 30 }),
  algorithm: fc.oneof(fc.integer({ min: 0, max: 5 }), int32),
  digits: fc.oneof(fc.integer({ min: 0, max: 3 }), int32),
  type: fc.oneof(fc.integer({ min: 0, max: 3 }), int32),
  counter: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
});

const payload = fc.record({
  otpParameters: fc.oneof(
    fc.array(otp, { maxLength: 12 }),
    fc.array(otp, { minLength: 195, maxLength: 210 }),
  ),
  version: int32,
  batchSize: int32,
  batchIndex: int32,
  batchId: int32,
});

/** A parse: a code within the limits, or a one-line typed error. */
async function checkCode(text: string): Promise<void> {
  await typedOutcome(
    () => parseMigrationUri(text),
    ({ batch, result }) => {
      expect(batch.size).toBeGreaterThanOrEqual(1);
      expect(batch.size).toBeLessThanOrEqual(MAX_CODES_PER_EXPORT);
      expect(batch.index).toBeGreaterThanOrEqual(0);
      expect(batch.index).toBeLessThan(batch.size);
      expect(result.entries.length + result.errors.length).toBeLessThanOrEqual(MAX_ACCOUNTS_PER_CODE);
      for (const e of result.errors) assertMessage(e.message);
    },
  );
  assertMessage(classifyQrText(text).message);
}

describe('transfer code fuzz', () => {
  it(
    'random payload bytes',
    async () => {
      await fuzz('migration.bytes', fc.uint8Array({ maxLength: 600 }).map(uriOf), checkCode, 3_000);
    },
    fuzzTimeout(3_000),
  );

  it(
    'payloads with arbitrary field values',
    async () => {
      const uri = payload.map((p) => uriOf(encodeMigrationPayload(p)));
      await fuzz('migration.fields', uri, checkCode, 800);
    },
    fuzzTimeout(3_000),
  );

  it(
    'real export codes with characters changed',
    async () => {
      const real = formatMigrationUris(bulkTokens(25), -7);
      const mutated = fc
        .tuple(
          fc.constantFrom(...real),
          fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 3 })), { maxLength: 4 }),
        )
        .map(([uri, edits]) =>
          edits.reduce(
            (s, [at, put]) => s.slice(0, at % (s.length + 1)) + put + s.slice((at % (s.length + 1)) + 1),
            uri,
          ),
        );
      await fuzz('migration.mutated', mutated, checkCode, 2_000);
    },
    fuzzTimeout(3_000),
  );

  it(
    'sequences of codes: collectors and imports stay bounded',
    async () => {
      const codes = fc.array(
        fc.record({
          id: fc.integer({ min: -2, max: 2 }),
          size: fc.integer({ min: 0, max: 4 }),
          index: fc.integer({ min: -1, max: 4 }),
          otps: fc.array(otp, { maxLength: 3 }),
        }),
        { maxLength: 30 },
      );
      await fuzz(
        'migration.collect',
        codes,
        (list) => {
          const collector = new MigrationCollector();
          const batches = new MigrationBatches();
          for (const c of list) {
            const text = uriOf(
              encodeMigrationPayload({
                otpParameters: c.otps,
                version: 1,
                batchSize: c.size,
                batchIndex: c.index,
                batchId: c.id,
              }),
            );
            let code;
            try {
              code = parseMigrationUri(text);
            } catch {
              continue;
            }
            const step = collector.add(code);
            assertMessage(step.message);
            expect(step.scanned).toBeLessThanOrEqual(step.total);
            batches.add(code, lineSource('l', c.id));
          }
          for (const e of batches.finish().errors) assertMessage(e.message);
          if (collector.complete) expect(collector.missing()).toEqual([]);
        },
        1_000,
      );
    },
    fuzzTimeout(3_000),
  );
});
