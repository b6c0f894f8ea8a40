import type { OtpType, Token } from '../../shared/otp-types';
import { assertSecretFits, base32Decode, splitLabel, validateParams } from '../core';
import { entryMessage, type EntrySource, type ImportResult } from './format';

/** What a foreign entry says about a token, before validation (strings as found in the file). */
export interface RawToken {
  type: string;
  issuer: string;
  account: string;
  secret: Uint8Array | string;
  algorithm?: string;
  digits?: number;
  period?: number;
  counter?: bigint;
}

/**
 * Validates a foreign entry through the core's rules (the same ones key URIs go through) and returns
 * a Token; base32 secrets are decoded here. Throws `invalid-input` naming the field.
 */
export function buildToken(raw: RawToken): Token {
  // A copy as a plain Uint8Array, whatever view a reader decrypted it into.
  const secret =
    typeof raw.secret === 'string' ? base32Decode(raw.secret, 'secret') : new Uint8Array(raw.secret);
  assertSecretFits(secret);
  const params = validateParams({
    type: raw.type as OtpType,
    algorithm: (raw.algorithm ?? 'SHA1') as Token['algorithm'],
    digits: raw.digits ?? 6,
    period: raw.period ?? 30,
    counter: raw.counter ?? 0n,
  });
  return { ...params, issuer: raw.issuer.trim(), account: raw.account.trim(), secret };
}

/** Runs `read` for one entry and files its token or its error under `source`; never throws. */
export function collect(result: ImportResult, source: EntrySource, read: () => Token): void {
  try {
    result.entries.push({ source, token: read() });
  } catch (e) {
    result.errors.push({ source, message: entryMessage(e) });
  }
}

/** An empty result to fill. */
export function emptyResult(): ImportResult {
  return { entries: [], errors: [] };
}

/**
 * Issuer and account of a label that older apps wrote as "Issuer - account" (andOTP before 0.6.3,
 * Authy's display names), else by the one label rule ("Issuer:account", key-uri-label.ts). The
 * part after " - " may repeat the issuer with a colon ("Deno - Deno:Mason"): it is split again.
 */
export function splitDashedLabel(label: string, issuer = ''): { issuer: string; account: string } {
  const dash = label.indexOf(' - ');
  if (dash <= 0) return splitLabel(label, issuer);
  const named = issuer.trim() || label.slice(0, dash).trim();
  return splitLabel(label.slice(dash + 3), named);
}
