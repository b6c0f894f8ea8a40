// Foreign backup formats: one module per format behind `ImportFormat`, a registry that detects them,
// and the writers Keyfob exports with. Main process only (node:crypto); never loaded by the renderer.
export {
  IMPORT_FORMATS,
  MAX_IMPORT_BYTES,
  detectImport,
  readImport,
  type DetectedImport,
  type ImportReport,
} from './registry';
export { EXPORT_FORMATS, writeExport, type ExportFormatId, type ExportResult } from './export';
export { planImport, type PlannedEntry } from './import-plan';
export { textOf, type ImportFormat, type ReadOptions } from './format';
export { AEGIS_SCRYPT } from './aegis-write';
