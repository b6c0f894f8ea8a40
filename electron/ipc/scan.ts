import { scanHandlers } from '../services/scan-handlers';
import type { ChannelHandlers } from '../../shared/ipc/channels';
import type { HandlerContext } from '../services/app-services';

/** The QR-scan channels: a scanned text into main's scan session, its preview, saving it, and what a link left. */
export function scanChannels(ctx: HandlerContext) {
  const scan = scanHandlers(
    ctx.vault,
    ctx.now,
    ctx.screenCapture,
    ctx.holdTimers,
    ctx.codeTime,
    ctx.screenDecoder,
  );
  return {
    'scan:submit': (text) => scan.submit(text),
    'scan:screens': () => scan.screens(),
    'scan:pending': () => scan.pending(),
    'scan:save': (decisions) => scan.save(decisions),
    'scan:replace-key': (id) => scan.replaceKey(id),
    'scan:reset': () => scan.reset(),
    'scan:opened': async () => ctx.opened.take(),
  } satisfies Partial<ChannelHandlers>;
}
