import type { ChannelHandlers } from '../../shared/ipc/channels';
import type { HandlerContext } from '../services/app-services';

/** The vault channels: whether the keychain and the files are usable, and trying again. */
export const vaultChannels = ({ appVault }: HandlerContext) =>
  ({
    'vault:status': () => appVault.status(),
    'vault:retry': () => appVault.retry(),
  }) satisfies Partial<ChannelHandlers>;
