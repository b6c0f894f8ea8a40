import { mkdir } from 'node:fs/promises';
import type { Account } from '../../shared/account';
import { KeyfobError } from '../../shared/errors';
import type { Token, TokenLabel, TokenParams } from '../../shared/otp-types';
import { MAX_COUNTER, generateCode } from '../core';
import { active, listed, notFound, toAccount, withEntry } from './entries';
import { withLock } from './lock-file';
import type { Entry } from './metadata';
import { accountName } from '../../shared/account-name';
import { MetadataFile, UnreadableMetadataError } from './metadata-file';
import { addInSlices, checkBulk, type BulkControl, type BulkResult } from './bulk-add';
import { addInOrder, removeInOrder } from './add-and-remove';
import { auditKeychain, reconcile } from './reconcile';
import { replaceKeyInOrder, restoreKeyInOrder } from './replace-key';
import { needsUpkeep, replacedUpkeep } from './replaced-upkeep';
import { readSecret, readSecrets } from './read-secrets';
import type { SecretStore } from './secret-store';
import { storageError } from './storage-errors';
import { checkLabel, checkParams, checkToken } from './check-token';
import { MetadataStore } from './metadata-store';

/** Where the vault lives and how it reaches the keychain; `now` is the clock for timestamps. */
export interface VaultOptions {
  home: string;
  secrets: SecretStore;
  now?: () => number;
}

/** Human-readable lines saying what opening (or an audit) repaired; empty when nothing was wrong. */
export interface OpenReport {
  recovered: string[];
}

/**
 * The account store shared by the app and the CLI: metadata in `<home>/accounts.json`, one keychain
 * item per account under an opaque id. Writes are ordered so a kill at any instant leaves no listed
 * account without its secret and no secret without an entry (docs/storage.md).
 */
export class Vault {
  private constructor(
    private readonly metadata: MetadataStore,
    private readonly store: SecretStore,
    private readonly now: () => number,
  ) {}

  /**
   * Opens (or starts) the vault and, unless another process is writing right now, finishes the
   * saves and removals a killed process left (see {@link recover}). Never waits for a writer and
   * needs no lock to read: the file is always whole. No full keychain scan.
   */
  static async open(opts: VaultOptions): Promise<{ vault: Vault; report: OpenReport }> {
    const now = opts.now ?? Date.now;
    const file = new MetadataFile(opts.home);
    const vault = new Vault(new MetadataStore(file, await file.read()), opts.secrets, now);
    return { vault, report: { recovered: await vault.recover() } };
  }

  /**
   * Finishes interrupted work (pending saves, removals, key swaps; replaced keys past 30 days) when
   * there is any and no other process holds or awaits the lock. A live writer's entries are work in
   * progress, not interrupted work: then nothing happens and it is tried again next time. Returns a
   * line per kind of repair, empty when nothing was done. Reads nothing from the keychain otherwise.
   */
  async recover(): Promise<string[]> {
    const entries = await this.metadata.current();
    if (!entries.some((e) => e.state !== 'active') && !needsUpkeep(entries, this.now())) return [];
    const done = await this.metadata.transactionIfFree(async (tx) => {
      const r = await reconcile(tx.entries, this.store);
      const u = await replacedUpkeep(r.entries, this.store, this.now());
      if (r.changed || u.changed) await tx.commit(u.entries);
      return [...r.lines, ...u.lines];
    });
    return done?.value ?? [];
  }

