import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defined } from '../defined';

/**
 * The fuse wire's marker in an Electron binary, from Electron's fuses documentation: the sentinel
 * string, then a version byte (1), a length byte, and one ASCII byte per fuse ('0' off, '1' on).
 * @see https://www.electronjs.org/docs/latest/tutorial/fuses
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse order in wire version 1, and the state Electron ships each one in. */
export const FUSES = [
  ['runAsNode', '1'],
  ['enableCookieEncryption', '0'],
  ['enableNodeOptionsEnvironmentVariable', '1'],
  ['enableNodeCliInspectArguments', '1'],
  ['enableEmbeddedAsarIntegrityValidation', '0'],
  ['onlyLoadAppFromAsar', '0'],
  ['loadBrowserProcessSpecificV8Snapshot', '0'],
  ['grantFileProtocolExtraPrivileges', '1'],
] as const;

/**
 * Writes a folder shaped like an unpacked Electron for linux-x64 (what electron-builder's
 * `electronDist` accepts), so the packager can run offline. The "binary" is a shell script that
 * carries a fuse wire in Electron's default state; nothing here is Electron's code.
 */
export async function writeStandInElectron(dir: string, version: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron binary"\nexit 0\n'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, FUSES.length]),
    Buffer.from(FUSES.map(([, state]) => state).join(''), 'latin1'),
  ]);
  await writeFile(join(dir, 'electron'), wire, { mode: 0o755 });
  await writeFile(join(dir, 'chrome-sandbox'), '');
  await writeFile(join(dir, 'version'), version);
  await writeFile(join(dir, 'LICENSE'), '');
  await writeFile(join(dir, 'locales', 'en-US.pak'), '');
}

/** Reads the fuse states out of a (stand-in or real) Electron binary, by fuse name. */
export function readFuses(binary: Buffer): Record<string, boolean> {
  const at = binary.indexOf(Buffer.from(FUSE_SENTINEL, 'latin1'));
  if (at === -1) throw new Error('no fuse wire in this binary');
  const wire = at + FUSE_SENTINEL.length;
  const length = defined(binary[wire + 1]);
  return Object.fromEntries(
    FUSES.slice(0, length).map(([name], i) => [
      name,
      String.fromCharCode(defined(binary[wire + 2 + i])) === '1',
    ]),
  );
}
