import { notAKey, textKind } from '../../shared/text-kind';
import type { DecodeOutcome, FoundCode, QrCorners } from '../../qr-decoder/types';
import { accountName } from '../../shared/account-name';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { parseKeyUri } from '../core';
import { parseMigrationUri, type MigrationCode } from '../formats/google-migration/transfer-uri';

/** What a QR code's text holds, with a sentence saying so. */
export type QrPayload =
  | { kind: 'otpauth'; token: Token; message: string }
  | { kind: 'migration'; code: MigrationCode; message: string }
  | { kind: 'link' | 'text'; message: string }
  /** Claims to be a key URI or a transfer code but does not parse: reported, never imported. */
  | { kind: 'implausible'; claimed: 'otpauth' | 'migration'; message: string };

const why = (e: unknown) => (e instanceof KeyfobError ? e.message : 'it cannot be read');

/**
 * Reads decoded QR text in main: a key URI (`otpauth://`, `steam://`) parsed into a token, a Google
 * Authenticator transfer code decoded, or a link or plain text. Messages never quote a secret.
 */
export function classifyQrText(text: string): QrPayload {
  const trimmed = text.trim();
  const kind = textKind(trimmed);
  if (kind === 'otpauth') {
    try {
      const token = parseKeyUri(trimmed);
      const name = accountName(token, 'an unnamed account');
      const type = token.type === 'steam' ? 'Steam Guard' : token.type.toUpperCase();
      return { kind, token, message: `A ${type} key for ${name}.` };
    } catch (e) {
      const message = `This QR code looks like a key but is not valid: ${why(e)}`;
      return { kind: 'implausible', claimed: kind, message };
    }
  }
  if (kind === 'migration') {
    try {
      const code = parseMigrationUri(trimmed);
      const { index, size } = code.batch;
      const n = code.result.entries.length;
      const what = size > 1 ? `transfer code ${index + 1} of ${size}` : 'transfer code';
      const accounts = `${n} account${n === 1 ? '' : 's'}`;
      return { kind, code, message: `A Google Authenticator ${what} with ${accounts}.` };
    } catch (e) {
      return { kind: 'implausible', claimed: kind, message: why(e) };
    }
  }
  return { kind, message: notAKey(kind) };
}

/**
 * What the codes of one decode hold: `codes` hold what they claim; `implausible` ones claim a key
 * or transfer code but do not parse (never used; `message` says why without quoting a secret).
 * Texts are as decoded and may hold a secret: show them only where the user asked, never log them.
 */
export interface ReadOutcome {
  codes: Array<FoundCode & { payload: Exclude<QrPayload, { kind: 'implausible' }> }>;
  implausible: Array<{ text: string; corners: QrCorners; message: string }>;
}

/** Reads the text of every decoded code, sorting out the implausible ones. */
export function readCodes(outcome: DecodeOutcome): ReadOutcome {
  const out: ReadOutcome = { codes: [], implausible: [] };
  for (const code of outcome.codes) {
    const { text, corners } = code;
    const payload = classifyQrText(text);
    if (payload.kind === 'implausible') out.implausible.push({ text, corners, message: payload.message });
    else out.codes.push({ ...code, payload });
  }
  return out;
}
