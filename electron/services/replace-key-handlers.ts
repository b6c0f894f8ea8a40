import { KeyfobError } from '../../shared/errors';
import { accountName } from '../../shared/account-name';
import type { AccountView, ManualDraft, NewKeyCheck } from '../../shared/ipc/shapes';
import type { Token } from '../../shared/otp-types';
import { labelKey, parseKeyUri } from '../core';
import type { Vault } from '../vault';
import { codeSnapshot, systemCodeTime, toAccountView, type CodeTime } from './codes';
import { draftToToken, parseDraft } from './manual-entry';

/** "Replace key…" and "Restore previous key" on a row: a new key after a service reset the enrolment. */
export interface ReplaceKeyHandlers {
  check(id: string, key: string): Promise<NewKeyCheck>;
  replace(id: string, key: string): Promise<AccountView>;
  /** The manual-entry form, names and all, as the new key of account `id` (which must bear those names). */
  replaceWithDraft(id: string, draft: ManualDraft): Promise<AccountView>;
  restore(id: string): Promise<AccountView>;
}

/** Replace handlers over an open vault and a clock; previews are computed at `codeTime()`. */
export function replaceKeyHandlers(
  vault: () => Vault,
  now: () => number,
  codeTime: () => CodeTime = systemCodeTime(now),
): ReplaceKeyHandlers {
  /**
   * The new key as typed: an `otpauth://` URI (its parameters win, the row keeps its name) or a
   * base32 secret for the account's current parameters. Throws `invalid-input` on the `key` field.
   */
  const newToken = async (id: string, key: string): Promise<Token> => {
    const account = (await vault().list()).find((a) => a.id === id);
    if (account === undefined) throw new KeyfobError('not-found', 'That account no longer exists.');
    const text = key.trim();
    if (text === '') throw new KeyfobError('invalid-input', 'Type or paste the new key.', 'key');
    if (/^otpauth:\/\//iu.test(text)) {
      try {
        return { ...parseKeyUri(text), issuer: account.issuer, account: account.account };
      } catch (e) {
        if (e instanceof KeyfobError) throw new KeyfobError('invalid-input', e.message, 'key');
        throw e;
      }
    }
    const parsed = parseDraft({
      issuer: account.issuer,
      account: account.account,
      secret: text,
      type: account.type,
      algorithm: account.algorithm,
      digits: String(account.digits),
      period: String(account.period),
      counter: account.counter.toString(),
    });
    if (parsed.token === null) {
      const message = Object.values(parsed.errors)[0] ?? 'This key cannot be used.';
      throw new KeyfobError('invalid-input', message, 'key');
    }
    return parsed.token;
  };

  return {
    async check(id, key) {
      try {
        const token = await newToken(id, key);
        return { error: null, preview: codeSnapshot(id, token, codeTime()) };
      } catch (e) {
        if (e instanceof KeyfobError && e.field === 'key') return { error: e.message, preview: null };
        throw e;
      }
    },
    async replace(id, key) {
      return toAccountView(await vault().replaceKey(id, await newToken(id, key)));
    },
    async replaceWithDraft(id, draft) {
      const token = draftToToken(draft);
      const account = await vault().get(id);
      if (labelKey(account) !== labelKey(token))
        throw new KeyfobError(
          'invalid-input',
          `The form names '${accountName(token)}', not '${accountName(account)}'; nothing was replaced.`,
        );
      return toAccountView(await vault().replaceKey(id, token));
    },
    async restore(id) {
      return toAccountView(await vault().restoreKey(id));
    },
  };
}
