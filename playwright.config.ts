import { defineConfig } from '@playwright/test';

// e2e specs drive the built renderer in Debian's Chromium through e2e/harness.ts (each spec
// launches its own browser), so no browser projects here. One worker: the specs share one
// private gnome-keyring and two cores. Run inside scripts/with-keyring.mjs (npm run test:e2e).
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results',
});
