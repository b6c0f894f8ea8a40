import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { IPC_NAMES } from './shared/ipc/channels';

// One build for the Electron main process and the `keyfob` CLI: both are Node-side entry
// points over the same vault, so they share chunks instead of bundling the core twice.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main.ts'),
          keyfob: resolve(__dirname, 'electron/cli/keyfob.ts'),
          // Screen captures are decoded in worker threads that main starts from this file.
          'qr-screen-worker': resolve(__dirname, 'electron/qr/screen-worker.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    // The sandboxed preload needs only the names of the channel table, not its schemas.
    define: { KEYFOB_IPC_NAMES: JSON.stringify(IPC_NAMES) },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; the app loads it on every start.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
