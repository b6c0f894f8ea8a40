import { defineConfig } from 'vitest/config';

// Unit and integration tests (Node side). Keyring-backed suites need the private D-Bus session
// that `npm test` starts (scripts/with-keyring.mjs); they fail with install instructions otherwise.
export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'qr-decoder/**/*.test.ts',
      'renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Keyring suites share one gnome-keyring daemon; running files one at a time keeps
    // D-Bus contention from turning into flaky timeouts on 2-core machines.
    fileParallelism: false,
  },
});
