import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportChoice } from '../../../shared/ipc/shapes';
import type { Token } from '../../../shared/otp-types';
import type { ImportResult } from '../../formats';
import { readMetadata, token } from '../../../test-support/vault/fixtures';
import { useMemoryVault } from '../../../test-support/vault/memory-vault';
import { importedTokens, planEntries, type PlannedEntry } from './plan';
import { saveImport, type SaveProgress } from './save';
import { storedMatches } from '../stored-match';

// Stopping a save: it ends after the keychain write in progress, what is saved stays saved and
// listed (entry active, keychain item present), nothing half-saved remains, and planning the same
// file again finds the saved entries as duplicates, so importing it again saves only the rest.

const t = useMemoryVault();

/** A file's worth of entries, as a reader would return them. */
const fileOf = (tokens: Token[]): ImportResult[] => [
  {
    entries: tokens.map((t, i) => ({ source: { file: 'f.txt', unit: 'line', at: i + 1 }, token: t })),
    errors: [],
  },
];
const plan = async (tokens: Token[]): Promise<PlannedEntry[]> => {
  const results = fileOf(tokens);
  return planEntries(results, await storedMatches(t.vault, importedTokens(results)));
};
/** Aborts `stop` when the keychain is asked for its `n`-th account write (that write still happens). */
const stopAtWrite = (stop: AbortController, n: number) => {
  let writes = 0;
  if (n === 0) stop.abort();
  t.store.onCall = (op, id) => {
    if (op === 'set' && !id.includes('.replaced-') && ++writes === n) stop.abort();
  };
};
/** The vault is consistent: every entry active, one keychain item per entry and no other. */
const consistency = async () => {
  const entries = existsSync(join(t.home, 'accounts.json')) ? readMetadata(t.home).accounts : [];
  const items = [...t.store.items.keys()].filter((id) => !id.includes('.replaced-')).sort();
  return {
    states: [...new Set(entries.map((e) => e.state))],
    sameIds: JSON.stringify(entries.map((e) => e.id).sort()) === JSON.stringify(items),
    listed: (await t.vault.list()).length,
  };
};
const NEW = Array.from({ length: 60 }, (_, i) => token(`Bulk ${i % 7}`, `user${i}`, i + 1));

/** Saves `planned` with `choices` (default: add every entry); what the save reported on the way. */
async function save(
  planned: PlannedEntry[],
  opts: {
    choices?: ImportChoice[];
    done?: boolean[];
    signal?: AbortSignal;
    onSaved?: (i: number) => void;
  } = {},
) {
  const statuses: string[] = [];
  const progress: SaveProgress[] = [];
  const outcome = await saveImport(
    t.vault,
    planned,
    opts.choices ?? planned.map(() => 'keep-both'),
    opts.done ?? [],
    (i, e) => {
      statuses.push(e.status);
      opts.onSaved?.(i);
    },
    { signal: opts.signal, progress: (p) => progress.push(p) },
  );
  return { outcome, statuses, progress };
}

describe('stopping a save', () => {
  it.each([
    // [stop at the n-th keychain write, accounts saved]
    [0, 0],
    [1, 1],
    [10, 10], // the last account of the first slice
    [11, 11], // the first of the second
    [59, 59],
  ])('stopped at write %i of 60 new entries: %i saved, listed and in the keychain', async (n, saved) => {
    const planned = await plan(NEW);
    const stop = new AbortController();
    stopAtWrite(stop, n);
    const done: boolean[] = [];
    const { outcome, statuses, progress } = await save(planned, { done, signal: stop.signal });
    expect(outcome).toBe('stopped');
    expect(statuses).toEqual(Array(saved).fill('added'));
    expect(done.filter(Boolean)).toHaveLength(saved);
    expect(await consistency()).toEqual({ states: saved ? ['active'] : [], sameIds: true, listed: saved });
    // The bar starts at 0 of 60 and never goes back; it ends at what was saved.
    expect(progress[0]).toEqual({ done: 0, total: 60 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: saved, total: 60 });

    // Saving again with the same progress saves exactly the rest, starting the bar where it stopped.
    t.store.onCall = undefined;
    const again = await save(planned, { done });
    expect([again.outcome, again.progress[0], again.progress.at(-1)]).toEqual([
      'finished',
      { done: saved, total: 60 },
      { done: 60, total: 60 },
    ]);
    expect(await consistency()).toEqual({ states: ['active'], sameIds: true, listed: 60 });
  });

  it('importing the same file again after a stop skips what was saved: only the rest is new', async () => {
    const stop = new AbortController();
    stopAtWrite(stop, 25);
    await save(await plan(NEW), { signal: stop.signal });
    t.store.onCall = undefined;
    expect((await plan(NEW)).map((p) => p.status)).toEqual([
      ...Array(25).fill('duplicate'),
      ...Array(35).fill('new'),
    ]);
  });

  it.each([
    // [what the import does with new keys, the choice it makes]
    ['replace the keys', (p: PlannedEntry): ImportChoice => ({ replace: p.newKeyFor?.[0]?.id ?? '' })],
    ['add them as separate accounts', (): ImportChoice => 'keep-both'],
  ])(
    'new keys (%s): stopped half-way, the next plan finds the saved ones as duplicates',
    async (_, choose) => {
      const old = Array.from({ length: 12 }, (_, i) => token('Reissued', `user${i}`, 100 + i));
      await t.vault.addMany(old.map((o) => ({ token: o })));
      const renewed = old.map((o, i) => ({ ...o, secret: token('x', 'y', 200 + i).secret }));
      const planned = await plan(renewed);
      expect(planned.every((p) => p.status === 'new-key')).toBe(true);
      const stop = new AbortController();
      stopAtWrite(stop, 5);
      const { outcome, statuses } = await save(planned, {
        choices: planned.map(choose),
        signal: stop.signal,
      });
      expect([outcome, statuses.length]).toEqual(['stopped', 5]);
      t.store.onCall = undefined;
      expect((await plan(renewed)).map((p) => p.status)).toEqual([
        ...Array(5).fill('duplicate'),
        ...Array(7).fill('new-key'),
      ]);
      expect((await consistency()).states).toEqual(['active']);
    },
  );

  it('a stop after the last write changes nothing: the save is finished', async () => {
    const stop = new AbortController();
    const { outcome } = await save(await plan(NEW.slice(0, 3)), {
      signal: stop.signal,
      onSaved: (i) => i === 2 && stop.abort(),
    });
    expect([outcome, (await t.vault.list()).length]).toEqual(['finished', 3]);
  });

  it('skipped and rejected entries are settled even when stopped first; they are not counted as writes', async () => {
    const stop = new AbortController();
    stop.abort();
    const saved = await save(await plan(NEW.slice(0, 4)), {
      choices: ['skip', 'keep-both', 'skip', 'keep-both'],
      signal: stop.signal,
    });
    expect(saved).toEqual({
      outcome: 'stopped',
      statuses: ['skipped', 'skipped'],
      progress: [{ done: 0, total: 2 }],
    });
  });
});
