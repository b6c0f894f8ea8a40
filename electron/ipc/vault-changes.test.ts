import { describe, expect, it } from 'vitest';
import { CHANNELS, IPC_NAMES } from '../../shared/ipc/channels';
import { vaultChanges } from './vault-changes';

/** A list that another process may change, and the announcements made about it. */
async function rig() {
  const state = { list: ['a'], announced: 0 };
  const changes = await vaultChanges(
    async () => [...state.list],
    () => state.announced++,
  );
  return { state, changes };
}

describe('change detection follows the table', () => {
  // Each channel's request changes the list while it runs; the folder watch then reports the
  // change. It is this process's own only when the table says the channel writes.
  it.each(IPC_NAMES.channels.map((c) => [c, CHANNELS[c].writes] as const))(
    '%s (writes: %s)',
    async (channel, writes) => {
      const { state, changes } = await rig();
      await changes.around(channel, async () => void state.list.push('b'));
      await changes.check();
      expect(state.announced).toBe(writes ? 0 : 1);
    },
  );

  it('announces an outside change once, and nothing while the list is unchanged', async () => {
    const { state, changes } = await rig();
    await changes.check();
    expect(state.announced).toBe(0);
    state.list.push('c');
    await changes.check();
    await changes.check();
    expect(state.announced).toBe(1);
  });

  it('waits for requests in flight before comparing', async () => {
    const { state, changes } = await rig();
    let finish = (): void => undefined;
    const write = changes.around('accounts:add', () => new Promise<void>((r) => (finish = r)));
    state.list.push('b');
    await changes.check();
    finish();
    await write;
    await new Promise((r) => setTimeout(r, 150));
    expect(state.announced).toBe(0);
  });
});