  /**
   * `keyfob doctor --repair`: moves a damaged metadata file aside (`accounts.json.corrupt-<time>`),
   * opens the vault and audits the keychain, so every stored secret comes back as an account.
   */
  static async repair(opts: VaultOptions): Promise<{ vault: Vault; report: OpenReport }> {
    const now = opts.now ?? Date.now;
    const file = new MetadataFile(opts.home);
    const lines: string[] = [];
    await mkdir(opts.home, { recursive: true, mode: 0o700 }).catch((e: unknown) => {
      throw storageError(opts.home, e);
    });
    await withLock(file.path, async () => {
      try {
        await file.read();
      } catch (e) {
        if (!(e instanceof UnreadableMetadataError && e.damaged)) throw e;
        const moved = await file.setAside(now());
        lines.push(`Moved the damaged account list to ${moved}; started a new one from the keychain.`);
      }
    });
    const { vault, report } = await Vault.open(opts);
    const audit = await vault.audit();
    return { vault, report: { recovered: [...lines, ...report.recovered, ...audit.recovered] } };
  }

  /** The accounts in the user's order; re-reads the file only if it changed. No keychain calls. */
  async list(): Promise<Account[]> {
    return listed(await this.metadata.current());
  }

  /** One account; `not-found` if it isn't listed. */
  async get(id: string): Promise<Account> {
    const entries = await this.metadata.current();
    return toAccount(entries, active(entries, id));
  }

  /**
   * Stores a new account. Order: pending entry (atomic write) → keychain item → entry active, so a
   * kill in between leaves something `open()` can finish or undo. Throws `duplicate` when an
   * account with the same issuer, account name and secret exists, unless `allowDuplicate`.
   */
  async add(token: Token, opts: { allowDuplicate?: boolean } = {}): Promise<Account> {
    const checked = checkToken(token);
    return this.metadata.transaction((tx) =>
      addInOrder(tx, this.store, token, checked, { allowDuplicate: opts.allowDuplicate, at: this.iso() }),
    );
  }

  /**
   * Adds many accounts at once (imports): a few metadata writes per slice of accounts instead of two
   * per account, and the lock taken per slice, never for the whole batch, so other writers get
   * their turn in between (see bulk-add.ts). Each result is the new account or why that one was not
   * added (invalid, duplicate, keychain failure); one bad entry never stops the rest. `control`
   * follows the add slice by slice and stops it after the current account (null results: not written).
   */
  async addMany(
    items: ReadonlyArray<{ token: Token; allowDuplicate?: boolean }>,
    control: BulkControl = {},
  ): Promise<BulkResult[]> {
    return addInSlices(this.metadata, this.store, checkBulk(items), () => this.iso(), control);
  }

  /** Removes an account: entry marked `deleting` first, then the keychain item, then the entry. */
  async remove(id: string): Promise<void> {
    await this.metadata.transaction((tx) => removeInOrder(tx, this.store, id));
  }

  /**
   * "Replace key" after a service re-enrolled the account: the row keeps its id, place and name; the
   * new secret and parameters become current; the old key stays in the keychain (item
   * `<id>.replaced-<ms>`) and can be restored for 30 days. `newToken`'s issuer and account are ignored.
   * Crash-safe like add (intent first; see replace-key.ts). The new key must differ from the current one.
   */
  replaceKey(id: string, newToken: Token): Promise<Account> {
    const checked = checkToken(newToken);
    return this.metadata.transaction((tx) =>
      replaceKeyInOrder(tx, this.store, id, checked, newToken.secret, { ms: this.now(), iso: this.iso() }),
    );
  }

  /** Swaps the newest replaced key back in; the key it replaces is kept as replaced in turn. */
  restoreKey(id: string): Promise<Account> {
    return this.metadata.transaction((tx) =>
      restoreKeyInOrder(tx, this.store, id, { ms: this.now(), iso: this.iso() }),
    );
  }

  /** Changes the issuer and/or account name. */
  rename(id: string, label: { issuer?: string; account?: string }): Promise<Account> {
    return this.update(id, label);
  }

