import { notAKey, qrTextKind } from '../../qr-decoder/qr-text';
import type { DecodeOutcome, QrCorners } from '../../qr-decoder/types';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { parseKeyUri } from '../core';
import { parseMigrationUri, type MigrationCode } from '../formats/google-migration/transfer-uri';

/** What a QR code's text holds, with a sentence saying so. */
export type QrPayload =
  | { kind: 'otpauth'; token: Token; message: string }
  | { kind: 'migration'; code: MigrationCode; message: string }
  | { kind: 'link'; url: string; message: string }
  | { kind: 'text'; text: string; message: string }
  /** Claims to be a key URI or a transfer code but does not parse: reported, never imported. */
  | { kind: 'implausible'; claimed: 'otpauth' | 'migration'; message: string };

/**
 * Reads decoded QR text in main: a key URI (`otpauth://`, `steam://`) parsed into a token, a Google
 * Authenticator transfer code decoded, or a link or plain text. Messages never quote a secret.
 */
export function classifyQrText(text: string): QrPayload {
  const trimmed = text.trim();
  const kind = qrTextKind(trimmed);
  if (kind === 'otpauth') {
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
  if (kind === 'migration') {
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
  if (kind === 'link') return { kind: 'link', url: trimmed, message: notAKey('link') };
  return { kind: 'text', text, message: notAKey('text') };
}

function label(type: Token['type']): string {
  return type === 'steam' ? 'Steam Guard' : type.toUpperCase();
}

/** A decoded code whose text holds what it claims to hold. */
export interface ReadCode {
  text: string;
  corners: QrCorners;
  /** Light modules on a dark background. */
  inverted: boolean;
  payload: Exclude<QrPayload, { kind: 'implausible' }>;
}

/** A decoded code whose text is not plausible as what it claims (never used). */
export interface ImplausibleCode {
  /** As decoded (may hold a secret: show it only where the user asked to see it, never log it). */
  text: string;
  corners: QrCorners;
  /** Why, for the user; never quotes a secret. */
  message: string;
}

/** What the codes of one decode hold. Nothing found: both lists empty. */
export interface ReadOutcome {
  codes: ReadCode[];
  implausible: ImplausibleCode[];
}

/** Reads the text of every decoded code; those that do not parse as what they claim go to `implausible`. */
export function readCodes(outcome: DecodeOutcome): ReadOutcome {
  const out: ReadOutcome = { codes: [], implausible: [] };
  for (const { text, corners, inverted } of outcome.codes) {
    const payload = classifyQrText(text);
    if (payload.kind === 'implausible') out.implausible.push({ text, corners, message: payload.message });
    else out.codes.push({ text, corners, inverted, payload });
  }
  return out;
}
