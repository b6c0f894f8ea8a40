import { performance } from 'node:perf_hooks';
import { parseServerAddress } from '../../shared/clock-server';
import { clockService, type ClockService } from '../clock/clock-service';
import { lockService, type LockService } from '../lock/lock-service';
import type { AppServicesOptions } from './app-services';
import type { ClipboardKeeper } from './clipboard-clear';
import type { EmitEvent } from './event-hub';
import { unrefTimers } from './seed-hold';
import type { SettingsStore } from './settings-store';

/**
 * The clock service (measuring from the settings' server, resumes asking again) and the lock
 * service (verifier in the keychain, auto-lock, wiping a copied code on lock), both following the
 * settings. The lock's state is read at once, so the window's first question gets a real answer.
 */
export async function clockAndLock(
  options: AppServicesOptions,
  settings: SettingsStore,
  keeper: ClipboardKeeper,
  emit: EmitEvent,
): Promise<{ clock: ClockService; lock: LockService; stop: () => void }> {
  const now = options.now ?? Date.now;
  const monotonic = options.monotonic ?? (() => performance.now());
  const timers = options.backgroundTimers ?? unrefTimers;
  const { askTime } = options;
  let current = await settings.get();
  const clock = clockService({
    ask:
      askTime &&
      ((server) => {
        const address = parseServerAddress(server);
        return address === null
          ? Promise.resolve({ kind: 'no-answer', why: 'bad server' })
          : askTime(address);
      }),
    now,
    monotonic,
    timers,
    onChange: (status) => emit('clock:changed', status),
  });
  const lock = lockService({
    secrets: options.secrets,
    touchId: options.touchId,
    power: options.power,
    now,
    monotonic,
    timers,
    settings: () => current,
    onChange: (status) => emit('lock:changed', status),
    onLock: () => void keeper.wipe().catch(() => console.warn('[keyfob] could not clear the clipboard')),
  });
  await lock.settle().catch(() => undefined); // a locked keychain: settled on the next guarded request
  clock.follow(current);
  const unsubscribe = [
    settings.onChange((next) => {
      current = next;
      clock.follow(next);
      lock.settingsChanged();
    }),
    options.power?.on('resume', () => clock.askSoon()) ?? (() => undefined),
  ];
  return {
    clock,
    lock,
    stop() {
      unsubscribe.forEach((off) => off());
      clock.close();
      lock.close();
    },
  };
}
