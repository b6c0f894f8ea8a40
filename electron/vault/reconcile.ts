import { KeyfobError } from '../../shared/errors';
import { base32Decode } from '../core';
import { entryName, type Entry } from './metadata';
import { deleteExtraItems } from './ordered-writes';
import { extraItems } from './replaced-meta';
import type { SecretStore } from './secret-store';

/** The outcome of a reconciliation: the new entry list and one human-readable line per action. */
export interface Reconciled {
  entries: Entry[];
  lines: string[];
  changed: boolean;
}

/**
 * Finishes what a killed process left half-done, touching only `pending` and `deleting` entries
 * (one or two keychain calls each, so opening stays fast on big vaults):
 * pending + secret present → active; pending + no secret → dropped; deleting → secret deleted, dropped.
 * When the keychain is locked or gone, nothing is dropped: the entry waits for the next open.
 */
export async function reconcile(entries: readonly Entry[], secrets: SecretStore): Promise<Reconciled> {
  const lines: string[] = [];
  const out: Entry[] = [];
  const probe = onceProbe(secrets);
  let changed = false;
  for (const e of entries) {
    if (e.state === 'active') {
      out.push(e);
      continue;
    }
    const name = entryName(e);
    try {
      if (e.state === 'pending') {
        if ((await secrets.get(e.id)) !== null) {
          out.push({ ...e, state: 'active' });
          lines.push(`Recovered account '${name}' whose save was interrupted.`);
        } else if (await probe()) {
          lines.push(
            `Dropped account '${name}': its save was interrupted before the secret was stored. Add it again.`,
          );
        } else {
          out.push(e);
          lines.push(
            `Could not check account '${name}' whose save was interrupted: ${await lockedReason(secrets)}`,
          );
          continue;
        }
      } else {
        await deleteExtraItems(secrets, e);
        const gone = (await secrets.delete(e.id)) || ((await secrets.get(e.id)) === null && (await probe()));
        if (!gone) {
          out.push(e);
          lines.push(`Could not finish removing account '${name}': ${await lockedReason(secrets)}`);
          continue;
        }
        lines.push(`Finished removing account '${name}' whose removal was interrupted.`);
      }
      changed = true;
    } catch (err) {
      if (!(err instanceof KeyfobError)) throw err;
      out.push(e);
      lines.push(`Could not finish recovering account '${name}': ${err.message}`);
    }
  }
  return { entries: out, lines, changed };
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
  const lines: string[] = [];
  for (const item of items) {
    if (known.has(item.id)) continue;
    try {
      base32Decode(item.secret, 'secret');
    } catch {
      lines.push(`Keychain item ${item.id} holds no base32 secret; it was left alone.`);
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
    lines.push(
      `Found a secret in the keychain that no account listed; added it as '${name}' ` +
        '(assumed TOTP, SHA-1, 6 digits, 30 s). Check its codes, then rename or remove it.',
    );
  }
  for (const e of entries) {
    if (e.state === 'active' && !inKeychain.has(e.id)) {
      lines.push(
        `Account '${entryName(e)}' has no secret in the keychain, so it can't show codes. Remove it or add it again.`,
      );
    }
  }
  return { entries: out, lines, changed: out.length !== entries.length };
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
