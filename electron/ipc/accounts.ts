import { accountHandlers } from '../services/account-handlers';
import { qrHandlers } from '../services/qr-handlers';
import { replaceKeyHandlers } from '../services/replace-key-handlers';
import type { ChannelHandlers } from '../../shared/ipc/channels';
import type { HandlerContext } from '../services/app-services';

/** The account channels: the list and its codes, adding and editing, copying, replacing and showing a key. */
export function accountChannels(ctx: HandlerContext) {
  const accounts = accountHandlers(ctx.vault, ctx.now, ctx.codeTime);
  const keys = replaceKeyHandlers(ctx.vault, ctx.now, ctx.codeTime);
  const qr = qrHandlers(ctx.vault, ctx.dialogs);
  return {
    'accounts:list': () => accounts.list(),
    'accounts:codes': (...ids) => accounts.codes(...ids),
    'accounts:check-draft': (draft) => accounts.checkDraft(draft),
    'accounts:add': (draft, opts) => accounts.add(draft, opts),
    'accounts:rename': (id, label) => accounts.rename(id, label),
    'accounts:remove': (id) => accounts.remove(id),
    'accounts:reorder': (ids) => accounts.reorder(ids),
    'accounts:hotp-next': (id) => accounts.hotpNext(id),
    'accounts:check-new-key': (id, key) => keys.check(id, key),
    'accounts:replace-key': (id, key) => keys.replace(id, key),
    'accounts:replace-key-with-draft': (id, draft) => keys.replaceWithDraft(id, draft),
    'accounts:restore-key': (id) => keys.restore(id),
    'accounts:show-qr': (id) => qr.accountQr(id),
    'clipboard:copy-code': async (id) => {
      const [code, { clearClipboardSeconds }] = await Promise.all([
        accounts.currentCode(id),
        ctx.settings.get(),
      ]);
      await ctx.keeper.copy(code, clearClipboardSeconds);
      return { code, clearAfterSeconds: clearClipboardSeconds };
    },
  } satisfies Partial<ChannelHandlers>;
}
