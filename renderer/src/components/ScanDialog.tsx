import { useCallback, useState } from 'react';
import type { ScanDecision, ScanPreview, ScanSaveResult } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import type { OpenedStep } from '../hooks/useOpenedScan';
import { usePendingPreview, useQrScanner } from '../hooks/useQrScanner';
import { Dialog } from './Dialog';
import { ScanConfirm } from './ScanConfirm';
import { ScanSources } from './ScanSources';
import '../styles/scan.css';

interface ScanDialogProps {
  onSaved: (result: ScanSaveResult) => void;
  onClose: () => void;
  /**
   * What an opened otpauth link or the tray's screen scan left in main's scan session, to show as if
   * it had been scanned here; a new `seq` shows the next one. Null when the user opened the dialog.
   */
  opened?: OpenedStep | null;
}

/**
 * Scan a QR code from an image file, drop, paste, the webcam or the screens; confirm what it holds;
 * save. Decoded key texts go to main once (`scan:submit`) and stay there: this dialog only ever
 * holds previews.
 */
export function ScanDialog({ onSaved, onClose, opened = null }: ScanDialogProps) {
  const [confirming, setConfirming] = useState<ScanPreview | null>(null);
  // Each preview gets a fresh confirm step (its choices start over).
  const [previews, setPreviews] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const onPreview = useCallback((p: ScanPreview) => {
    setPreviews((n) => n + 1);
    setConfirming(p);
  }, []);
  const scanner = useQrScanner({ onPreview, paused: confirming !== null, opened });
  // The confirm step's codes stay current; a reply that lands after "Scan again" is dropped.
  usePendingPreview(
    confirming !== null,
    useCallback((p: ScanPreview) => setConfirming((c) => (c === null ? null : p)), []),
  );

  const close = () => {
    scanner.endSession();
    onClose();
  };

  const save = async (decisions: ScanDecision[]) => {
    setSaving(true);
    setSaveError(null);
    try {
      onSaved(await call('scan:save', decisions));
    } catch (e) {
      setSaveError(errorData(e).message);
      setSaving(false);
    }
  };

  const back = () => {
    scanner.reset();
    scanner.endSession();
    setConfirming(null);
    setSaveError(null);
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
          saving={saving}
          error={saveError}
          onSave={(d) => void save(d)}
          onBack={back}
        />
      ) : (
        <>
          <div className="dialog-body">
            <ScanSources scanner={scanner} label="Scan from" />
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