  /** Changes label and/or parameters (validated like a new token); the secret stays as it is. */
  update(id: string, changes: Partial<TokenLabel & TokenParams>): Promise<Account> {
    return this.metadata.transaction(async (tx) => {
      const e = active(tx.entries, id);
      const label = checkLabel({ issuer: changes.issuer ?? e.issuer, account: changes.account ?? e.account });
      const params = checkParams({
        type: changes.type ?? e.type,
        algorithm: changes.algorithm ?? e.algorithm,
        digits: changes.digits ?? e.digits,
        period: changes.period ?? e.period,
        counter: changes.counter ?? e.counter,
      });
      const next: Entry = { ...e, ...label, ...params, updatedAt: this.iso() };
      await tx.commit(withEntry(tx.entries, next));
      return toAccount(tx.entries, next);
    });
  }

  /** Puts the accounts in the given order; `ids` must name every listed account exactly once. */
  reorder(ids: string[]): Promise<Account[]> {
    return this.metadata.transaction(async (tx) => {
      const shown = tx.entries.filter((e) => e.state === 'active');
      const byId = new Map(shown.map((e) => [e.id, e]));
      const ordered = ids.map((id) => byId.get(id));
      if (new Set(ids).size !== ids.length || ids.length !== shown.length || ordered.includes(undefined)) {
        throw new KeyfobError(
          'invalid-input',
          `The new order must name each of the ${shown.length} accounts exactly once (got ${ids.length} ids).`,
          'ids',
        );
      }
      const hidden = tx.entries.filter((e) => e.state !== 'active');
      await tx.commit([...(ordered as Entry[]), ...hidden]);
      return listed(tx.entries);
    });
  }

  /** The raw secret of a listed account. A null keychain read is an error, never a deletion. */
  async secret(id: string): Promise<Uint8Array> {
    return readSecret(this.store, active(await this.metadata.current(), id));
  }

  /** Many secrets at once, read in parallel; each id maps to its bytes or its own error. */
  async secrets(ids: string[]): Promise<Map<string, Uint8Array | KeyfobError>> {
    const entries = await this.metadata.current();
    const out = new Map<string, Uint8Array | KeyfobError>();
    const found: Entry[] = [];
    for (const id of ids) {
      const e = entries.find((x) => x.id === id && x.state === 'active');
      if (e === undefined) out.set(id, notFound(id));
      else found.push(e);
    }
    for (const [id, r] of await readSecrets(this.store, found)) out.set(id, r);
    return new Map(ids.map((id) => [id, out.get(id) as Uint8Array | KeyfobError]));
  }

  /**
   * RFC 4226 §7.2 "take" of an HOTP code: with stored counter c, the code for c is computed, c + 1
   * is written durably, and only then is the code returned (a crash can skip a code, never reuse one).
   * The returned account carries the new counter c + 1.
   */
  takeHotpCode(id: string, atMs: number): Promise<{ account: Account; code: string }> {
    return this.metadata.transaction(async (tx) => {
      const e = active(tx.entries, id);
      if (e.type !== 'hotp') {
        throw new KeyfobError(
          'invalid-input',
          `'${accountName(e)}' is a ${e.type.toUpperCase()} account, not HOTP.`,
          'type',
        );
      }
      if (e.counter >= MAX_COUNTER) {
        throw new KeyfobError(
          'invalid-input',
          `The counter of '${accountName(e)}' is at its maximum (2^64−1).`,
          'counter',
        );
      }
      const secret = await readSecret(this.store, e);
      const { code } = generateCode({ ...e, secret }, atMs);
      const next: Entry = { ...e, counter: e.counter + 1n, updatedAt: this.iso() };
      await tx.commit(withEntry(tx.entries, next));
      return { account: toAccount(tx.entries, next), code };
    });
  }

  /** Full check for `keyfob doctor`: finishes interrupted work, then adopts keychain items no account lists. */
  audit(): Promise<OpenReport> {
    return this.metadata.transaction(async (tx) => {
      const first = await reconcile(tx.entries, this.store);
      const second = await auditKeychain(first.entries, this.store, this.iso());
      if (first.changed || second.changed) await tx.commit(second.entries);
      return { recovered: [...first.lines, ...second.lines] };
    });
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}
