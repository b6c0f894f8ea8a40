import { sameSecret } from '../core';
import type { Token } from '../../shared/otp-types';
import type { MigrationCode } from './google-migration';
import type { ImportResult } from './import-result';

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
  private readonly codes = new Map<number, MigrationCode>();
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
    const held = this.codes.get(index);
    if (held !== undefined) {
      if (!sameContent(held, code)) return this.step('refused', this.foreign());
      return this.step('duplicate', `Code ${index + 1} of ${size} was already scanned. ${this.progress()}`);
    }
    this.codes.set(index, code);
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
    const ordered = [...this.codes.entries()].sort(([a], [b]) => a - b).map(([, c]) => c.result);
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

/** "code 3", "codes 1 and 3", "codes 1, 2 and 4". */
export function listCodes(numbers: number[]): string {
  if (numbers.length <= 1) return `code ${numbers.join('')}`;
  return `codes ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

function accounts(n: number): string {
  return `${n} account${n === 1 ? '' : 's'}`;
}

function sameContent(a: MigrationCode, b: MigrationCode): boolean {
  const x = a.result;
  const y = b.result;
  return (
    x.entries.length === y.entries.length &&
    x.errors.length === y.errors.length &&
    x.errors.every((e, i) => e.message === y.errors[i]?.message) &&
    x.entries.every((e, i) => {
      const other = y.entries[i];
      return other !== undefined && sameToken(e.token, other.token);
    })
  );
}

function sameToken(a: Token, b: Token): boolean {
  return (
    a.type === b.type &&
    a.algorithm === b.algorithm &&
    a.digits === b.digits &&
    a.period === b.period &&
    a.counter === b.counter &&
    a.issuer === b.issuer &&
    a.account === b.account &&
    sameSecret(a.secret, b.secret)
  );
}
