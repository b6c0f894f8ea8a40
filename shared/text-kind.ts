// What a text holds, told by its scheme alone: the scan worker, the paste handler, the list reader
// and main all ask the same question. Whether a key or transfer code really parses is main's
// business: it parses once, when the text arrives there.

/** A key URI (`otpauth://`, `steam://`) or a Google Authenticator transfer code (`otpauth-migration://`). */
export type KeyTextKind = 'otpauth' | 'migration';

/** A key URI, a transfer code, a link, or plain text. */
export type TextKind = KeyTextKind | 'link' | 'text';

const KEY_URI = /^\s*(otpauth|steam):\/\//iu;
const TRANSFER = /^\s*otpauth-migration:\/\//iu;
const LINK = /^[a-z][a-z0-9+.-]*:\/\/\S+$|^(mailto|tel|sms|geo|wifi):\S+$/iu;

/** `otpauth` or `migration` when the text starts with such a scheme (whether or not it parses), else undefined. */
export function keyTextKind(text: string): KeyTextKind | undefined {
  if (KEY_URI.test(text)) return 'otpauth';
  if (TRANSFER.test(text)) return 'migration';
  return undefined;
}

/** What a text (a decoded QR code's, say) holds. */
export function textKind(text: string): TextKind {
  const trimmed = text.trim();
  return keyTextKind(trimmed) ?? (LINK.test(trimmed) ? 'link' : 'text');
}

/** True for a key URI or a transfer code. */
export function holdsKey(kind: TextKind): kind is KeyTextKind {
  return kind === 'otpauth' || kind === 'migration';
}

/** What a QR code that holds no key holds, as a sentence for the user. */
export function notAKey(kind: 'link' | 'text'): string {
  return `This QR code holds ${kind === 'link' ? 'a link' : 'plain text'}, not an authenticator key.`;
}
