import { KeyfobError } from '../../shared/errors';
import type {
  AccountView,
  CodeSnapshot,
  CodesResult,
  DraftCheck,
  ManualDraft,
} from '../../shared/ipc/shapes';
import type { TokenLabel } from '../../shared/otp-types';
import type { Vault } from '../vault';
import { codeSnapshot, systemCodeTime, toAccountView, withSecret, type CodeTime } from './codes';
import { draftToToken, parseDraft, parseLabel } from './manual-entry';
import { toErrorData } from './errors';
import { duplicateOf, newKeyFor, storedMatches } from './stored-match';

/** The account channels, written against an open vault and a clock. */
export interface AccountHandlers {
  list(): Promise<AccountView[]>;
  codes(ids?: string[]): Promise<CodesResult>;
  checkDraft(draft: ManualDraft): Promise<DraftCheck>;
  add(draft: ManualDraft, opts: { allowDuplicate: boolean }): Promise<AccountView>;
  rename(id: string, label: TokenLabel): Promise<AccountView>;
  remove(id: string): Promise<null>;
  reorder(ids: string[]): Promise<AccountView[]>;
  hotpNext(id: string): Promise<CodeSnapshot>;
  /** The code `clipboard:copy-code` copies: the current one (HOTP: at the stored counter, not advanced). */
  currentCode(id: string): Promise<string>;
}

/**
 * Account handlers over `vault()` (which throws while the vault is not open) and `now()`; codes are
 * computed at `codeTime()` (this clock unless the user chose corrected time).
 */
export function accountHandlers(
  vault: () => Vault,
  now: () => number,
  codeTime: () => CodeTime = systemCodeTime(now),
): AccountHandlers {
  const list = async (): Promise<AccountView[]> => (await vault().list()).map(toAccountView);
  const find = async (id: string) => {
    const account = (await vault().list()).find((a) => a.id === id);
    if (account === undefined)
      throw new KeyfobError('not-found', 'That account no longer exists; it may have been deleted.');
    return account;
  };
  return {
    list,
    async codes(ids) {
      const wanted = ids === undefined ? null : new Set(ids);
      const accounts = (await vault().list()).filter((a) => wanted === null || wanted.has(a.id));
      const at = codeTime();
      const secrets = await vault().secrets(accounts.map((a) => a.id));
      const result: CodesResult = { atMs: at.atMs - at.aheadMs, codes: [], unavailable: [] };
      for (const account of accounts) {
        const secret = secrets.get(account.id);
        if (secret instanceof Uint8Array)
          result.codes.push(codeSnapshot(account.id, withSecret(account, secret), at));
        else result.unavailable.push({ id: account.id, error: toErrorData(secret ?? notFound()) });
      }
      return result;
    },
    async checkDraft(draft) {
      const parsed = parseDraft(draft);
      if (parsed.token === null)
        return { errors: parsed.errors, preview: null, duplicateOf: null, newKeyFor: [] };
      const [match] = await storedMatches(vault(), [parsed.token]);
      const duplicate = duplicateOf(match);
      return {
        errors: {},
        preview: codeSnapshot('draft', parsed.token, codeTime()),
        duplicateOf: duplicate === undefined ? null : toAccountView(duplicate),
        newKeyFor: newKeyFor(match).map(toAccountView),
      };
    },
    async add(draft, opts) {
      return toAccountView(await vault().add(draftToToken(draft), opts));
    },
    async rename(id, { issuer, account }) {
      return toAccountView(await vault().rename(id, parseLabel(issuer, account)));
    },
    async remove(id) {
      await vault().remove(id);
      return null;
    },
    async reorder(ids) {
      await vault().reorder(ids);
      return list();
    },
    async hotpNext(id) {
      const { account, code } = await vault().takeHotpCode(id, now());
      return { id: account.id, code, validFromMs: null, validUntilMs: null, nextCode: null };
    },
    async currentCode(id) {
      const account = await find(id);
      const secret = await vault().secret(account.id);
      return codeSnapshot(account.id, withSecret(account, secret), codeTime()).code;
    },
  };
}

function notFound(): KeyfobError {
  return new KeyfobError('not-found', 'The secret of this account is missing from the keychain.');
}
