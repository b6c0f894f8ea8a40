import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STALE_LOCK_MS, withLock } from './lock-file';
import { tempHome } from './testing/fixtures';

let home: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  file = join(home, 'accounts.json');
});
afterEach(() => cleanup());

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
const lockOf = (pid: number, at: number, host = hostname()) => JSON.stringify({ pid, host, at, nonce: 'x' });

describe('withLock', () => {
  it('never interleaves read-modify-writes', async () => {
    writeFileSync(file, '0');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withLock(file, Date.now, async () => {
          const n = Number(readFileSync(file, 'utf8'));
          await new Promise((r) => setTimeout(r, 2));
          writeFileSync(file, String(n + 1));
        }),
      ),
    );
    expect(readFileSync(file, 'utf8')).toBe('20');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  const stale: Array<[string, () => string, (p: string) => void]> = [
    ['its process is dead', () => lockOf(deadPid(), Date.now()), () => undefined],
    ['it is older than 30 s', () => lockOf(process.pid, Date.now() - STALE_LOCK_MS - 1), () => undefined],
    [
      'another host took it over 30 s ago',
      () => lockOf(1, Date.now() - STALE_LOCK_MS - 1, 'elsewhere'),
      () => undefined,
    ],
    [
      'it is empty and a few seconds old',
      () => '',
      (p) => utimesSync(p, new Date(Date.now() - 5_000), new Date(Date.now() - 5_000)),
    ],
  ];
  it.each(stale)('breaks a lock when %s', async (_name, content, age) => {
    writeFileSync(`${file}.lock`, content());
    age(`${file}.lock`);
    const started = Date.now();
    expect(await withLock(file, Date.now, async () => 'ran')).toBe('ran');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('waits a few seconds for a live holder, then says busy (and leaves its lock alone)', async () => {
    const live = [
      ['live pid', lockOf(process.pid, Date.now())],
      ['other host, recent', lockOf(1, Date.now(), 'elsewhere')],
    ];
    const outcomes = await Promise.all(
      live.map(async ([, content], i) => {
        const f = join(home, `f${i}`);
        writeFileSync(`${f}.lock`, content ?? '');
        const started = Date.now();
        const r = await withLock(f, Date.now, async () => 'ran').catch(
          (e: { code: string; message: string }) => e,
        );
        return { r, waited: Date.now() - started, kept: readFileSync(`${f}.lock`, 'utf8') === content };
      }),
    );
    for (const { r, waited, kept } of outcomes) {
      expect(r).toMatchObject({
        code: 'busy',
        message: expect.stringMatching(/is changing the account list in .*Try again in a moment\./),
      });
      expect(waited).toBeGreaterThanOrEqual(4_900);
      expect(kept).toBe(true);
    }
  });

  it('gives a lock that is still being written (empty) a second before breaking it', async () => {
    writeFileSync(`${file}.lock`, '');
    const started = Date.now();
    expect(await withLock(file, Date.now, async () => 'ran')).toBe('ran');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
