#!/usr/bin/env node
// Runs before `npm start` and `npm run dev`: makes sure the Electron runtime is on disk.
//
// Electron (since 42) no longer downloads its binary when `npm install` runs; it fetches it the
// first time something asks for it. electron-vite only reads node_modules/electron/path.txt and
// stops with "Electron uninstall" when it is missing, so on a fresh clone nothing would ever fetch
// it. This runs Electron's own installer (node_modules/electron/install.js: idempotent, verifies
// the download against the checksums bundled in the package) and says what it is doing.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));

if (isInstalled()) process.exit(0);

say(`the Electron ${version} runtime is not installed yet; fetching it once with Electron's installer…`);
// The installer prints nothing until it succeeds or fails, so two debug channels narrate it:
// @electron/get logs the URL it downloads, Node's fetch logs why a connection failed.
const env = {
  ...process.env,
  DEBUG: [process.env.DEBUG, '@electron/get:index'].filter(Boolean).join(','),
  NODE_DEBUG: [process.env.NODE_DEBUG, 'fetch'].filter(Boolean).join(','),
};
const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
  env,
  stdio: ['ignore', 'inherit', 'pipe'],
});
const log = [];
let networkError;
createInterface({ input: child.stderr }).on('line', (line) => {
  log.push(line);
  const url = /@electron\/get:index Downloading (\S+)/.exec(line)?.[1];
  if (url) say(`downloading ${url}`);
  networkError ??= /^FETCH \d+: .* errored - (.+)$/.exec(line)?.[1];
});
child.on('close', (code) => {
  if (code === 0) {
    say('the Electron runtime is installed.');
    return;
  }
  if (process.env.KEYFOB_DEBUG) process.stderr.write(`${log.join('\n')}\n`);
  // Otherwise the installer's stack trace is left out: its first line names the failure.
  const first = log.find((l) => l.trim() !== '' && !/^(FETCH \d+:|\S+ @electron\/get:)/.test(l));
  const reason = [first?.trim() ?? `exit status ${code}`, networkError].filter(Boolean).join(': ');
  say(
    `could not fetch the Electron runtime (${reason}). Check the internet connection (behind a ` +
      'proxy set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY) or set ELECTRON_MIRROR, then run the command again.',
  );
  process.exit(1);
});

/** The same test install.js starts with: the right version, path.txt, and the executable on disk. */
function isInstalled() {
  try {
    const platformPath = readFileSync(join(electronDir, 'path.txt'), 'utf8');
    const distVersion = readFileSync(join(electronDir, 'dist', 'version'), 'utf8')
      .replace(/^v/, '')
      .trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
    return distVersion === version && existsSync(join(dist, platformPath));
  } catch {
    return false;
  }
}

function say(text) {
  process.stderr.write(`keyfob: ${text}\n`);
}
