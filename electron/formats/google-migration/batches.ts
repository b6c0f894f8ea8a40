import { KeyfobError } from '../../../shared/errors';
import type { EntrySource, ImportResult } from '../format';
import { MAX_IMPORT_ENTRIES, tooManyEntries } from '../import-limits';
import { MigrationCollector, listCodes } from './collector';
import { MAX_EXPORTS_PER_IMPORT } from './limits';
import type { MigrationCode } from './transfer-uri';

interface Group {
  collector: MigrationCollector;
  /** Where its first code was found, named in the error when codes are missing. */
  source: EntrySource;
  id: number;
}

/**
 * Groups transfer codes found across the lines of one or several files into their exports: feed
 * every file's codes to one instance, then {@link finish} once. A code that
 * no open export accepts starts a new one, so two exports in one file both import. A code is only
 * offered to the exports with its batch id and size, and at most {@link MAX_EXPORTS_PER_IMPORT}
 * exports and {@link MAX_IMPORT_ENTRIES} accounts are held, so the work stays linear in the input.
 */
export class MigrationBatches {
  private readonly groups: Group[] = [];
  private readonly byBatch = new Map<string, Group[]>();
  private accounts = 0;

  /**
   * Files one code (already decoded) under its export. Throws an `invalid-input` KeyfobError,
   * for this code alone, when the import already holds as many exports or accounts as it may.
   */
  add(code: MigrationCode, source: EntrySource): void {
    const key = `${code.batch.id}/${code.batch.size}`;
    const candidates = this.byBatch.get(key) ?? [];
    const size = code.result.entries.length + code.result.errors.length;
    if (this.accounts + size > MAX_IMPORT_ENTRIES) throw tooManyEntries('This import');
    for (const g of candidates) {
      const step = g.collector.add(code);
      if (step.status === 'added') this.accounts += size;
      if (step.status !== 'refused') return;
    }
    if (this.groups.length >= MAX_EXPORTS_PER_IMPORT) {
      throw new KeyfobError(
        'invalid-input',
        `This import holds transfer codes of more than ${MAX_EXPORTS_PER_IMPORT} different Google ` +
          'Authenticator exports; import them in smaller parts.',
        'uri',
      );
    }
    const collector = new MigrationCollector();
    collector.add(code);
    this.accounts += size;
    const group = { collector, source, id: code.batch.id };
    this.groups.push(group);
    this.byBatch.set(key, [...candidates, group]);
  }

  /**
   * The accounts of every complete export, and one error per incomplete export naming the codes
   * still missing (nothing of an incomplete export is imported: a partial transfer is a mistake
   * the user should see, as Google Authenticator's own import refuses it).
   */
  finish(): ImportResult {
    const out: ImportResult = { entries: [], errors: [] };
    for (const g of this.groups) {
      if (g.collector.complete) {
        const r = g.collector.result();
        for (const e of r.entries) out.entries.push(e);
        for (const e of r.errors) out.errors.push(e);
      } else {
        const missing = g.collector.missing();
        const total = g.collector.total;
        out.errors.push({
          source: g.source,
          message:
            `Google Authenticator export ${g.id} is incomplete: ${listCodes(missing)} of ${total} ` +
            `${missing.length === 1 ? 'is' : 'are'} missing, so none of its accounts were imported; ` +
            'add the missing transfer codes and import again.',
        });
      }
    }
    return out;
  }
}
