#!/usr/bin/env node
// Runs every benchmark and prints figures as JSON lines. Invoked by `npm run bench`, which builds
// the app first and wraps this in a private keyring (scripts/with-keyring.mjs).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'out', 'bench');
const suites = [
  'engine-bench',
  'vault-bench',
  'secret-service-client-bench',
  'secret-service-wrong-answers-bench',
  'qr-bench',
  'qr-jsqr-bench',
  'screen-scan-bench',
  'backup-bench',
  'read-while-import-bench',
  'import-rate-bench',
  'input-bench',
];
// Programs a suite starts in fresh processes (one cold process per sample): built, not run here.
const samples = [
  'secret-service-read/built-in',
  'secret-service-read/dbus-next',
  'secret-service-read/keytar',
];

await build({
  entryPoints: [...suites, ...samples].map((s) => join(root, 'bench', `${s}.ts`)),
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Loaded from node_modules at run time, as the app's own build does with its dependencies.
  external: ['keytar', 'electron', 'dbus-next'],
  logLevel: 'warning',
});

let failed = false;
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) failed = true;
};
for (const s of suites) run(process.execPath, [join(outdir, `${s}.js`)]);
run('npx', ['playwright', 'test', '--config', 'bench/playwright.bench.config.ts']);
process.exit(failed ? 1 : 0);
