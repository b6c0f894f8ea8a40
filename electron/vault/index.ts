// The vault: accounts' metadata in a JSON file, their secrets in the OS keychain. Used by the
// Electron main process and the `keyfob` CLI alike (they may run at the same time).
export { Vault, type OpenReport, type VaultOptions } from './vault';
export type { SecretStore } from './secret-store';
export type { BulkControl, BulkResult } from './bulk-add';
export { keytarSecretStore, LOCK_VERIFIER_ID, PROBE_ID } from './keytar-store';
export { resolveVaultLocation, DEFAULT_SERVICE } from './location';
export { METADATA_FILE, UnreadableMetadataError } from './metadata-file';
export { MissingSecretError } from './read-secrets';
export { MAX_SECRET_CHARS } from './check-token';
