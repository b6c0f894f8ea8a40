import { KeyfobError } from '../../shared/errors';
import { base32Decode } from '../core';
import type { Entry } from './metadata';
import { accountName } from '../../shared/account-name';
import type { SecretStore } from './secret-store';

/** A listed account whose keychain item is gone while the keychain itself works. */
export class MissingSecretError extends KeyfobError {
  constructor(e: Entry) {
    super(
      'keychain-unavailable',
      `The secret of '${accountName(e)}' is missing from the keychain, although the account is listed. ` +
        "It was left listed; run 'keyfob doctor' to check the keychain, or remove the account and add it again.",
    );
  }
}

/**
 * Why a listed account's secret read back as null. keytar can't tell "locked" from "missing", so
 * ask the store; either way the account stays listed (a locked keyring must never cost data).
 */
export async function missingSecretError(secrets: SecretStore, e: Entry): Promise<KeyfobError> {
  if (secrets.probe === undefined) {
    return new KeyfobError(
      'keychain-locked',
      `The keychain returned no secret for '${accountName(e)}'; it is probably locked. Unlock it and try again.`,
    );
  }
  try {
    await secrets.probe();
  } catch (err) {
    if (err instanceof KeyfobError) return err;
    throw err;
  }
  return new MissingSecretError(e);
}

/** Decodes a stored secret; a damaged item is an internal error that names the account, not the value. */
export function decodeStored(e: Entry, text: string): Uint8Array {
  try {
    return base32Decode(text, 'secret');
  } catch {
    throw new KeyfobError(
      'internal',
      `The keychain item of '${accountName(e)}' does not hold a valid base32 secret.`,
    );
  }
}

/** Reads one listed account's secret; never returns empty. */
export async function readSecret(secrets: SecretStore, e: Entry): Promise<Uint8Array> {
  const text = await secrets.get(e.id);
  if (text === null) throw await missingSecretError(secrets, e);
  return decodeStored(e, text);
}

/** Below this many reads, item-by-item is quicker than fetching the whole service at once. */
export const BATCH_READ_MIN = 16;

/**
 * Reads many secrets. Where the store can hand over every item at once (Secret Service on Linux),
 * that batch answers first; whatever it can't answer is read item by item.
 */
export async function readSecrets(
  secrets: SecretStore,
  entries: readonly Entry[],
): Promise<Map<string, Uint8Array | KeyfobError>> {
  const out = new Map<string, Uint8Array | KeyfobError>();
  let rest = entries;
  const all = secrets.readAll && entries.length >= BATCH_READ_MIN ? await secrets.readAll() : null;
  if (all !== null) {
    rest = entries.filter((e) => !all.has(e.id));
    for (const e of entries) {
      const text = all.get(e.id);
      if (text !== undefined) out.set(e.id, settleDecode(e, text));
    }
  }
  for (const [id, r] of await readOneByOne(secrets, rest)) out.set(id, r);
  return out;
}

/**
 * Reads secrets in parallel (500 take ≈ 0.4 s on gnome-keyring, a third of one findCredentials).
 * The first read goes alone: if the keychain is locked or gone, the rest fail fast instead of each
 * raising its own unlock prompt. Null reads share one lock check.
 */
async function readOneByOne(
  secrets: SecretStore,
  entries: readonly Entry[],
): Promise<Map<string, Uint8Array | KeyfobError>> {
  const out = new Map<string, Uint8Array | KeyfobError>();
  const [first, ...rest] = entries;
  if (first === undefined) return out;
  const firstResult = await settle(secrets, first);
  out.set(first.id, firstResult);
  const keychainDown =
    firstResult instanceof KeyfobError &&
    !(firstResult instanceof MissingSecretError) &&
    firstResult.code !== 'internal';
  if (keychainDown) {
    for (const e of rest) out.set(e.id, firstResult);
    return out;
  }
  const texts = await Promise.all(rest.map((e) => secrets.get(e.id).catch((err: unknown) => toKeyfob(err))));
  let whyNull: Promise<KeyfobError> | undefined;
  for (const [i, e] of rest.entries()) {
    const text = texts[i];
    if (text instanceof KeyfobError) out.set(e.id, text);
    else if (typeof text === 'string') out.set(e.id, settleDecode(e, text));
    else {
      whyNull ??= missingSecretError(secrets, e);
      const why = await whyNull;
      out.set(e.id, why instanceof MissingSecretError ? new MissingSecretError(e) : why);
    }
  }
  return out;
}

async function settle(secrets: SecretStore, e: Entry): Promise<Uint8Array | KeyfobError> {
  return readSecret(secrets, e).catch((err: unknown) => toKeyfob(err));
}

function settleDecode(e: Entry, text: string): Uint8Array | KeyfobError {
  try {
    return decodeStored(e, text);
  } catch (err) {
    return toKeyfob(err);
  }
}

function toKeyfob(err: unknown): KeyfobError {
  if (err instanceof KeyfobError) return err;
  throw err;
}
