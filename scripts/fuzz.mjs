#!/usr/bin/env node
// `npm run fuzz`: the fuzz suites (*.fuzz.test.ts) with many more inputs than `npm test` runs.
//   npm run fuzz                 100 × the inputs, a seed from the clock
//   npm run fuzz -- 1000 42      1000 × the inputs, seed 42 (a failure prints its seed to rerun)
// Prints how many inputs each property tried and the total.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [scale = '100', seed = String(Date.now() % 2 ** 31)] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'keyfob-fuzz-'));
const log = join(dir, 'inputs.tsv');
console.log(`fuzz: scale ${scale}, seed ${seed}`);
const r = spawnSync('npx', ['vitest', 'run', '.fuzz.test.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, KEYFOB_FUZZ_SCALE: scale, KEYFOB_FUZZ_SEED: seed, KEYFOB_FUZZ_LOG: log },
});
let total = 0;
try {
  for (const line of readFileSync(log, 'utf8').trim().split('\n')) {
    const [name, inputs] = line.split('\t');
    total += Number(inputs);
    console.log(`${name?.padEnd(24)} ${Number(inputs).toLocaleString('en-US').padStart(12)} inputs`);
  }
} catch {
  // No property ran far enough to log.
}
console.log(`fuzz: ${total.toLocaleString('en-US')} inputs tried, seed ${seed}`);
rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);
