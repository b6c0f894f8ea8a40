import { defineConfig } from '@playwright/test';

// The UI benchmark (bench/ui.spec.ts) drives the built renderer through e2e/harness.ts like the
// e2e specs, but alone: one worker, generous timeouts (seeding 2000 accounts into the keyring).
// Run inside scripts/with-keyring.mjs after `npx electron-vite build`.
export default defineConfig({
  testDir: '.',
  testMatch: 'ui.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 600_000,
  retries: 0,
  reporter: 'list',
  outputDir: '../test-results/bench',
});
