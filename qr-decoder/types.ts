import type { TextKind } from '../shared/text-kind';

/**
 * An RGBA image as `ImageData` holds it (4 bytes a pixel, row after row). BGRA (a screen capture)
 * decodes the same: the decoder's luminance weighs red and blue alike.
 */
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

/** A code that decoded. */
export interface FoundCode {
  /** As decoded (may hold a secret: show it only where the user asked to see it, never log it). */
  text: string;
  corners: QrCorners;
  /** Light modules on a dark background. */
  inverted: boolean;
  /** What the text is, by its scheme. */
  kind: TextKind;
}

/** What one decode of a frame found, in the order zxing found it. */
export interface DecodeOutcome {
  codes: FoundCode[];
}
