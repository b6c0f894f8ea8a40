import { backupHandlers } from '../services/backup-handlers';
import { qrHandlers } from '../services/qr-handlers';
import type { ChannelHandlers } from '../../shared/ipc/channels';
import type { ImportProgress } from '../../shared/ipc/shapes';
import type { HandlerContext } from '../services/app-services';

/** The backup channels: import sessions, export, the transfer to Google Authenticator, the reminder. */
export function backupChannels(ctx: HandlerContext) {
  const keychainReady = async () => ctx.secrets.probe?.();
  const progress = (p: ImportProgress) => ctx.emit('backup:import-progress', p);
  const backup = backupHandlers(
    ctx.vault,
    ctx.dialogs,
    ctx.home,
    ctx.now,
    ctx.holdTimers,
    keychainReady,
    progress,
  );
  const qr = qrHandlers(ctx.vault, ctx.dialogs);
  return {
    'backup:import-open': () => backup.importOpen(),
    'backup:import-read': (id, password, formatId) => backup.importRead(id, password, formatId),
    'backup:import-commit': (id, choices) => backup.importCommit(id, choices),
    'backup:import-stop': (id) => backup.importStop(id),
    'backup:import-cancel': (id) => backup.importCancel(id),
    'backup:export': (format, password) => backup.exportTo(format, password),
    'backup:transfer-codes': (ids) => qr.transfer(ids),
    'backup:reminder': async () => ({ due: await backup.reminder() }),
    'backup:reminder-dismiss': () => backup.dismissReminder(),
  } satisfies Partial<ChannelHandlers>;
}
