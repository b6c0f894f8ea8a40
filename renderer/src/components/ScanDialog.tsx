import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanDecision, ScanPreview, ScanSaveResult } from '../../../shared/ipc-contract';
import { call, errorData } from '../bridge';
import { useScanInputs } from '../hooks/useScanInputs';
import { startScanClient, type ScanClient } from '../scan/scan-client';
import type { ScanResult } from '../scan/scan-messages';
import { Dialog } from './Dialog';
import { ScanCamera } from './ScanCamera';
import { ScanConfirm } from './ScanConfirm';
import '../styles/scan.css';

interface ScanDialogProps {
  onSaved: (result: ScanSaveResult) => void;
  onClose: () => void;
}

type Message = { tone: 'info' | 'error'; text: string } | null;
/** Key URI texts hold seeds: kept only here until saved or cancelled, never logged. */
type Confirming = { texts: string[]; preview: ScanPreview };

const KEY_TEXT = /^(otpauth|steam|otpauth-migration):\/\//iu;

/** Scan a QR code from an image file, drop, paste or the webcam; confirm what it holds; save through main. */
export function ScanDialog({ onSaved, onClose }: ScanDialogProps) {
  const [client, setClient] = useState<ScanClient | null>(null);
  const [camera, setCamera] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [working, setWorking] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const lastCameraMessage = useRef('');

  useEffect(() => {
    const c = startScanClient();
    setClient(c);
    return () => c.terminate();
  }, []);

  const preview = useCallback(async (texts: string[]) => {
    setWorking(true);
    try {
      const p = await call('scan:preview', texts);
      setCamera(false);
      setConfirming({ texts, preview: p });
      setMessage(null);
    } catch (e) {
      setMessage({ tone: 'error', text: errorData(e).message });
    } finally {
      setWorking(false);
    }
  }, []);

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
        case 'key':
          return void preview([result.text]);
        case 'transfer': {
          const { progress } = result;
          if (progress.complete && result.accounts > 0) return void preview(result.texts);
          if (progress.complete) void client?.reset();
          const tone = progress.status === 'refused' ? 'error' : 'info';
          return setMessage({ tone, text: progress.message });
        }
      }
    },
    [client, preview],
  );

  const scanStill = useCallback(
    async (image: Blob) => {
      if (client === null || confirming !== null) return;
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
      if (KEY_TEXT.test(text.trim())) void client?.classify(text).then((r) => handle(r, true));
      else
        setMessage({ tone: 'error', text: 'The pasted text is not an otpauth:// key. Nothing was added.' });
    },
  });

  const scanScreens = async () => {
    if (client === null) return;
    setCamera(false);
    setWorking(true);
    setMessage({ tone: 'info', text: 'Looking for a QR code on your screens…' });
    try {
      const scan = await call('scan:screens');
      if (scan.found === null) return setMessage({ tone: 'error', text: scan.message });
      const result = await client.classify(scan.found.text);
      handle(result, true);
      if (result.kind === 'other' || (result.kind === 'transfer' && !result.progress.complete))
        setMessage((m) => ({ tone: m?.tone ?? 'info', text: `${scan.message} ${m?.text ?? ''}` }));
    } catch (e) {
      setMessage({ tone: 'error', text: errorData(e).message });
    } finally {
      setWorking(false);
    }
  };

  const save = async (texts: string[], decisions: ScanDecision[]) => {
    setWorking(true);
    try {
      onSaved(await call('scan:save', texts, decisions));
    } catch (e) {
      setMessage({ tone: 'error', text: errorData(e).message });
      setWorking(false);
    }
  };

  const back = () => {
    setConfirming(null);
    setMessage(null);
    void client?.reset();
  };

  return (
    <Dialog
      title={confirming ? 'Add scanned accounts' : 'Scan QR code'}
      onClose={onClose}
      className="scan-dialog"
    >
      {confirming ? (
        <ScanConfirm
          preview={confirming.preview}
          saving={working}
          onSave={(d) => void save(confirming.texts, d)}
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
                onClick={() => setCamera((c) => !c)}
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
            {camera && client ? (
              <ScanCamera
                client={client}
                onResult={(r) => {
                  // Live frames repeat: only report a change of message.
                  const text =
                    r.kind === 'transfer' ? r.progress.message : r.kind === 'other' ? r.message : '';
                  if (r.kind === 'transfer' && !r.progress.complete && text === lastCameraMessage.current)
                    return;
                  lastCameraMessage.current = text;
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
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
