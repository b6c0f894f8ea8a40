import { CHANNELS, type Channel, type ChannelHandlers } from '../../shared/ipc/channels';

/**
 * The handlers with `guard()` run first on every channel the table marks `refuse` while locked, so
 * the window, the tray and anything else calling them get the same refusal ('app-locked').
 */
export function guardWhileLocked(handlers: ChannelHandlers, guard: () => Promise<void>): ChannelHandlers {
  type Run = (...args: unknown[]) => Promise<unknown>;
  const guarded = { ...handlers } as unknown as Record<Channel, Run>;
  for (const channel of Object.keys(CHANNELS) as Channel[]) {
    if (CHANNELS[channel].locked !== 'refuse') continue;
    const run = handlers[channel] as Run;
    guarded[channel] = async (...args) => {
      await guard();
      return run(...args);
    };
  }
  return guarded as unknown as ChannelHandlers;
}
