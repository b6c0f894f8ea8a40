import type { MigrationCode } from './google-migration';
import type { ImportResult } from './import-result';
import { MigrationCollector, listCodes } from './migration-collector';

interface Group {
  collector: MigrationCollector;
  /** Where its first code was found ("file.txt:3"), named in the error when codes are missing. */
  source: string;
  id: number;
}

/**
 * Groups transfer codes found across the lines of several files into their exports, for
 * `keyfob import`: feed every file's codes to one instance, then {@link finish} once. A code that
 * no open export accepts starts a new one, so two exports in one file both import.
 */
export class MigrationBatches {
  private readonly groups: Group[] = [];

  /** Files one code (already decoded) under its export. */
  add(code: MigrationCode, source: string): void {
    for (const g of this.groups) {
      const step = g.collector.add(code);
      if (step.status !== 'refused') return;
    }
    const collector = new MigrationCollector();
    collector.add(code);
    this.groups.push({ collector, source, id: code.batch.id });
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
        out.entries.push(...r.entries);
        out.errors.push(...r.errors);
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
