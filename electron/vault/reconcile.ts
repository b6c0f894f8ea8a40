import { KeyfobError } from '../../shared/errors';
import { base32Decode } from '../core';
import type { Entry } from './metadata';
import { accountName } from '../../shared/account-name';
import { deleteExtraItems } from './add-and-remove';
import { RecoveryTally, auditLines } from './recovery-lines';
import { extraItems } from './replaced-keys';
import type { SecretStore } from './secret-store';

/** The outcome of a reconciliation: the new entry list and a human-readable line per kind of action. */
export interface Reconciled {
  entries: Entry[];
  lines: string[];
  changed: boolean;
}

/**
 * Finishes what a killed process left half-done (call with the lock held: a live writer's entries
 * are never interrupted ones), touching only `pending` and `deleting` entries
 * (one or two keychain calls each, so opening stays fast on big vaults):
 * pending + secret present → active; pending + no secret → dropped; deleting → secret deleted, dropped.
 * When the keychain is locked or gone, nothing is dropped: the entry waits for the next open.
 */
export async function reconcile(entries: readonly Entry[], secrets: SecretStore): Promise<Reconciled> {
  const tally = new RecoveryTally();
  const out: Entry[] = [];
  const probe = onceProbe(secrets);
  let changed = false;
  for (const e of entries) {
    if (e.state === 'active') {
      out.push(e);
      continue;
    }
    const name = accountName(e);
    try {
      if (e.state === 'pending') {
        if ((await secrets.get(e.id)) !== null) {
          out.push({ ...e, state: 'active' });
          tally.recovered.push(name);
        } else if (await probe()) {
          tally.dropped.push(name);
        } else {
          out.push(e);
          tally.unchecked.push({ name, why: await lockedReason(secrets) });
          continue;
        }
      } else {
        await deleteExtraItems(secrets, e);
        const gone = (await secrets.delete(e.id)) || ((await secrets.get(e.id)) === null && (await probe()));
        if (!gone) {
          out.push(e);
          tally.unremoved.push({ name, why: await lockedReason(secrets) });
          continue;
        }
        tally.removed.push(name);
      }
      changed = true;
    } catch (err) {
      if (!(err instanceof KeyfobError)) throw err;
      out.push(e);
      tally.failed.push({ name, why: err.message });
    }
  }
  return { entries: out, lines: tally.lines(), changed };
}

/**
 * The full check behind `keyfob doctor`: scans every item of the keychain service (slow: about
 * 1.2 s per 500 items) and adopts items no account lists, so no secret is ever stranded.
 * Adopted items get TOTP defaults and a "Recovered" name for the user to fix.
 */
export async function auditKeychain(
  entries: readonly Entry[],
  secrets: SecretStore,
  nowIso: string,
): Promise<Reconciled> {
  const items = await secrets.list();
  const known = new Set(entries.flatMap((e) => [e.id, ...extraItems(e)]));
  const inKeychain = new Set(items.map((i) => i.id));
  const out = [...entries];
  const notBase32: string[] = [];
  const adopted: string[] = [];
  for (const item of items) {
    if (known.has(item.id)) continue;
    try {
      base32Decode(item.secret, 'secret');
    } catch {
      notBase32.push(item.id);
      continue;
    }
    const name = `Recovered ${item.id.slice(0, 8)}`;
    out.push({
      id: item.id,
      state: 'active',
      issuer: '',
      account: name,
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0n,
      createdAt: nowIso,
      updatedAt: nowIso,
    });
    adopted.push(name);
  }
  const missing = entries
    .filter((e) => e.state === 'active' && !inKeychain.has(e.id))
    .map((e) => accountName(e));
  return {
    entries: out,
    lines: auditLines(adopted, notBase32, missing),
    changed: out.length !== entries.length,
  };
}

/** True when the keychain is writable (so a null read really means "missing"); asked at most once. */
function onceProbe(secrets: SecretStore): () => Promise<boolean> {
  let answer: Promise<boolean> | undefined;
  return () => {
    if (secrets.probe === undefined) return Promise.resolve(false);
    answer ??= secrets.probe().then(
      () => true,
      () => false,
    );
    return answer;
  };
}

/** Why the keychain can't be trusted right now, for a report line. */
async function lockedReason(secrets: SecretStore): Promise<string> {
  try {
    await secrets.probe?.();
  } catch (e) {
    if (e instanceof KeyfobError) return `${e.message} Keyfob will try again next time.`;
  }
  return 'the keychain did not answer as expected. Keyfob will try again next time.';
}
