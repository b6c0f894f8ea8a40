import { keyTextKind } from '../shared/key-text';

/**
 * What a QR code's text is, told by its scheme alone: a key URI, a Google Authenticator transfer
 * code, a link, or plain text. Whether a key or transfer code really parses is for main to say,
 * once, when the text arrives there; the decoder never holds the code engine or protobuf.
 */
export type QrTextKind = 'otpauth' | 'migration' | 'link' | 'text';

const LINK = /^[a-z][a-z0-9+.-]*:\/\/\S+$|^(mailto|tel|sms|geo|wifi):\S+$/iu;

/** The kind of a decoded QR code's text. */
export function qrTextKind(text: string): QrTextKind {
  const trimmed = text.trim();
  return keyTextKind(trimmed) ?? (LINK.test(trimmed) ? 'link' : 'text');
}

/** True for a key URI or a transfer code, by scheme. */
export function holdsKey(kind: QrTextKind): kind is 'otpauth' | 'migration' {
  return kind === 'otpauth' || kind === 'migration';
}

/** What a code that holds no key holds, as a sentence for the user. */
export function notAKey(kind: 'link' | 'text'): string {
  return kind === 'link'
    ? 'This QR code holds a link, not an authenticator key.'
    : 'This QR code holds plain text, not an authenticator key.';
}
