// What a text claims to be, told by its scheme alone: the scan worker, the paste handler, the
// list reader and main all ask the same question. Whether the key or transfer code really parses
// is main's business (it parses once, when the text arrives there).

/** A key URI (`otpauth://`, `steam://`) or a Google Authenticator transfer code (`otpauth-migration://`). */
export type KeyTextKind = 'otpauth' | 'migration';

const KEY_URI = /^\s*(otpauth|steam):\/\//iu;
const TRANSFER = /^\s*otpauth-migration:\/\//iu;

/** `otpauth` or `migration` when the text starts with such a scheme (whether or not it parses), else undefined. */
export function keyTextKind(text: string): KeyTextKind | undefined {
  if (KEY_URI.test(text)) return 'otpauth';
  if (TRANSFER.test(text)) return 'migration';
  return undefined;
}
