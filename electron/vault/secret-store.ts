/**
 * Where secrets live: one item per account, keyed by the account's opaque id. The value is the
 * secret as upper-case base32 without padding. Implementations throw a `KeyfobError` with code
 * `keychain-locked` or `keychain-unavailable`, never a raw platform error.
 */
export interface SecretStore {
  /** The stored secret, or null when there is none — or when the keychain is locked (keytar can't tell). */
  get(id: string): Promise<string | null>;
  /** Creates or replaces the item. */
  set(id: string, secret: string): Promise<void>;
  /** True when an item was deleted; false when there was none — or the keychain is locked. */
  delete(id: string): Promise<boolean>;
  /** Every item of the service (slow on big keychains: only for audits). */
  list(): Promise<Array<{ id: string; secret: string }>>;
  /**
   * Throws `keychain-locked` / `keychain-unavailable` unless items can be written right now.
   * Lets callers tell "locked" from "missing" after a null `get` or a false `delete`.
   */
  probe?(): Promise<void>;
  /**
   * Every item of the service in one batch, where the platform offers a faster way than one `get`
   * per item; null when it can't answer completely right now (then callers read item by item, and
   * those reads report why). Never throws.
   */
  readAll?(): Promise<Map<string, string> | null>;
}
