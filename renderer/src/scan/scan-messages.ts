import type { QrCorners } from '../../../electron/qr/types';

/** Where a decode request's pixels come from: an encoded file/paste, or a video frame. */
export type ScanImage = Blob | ImageBitmap;

/** A request to the scan worker. `reset` forgets a half-collected transfer. */
export type ScanRequest =
  | { type: 'decode'; id: number; image: ScanImage; effort: 'fast' | 'thorough' }
  | { type: 'reset'; id: number }
  /** Text decoded elsewhere (main's screen scan, a paste): classified and collected like a decode. */
  | { type: 'text'; id: number; text: string };

/** Where a Google Authenticator transfer stands after a code was read. */
export interface TransferProgress {
  status: 'added' | 'duplicate' | 'refused';
  message: string;
  scanned: number;
  total: number;
  complete: boolean;
}

/**
 * What one decode found. `key` and a complete `transfer` carry the URI texts, which hold seeds:
 * they stay in component state until sent to main, and are never logged.
 */
export type ScanResult =
  | { kind: 'none'; width: number; height: number }
  | { kind: 'key'; text: string; message: string; corners: QrCorners; width: number; height: number }
  | {
      kind: 'transfer';
      progress: TransferProgress;
      /** Every code of the export in order, once complete; otherwise empty. */
      texts: string[];
      /** Accounts in the complete export (0 = an empty export: nothing to add). */
      accounts: number;
      corners: QrCorners;
      width: number;
      height: number;
    }
  | { kind: 'other'; message: string; corners: QrCorners; width: number; height: number }
  | { kind: 'error'; message: string };

/** The worker's reply to request `id`. */
export interface ScanReply {
  id: number;
  result: ScanResult;
}
