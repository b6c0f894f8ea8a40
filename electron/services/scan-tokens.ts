import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { parseKeyUri } from '../core';
import { isMigrationUri, parseMigrationUri } from '../import/google-migration';
import { MigrationCollector } from '../import/migration-collector';

/** The tokens scanned QR texts hold, plus what could not be read (never quoting a seed). */
export interface ScannedTokens {
  tokens: Token[];
  problems: string[];
}

const MAX_TEXTS = 100;
const MAX_TEXT_LENGTH = 16_384;

function bad(message: string): KeyfobError {
  return new KeyfobError('invalid-input', message);
}

/** The scanned texts as the renderer sent them: a short list of bounded strings. */
export function scanTextsArg(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TEXTS)
    throw bad('The request was malformed: expected the scanned codes.');
  return value.map((t) => {
    if (typeof t !== 'string' || t.length === 0 || t.length > MAX_TEXT_LENGTH)
      throw bad('The request was malformed: a scanned code is not text.');
    return t.trim();
  });
}

/**
 * Reads scanned texts again in main (the renderer is not trusted): either key URIs, or the codes
 * of ONE complete Google Authenticator export — a partial or mixed set adds nothing.
 * @see /work/shared/docs/formats.md "Google Authenticator export"
 */
export function tokensFromScan(texts: string[]): ScannedTokens {
  const migrations = texts.filter(isMigrationUri);
  if (migrations.length === 0) {
    return { tokens: texts.map((t) => parseKeyUri(t)), problems: [] };
  }
  if (migrations.length !== texts.length)
    throw bad('Key URIs and Google Authenticator transfer codes cannot be added together.');
  const collector = new MigrationCollector();
  for (const text of migrations) {
    const step = collector.add(parseMigrationUri(text));
    if (step.status === 'refused') throw bad(step.message);
  }
  if (!collector.complete) throw bad(`The transfer is incomplete: ${collector.progress()}`);
  const result = collector.result();
  return {
    tokens: result.entries.map((e) => e.token),
    problems: result.errors.map((e) => `${e.source}: ${e.message}`),
  };
}
