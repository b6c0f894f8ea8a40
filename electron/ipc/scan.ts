import { scanHandlers } from '../services/scan-handlers';
import type { ChannelHandlers } from '../../shared/ipc/channels';
import type { HandlerContext } from '../services/app-services';

/** The QR-scan channels: a scanned text into main's scan session, its preview, and saving it. */
export function scanChannels(ctx: HandlerContext) {
  const scan = scanHandlers(ctx.vault, ctx.now, ctx.screenCapture, ctx.holdTimers, ctx.codeTime);
  return {
    'scan:submit': (text) => scan.submit(text),
    'scan:screens': () => scan.screens(),
    'scan:pending': () => scan.pending(),
    'scan:save': (decisions) => scan.save(decisions),
    'scan:reset': () => scan.reset(),
  } satisfies Partial<ChannelHandlers>;
}
