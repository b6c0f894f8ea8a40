import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { token } from '../../test-support/vault/fixtures';
import { Vault } from './vault';
import { memorySecretStore } from '../../test-support/vault/memory-secret-store';

// A real full disk: a 64 KiB tmpfs. Mounting needs root (CAP_SYS_ADMIN); elsewhere these tests are
// skipped with a note rather than faked — unless KEYFOB_REQUIRE_TMPFS=1 (CI, which runs as
// root, sets it), where not being able to mount fails instead of skipping.
const mounts: string[] = [];
function tinyDisk(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'keyfob-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  mounts.push(dir);
  return dir;
}
const canMount = (() => {
  const probe = tinyDisk();
  if (probe === undefined)
    console.warn('storage-full tests skipped: cannot mount a tmpfs here (needs root).');
  return probe !== undefined;
})();
if (!canMount && process.env.KEYFOB_REQUIRE_TMPFS === '1')
  throw new Error('KEYFOB_REQUIRE_TMPFS=1 but `mount -t tmpfs` failed: run as root, or unset it to skip.');
afterEach(() => {
  for (const dir of mounts.splice(0)) {
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Fills the disk, then frees one 4 KiB page: enough for the lock file, not for a new account list. */
function fillLeavingOnePage(dir: string): void {
  const filler = join(dir, 'filler');
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'ignore' });
  } catch {
    // dd stops with ENOSPC: that is the point
  }
  const size = readFileSync(filler).length;
  truncateSync(filler, size - 4096);
}

describe.runIf(canMount)('storage failures on a real file system', () => {
  it('disk full (ENOSPC): clear error, old list intact, nothing half-written, works again once freed', async () => {
    const home = tinyDisk() as string;
    const secrets = memorySecretStore();
    const { vault } = await Vault.open({ home, secrets });
    await vault.add(token('A', 'a', 1));
    await vault.add(token('B', 'b', 2));
    const before = readFileSync(join(home, 'accounts.json'), 'utf8');
    fillLeavingOnePage(home);

    await expect(vault.add(token('C', 'c', 3))).rejects.toMatchObject({
      code: 'storage-unavailable',
      message: `Could not save Keyfob's account list in ${home}: disk full (ENOSPC). Free some space and try again.`,
    });
    expect(readFileSync(join(home, 'accounts.json'), 'utf8')).toBe(before);
    expect(readdirSync(home).sort()).toEqual(['accounts.json', 'filler']);
    expect(secrets.items.size).toBe(2); // the keychain write never happened
    expect((await vault.list()).map((a) => a.issuer)).toEqual(['A', 'B']);
    const reopened = await Vault.open({ home, secrets });
    expect((await reopened.vault.list()).length).toBe(2);

    rmSync(join(home, 'filler'));
    await vault.add(token('C', 'c', 3));
    expect((await vault.list()).length).toBe(3);
  });

  it('read-only folder (EROFS): clear error, list still works', async () => {
    const home = tinyDisk() as string;
    const { vault } = await Vault.open({ home, secrets: memorySecretStore() });
    const a = await vault.add(token('A', 'a', 1));
    execFileSync('mount', ['-o', 'remount,ro', home]);
    await expect(vault.rename(a.id, { issuer: 'Z' })).rejects.toMatchObject({
      code: 'storage-unavailable',
      message: expect.stringContaining(`in ${home}: the folder is on a read-only file system (EROFS).`),
    });
    expect((await vault.list()).map((x) => x.issuer)).toEqual(['A']);
  });
});

describe('storage failures anywhere', () => {
  it('a file where the folder should be (ENOTDIR): open says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyfob-blocked-'));
    writeFileSync(join(dir, 'blocker'), 'x');
    const home = join(dir, 'blocker', 'Keyfob');
    await expect(Vault.open({ home, secrets: memorySecretStore() })).rejects.toMatchObject({
      code: 'storage-unavailable',
      message: `Could not read Keyfob's account list in ${home}: a file is in the way of the folder (ENOTDIR). Move it or set KEYFOB_HOME to another folder.`,
    });
    rmSync(dir, { recursive: true, force: true });
  });
});
