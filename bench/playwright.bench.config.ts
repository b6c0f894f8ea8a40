import { defineConfig } from '@playwright/test';

// The UI benchmark (bench/ui.spec.ts) drives the built renderer through e2e/harness.ts like the
// e2e specs, but alone: one worker; 200 accounts are seeded into the real keyring (≈ 8 s), the
// 2000-account filter set into launchApp's benchmark-only in-memory secret store.
// Run inside scripts/with-keyring.mjs after `npx electron-vite build`.
export default defineConfig({
  testDir: '.',
  testMatch: 'ui.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  retries: 0,
  reporter: 'list',
  outputDir: '../test-results/bench',
});
