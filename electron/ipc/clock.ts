import type { ChannelHandlers } from '../../shared/ipc/channels';
import type { HandlerContext } from '../services/app-services';

/** The clock channel: what main measured about this computer's clock. */
export const clockChannels = ({ clock }: HandlerContext) =>
  ({
    'clock:status': async () => clock.status(),
  }) satisfies Partial<ChannelHandlers>;
