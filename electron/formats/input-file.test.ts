import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputFile, showBytes } from './input-file';

// Input files are stat'ed before they are read: only regular files, only up to a size.

let dir: string;
const at = (name: string) => join(dir, name);
const rules = (name: string, more = {}) => ({ maxBytes: 1024 * 1024, what: 'backup', name, ...more });
const unix = process.platform !== 'win32';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyfob-input-'));
  writeFileSync(at('small.txt'), 'otpauth://totp/x?secret=JBSWY3DP\n');
  writeFileSync(at('big.bin'), '');
  truncateSync(at('big.bin'), 3 * 1024 * 1024); // sparse: nothing is written
  mkdirSync(at('folder'));
  if (unix) execFileSync('mkfifo', [at('fifo')]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInputFile', () => {
  it('reads a regular file', async () => {
    const bytes = await readInputFile(at('small.txt'), rules('small.txt'));
    expect(Buffer.from(bytes).toString('utf8')).toMatch(/^otpauth:/);
  });

  it.each([
    ['a missing file', () => at('nope.json'), 'nope.json does not exist.', 'not-found'],
    [
      'a folder',
      () => at('folder'),
      'folder is a folder, not a backup; choose a file inside it.',
      'invalid-input',
    ],
    [
      'a file over the limit (before reading it)',
      () => at('big.bin'),
      'big.bin is 3 MB; Keyfob reads backups up to 1 MB, so it is not one.',
      'invalid-input',
    ],
  ])('refuses %s', async (_, path, message, code) => {
    const name = path().split(/[\\/]/).pop() ?? '';
    await expect(readInputFile(path(), rules(name))).rejects.toMatchObject({ code, message });
  });

  it.skipIf(!unix).each([
    ['a FIFO with no writer (reading would wait forever)', () => at('fifo'), 'fifo'],
    ['/dev/zero (reading would never end)', () => '/dev/zero', '/dev/zero'],
  ])('refuses %s at once', async (_, path, name) => {
    await expect(readInputFile(path(), rules(name))).rejects.toMatchObject({
      code: 'invalid-input',
      message: `${name} is not a regular file (it is a device, pipe or socket); save the backup to a file and choose that.`,
    });
  });

  it.skipIf(!unix)('reads a stream, when allowed, only up to the limit', async () => {
    const r = rules('/dev/zero', { streams: true, maxBytes: 64 * 1024, what: 'password file' });
    await expect(readInputFile('/dev/zero', r)).rejects.toThrow(
      '/dev/zero is more than 64 KB; Keyfob reads password files up to 64 KB, so it is not one.',
    );
  });

  it.skipIf(process.platform !== 'linux')('reads a file whose size the system reports as 0', async () => {
    const bytes = await readInputFile('/proc/self/status', rules('status'));
    expect(Buffer.from(bytes).toString('utf8')).toMatch(/^Name:/);
  });

  it.each([
    [512, '1 KB'],
    [16 * 2 ** 20, '16 MB'],
    [1.5 * 2 ** 20, '1.5 MB'],
    [2 ** 31 - 1, '2,048 MB'],
  ])('shows %i bytes as %s', (bytes, text) => {
    expect(showBytes(bytes)).toBe(text);
  });
});
