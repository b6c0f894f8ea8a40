import type { ChannelHandlers } from '../../shared/ipc/channels';
import type { HandlerContext } from '../services/app-services';

/** The lock channels: its status, unlocking, locking, and setting or removing the password. */
export const lockChannels = ({ lock }: HandlerContext) =>
  ({
    'lock:status': async () => {
      // A keychain that cannot be read yet leaves the state unknown: the guarded channels say why.
      await lock.settle().catch(() => undefined);
      return lock.status();
    },
    'lock:unlock': (password) => lock.unlock(password),
    'lock:unlock-touch-id': () => lock.unlockWithTouchId(),
    'lock:lock': async () => {
      lock.lock();
      return lock.status();
    },
    'lock:set-password': (current, next) => lock.setPassword(current, next),
    'lock:remove-password': (current) => lock.removePassword(current),
    'lock:activity': async () => {
      lock.activity();
      return null;
    },
  }) satisfies Partial<ChannelHandlers>;
