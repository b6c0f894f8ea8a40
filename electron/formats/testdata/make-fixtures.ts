// Writes every fixture file of electron/formats/testdata/files/ from the canonical account set with
// the writers in this folder (see README.md). Deterministic: run it again and git shows no change;
// fixture-files.test.ts checks the committed files are exactly what the writers make.
// Run from the repository root: npm run fixtures
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixture } from './fixture-files';
import { FIXTURES } from './fixture-list';

const dir = join(process.cwd(), 'electron/formats/testdata/files');
mkdirSync(dir, { recursive: true });
for (const f of FIXTURES) {
  writeFileSync(join(dir, f.file), makeFixture(f.file, f.keys));
  console.log(`wrote ${f.file} (${f.keys.length} accounts${f.encrypted ? ', encrypted' : ''})`);
}
