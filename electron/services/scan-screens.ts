import type { ScreenCaptureAdapter } from '../adapters/screen-capture';
import { decodeFrame } from '../../qr-decoder';
import { holdsKey } from '../../shared/text-kind';
import { loadZxingWasmFile } from '../qr/load-wasm';

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
 * Captures every display and decodes each at its native resolution in main, first display with a
 * key or transfer code winning; otherwise the first code of any kind, so the user learns what it held.
 */
export async function scanScreens(capture: ScreenCaptureAdapter | undefined): Promise<ScreenFind> {
  if (capture === undefined)
    return { displays: 0, display: null, text: null, message: 'Scanning the screen is not available here.' };
  if (capture.permission() === 'denied')
    return { displays: 0, display: null, text: null, message: SCREEN_RECORDING };
  loadZxingWasmFile();
  const images = await capture.capture();
  if (images.length === 0) {
    const message =
      capture.mode === 'system-picker'
        ? 'No screen was shared, so nothing was scanned. Click Screen again and choose the screen that ' +
          'shows the code in the system dialog — or save a screenshot and use Image file….'
        : 'The screen could not be captured. Save a screenshot and use Image file… instead.';
    return { displays: 0, display: null, text: null, message };
  }
  let fallback: { display: string; text: string } | null = null;
  for (const image of images) {
    const outcome = await decodeFrame(image.frame, 'thorough');
    const key = outcome.codes.find((c) => holdsKey(c.kind));
    if (key) return found(images.length, image.label, key.text);
    const other = outcome.codes[0];
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
