import { KeyfobError } from '../../shared/errors';
import type { ScanDecision, ScanPreview, ScanSaveResult, ScreenScan } from '../../shared/ipc-contract';
import type { ScreenCaptureAdapter } from '../adapters/screen-capture';
import type { Vault } from '../vault';
import { codeSnapshot, toAccountView } from './codes';
import { scanScreens } from './scan-screens';
import { scanTextsArg, tokensFromScan } from './scan-tokens';

/** The QR-scan channels: preview what scanned texts would add, then save them with the user's choices. */
export interface ScanHandlers {
  preview(texts: unknown): Promise<ScanPreview>;
  save(texts: unknown, decisions: unknown): Promise<ScanSaveResult>;
  screens(): Promise<ScreenScan>;
}

const DECISIONS = new Set<ScanDecision>(['add', 'skip', 'replace', 'keep-both']);

function decisionsArg(value: unknown, count: number): ScanDecision[] {
  if (
    !Array.isArray(value) ||
    value.length !== count ||
    !value.every((d) => DECISIONS.has(d as ScanDecision))
  )
    throw new KeyfobError('invalid-input', 'The request was malformed: expected one choice per account.');
  return value as ScanDecision[];
}

/**
 * Scan handlers over `vault()`, `now()` and the screen `capture` adapter. The key URI text arrives once; codes are computed
 * here and only parameters, codes and duplicates go back.
 */
export function scanHandlers(
  vault: () => Vault,
  now: () => number,
  capture?: ScreenCaptureAdapter,
): ScanHandlers {
  return {
    async preview(raw) {
      const { tokens, problems } = tokensFromScan(scanTextsArg(raw));
      const atMs = now();
      const entries = [];
      for (const token of tokens) {
        const duplicate = await vault().findDuplicate(token);
        entries.push({
          issuer: token.issuer,
          account: token.account,
          type: token.type,
          algorithm: token.algorithm,
          digits: token.digits,
          period: token.period,
          counter: token.counter.toString(),
          code: codeSnapshot('scan', token, atMs),
          duplicateOf: duplicate === undefined ? null : toAccountView(duplicate),
        });
      }
      return { entries, problems };
    },
    async save(raw, rawDecisions) {
      const { tokens } = tokensFromScan(scanTextsArg(raw));
      const decisions = decisionsArg(rawDecisions, tokens.length);
      const result: ScanSaveResult = { added: [], replaced: 0, skipped: 0 };
      for (const [i, token] of tokens.entries()) {
        const decision = decisions[i] ?? 'skip';
        if (decision === 'skip') {
          result.skipped++;
          continue;
        }
        const duplicate = await vault().findDuplicate(token);
        if (decision === 'replace' && duplicate !== undefined) {
          // A duplicate holds the same secret, so replacing it means taking the scanned names and
          // parameters in place: one atomic metadata write, the row keeps its place, nothing is
          // ever removed before its successor exists.
          const { secret: _secret, ...fields } = token;
          result.added.push(toAccountView(await vault().update(duplicate.id, fields)));
          result.replaced++;
          continue;
        }
        const allowDuplicate = decision === 'keep-both';
        result.added.push(toAccountView(await vault().add(token, { allowDuplicate })));
      }
      return result;
    },
    screens: () => scanScreens(capture),
  };
}
