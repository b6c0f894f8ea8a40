import type { QrCorners } from '../../../qr-decoder/types';

/** Where a decode request's pixels come from: an encoded file/paste, or a video frame. */
export type ScanImage = Blob | ImageBitmap | VideoFrame;

/** A request to the scan worker. */
export interface ScanRequest {
  type: 'decode';
  id: number;
  image: ScanImage;
  effort: 'fast' | 'thorough';
}

/**
 * What one decode found. A `code` (a key or a Google transfer code) carries its text, which may
 * hold a seed: it goes straight to main (`scan:submit`), which keeps it; it is never logged.
 */
export type ScanResult =
  | { kind: 'none'; width: number; height: number }
  | { kind: 'code'; text: string; corners: QrCorners; width: number; height: number }
  | { kind: 'other'; message: string; corners: QrCorners; width: number; height: number }
  | { kind: 'error'; message: string };

/** The worker's reply to request `id`. */
export interface ScanReply {
  id: number;
  result: ScanResult;
}
