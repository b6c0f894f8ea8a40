import type { QrPayload } from './classify';

/** An RGBA image as `ImageData` holds it (4 bytes a pixel, row after row). */
export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** A point in the frame's pixel coordinates. */
export interface QrPoint {
  x: number;
  y: number;
}

/** The four corners of a found code, for outlining it over the preview. */
export interface QrCorners {
  topLeft: QrPoint;
  topRight: QrPoint;
  bottomRight: QrPoint;
  bottomLeft: QrPoint;
}

/** A code that decoded and holds what it claims to hold. */
export interface FoundCode {
  text: string;
  corners: QrCorners;
  /** Light modules on a dark background. */
  inverted: boolean;
  payload: QrPayload;
}

/** A code that decoded but whose text is not plausible as what it claims (never used). */
export interface ImplausibleCode {
  /** As decoded (may hold a secret: show it only where the user asked to see it, never log it). */
  text: string;
  corners: QrCorners;
  /** Why, for the user; never quotes a secret. */
  message: string;
}

/** What one decode of a frame or file found. Nothing found: both lists empty. */
export interface DecodeOutcome {
  codes: FoundCode[];
  implausible: ImplausibleCode[];
}
