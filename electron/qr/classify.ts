import { parseKeyUri } from '../core';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import {
  isMigrationUri,
  parseMigrationUri,
  type MigrationCode,
} from '../formats/google-migration/transfer-uri';

/** What a QR code's text holds, with a sentence saying so. */
export type QrPayload =
  | { kind: 'otpauth'; token: Token; message: string }
  | { kind: 'migration'; code: MigrationCode; message: string }
  | { kind: 'link'; url: string; message: string }
  | { kind: 'text'; text: string; message: string }
  /** Claims to be a key URI or a transfer code but does not parse: reported, never imported. */
  | { kind: 'implausible'; claimed: 'otpauth' | 'migration'; message: string };

const KEY_URI = /^(otpauth|steam):\/\//iu;
const LINK = /^[a-z][a-z0-9+.-]*:\/\/\S+$|^(mailto|tel|sms|geo|wifi):\S+$/iu;

/**
 * Classifies decoded QR text: a key URI (`otpauth://`, `steam://`), a Google Authenticator transfer
 * code, a link, or plain text. Messages never quote a secret.
 */
export function classifyQrText(text: string): QrPayload {
  const trimmed = text.trim();
  if (KEY_URI.test(trimmed)) {
    try {
      const token = parseKeyUri(trimmed);
      const name = [token.issuer, token.account].filter((s) => s !== '').join(': ') || 'an unnamed account';
      return { kind: 'otpauth', token, message: `A ${label(token.type)} key for ${name}.` };
    } catch (e) {
      const why = e instanceof KeyfobError ? e.message : 'it cannot be read';
      return {
        kind: 'implausible',
        claimed: 'otpauth',
        message: `This QR code looks like a key but is not valid: ${why}`,
      };
    }
  }
  if (isMigrationUri(trimmed)) {
    try {
      const code = parseMigrationUri(trimmed);
      const { index, size } = code.batch;
      const n = code.result.entries.length;
      const what = size > 1 ? `transfer code ${index + 1} of ${size}` : 'transfer code';
      const accounts = `${n} account${n === 1 ? '' : 's'}`;
      return { kind: 'migration', code, message: `A Google Authenticator ${what} with ${accounts}.` };
    } catch (e) {
      const why = e instanceof KeyfobError ? e.message : 'it cannot be read';
      return { kind: 'implausible', claimed: 'migration', message: why };
    }
  }
  if (LINK.test(trimmed)) {
    return { kind: 'link', url: trimmed, message: 'This QR code holds a link, not an authenticator key.' };
  }
  return { kind: 'text', text, message: 'This QR code holds plain text, not an authenticator key.' };
}

function label(type: Token['type']): string {
  return type === 'steam' ? 'Steam Guard' : type.toUpperCase();
}
