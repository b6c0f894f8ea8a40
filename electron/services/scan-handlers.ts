import { KeyfobError } from '../../shared/errors';
import type {
  ScanDecision,
  ScanPreview,
  ScanSaveResult,
  ScanStep,
  ScreenScan,
} from '../../shared/ipc/shapes';
import type { Token } from '../../shared/otp-types';
import type { AccountView } from '../../shared/ipc/shapes';
import type { ScreenCaptureAdapter } from '../adapters/screen-capture';
import { inThreadDecoder, type DisplayDecoder } from '../qr/screen-decoders';
import type { Vault } from '../vault';
import type { Timers } from './clipboard-clear';
import { codeSnapshot, systemCodeTime, toAccountView, type CodeTime } from './codes';
import { planImport } from './import/plan';
import { duplicateOf, newKeyFor, storedMatches } from './stored-match';
import { saveImport } from './import/save';
import { scanScreens } from './scan-screens';
import { ScanSession, type ScannedTokens } from './scan-session';

/** The QR-scan channels: take scanned texts into main's scan session, preview, save with the user's choices. */
export interface ScanHandlers {
  submit(text: string): Promise<ScanStep>;
  screens(): Promise<ScreenScan>;
  pending(): Promise<ScanPreview | null>;
  save(decisions: ScanDecision[]): Promise<ScanSaveResult>;
  /** The pending key becomes account `id`'s key, whatever names it carries ("Replace key…" by scanning). */
  replaceKey(id: string): Promise<AccountView>;
  reset(): Promise<null>;
}

/**
 * Scan handlers over `vault()`, `now()`, the screen `capture` adapter, the `timers` that end a
 * seed's 5-minute hold and the `decoder` of display captures (on the calling thread by default);
 * previews' codes are computed at `codeTime()`. A scanned text arrives once and stays in the
 * session; codes are computed here and only parameters, codes and duplicates go back.
 */
export function scanHandlers(
  vault: () => Vault,
  now: () => number,
  capture?: ScreenCaptureAdapter,
  timers?: Timers,
  codeTime: () => CodeTime = systemCodeTime(now),
  decoder: DisplayDecoder = inThreadDecoder(),
): ScanHandlers {
  const session = new ScanSession(now, timers);
  const describe = async ({ tokens, problems }: ScannedTokens): Promise<ScanPreview> => {
    const at = codeTime();
    const stored = await storedMatches(vault(), tokens);
    const entries = tokens.map((token, i) => {
      const duplicate = duplicateOf(stored[i]);
      return {
        issuer: token.issuer,
        account: token.account,
        type: token.type,
        algorithm: token.algorithm,
        digits: token.digits,
        period: token.period,
        counter: token.counter.toString(),
        code: codeSnapshot('scan', token, at),
        duplicateOf: duplicate === undefined ? null : toAccountView(duplicate),
        newKeyFor: newKeyFor(stored[i]).map(toAccountView),
      };
    });
    return { entries, problems };
  };
  return {
    submit: async (text) => session.take(text, describe),
    async screens() {
      const scan = await scanScreens(capture, decoder);
      if (scan.text === null)
        return { displays: scan.displays, display: null, message: scan.message, step: null };
      const step = await session.take(scan.text, describe);
      return { displays: scan.displays, display: scan.display, message: scan.message, step };
    },
    async pending() {
      const waiting = session.waiting;
      if (waiting === null) return null;
      // Names, parameters and duplicates were settled when the code was scanned (save checks
      // duplicates again); only the codes move with the clock, so this reads no keychain item.
      const at = codeTime();
      const entries = waiting.preview.entries.map((e, i) => ({
        ...e,
        code: codeSnapshot('scan', waiting.tokens[i] as Token, at),
      }));
      return { ...waiting.preview, entries };
    },
    async save(decisions) {
      const waiting = session.waiting;
      if (waiting === null) session.takePending(); // throws: nothing to save
      if (decisions.length !== waiting?.tokens.length)
        throw new KeyfobError('invalid-input', 'The request was malformed: expected one choice per account.');
      const { tokens } = session.takePending();
      // The same plan and save as an import: duplicates are checked again, as the vault is now.
      const plan = await planImport(vault(), [
        { entries: tokens.map((token) => ({ source: { file: 'scan' }, token })), errors: [] },
      ]);
      // "Add" is for a new account: one that became a duplicate since the scan is not added twice.
      const choices = decisions.map((d, i) =>
        d !== 'add' ? d : plan[i]?.status === 'new' ? 'keep-both' : 'skip',
      );
      const added: AccountView[] = [];
      const result: ScanSaveResult = { added, updated: 0, skipped: 0, replaced: [] };
      let failed: unknown;
      await saveImport(vault(), plan, choices, [], (i, saved) => {
        if (saved.status === 'skipped') result.skipped++;
        else if (saved.status === 'failed') failed ??= saved.error;
        else if (saved.status === 'key-replaced') result.replaced.push(toAccountView(saved.account));
        else if ('account' in saved) added[i] = toAccountView(saved.account);
        if (saved.status === 'updated') result.updated++;
      });
      if (failed !== undefined) throw failed;
      return { ...result, added: added.filter(Boolean) };
    },
    async replaceKey(id) {
      const waiting = session.waiting;
      if (waiting === null) session.takePending(); // throws: nothing to save
      const [token, ...more] = waiting?.tokens ?? [];
      if (token === undefined || more.length > 0)
        throw new KeyfobError(
          'invalid-input',
          `This code holds ${waiting?.tokens.length ?? 0} accounts; scan the QR code of this one account.`,
        );
      // The preview stays until the key is in, so a refusal (the same key) can be read and cancelled.
      const account = await vault().replaceKey(id, token);
      session.takePending();
      return toAccountView(account);
    },
    async reset() {
      session.reset();
      return null;
    },
  };
}
