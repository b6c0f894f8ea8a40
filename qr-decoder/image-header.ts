// An image's dimensions read from its header, before any decoder allocates pixels: how a
// decompression bomb (a small file claiming gigapixels) is refused in the CLI and in the app's scan
// worker alike. Pure: no DOM, no Node built-ins. Layouts: PNG IHDR (ISO/IEC 15948 §11.2.2), GIF
// logical screen descriptor (GIF89a §18), BMP BITMAPCOREHEADER/BITMAPINFOHEADER, JPEG SOFn
// (ITU T.81 §B.2.2), WebP VP8/VP8L/VP8X (RFC 9649).

/** Width and height in pixels, as the file claims them. */
export interface ImageSize {
  width: number;
  height: number;
}

/** Image formats read for QR codes, told apart by their first bytes. */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** Recognises an image by its signature; undefined for anything else. */
export function imageFormat(b: Uint8Array): ImageFormat | undefined {
  if (b[0] === 0x89 && ascii(b, 1, 4) === 'PNG') return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if (ascii(b, 0, 4) === 'GIF8') return 'gif';
  if (ascii(b, 0, 2) === 'BM') return 'bmp';
  return undefined;
}

/** The dimensions an image file claims, or undefined when its header cannot be read. */
export function imageSize(b: Uint8Array): ImageSize | undefined {
  switch (imageFormat(b)) {
    case 'png':
      return ascii(b, 12, 16) === 'IHDR' ? sized(u32be(b, 16), u32be(b, 20)) : undefined;
    case 'gif':
      return sized(u16le(b, 6), u16le(b, 8));
    case 'bmp':
      return bmpSize(b);
    case 'jpeg':
      return jpegSize(b);
    case 'webp':
      return webpSize(b, ascii(b, 12, 16));
    default:
      return undefined;
  }
}

function bmpSize(b: Uint8Array): ImageSize | undefined {
  const header = u32le(b, 14);
  if (header === 12) return sized(u16le(b, 18), u16le(b, 20));
  if (header === undefined || header < 16) return undefined;
  const width = i32le(b, 18);
  const height = i32le(b, 22);
  // A negative height means rows stored top-down; the size is its magnitude.
  return width === undefined || height === undefined ? undefined : sized(width, Math.abs(height));
}

/**
 * True for an uncompressed BMP (BI_RGB) whose file is shorter than the rows its header promises:
 * zxing's decoder would build the whole claimed image from missing data.
 */
export function bmpTruncated(b: Uint8Array): boolean {
  const size = bmpSize(b);
  const header = u32le(b, 14) ?? 0;
  const offset = u32le(b, 10);
  if (size === undefined || offset === undefined) return true;
  const bpp = header === 12 ? u16le(b, 24) : u16le(b, 28);
  const compression = header === 12 ? 0 : u32le(b, 30);
  if (bpp === undefined || compression !== 0) return false;
  const stride = Math.ceil((size.width * bpp) / 32) * 4;
  return b.length < offset + stride * size.height;
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(b: Uint8Array): ImageSize | undefined {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (SOF.has(marker)) return sized(u16be(b, i + 7), u16be(b, i + 5));
    if (marker === 0xda || marker === 0xd9) return undefined; // scan data before any frame header
    const standalone = marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);
    i += standalone ? 2 : 2 + (u16be(b, i + 2) ?? b.length);
  }
  return undefined;
}

function webpSize(b: Uint8Array, chunk: string): ImageSize | undefined {
  if (chunk === 'VP8 ') {
    const w = u16le(b, 26);
    const h = u16le(b, 28);
    return w === undefined || h === undefined ? undefined : sized(w & 0x3fff, h & 0x3fff);
  }
  if (chunk === 'VP8L') {
    const bits = u32le(b, 21);
    return bits === undefined ? undefined : sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    const w = u24le(b, 24);
    const h = u24le(b, 27);
    return w === undefined || h === undefined ? undefined : sized(w + 1, h + 1);
  }
  return undefined;
}

function sized(width: number | undefined, height: number | undefined): ImageSize | undefined {
  return width === undefined || height === undefined ? undefined : { width, height };
}

const byte = (b: Uint8Array, i: number) => b[i];
function u16be(b: Uint8Array, i: number): number | undefined {
  const [x, y] = [byte(b, i), byte(b, i + 1)];
  return x === undefined || y === undefined ? undefined : (x << 8) | y;
}
function u16le(b: Uint8Array, i: number): number | undefined {
  const v = u16be(b, i);
  return v === undefined ? undefined : ((v & 0xff) << 8) | (v >>> 8);
}
function u24le(b: Uint8Array, i: number): number | undefined {
  const lo = u16le(b, i);
  const hi = byte(b, i + 2);
  return lo === undefined || hi === undefined ? undefined : lo + hi * 65536;
}
function u32le(b: Uint8Array, i: number): number | undefined {
  const lo = u16le(b, i);
  const hi = u16le(b, i + 2);
  return lo === undefined || hi === undefined ? undefined : lo + hi * 65536;
}
function u32be(b: Uint8Array, i: number): number | undefined {
  const hi = u16be(b, i);
  const lo = u16be(b, i + 2);
  return lo === undefined || hi === undefined ? undefined : hi * 65536 + lo;
}
function i32le(b: Uint8Array, i: number): number | undefined {
  const v = u32le(b, i);
  return v === undefined ? undefined : v | 0;
}
