/**
 * What crash recovery and the keychain audit tell the user, grouped: an import killed half-way
 * leaves a hundred interrupted entries, and the user needs one line about them, not a hundred.
 * One account is named in full; many are counted, with the first few names of those that need
 * the user to act.
 */

/** How many names a line lists before "and N more". */
const NAMES_SHOWN = 5;

/** Accounts sorted by what happened to them, in the order they were met. */
export class RecoveryTally {
  /** Interrupted saves whose secret was stored: now listed. */
  readonly recovered: string[] = [];
  /** Interrupted saves whose secret never was: dropped. */
  readonly dropped: string[] = [];
  /** Interrupted removals, finished. */
  readonly removed: string[] = [];
  /** Interrupted saves left as they were, with why (locked keychain, …). */
  readonly unchecked: Array<{ name: string; why: string }> = [];
  /** Interrupted removals left as they were, with why. */
  readonly unremoved: Array<{ name: string; why: string }> = [];
  /** Entries whose recovery failed with an error, with the error's message. */
  readonly failed: Array<{ name: string; why: string }> = [];

  /** The report lines: at most one per kind of outcome. */
  lines(): string[] {
    const out: string[] = [];
    const saves = this.savesLine();
    if (saves !== undefined) out.push(saves);
    const { removed } = this;
    if (removed.length === 1)
      out.push(`Finished removing account '${removed[0]}' whose removal was interrupted.`);
    else if (removed.length > 1)
      out.push(`Finished removing ${removed.length} accounts whose removal was interrupted.`);
    pushLeft(out, this.unchecked, 'Could not check', 'whose save was interrupted');
    pushLeft(out, this.unremoved, 'Could not finish removing', '');
    pushLeft(out, this.failed, 'Could not finish recovering', '');
    return out;
  }

  private savesLine(): string | undefined {
    const r = this.recovered.length;
    const d = this.dropped.length;
    const again = `import ${d === 1 ? 'it' : 'them'} again: ${names(this.dropped)}.`;
    if (r === 0) {
      if (d === 0) return undefined;
      if (d === 1)
        return `Dropped account '${this.dropped[0]}': its save was interrupted before the secret was stored. Add it again.`;
      return `Dropped ${d} accounts whose save was interrupted before their secret was stored — ${again}`;
    }
    const recovered =
      r === 1
        ? `Recovered account '${this.recovered[0]}' whose save was interrupted`
        : `Recovered ${r} accounts whose save was interrupted`;
    if (d === 0) return `${recovered}.`;
    const were = d === 1 ? '1 was dropped before its secret' : `${d} were dropped before their secret`;
    return `${recovered}; ${were} was stored — ${again}`;
  }
}

/** The audit's findings (adopted items, items that are not secrets, accounts without one), a line each. */
export function auditLines(adopted: string[], notBase32: string[], missing: string[]): string[] {
  const lines: string[] = [];
  const assumed = '(assumed TOTP, SHA-1, 6 digits, 30 s)';
  if (adopted.length === 1)
    lines.push(
      `Found a secret in the keychain that no account listed; added it as '${adopted[0]}' ${assumed}. ` +
        'Check its codes, then rename or remove it.',
    );
  else if (adopted.length > 1)
    lines.push(
      `Found ${adopted.length} secrets in the keychain that no account listed; added them as ${names(adopted)} ` +
        `${assumed}. Check their codes, then rename or remove them.`,
    );
  if (notBase32.length === 1)
    lines.push(`Keychain item ${notBase32[0]} holds no base32 secret; it was left alone.`);
  else if (notBase32.length > 1)
    lines.push(
      `${notBase32.length} keychain items hold no base32 secret (${names(notBase32)}); they were left alone.`,
    );
  if (missing.length === 1)
    lines.push(
      `Account '${missing[0]}' has no secret in the keychain, so it can't show codes. Remove it or add it again.`,
    );
  else if (missing.length > 1)
    lines.push(
      `${missing.length} accounts have no secret in the keychain, so they can't show codes (${names(missing)}). ` +
        'Remove them or add them again.',
    );
  return lines;
}

/** "'a', 'b', 'c', and 4 more" — the first few names, quoted. */
export function names(all: readonly string[]): string {
  const shown = all.slice(0, NAMES_SHOWN).map((n) => `'${n}'`);
  const more = all.length - shown.length;
  return more > 0 ? `${shown.join(', ')}, and ${more} more` : shown.join(', ');
}

function pushLeft(
  out: string[],
  left: Array<{ name: string; why: string }>,
  verb: string,
  what: string,
): void {
  const first = left[0];
  if (first === undefined) return;
  const tail = what === '' ? '' : ` ${what}`;
  if (left.length === 1) {
    out.push(`${verb} account '${first.name}'${tail}: ${first.why}`);
    return;
  }
  out.push(`${verb} ${left.length} accounts${tail} (${names(left.map((l) => l.name))}): ${first.why}`);
}
