import { sha256 } from '@noble/hashes/sha2.js';
import type { ImportResult } from '../format';
import { listSome } from '../import-limits';
import type { MigrationCode } from './transfer-uri';

/** What adding one transfer code did, and where the export stands afterwards. */
export interface CollectStep {
  status: 'added' | 'duplicate' | 'refused';
  /** A sentence for the user: progress, what to show next, or why the code was refused. */
  message: string;
  scanned: number;
  total: number;
  /** 1-based numbers of the codes still missing, as Google Authenticator numbers them on screen. */
  missing: number[];
  complete: boolean;
}

/**
 * Collects the QR codes of ONE Google Authenticator export, in any order. A code from another export
 * (other batch id or size, or different content at an index already held) is refused; a repeat of an
 * index already held is ignored. Accounts are released only once every code has arrived.
 */
export class MigrationCollector {
  private readonly codes = new Map<number, { code: MigrationCode; print: string }>();
  private id: number | undefined;
  private size = 0;

  /** Adds one decoded code (from {@link parseMigrationUri}). */
  add(code: MigrationCode): CollectStep {
    const { id, index, size } = code.batch;
    if (this.id === undefined) {
      this.id = id;
      this.size = size;
    } else if (id !== this.id || size !== this.size) {
      return this.step('refused', this.foreign());
    }
    const print = fingerprint(code.result);
    const held = this.codes.get(index);
    if (held !== undefined) {
      if (held.print !== print) return this.step('refused', this.foreign());
      return this.step('duplicate', `Code ${index + 1} of ${size} was already scanned. ${this.progress()}`);
    }
    this.codes.set(index, { code, print });
    return this.step('added', this.progress());
  }

  /** True once every code of the export has been added. */
  get complete(): boolean {
    return this.id !== undefined && this.codes.size === this.size;
  }

  /** How many distinct codes of the export have been added. */
  get scanned(): number {
    return this.codes.size;
  }

  /** How many codes the export has (0 before the first code). */
  get total(): number {
    return this.size;
  }

  /** 1-based numbers of the codes not yet added (empty before the first code). */
  missing(): number[] {
    return Array.from({ length: this.size }, (_, i) => i)
      .filter((i) => !this.codes.has(i))
      .map((i) => i + 1);
  }

  /** Every account of the export in code order; empty until {@link complete}. */
  result(): ImportResult {
    if (!this.complete) return { entries: [], errors: [] };
    const ordered = [...this.codes.entries()].sort(([a], [b]) => a - b).map(([, c]) => c.code.result);
    return { entries: ordered.flatMap((r) => r.entries), errors: ordered.flatMap((r) => r.errors) };
  }

  /** "2 of 3 scanned — show code 3" or, when done, how many accounts the export holds. */
  progress(): string {
    if (this.id === undefined) return 'No transfer code scanned yet.';
    if (this.complete) {
      const n = this.result().entries.length;
      return this.size === 1
        ? `Transfer code read: ${accounts(n)}.`
        : `All ${this.size} codes scanned: ${accounts(n)}.`;
    }
    return `${this.codes.size} of ${this.size} scanned — show ${listCodes(this.missing())}.`;
  }

  private foreign(): string {
    return (
      'This code belongs to a different Google Authenticator export. ' +
      `${this.codes.size} of ${this.size} codes of the current one are scanned; ` +
      `show ${listCodes(this.missing())} of that export, or start over.`
    );
  }

  private step(status: CollectStep['status'], message: string): CollectStep {
    const missing = this.missing();
    return { status, message, scanned: this.codes.size, total: this.size, missing, complete: this.complete };
  }
}

/** "code 3", "codes 1 and 3", "codes 1, 2 and 4"; past ten numbers, "… and 90 more". */
export function listCodes(numbers: number[]): string {
  return `code${numbers.length > 1 ? 's' : ''} ${listSome(numbers.map(String))}`;
}

function accounts(n: number): string {
  return `${n} account${n === 1 ? '' : 's'}`;
}

/**
 * What a code holds, as a digest: two codes at one index are the same code when their accounts
 * (every field, secret included) and problems are equal. Computed once per code, so comparing is
 * constant time and no secret is kept as text.
 */
function fingerprint(r: ImportResult): string {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const { token: t } of r.entries) {
    const fields = [t.type, t.algorithm, t.digits, t.period, t.counter, t.issuer, t.account];
    parts.push(enc.encode(`${JSON.stringify(fields.map(String))}:${t.secret.length}:`), t.secret);
  }
  for (const e of r.errors) parts.push(enc.encode(`!${JSON.stringify(e.message)}`));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const digest = sha256(all);
  all.fill(0);
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
