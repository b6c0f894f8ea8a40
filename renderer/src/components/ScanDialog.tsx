import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_IMAGE_BYTES, tooLargeImage } from '../../../qr-decoder/image-limits';
import type {
  OpenedScan,
  ScanDecision,
  ScanPreview,
  ScanSaveResult,
  ScanStep,
} from '../../../shared/ipc/shapes';
import { keyTextKind } from '../../../shared/text-kind';
import { call, errorData } from '../bridge';
import { usePageVisible } from '../hooks/usePageVisible';
import { useScanInputs } from '../hooks/useScanInputs';
import { scanClient } from '../scan/scan-client';
import { scanFingerprint } from '../scan/scan-fingerprint';
import type { ScanResult } from '../scan/scan-messages';
import { Dialog } from './Dialog';
import { ScanCamera } from './ScanCamera';
import { ScanConfirm } from './ScanConfirm';
import '../styles/scan.css';

interface ScanDialogProps {
  onSaved: (result: ScanSaveResult) => void;
  onClose: () => void;
  /**
   * What an opened otpauth link or the tray's screen scan left in main's scan session, to show as if
   * it had been scanned here; a new `seq` shows the next one. Null when the user opened the dialog.
   */
  opened?: { seq: number; scan: OpenedScan } | null;
}

type Message = { tone: 'info' | 'error'; text: string } | null;

/**
 * Scan a QR code from an image file, drop, paste, the webcam or the screens; confirm what it holds;
 * save. Decoded key texts go to main once (`scan:submit`) and stay there: this dialog only ever
 * holds previews, and remembers the last camera code by a salted fingerprint, not its text.
 */
export function ScanDialog({ onSaved, onClose, opened = null }: ScanDialogProps) {
  const [client] = useState(scanClient);
  const [camera, setCamera] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [confirming, setConfirming] = useState<ScanPreview | null>(null);
  const [working, setWorking] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const lastCameraSeen = useRef('');
  // Each preview gets a fresh confirm step (its choices start over).
  const [previews, setPreviews] = useState(0);
  // Opened for a link, the dialog must not forget what the link put in main's scan session.
  const [fromOutside] = useState(opened !== null);

  useEffect(() => {
    client.start();
    return () => client.terminate();
  }, [client]);

  // A dialog the user opened starts from nothing; main keeps a half-collected transfer and the
  // pending preview until the dialog is closed (below) or 5 minutes have passed.
  useEffect(() => {
    if (!fromOutside) void call('scan:reset').catch(() => undefined);
  }, [fromOutside]);

  const close = () => {
    void call('scan:reset').catch(() => undefined);
    onClose();
  };

  // The confirm step's codes stay current: main recomputes them each second (seeds stay there),
  // while the window is shown.
  const isConfirming = confirming !== null;
  const visible = usePageVisible();
  useEffect(() => {
    if (!isConfirming || !visible) return;
    const timer = window.setInterval(() => {
      void call('scan:pending').then(
        (p) => p !== null && setConfirming((c) => (c === null ? null : p)),
        () => undefined,
      );
    }, 1000);
    return () => window.clearInterval(timer);
  }, [isConfirming, visible]);

  const showStep = useCallback((step: ScanStep, prefix = '') => {
    const say = (tone: 'info' | 'error', text: string) =>
      setMessage({ tone, text: prefix === '' ? text : `${prefix} ${text}` });
    switch (step.kind) {
      case 'preview':
        setCamera(false);
        setPreviews((n) => n + 1);
        setConfirming(step.preview);
        setMessage(null);
        return;
      case 'other':
        return say('error', step.message);
      case 'transfer':
        return say(step.progress.status === 'refused' ? 'error' : 'info', step.progress.message);
    }
  }, []);

  // A link or the tray's screen scan: shown as a scan of this dialog's own would be, once each
  // (state adjusted while rendering, as React advises for a prop that brings something new).
  const [shownOpened, setShownOpened] = useState<typeof opened>(null);
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
      if (confirming !== null) return;
      // Checked before anything reads the file: a huge drop or paste is refused at once.
      if (image.size > MAX_IMAGE_BYTES) return setMessage({ tone: 'error', text: tooLargeImage(image.size) });
      setWorking(true);
      setMessage({ tone: 'info', text: 'Looking for a QR code…' });
      const result = await client.decode(image, 'thorough');
      setWorking(false);
      handle(result, true);
    },
    [client, confirming, handle],
  );

  useScanInputs({
    onImage: (blob) => void scanStill(blob),
    onText: (text) => {
      if (confirming !== null) return;
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

  const save = async (decisions: ScanDecision[]) => {
    setWorking(true);
    try {
      onSaved(await call('scan:save', decisions));
    } catch (e) {
      setMessage({ tone: 'error', text: errorData(e).message });
      setWorking(false);
    }
  };

  const back = () => {
    lastCameraSeen.current = '';
    setConfirming(null);
    setMessage(null);
    void call('scan:reset').catch(() => undefined);
  };

  return (
    <Dialog
      title={confirming ? 'Add scanned accounts' : 'Scan QR code'}
      onClose={close}
      className="scan-dialog"
    >
      {confirming ? (
        <ScanConfirm
          key={previews}
          preview={confirming}
          saving={working}
          onSave={(d) => void save(d)}
          onBack={back}
        />
      ) : (
        <>
          <div className="dialog-body">
            <div className="scan-sources" role="group" aria-label="Scan from">
              <button type="button" className="button" onClick={() => fileInput.current?.click()}>
                Image file…
              </button>
              <button
                type="button"
                className="button"
                aria-pressed={camera}
                onClick={() => {
                  lastCameraSeen.current = '';
                  setCamera((c) => !c);
                }}
              >
                {camera ? 'Stop camera' : 'Webcam'}
              </button>
              <button type="button" className="button" disabled={working} onClick={() => void scanScreens()}>
                Screen
              </button>
            </div>
            <input
              ref={fileInput}
              type="file"
              hidden
              aria-label="QR code image"
              accept="image/png,image/jpeg,image/webp,image/bmp,image/gif"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void scanStill(file);
              }}
            />
            {camera ? (
              <ScanCamera
                client={client}
                onResult={(r) => {
                  // Live frames repeat: act on a code only when it changes (main still sees every
                  // distinct code, so "code 2 was already scanned" comes from there).
                  const seen =
                    r.kind === 'code' ? scanFingerprint(r.text) : r.kind === 'other' ? r.message : '';
                  if (seen === lastCameraSeen.current || working) return;
                  lastCameraSeen.current = seen;
                  handle(r, false);
                }}
              />
            ) : (
              <div className="scan-drop" aria-hidden>
                Drop an image here, or paste one (or an otpauth:// link) with Ctrl+V / ⌘V.
              </div>
            )}
            <p className={`scan-message ${message?.tone ?? ''}`} role="status" aria-live="polite">
              {working && message === null ? 'Working…' : (message?.text ?? '')}
            </p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
