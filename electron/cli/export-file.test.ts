import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeExportFile } from './export-file';

// The export writer on real files: a fresh 600 file, atomically, never through a link.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyfob-export-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const NEW = new TextEncoder().encode('otpauth://totp/New?secret=JBSWY3DPEHPK3PXP\n');
const text = (path: string) => readFileSync(path, 'utf8');
/** The folder's entries: a failed or finished write leaves no temp file behind. */
const entries = () => readdirSync(dir).sort();

describe('writeExportFile', () => {
  it('creates a new file with mode 600 and nothing else', async () => {
    const out = join(dir, 'backup.txt');
    await writeExportFile(out, NEW, false);
    expect(text(out)).toBe(new TextDecoder().decode(NEW));
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(entries()).toEqual(['backup.txt']);
  });

  it.each([
    ['a file', (p: string) => writeFileSync(p, 'old')],
    ['a symbolic link', (p: string) => symlinkSync(join(dir, 'elsewhere'), p)],
    ['a dangling symbolic link', (p: string) => symlinkSync(join(dir, 'nowhere'), p)],
  ])('without --force refuses %s already there and leaves it', async (_name, make) => {
    writeFileSync(join(dir, 'elsewhere'), 'victim');
    const out = join(dir, 'backup.txt');
    make(out);
    const before = lstatSync(out);
    await expect(writeExportFile(out, NEW, false)).rejects.toMatchObject({
      code: 'invalid-input',
      message: `${out} already exists; choose another name or add --force`,
    });
    expect(lstatSync(out).ino).toBe(before.ino);
    expect(text(join(dir, 'elsewhere'))).toBe('victim');
  });

  it('with --force replaces a file by a fresh 600 one (a new inode, not the old one rewritten)', async () => {
    const out = join(dir, 'backup.txt');
    writeFileSync(out, 'old content that is longer than the new one '.repeat(10), { mode: 0o644 });
    const before = statSync(out).ino;
    await writeExportFile(out, NEW, true);
    expect(text(out)).toBe(new TextDecoder().decode(NEW));
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(statSync(out).ino).not.toBe(before);
    expect(entries()).toEqual(['backup.txt']);
  });

  it('with --force replaces a symbolic link itself; the file it pointed to is untouched', async () => {
    const target = join(dir, 'victim.txt');
    writeFileSync(target, 'victim', { mode: 0o644 });
    const out = join(dir, 'backup.txt');
    symlinkSync(target, out);
    await writeExportFile(out, NEW, true);
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    expect(text(out)).toBe(new TextDecoder().decode(NEW));
    expect(text(target)).toBe('victim');
    expect(statSync(target).mode & 0o777).toBe(0o644);
  });

  it.each([
    ['a folder', () => mkdirSync(join(dir, 'out')), 'is a folder'],
    ['a named pipe', () => execFileSync('mkfifo', [join(dir, 'out')]), 'is not a regular file'],
  ])('refuses %s even with --force', async (_name, make, why) => {
    make();
    await expect(writeExportFile(join(dir, 'out'), NEW, true)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining(why) as string,
    });
  });

  it('a folder that does not exist is a storage error naming the file', async () => {
    const out = join(dir, 'missing', 'backup.txt');
    await expect(writeExportFile(out, NEW, true)).rejects.toMatchObject({
      code: 'storage-unavailable',
      message: `cannot write ${out} (ENOENT)`,
    });
    expect(entries()).toEqual([]);
  });
});
