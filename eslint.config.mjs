import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly', require: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
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
    // IPC goes through the typed contract wrappers only.
    files: ['electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['electron/ipc/**', 'electron/preload.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcMain']", message: 'Use electron/ipc/ wrappers.' },
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'Use the preload bridge.' },
      ],
    },
  },
);
