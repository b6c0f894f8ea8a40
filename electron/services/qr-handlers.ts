import { toString as qrSvg } from 'qrcode';
import { KeyfobError } from '../../shared/errors';
import type { QrReveal, TransferCodes } from '../../shared/ipc-contract';
import { formatKeyUri } from '../core';
import { writeExport } from '../formats';
import type { Vault } from '../vault';
import { idArg, idsArg } from './args';
import { withSecret } from './codes';
import { allTokens } from './backup-handlers';

/** "Show QR" and "Transfer to Google Authenticator": QR images made in main; the URI stays here. */
export interface QrHandlers {
  accountQr(id: unknown): Promise<QrReveal>;
  transfer(ids: unknown): Promise<TransferCodes>;
}

/**
 * A QR code as an SVG `data:` URL (the CSP allows data: images). Error correction M: phones
 * read it off a screen reliably, and M keeps a 10-account migration payload scannable.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await qrSvg(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** QR handlers over an open vault. */
export function qrHandlers(vault: () => Vault): QrHandlers {
  return {
    async accountQr(id) {
      const account = (await vault().list()).find((a) => a.id === idArg(id));
      if (account === undefined) throw new KeyfobError('not-found', 'That account no longer exists.');
      const secret = await vault().secret(account.id);
      return { image: await qrDataUrl(formatKeyUri(withSecret(account, secret))) };
    },
    async transfer(ids) {
      const wanted = new Set(idsArg(ids));
      if (wanted.size === 0)
        throw new KeyfobError('invalid-input', 'Choose at least one account to transfer.');
      const accounts = await vault().list();
      const tokens = (await allTokens(vault())).filter((_, i) => wanted.has(accounts[i]?.id ?? ''));
      const result = await writeExport('google-migration', tokens);
      const images = await Promise.all((result.uris ?? []).map(qrDataUrl));
      return { images, count: tokens.length - result.skipped.length, skipped: result.skipped };
    },
  };
}
