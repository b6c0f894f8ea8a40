import type { ScreenCaptureAdapter } from '../adapters/screen-capture';
import { holdsKey } from '../../shared/text-kind';
import type { DecodeOutcome } from '../../qr-decoder';
import type { DisplayDecoder } from '../qr/screen-decoders';

const SCREEN_RECORDING =
  'Keyfob needs permission to record the screen to find a QR code on it. Allow it in System Settings → ' +
  'Privacy & Security → Screen Recording, restart Keyfob, then try again.';

/** What the displays held. `text` (possibly a seed) stays in main: it goes to the scan session. */
export interface ScreenFind {
  displays: number;
  display: string | null;
  text: string | null;
  message: string;
}

/**
 * Captures every display and decodes them all at once at their native resolution (off main's
 * thread with the app's decoder), the first display in the capture's order with a key or transfer
 * code winning — as soon as it and the displays before it are decoded; otherwise the first code of
 * any kind, so the user learns what it held.
 */
export async function scanScreens(
  capture: ScreenCaptureAdapter | undefined,
  decoder: DisplayDecoder,
): Promise<ScreenFind> {
  if (capture === undefined)
    return { displays: 0, display: null, text: null, message: 'Scanning the screen is not available here.' };
  if (capture.permission() === 'denied')
    return { displays: 0, display: null, text: null, message: SCREEN_RECORDING };
  decoder.prepare(); // the decoding threads start while the displays are captured
  const images = await capture.capture();
  if (images.length === 0) {
    const message =
      capture.mode === 'system-picker'
        ? 'No screen was shared, so nothing was scanned. Click Screen again and choose the screen that ' +
          'shows the code in the system dialog — or save a screenshot and use Image file….'
        : 'The screen could not be captured. Save a screenshot and use Image file… instead.';
    return { displays: 0, display: null, text: null, message };
  }
  const outcomes: Array<Promise<DecodeOutcome>> = images.map((image) => decoder.decode(image.frame));
  // Once a display wins, the later ones' results (or failures) are not awaited.
  for (const o of outcomes) o.catch(() => undefined);
  let fallback: { display: string; text: string } | null = null;
  for (const [i, image] of images.entries()) {
    const outcome = await outcomes[i];
    const key = outcome?.codes.find((c) => holdsKey(c.kind));
    if (key) return found(images.length, image.label, key.text);
    const other = outcome?.codes[0];
    if (other && fallback === null) fallback = { display: image.label, text: other.text };
  }
  if (fallback) return found(images.length, fallback.display, fallback.text);
  const n = images.length;
  const where =
    capture.mode === 'system-picker'
      ? 'the screen you shared'
      : n === 1
        ? 'your screen'
        : `any of your ${n} displays`;
  return { displays: n, display: null, text: null, message: `No QR code was found on ${where}.` };
}

function found(displays: number, display: string, text: string): ScreenFind {
  return { displays, display, text, message: `Found a QR code on ${display}.` };
}
