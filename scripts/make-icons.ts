// `npm run icons`: redraws every icon file from assets/icon.svg and assets/tray.svg.
// PNGs with sharp (librsvg), build/icon.ico and build/icon.icns with @shockpkg/icon-encoder.
// The results are committed; scripts/icons.test.ts checks them.
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ICNS_TYPES, ICO_SIZES, PNG_FILES, ROOT, renderPng } from './icon-set';

async function write(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(join(ROOT, path)), { recursive: true });
  await writeFile(join(ROOT, path), data);
  console.log(`wrote ${path}`);
}

async function main(): Promise<void> {
  for (const file of PNG_FILES) await write(file.path, await renderPng(file.source, file.size, file.colour));

  // Windows: sizes up to 48 as bitmaps for old shell views, larger ones PNG-compressed.
  const ico = new IconIco();
  for (const size of [...ICO_SIZES].reverse()) await ico.addFromPng(await renderPng('icon', size));
  await write('build/icon.ico', ico.encode());

  // macOS: iconutil's element order; the table of contents helps Finder pick a size quickly.
  const icns = new IconIcns();
  icns.toc = true;
  for (const [type, size] of ICNS_TYPES) await icns.addFromPng(await renderPng('icon', size), [type]);
  await write('build/icon.icns', icns.encode());
}

main().catch((error: unknown) => {
  console.error(`icons: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
