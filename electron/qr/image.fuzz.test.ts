import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fuzz, fuzzTimeout, mutatedBytes, typedOutcome } from '../../test-support/fuzz/fuzz';
import { imageSize } from '../../qr-decoder/image-header';
import { decodeImageFile } from './image-file';
import { encodeImage, plainCode } from '../../test-support/qr/image-files';

// Fuzzing the image path: encoded images with bytes changed (headers especially) go through the
// same decode as `keyfob scan`; the outcome is codes found or one typed error line, never a crash.

const KEY = 'otpauth://totp/ACME:jo?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME';
const FORMATS = ['png', 'jpeg', 'bmp', 'gif', 'webp'] as const;
let images: Array<{ format: string; bytes: Uint8Array }> = [];

beforeAll(async () => {
  const frame = plainCode(KEY, 2);
  images = await Promise.all(
    FORMATS.map(async (format) => ({ format, bytes: await encodeImage(frame, format) })),
  );
});

/** Header bytes (the first 64) are where sizes live: most edits land there. */
function headerEdits(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.record({
    at: fc.nat({ max: 63 }),
    value: fc.oneof(fc.nat({ max: 255 }), fc.constantFrom(0, 0xff)),
  });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    const b = Uint8Array.from(bytes);
    for (const e of edits) if (e.at < b.length) b[e.at] = e.value;
    return b;
  });
}

describe('image decode fuzz', () => {
  it(
    'images with header or body bytes changed',
    async () => {
      const arb = fc.integer({ min: 0, max: FORMATS.length - 1 }).chain((i) => {
        const { bytes } = images[i] as { bytes: Uint8Array };
        return fc.oneof(headerEdits(bytes), mutatedBytes(bytes, 3));
      });
      await fuzz(
        'image.decode',
        arb,
        (bytes) =>
          typedOutcome(
            () => decodeImageFile(bytes),
            (outcome) => expect(outcome.codes.length).toBeLessThanOrEqual(8),
          ),
        150,
        5_000,
      );
    },
    fuzzTimeout(5_000),
  );

  it(
    'imageSize reads any bytes without throwing',
    async () => {
      const prefixes = fc.constantFrom(
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
        [0x42, 0x4d],
        [0xff, 0xd8],
        [0x47, 0x49, 0x46, 0x38],
        [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38],
      );
      const arb = fc
        .tuple(prefixes, fc.uint8Array({ maxLength: 64 }))
        .map(([p, rest]) => Uint8Array.from([...p, ...rest]));
      await fuzz(
        'image.header',
        arb,
        (bytes) => {
          const size = imageSize(bytes);
          if (size !== undefined) {
            expect(Number.isSafeInteger(size.width) && Number.isSafeInteger(size.height)).toBe(true);
          }
        },
        5_000,
        1_000,
      );
    },
    fuzzTimeout(1_000),
  );
});
