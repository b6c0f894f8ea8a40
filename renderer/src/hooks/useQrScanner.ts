import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_IMAGE_BYTES, tooLargeImage } from '../../../qr-decoder/image-limits';
import type { ScanPreview, ScanStep } from '../../../shared/ipc/shapes';
import { keyTextKind } from '../../../shared/text-kind';
import { call, errorData } from '../bridge';
import { scanClient, type ScanClient } from '../scan/scan-client';
import { scanFingerprint } from '../scan/scan-fingerprint';
import type { ScanResult } from '../scan/scan-messages';
import type { OpenedStep } from './useOpenedScan';
import { usePageVisible } from './usePageVisible';
import { useScanInputs } from './useScanInputs';

/** A line under the scan sources: progress, or why nothing was found. */
export type ScanMessage = { tone: 'info' | 'error'; text: string } | null;

interface QrScannerOptions {
  /** Main holds a key (or a complete transfer) and previews it: names, parameters, codes. */
  onPreview: (preview: ScanPreview) => void;
  /** While true (a preview is on screen), dropped and pasted images and texts are ignored. */
  paused: boolean;
  /**
   * What an opened otpauth link or the tray's screen scan left in main's scan session, shown as if
   * it had been scanned here; a new `seq` shows the next one. Null when the user opened the dialog.
   */
  opened?: OpenedStep | null;
}

/** The scan sources' state and actions, shared by the Scan dialog and "Replace key…". */
export interface QrScanner {
  client: ScanClient;
  camera: boolean;
  toggleCamera: () => void;
  message: ScanMessage;
  working: boolean;
  scanStill: (image: Blob) => Promise<void>;
  scanScreens: () => Promise<void>;
  /** One result of a camera frame: acted on only when the code seen changes. */
  onCameraFrame: (result: ScanResult) => void;
  /** Forgets the message and the last camera code (going back to scanning). */
  reset: () => void;
  /** Forgets main's scan session: the dialog is being closed (Cancel, Esc) without saving. */
  endSession: () => void;
}

const resetSession = () => void call('scan:reset').catch(() => undefined);

/**
 * Scanning a QR code from an image file, a drop, a paste, the webcam or the screens into main's scan
 * session. Decoded key texts go to main once (`scan:submit`) and stay there: this hook only ever
 * sees previews, and remembers the last camera code by a salted fingerprint, not its text. Main's
 * session starts from nothing when the hook mounts, unless a link's step is waiting in it.
 */
export function useQrScanner({ onPreview, paused, opened = null }: QrScannerOptions): QrScanner {
  const [client] = useState(scanClient);
  const [camera, setCamera] = useState(false);
  const [message, setMessage] = useState<ScanMessage>(null);
  const [working, setWorking] = useState(false);
  const lastCameraSeen = useRef('');
  // Opened for a link, the dialog must not forget what the link put in main's scan session.
  const [fromOutside] = useState(opened !== null);

  // Main keeps a half-collected transfer and the pending preview until the dialog is closed
  // (`endSession`) or 5 minutes have passed. Closing resets it, not unmounting: a dialog that
  // gives way to a link's Scan dialog must leave the link's step in place.
  useEffect(() => {
    client.start();
    if (!fromOutside) resetSession();
    return () => client.terminate();
  }, [client, fromOutside]);

  const showStep = useCallback(
    (step: ScanStep, prefix = '') => {
      const say = (tone: 'info' | 'error', text: string) =>
        setMessage({ tone, text: prefix === '' ? text : `${prefix} ${text}` });
      switch (step.kind) {
        case 'preview':
          setCamera(false);
          setMessage(null);
          return onPreview(step.preview);
        case 'other':
          return say('error', step.message);
        case 'transfer':
          return say(step.progress.status === 'refused' ? 'error' : 'info', step.progress.message);
      }
    },
    [onPreview],
  );

  // A link or the tray's screen scan: shown as a scan of this dialog's own would be, once each
  // (state adjusted while rendering, as React advises for a prop that brings something new).
  const [shownOpened, setShownOpened] = useState<OpenedStep | null>(null);
  if (opened !== null && opened !== shownOpened) {
    setShownOpened(opened);
    const { message: said, step } = opened.scan;
    if (step !== null) showStep(step, said ?? '');
    else setMessage({ tone: 'error', text: said ?? 'Nothing was found to add.' });
  }

  const submit = useCallback(
    async (text: string) => {
      setWorking(true);
      try {
        showStep(await call('scan:submit', text));
      } catch (e) {
        setMessage({ tone: 'error', text: errorData(e).message });
      } finally {
        setWorking(false);
      }
    },
    [showStep],
  );

  const handle = useCallback(
    (result: ScanResult, still: boolean) => {
      switch (result.kind) {
        case 'none':
          if (still) setMessage({ tone: 'error', text: 'No QR code was found in this image.' });
          return;
        case 'error':
          return setMessage({ tone: 'error', text: result.message });
        case 'other':
          return setMessage({ tone: 'error', text: `${result.message} Nothing was added.` });
        case 'code':
          return void submit(result.text);
      }
    },
    [submit],
  );

  const scanStill = useCallback(
    async (image: Blob) => {
      if (paused) return;
      // Checked before anything reads the file: a huge drop or paste is refused at once.
      if (image.size > MAX_IMAGE_BYTES) return setMessage({ tone: 'error', text: tooLargeImage(image.size) });
      setWorking(true);
      setMessage({ tone: 'info', text: 'Looking for a QR code…' });
      const result = await client.decode(image, 'thorough');
      setWorking(false);
      handle(result, true);
    },
    [client, paused, handle],
  );

  useScanInputs({
    onImage: (blob) => void scanStill(blob),
    onText: (text) => {
      if (paused) return;
      if (keyTextKind(text.trim()) !== undefined) void submit(text.trim());
      else
        setMessage({ tone: 'error', text: 'The pasted text is not an otpauth:// key. Nothing was added.' });
    },
  });

  const scanScreens = async () => {
    setCamera(false);
    setWorking(true);
    setMessage({ tone: 'info', text: 'Looking for a QR code on your screens…' });
    try {
      const scan = await call('scan:screens');
      if (scan.step === null) return setMessage({ tone: 'error', text: scan.message });
      showStep(scan.step, scan.message);
    } catch (e) {
      setMessage({ tone: 'error', text: errorData(e).message });
    } finally {
      setWorking(false);
    }
  };

  return {
    client,
    camera,
    toggleCamera: () => {
      lastCameraSeen.current = '';
      setCamera((c) => !c);
    },
    message,
    working,
    scanStill,
    scanScreens,
    onCameraFrame: (r) => {
      // Live frames repeat: act on a code only when it changes (main still sees every distinct
      // code, so "code 2 was already scanned" comes from there).
      const seen = r.kind === 'code' ? scanFingerprint(r.text) : r.kind === 'other' ? r.message : '';
      if (seen === lastCameraSeen.current || working) return;
      lastCameraSeen.current = seen;
      handle(r, false);
    },
    reset: () => {
      lastCameraSeen.current = '';
      setMessage(null);
    },
    endSession: resetSession,
  };
}

/**
 * While `active` and the window is shown, main recomputes the pending preview's codes each second
 * (its seeds stay there).
 */
export function usePendingPreview(active: boolean, update: (preview: ScanPreview) => void): void {
  const visible = usePageVisible();
  useEffect(() => {
    if (!active || !visible) return;
    const timer = window.setInterval(() => {
      void call('scan:pending').then(
        (p) => p !== null && update(p),
        () => undefined,
      );
    }, 1000);
    return () => window.clearInterval(timer);
  }, [active, visible, update]);
}
