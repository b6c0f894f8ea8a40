import { toString as qrSvg } from 'qrcode';
import type { Account } from '../../shared/account';
import { KeyfobError } from '../../shared/errors';
import type { QrReveal, TransferCodes } from '../../shared/ipc/shapes';
import type { DialogsAdapter } from '../adapters/dialogs';
import { formatKeyUri } from '../core';
import { migrationIncompatibility } from '../formats/google-migration/writer';
import { writeExport } from '../formats';
import type { Vault } from '../vault';
import { withSecret } from './codes';
import { dialogName, showQrConfirmation, transferConfirmation } from './reveal-confirm';
import { tokensOf } from './tokens';

/**
 * "Show QR" and "Transfer to Google Authenticator": the only replies that carry seeds to the
 * renderer (as QR images). Main asks the user first with a native dialog that names the accounts;
 * a refusal answers null and reads no secret.
 */
export interface QrHandlers {
  accountQr(id: string): Promise<QrReveal | null>;
  transfer(ids: string[]): Promise<TransferCodes | null>;
}

/**
 * A QR code as an SVG `data:` URL (the CSP allows data: images). Error correction M: phones
 * read it off a screen reliably, and M keeps a 10-account migration payload scannable.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await qrSvg(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** QR handlers over an open vault and the dialogs that ask for confirmation. */
export function qrHandlers(vault: () => Vault, dialogs: DialogsAdapter): QrHandlers {
  return {
    async accountQr(id) {
      const account = (await vault().list()).find((a) => a.id === id);
      if (account === undefined) throw new KeyfobError('not-found', 'That account no longer exists.');
      if (!(await dialogs.confirm(showQrConfirmation(account)))) return null;
      const secret = await vault().secret(account.id);
      return { image: await qrDataUrl(formatKeyUri(withSecret(account, secret))) };
    },
    async transfer(ids) {
      const wanted = new Set(ids);
      if (wanted.size === 0)
        throw new KeyfobError('invalid-input', 'Choose at least one account to transfer.');
      // Chosen by id from one read of the list, in the list's order: an account added or removed
      // meanwhile (by the CLI, another window) can never shift a seed into someone else's place.
      const chosen = (await vault().list()).filter((a) => wanted.has(a.id));
      if (chosen.length < wanted.size) {
        const gone = wanted.size - chosen.length;
        throw new KeyfobError(
          'not-found',
          `${gone === 1 ? 'One of the chosen accounts no longer exists' : `${gone} of the chosen accounts no longer exist`}; close this window and choose again.`,
        );
      }
      const fit: Account[] = [];
      const skipped: TransferCodes['skipped'] = [];
      for (const account of chosen) {
        const why = migrationIncompatibility(account);
        if (why === undefined) fit.push(account);
        else skipped.push({ name: dialogName(account), message: why });
      }
      if (fit.length === 0) return { images: [], count: 0, skipped };
      if (!(await dialogs.confirm(transferConfirmation(fit)))) return null;
      // Only the accounts that go into the codes have their secret read.
      const result = await writeExport('google-migration', await tokensOf(vault(), fit));
      const images = await Promise.all((result.uris ?? []).map(qrDataUrl));
      return { images, count: fit.length, skipped };
    },
  };
}
