import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const RAW_IPC =
  'Main answers IPC only through electron/ipc/ (the channel table); the renderer only through the preload bridge.';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly', require: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // `T[]` for simple element types, `Array<…>` for object and union types.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
    },
  },
  {
    // Raw IPC only in the gateway and the preload: not imported (renamed or not), not required
    // (destructured or not), not reached through the electron module object. The e2e page stands
    // in for Electron's own ipcRenderer, and this file names the rule.
    files: ['**/*.{ts,tsx,mts,mjs}'],
    ignores: ['electron/ipc/**', 'electron/preload.ts', 'e2e/harness-page.ts', 'eslint.config.mjs'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: RAW_IPC }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'Identifier[name=/^ipc(Main|Renderer)$/]', message: RAW_IPC },
        { selector: 'Literal[value=/^ipc(Main|Renderer)$/]', message: RAW_IPC },
      ],
    },
  },
  {
    // The pure core: no Electron, no file system, no clock reads of its own.
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'node:fs', 'node:fs/*', 'fs', 'fs/*', 'keytar'] },
      ],
    },
  },
  {
    // Fixture writers are written from each format's public description: importing a reader's
    // constants (or the engine's) would let a wrong value be written and read the same way.
    // Only types from shared/ may be imported from outside the folder.
    files: ['electron/formats/testdata/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./\\.\\./shared/)',
              message:
                'Fixture writers import nothing from the readers or the engine; write the format from its description.',
            },
            {
              regex: '^\\.\\./\\.\\./\\.\\./shared/',
              allowTypeImports: true,
              message: 'Fixture writers may take only types from shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // React's rules of hooks, and effects that list every value they read.
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
);
