import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STALE_LOCK_MS, withLock, withLockIfFree } from './lock-file';
import { tempHome } from '../../test-support/vault/fixtures';

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
        withLock(file, async () => {
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
    [
      'its live pid has not refreshed it for 30 s (pid reused)',
      () => lockOf(process.pid, Date.now() - STALE_LOCK_MS - 1),
      () => undefined,
    ],
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
    expect(await withLock(file, async () => 'ran')).toBe('ran');
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
        const r = await withLock(f, async () => 'ran').catch((e: { code: string; message: string }) => e);
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
    expect(await withLock(file, async () => 'ran')).toBe('ran');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('lets a waiter in between the back-to-back holds of another writer', async () => {
    let holds = 0;
    const writer = (async () => {
      for (let i = 0; i < 40; i++) {
        await withLock(file, async () => {
          holds++;
          await new Promise((r) => setTimeout(r, 20));
        });
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const asked = holds;
    const ranAfter = await withLock(file, async () => holds);
    await writer;
    expect(holds).toBe(40);
    expect(ranAfter - asked).toBeLessThanOrEqual(2); // the next hold or the one after, not the end
  });
});

describe('heartbeat', () => {
  const held = (f: string) => JSON.parse(readFileSync(`${f}.lock`, 'utf8')) as { at: number; nonce: string };
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('keeps a long hold fresh, so nobody breaks a live writer’s lock', async () => {
    const outcome = await withLock(
      file,
      async () => {
        const mine = held(file);
        // As if the hold had lasted longer than the stale limit: only the heartbeat can save it.
        writeFileSync(`${file}.lock`, JSON.stringify({ ...mine, at: Date.now() - STALE_LOCK_MS - 1 }));
        await pause(150);
        const refreshed = held(file);
        const other = await withLockIfFree(file, async () => 'broke in');
        return { refreshed, mine, other };
      },
      { heartbeatMs: 20 },
    );
    expect(outcome.refreshed.nonce).toBe(outcome.mine.nonce);
    expect(Date.now() - outcome.refreshed.at).toBeLessThan(STALE_LOCK_MS);
    expect(outcome.other).toBeUndefined();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('never writes into, or removes, a lock someone else took after breaking ours', async () => {
    const theirs = lockOf(process.pid, Date.now());
    await withLock(
      file,
      async () => {
        writeFileSync(`${file}.lock`, theirs);
        await pause(100);
      },
      { heartbeatMs: 20 },
    );
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(theirs);
  });
});

describe('withLockIfFree', () => {
  const ticket = (pid: number, since: number) =>
    JSON.stringify({ pid, host: hostname(), at: since, nonce: 'w', since });
  const cases: Array<[string, 'ran' | 'skipped', () => void]> = [
    ['no lock', 'ran', () => undefined],
    ['a live holder', 'skipped', () => writeFileSync(`${file}.lock`, lockOf(process.pid, Date.now()))],
    ['a dead holder', 'ran', () => writeFileSync(`${file}.lock`, lockOf(deadPid(), Date.now()))],
    [
      'a live waiter queued before us',
      'skipped',
      () => writeFileSync(`${file}.lock.wait-w`, ticket(process.pid, Date.now() - 100)),
    ],
    [
      'a dead waiter’s ticket',
      'ran',
      () => writeFileSync(`${file}.lock.wait-w`, ticket(deadPid(), Date.now() - 100)),
    ],
  ];
  it.each(cases)('with %s: %s, without waiting', async (_name, expected, arrange) => {
    arrange();
    const started = Date.now();
    const r = await withLockIfFree(file, async () => 'ran');
    expect(r === undefined ? 'skipped' : r.value).toBe(expected);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
