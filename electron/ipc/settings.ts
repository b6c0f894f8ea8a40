import type { ChannelHandlers } from '../../shared/ipc/channels';
import type { HandlerContext } from '../services/app-services';

/** The settings channels: read and change the user's preferences. */
export const settingsChannels = ({ settings }: HandlerContext) =>
  ({
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
  }) satisfies Partial<ChannelHandlers>;
