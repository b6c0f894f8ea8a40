import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, PNG_FILES, ROOT, renderPng } from './icon-set';
import { defined } from '../test-support/defined';

// The committed icon files (npm run icons) against what electron-builder, the OSes and the app need.

const read = (path: string): Promise<Buffer> => readFile(join(ROOT, path));

/** Entry sizes in an ICO directory: 6-byte header, then 16-byte entries (width 0 means 256). */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    expect(ico[entry]).toBe(ico[entry + 1]);
    return ico[entry] === 0 ? 256 : defined(ico[entry]);
  });
}

/** Element types in an ICNS file: "icns" + total length, then (type, length incl. header) pairs. */
function icnsElements(icns: Buffer): Map<string, Buffer> {
  expect(icns.toString('latin1', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const elements = new Map<string, Buffer>();
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
    elements.set(icns.toString('latin1', at, at + 4), icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)));
  }
  return elements;
}

describe('icon PNGs', () => {
  it.each(PNG_FILES.map((f) => [f.path, f.size] as const))(
    '%s is a %i px square with alpha',
    async (path, size) => {
      const meta = await sharp(await read(path)).metadata();
      expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', size, size, true]);
    },
  );

  it.each([
    ['assets/iconTemplate.png', [0, 0, 0]],
    ['assets/iconTemplate@2x.png', [0, 0, 0]],
    ['assets/tray-dark.png', [255, 255, 255]],
    ['assets/tray-light@2x.png', [0x1f, 0x23, 0x28]],
  ])('%s has one colour, drawn with alpha', async (path, rgb) => {
    const { data, info } = await sharp(await read(path))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const colours = new Set<string>();
    let covered = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i + 3] === 0) continue;
      covered += 1;
      colours.add([data[i], data[i + 1], data[i + 2]].join());
    }
    expect([...colours]).toEqual([rgb.join()]);
    // Enough of the square is drawn for a recognisable glyph, with transparent room around it.
    expect(covered / (info.width * info.height)).toBeGreaterThan(0.3);
    expect(covered / (info.width * info.height)).toBeLessThan(0.8);
  });

  it('build/icon.png is what npm run icons draws from assets/icon.svg today', async () => {
    const committed = await sharp(await read('build/icon.png'))
      .raw()
      .toBuffer();
    const fresh = await sharp(await renderPng('icon', 1024))
      .raw()
      .toBuffer();
    let difference = 0;
    for (let i = 0; i < fresh.length; i += 1)
      difference += Math.abs(defined(fresh[i]) - defined(committed[i]));
    expect(difference / fresh.length).toBeLessThan(0.5);
  });
});

describe('build/icon.ico', () => {
  it('holds every size from 16 to 256 px', async () => {
    expect(icoSizes(await read('build/icon.ico')).sort((a, b) => a - b)).toEqual([...ICO_SIZES]);
  });
});

describe('build/icon.icns', () => {
  // Apple's 16 and 32 px types (ic04, ic05) hold compressed ARGB pixels, the others PNG.
  it.each(ICNS_TYPES.filter(([type]) => type === 'ic04' || type === 'ic05'))(
    '%s holds ARGB pixels',
    async (type) => {
      const data = icnsElements(await read('build/icon.icns')).get(type);
      expect(data?.toString('latin1', 0, 4)).toBe('ARGB');
    },
  );
  it.each(ICNS_TYPES.filter(([type]) => type !== 'ic04' && type !== 'ic05'))(
    '%s holds a %i px PNG',
    async (type, size) => {
      const png = icnsElements(await read('build/icon.icns')).get(type);
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', size, size]);
    },
  );
});
