import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFixture, type FixtureBytes } from './fixture-files';
import { COMPANIONS, FIXTURES } from './fixture-list';

// The committed fixtures are exactly what the writers in this folder make, and the writers make the
// same bytes every time: `npm run fixtures` leaves git clean, and a writer changed without
// regenerating (or a hand-edited fixture) shows up here.

const bytes = (made: FixtureBytes): Buffer => Buffer.from(made);

describe.each([...FIXTURES, ...COMPANIONS])('$file', ({ file, keys }) => {
  it('is what its writer makes, on every run', async () => {
    const first = bytes(await makeFixture(file, keys));
    expect(bytes(await makeFixture(file, keys)).equals(first)).toBe(true);
    expect(readFileSync(join(__dirname, 'files', file)).equals(first)).toBe(true);
  });
});
