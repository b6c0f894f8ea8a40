#!/usr/bin/env node
// Runs a command inside a private D-Bus session with its own unlocked gnome-keyring, so tests and
// benchmarks exercise the real Secret Service without ever touching the user's own keyring.
// Usage: node scripts/with-keyring.mjs <command> [args…]
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: node scripts/with-keyring.mjs <command> [args…]');
  process.exit(64);
}

if (process.env.KEYFOB_PRIVATE_KEYRING === '1') {
  // Already inside one (nested npm scripts): just run the command.
  const r = spawnSync(args[0], args.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}

const missing = ['dbus-run-session', 'gnome-keyring-daemon', 'secret-tool', 'gdbus', 'oathtool'].filter(
  (bin) => {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  },
);
if (missing.length > 0) {
  console.error(
    `Keyfob's tests use a private, real keyring but ${missing.join(', ')} is missing.\n` +
      'Install it on Debian/Ubuntu with: sudo apt-get install gnome-keyring dbus libsecret-tools libglib2.0-bin oathtool',
  );
  process.exit(2);
}

// A fresh data folder: an old keyring file with another password would stay locked.
const dataHome = mkdtempSync(join(tmpdir(), 'keyfob-keyring-'));
const inner = [
  // The password is only for this throwaway keyring; tests that lock it unlock it again with it.
  'echo -n "$KEYFOB_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
  'exec "$@"',
].join('\n');
const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'with-keyring', ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    XDG_DATA_HOME: dataHome,
    KEYFOB_PRIVATE_KEYRING: '1',
    KEYFOB_TEST_KEYRING_PASSWORD: 'keyfob-test',
  },
});
rmSync(dataHome, { recursive: true, force: true });
process.exit(r.status ?? 1);
