import { KeyfobError } from '../../shared/errors';
import type {
  AccountView,
  CodeSnapshot,
  CodesResult,
  DraftCheck,
  ManualDraft,
} from '../../shared/ipc-contract';
import type { Vault } from '../vault';
import { addOptionsArg, draftArg, idArg, idsArg, labelArg } from './args';
import { codeSnapshot, toAccountView, withSecret } from './codes';
import { draftToToken, parseDraft, parseLabel } from './draft';
import { toErrorData } from './errors';

/** The account channels, written against an open vault and a clock. */
export interface AccountHandlers {
  list(): Promise<AccountView[]>;
  codes(ids?: unknown): Promise<CodesResult>;
  checkDraft(draft: unknown): Promise<DraftCheck>;
  add(draft: unknown, opts: unknown): Promise<AccountView>;
  rename(id: unknown, label: unknown): Promise<AccountView>;
  remove(id: unknown): Promise<null>;
  reorder(ids: unknown): Promise<AccountView[]>;
  hotpNext(id: unknown): Promise<CodeSnapshot>;
  /** The code `clipboard:copy-code` copies: the current one (HOTP: at the stored counter, not advanced). */
  currentCode(id: unknown): Promise<string>;
}

/** Account handlers over `vault()` (which throws while the vault is not open) and `now()`. */
export function accountHandlers(vault: () => Vault, now: () => number): AccountHandlers {
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
      const wanted = ids === undefined ? null : new Set(idsArg(ids));
      const accounts = (await vault().list()).filter((a) => wanted === null || wanted.has(a.id));
      const atMs = now();
      const secrets = await vault().secrets(accounts.map((a) => a.id));
      const result: CodesResult = { atMs, codes: [], unavailable: [] };
      for (const account of accounts) {
        const secret = secrets.get(account.id);
        if (secret instanceof Uint8Array)
          result.codes.push(codeSnapshot(account.id, withSecret(account, secret), atMs));
        else result.unavailable.push({ id: account.id, error: toErrorData(secret ?? notFound()) });
      }
      return result;
    },
    async checkDraft(raw) {
      const parsed = parseDraft(draftArg(raw));
      if (parsed.token === null) return { errors: parsed.errors, preview: null, duplicateOf: null };
      const duplicate = await vault().findDuplicate(parsed.token);
      return {
        errors: {},
        preview: codeSnapshot('draft', parsed.token, now()),
        duplicateOf: duplicate === undefined ? null : toAccountView(duplicate),
      };
    },
    async add(raw, opts) {
      const token = draftToToken(draftArg(raw) satisfies ManualDraft);
      return toAccountView(await vault().add(token, addOptionsArg(opts)));
    },
    async rename(id, raw) {
      const { issuer, account } = labelArg(raw);
      return toAccountView(await vault().rename(idArg(id), parseLabel(issuer, account)));
    },
    async remove(id) {
      await vault().remove(idArg(id));
      return null;
    },
    async reorder(ids) {
      await vault().reorder(idsArg(ids));
      return list();
    },
    async hotpNext(id) {
      const { account, code } = await vault().takeHotpCode(idArg(id), now());
      return { id: account.id, code, validFromMs: null, validUntilMs: null, nextCode: null };
    },
    async currentCode(id) {
      const account = await find(idArg(id));
      return codeSnapshot(account.id, withSecret(account, await vault().secret(account.id)), now()).code;
    },
  };
}

function notFound(): KeyfobError {
  return new KeyfobError('not-found', 'The secret of this account is missing from the keychain.');
}
