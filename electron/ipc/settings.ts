import { KeyfobError } from '../../shared/errors';
import type { ChannelHandlers } from '../../shared/ipc/channels';
import { MAX_PINNED } from '../../shared/ipc/settings-fields';
import type { HandlerContext } from '../services/app-services';

/** The settings channels: read and change the user's preferences, pin accounts to the tray, and what this desktop offers. */
export const settingsChannels = ({ settings, vault, desktop }: HandlerContext) =>
  ({
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
    'settings:pin': async (id, pin) => {
      if (pin) await vault().get(id); // an unknown id fails here with the vault's own message
      return settings.update(({ pinned }) => {
        if (!pin) return pinned.includes(id) ? { pinned: pinned.filter((p) => p !== id) } : null;
        if (pinned.includes(id)) return null;
        if (pinned.length >= MAX_PINNED) {
          throw new KeyfobError(
            'invalid-input',
            `The tray holds at most ${MAX_PINNED} pinned accounts. Unpin one first.`,
          );
        }
        return { pinned: [...pinned, id] };
      });
    },
    'settings:status': async () => ({ ...desktop.get(), notice: await settings.notice() }),
  }) satisfies Partial<ChannelHandlers>;
