import { useCallback, useState } from 'react';
import type { ScanDecision, ScanPreview, ScanSaveResult } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import { usePendingPreview, useQrScanner } from '../hooks/useQrScanner';
import { Dialog } from './Dialog';
import { ScanConfirm } from './ScanConfirm';
import { ScanSources } from './ScanSources';
import '../styles/scan.css';

interface ScanDialogProps {
  onSaved: (result: ScanSaveResult) => void;
  onClose: () => void;
}

/**
 * Scan a QR code from an image file, drop, paste, the webcam or the screens; confirm what it holds;
 * save. Decoded key texts go to main once (`scan:submit`) and stay there: this dialog only ever
 * holds previews.
 */
export function ScanDialog({ onSaved, onClose }: ScanDialogProps) {
  const [confirming, setConfirming] = useState<ScanPreview | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const scanner = useQrScanner({ onPreview: setConfirming, paused: confirming !== null });
  // The confirm step's codes stay current; a reply that lands after "Scan again" is dropped.
  usePendingPreview(
    confirming !== null,
    useCallback((p: ScanPreview) => setConfirming((c) => (c === null ? null : p)), []),
  );

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
    setConfirming(null);
    setSaveError(null);
    void call('scan:reset').catch(() => undefined);
  };

  return (
    <Dialog
      title={confirming ? 'Add scanned accounts' : 'Scan QR code'}
      onClose={onClose}
      className="scan-dialog"
    >
      {confirming ? (
        <ScanConfirm
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
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
