import type { ChannelHandlers } from '../../shared/ipc/channels';
import type { HandlerContext } from '../services/app-services';

/** The window's channel: the commands the tray, the global shortcut and links left for it. */
export const windowChannels = ({ windowCommands }: HandlerContext) =>
  ({
    'window:take-commands': async () => windowCommands.take(),
  }) satisfies Partial<ChannelHandlers>;
