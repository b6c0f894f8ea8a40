import { describe, expect, it } from 'vitest';
import { parseKeyUri } from './core';
import { decodeImageFile } from './qr/image-file';
import { assertMessage } from '../test-support/fuzz/fuzz';

// Inputs the fuzz suites (*.fuzz.test.ts) found to misbehave, each kept as a fixed case once fixed.

/** A 1,200-byte uncompressed BMP whose header claims 6000 × 6000 pixels (36 MP, within the limit). */
function hollowBmp(): Uint8Array {
  const out = new Uint8Array(1200);
  const v = new DataView(out.buffer);
  out.set([0x42, 0x4d]);
  v.setUint32(10, 54, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, 6000, true);
  v.setInt32(22, 6000, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, 24, true);
  return out;
}

describe('fuzz regressions: key URIs', () => {
  it.each([
    [
      // key-uri.text: a line break in the type was quoted into the message, which became two lines.
      'a control character in the type',
      'otpauth://\n\u0000',
      "Type 'U+000AU+0000' is not supported; use totp, hotp or steam.",
    ],
    [
      // Same cause, found reading percentDecode: a broken %-escape was quoted raw.
      'a line break after a % in the label',
      'otpauth://totp/a%\nb?secret=JBSWY3DP',
      "Label has a '%' not followed by two hex digits ('%U+000Ab').",
    ],
  ])('%s: one line', (_, uri, message) => {
    expect(() => parseKeyUri(uri)).toThrow(message);
    assertMessage(message);
  });
});

describe('fuzz regressions: images', () => {
  it.each([
    [
      // image.decode: zxing's BMP reader built all 36 MP from missing rows (1.2 s, +150 MB).
      'an uncompressed BMP shorter than its header promises',
      hollowBmp,
      'The image is damaged or truncated and cannot be read.',
    ],
  ])('%s is refused before decoding', async (_, make, message) => {
    await expect(decodeImageFile(make())).rejects.toThrow(message);
  });
});
