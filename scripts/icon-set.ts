// Every icon file Keyfob ships, and how each one is drawn from the two SVG sources in assets/.
// scripts/make-icons.ts writes them; scripts/icons.test.ts checks the committed copies.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

/** The repository root. */
export const ROOT = join(__dirname, '..');

/** The two drawings: the full-colour app icon and the one-colour tray/menu-bar glyph. */
export type Source = 'icon' | 'tray';

/** One PNG: where it goes, its square size, its drawing and (tray glyphs) its single colour. */
export interface PngFile {
  path: string;
  size: number;
  source: Source;
  colour?: string;
}

/**
 * Tray variants: macOS template images must be black plus alpha (the system tints them);
 * `tray-light` is a dark glyph for light panels, `tray-dark` a white one for dark panels.
 */
const TRAY_VARIANTS = [
  { name: 'iconTemplate', colour: '#000000' },
  { name: 'tray-light', colour: '#1f2328' },
  { name: 'tray-dark', colour: '#ffffff' },
] as const;

/** Sizes of the Linux icon set (build/icons/NxN.png, installed into the hicolor theme). */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** Sizes inside build/icon.ico; Windows wants 256 for large views and 16–48 for small ones. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** ICNS element types (Apple's OSTypes) and the pixel size each holds; @2x types hold twice. */
export const ICNS_TYPES = [
  ['ic04', 16],
  ['ic05', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
] as const;

/** Every PNG written to disk. */
export const PNG_FILES: readonly PngFile[] = [
  // electron-builder's master icon, and the window / About-box icon the app loads at run time.
  { path: 'build/icon.png', size: 1024, source: 'icon' },
  { path: 'assets/icon.png', size: 512, source: 'icon' },
  ...LINUX_SIZES.map((size) => ({ path: `build/icons/${size}x${size}.png`, size, source: 'icon' as const })),
  ...TRAY_VARIANTS.flatMap(({ name, colour }) => [
    { path: `assets/${name}.png`, size: 16, source: 'tray' as const, colour },
    { path: `assets/${name}@2x.png`, size: 32, source: 'tray' as const, colour },
  ]),
];

/**
 * Renders one drawing as a `size`×`size` PNG, rasterised at that size (not scaled down). With
 * `colour`, only the drawing's coverage is kept and every pixel gets that exact colour, so a
 * template image is pure black plus alpha even along anti-aliased edges.
 */
export async function renderPng(source: Source, size: number, colour?: string): Promise<Buffer> {
  const svg = await readFile(join(ROOT, 'assets', `${source}.svg`), 'utf8');
  const viewBoxWidth = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
  // librsvg draws at 72 dpi by default: scale the density so the drawing lands at `size` pixels.
  const drawn = sharp(Buffer.from(svg), { density: (72 * size) / viewBoxWidth }).resize(size, size);
  if (colour === undefined) return drawn.png({ compressionLevel: 9 }).toBuffer();
  const alpha = await drawn.extractChannel('alpha').raw().toBuffer();
  return sharp({ create: { width: size, height: size, channels: 3, background: colour } })
    .joinChannel(alpha, { raw: { width: size, height: size, channels: 1 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
