import { useRef } from 'react';
import type { QrScanner } from '../hooks/useQrScanner';
import { ScanCamera } from './ScanCamera';
import '../styles/scan.css';

interface ScanSourcesProps {
  scanner: QrScanner;
  /** Names the group of source buttons for screen readers. */
  label: string;
  /** Without the large drop area (a dialog that has a form of its own): the hint goes in the status line. */
  compact?: boolean;
}

const DROP_HINT = 'Drop an image here, or paste one (or an otpauth:// link) with Ctrl+V / ⌘V.';

/** Where a QR code can come from — an image file, the webcam, the screens, a drop or a paste — and the scan's status. */
export function ScanSources({ scanner, label, compact = false }: ScanSourcesProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const { camera, message, working } = scanner;
  const status = working && message === null ? 'Working…' : (message?.text ?? '');
  return (
    <>
      <div className="scan-sources" role="group" aria-label={label}>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Image file…
        </button>
        <button type="button" className="button" aria-pressed={camera} onClick={scanner.toggleCamera}>
          {camera ? 'Stop camera' : 'Webcam'}
        </button>
        <button
          type="button"
          className="button"
          disabled={working}
          onClick={() => void scanner.scanScreens()}
        >
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
          if (file) void scanner.scanStill(file);
        }}
      />
      {camera ? (
        <ScanCamera client={scanner.client} onResult={scanner.onCameraFrame} />
      ) : (
        !compact && (
          <div className="scan-drop" aria-hidden>
            {DROP_HINT}
          </div>
        )
      )}
      <p className={`scan-message ${message?.tone ?? ''}`} role="status" aria-live="polite">
        {compact && status === '' && !camera ? <span className="muted">{DROP_HINT}</span> : status}
      </p>
    </>
  );
}
