// Writes every fixture file of electron/formats/testdata/files/ from the canonical account set with
// the writers in this folder (see README.md). Deterministic: run it again and git shows no change;
// fixture-files.test.ts checks the committed files are exactly what the writers make.
// Run from the repository root: npm run fixtures
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeFixture } from './fixture-files';
import { COMPANIONS, FIXTURES } from './fixture-list';

const dir = join(process.cwd(), 'electron/formats/testdata/files');
void (async () => {
  for (const f of [...FIXTURES, ...COMPANIONS]) {
    const path = join(dir, f.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await makeFixture(f.file, f.keys));
    const encrypted = 'encrypted' in f && f.encrypted ? ', encrypted' : '';
    console.log(`wrote ${f.file} (${f.keys.length} accounts${encrypted})`);
  }
})();
