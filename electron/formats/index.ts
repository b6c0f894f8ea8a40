// Foreign backup formats, read and written: one module (or folder) per format, a registry that
// detects them, and the machinery they share (input limits, JSON and CSV input, key derivation).
// Pure of the vault: what to do with what a file holds is the import service's business. Main
// process only (node:crypto, node:fs); never loaded by the renderer.
export {
  IMPORT_FORMATS,
  MAX_IMPORT_BYTES,
  detectImport,
  importChoices,
  importFormat,
  readImport,
  type DetectedImport,
  type ImportOptions,
  type ImportReport,
} from './registry';
export { writeExport, type ExportResult } from './export';
export { showSource, type Companion, type EntrySource, type ImportEntry, type ImportResult } from './format';
export { MigrationBatches } from './google-migration/batches';
export { checkEntryCount } from './import-limits';
export { companionsOf, readInputFile } from './input-file';
