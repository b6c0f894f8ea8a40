import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVisibleOn, readWindowState, writeWindowState } from './window-bounds';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('isVisibleOn', () => {
  it.each([
    ['inside the laptop screen', { x: 100, y: 100, width: 440, height: 680 }, [laptop], true],
    ['on the second monitor', { x: 2500, y: 200, width: 440, height: 680 }, [laptop, rightMonitor], true],
    ['on a monitor since unplugged', { x: 2500, y: 200, width: 440, height: 680 }, [laptop], false],
    ['title bar above the top edge', { x: 100, y: -600, width: 440, height: 680 }, [laptop], false],
    ['only a sliver on screen', { x: 1900, y: 100, width: 440, height: 680 }, [laptop], false],
    ['straddling two monitors', { x: 1700, y: 100, width: 440, height: 680 }, [laptop, rightMonitor], true],
  ])('%s → %s', (_name, bounds, areas, expected) => expect(isVisibleOn(bounds, areas)).toBe(expected));
});

describe('window-state.json', () => {
  it('round-trips, and reads missing or damaged files as null', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keyfob-window-'));
    const file = join(dir, 'window-state.json');
    expect(await readWindowState(file)).toBeNull();
    const state = { bounds: { x: 10, y: 20, width: 500, height: 700 }, maximized: true };
    await writeWindowState(file, state);
    expect(await readWindowState(file)).toEqual(state);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
    await writeFile(file, '{"bounds":{"x":"10"}}');
    expect(await readWindowState(file)).toBeNull();
    await rm(dir, { recursive: true, force: true });
  });
});
