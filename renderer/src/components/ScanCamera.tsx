import { useEffect, useRef, useState } from 'react';
import type { QrCorners } from '../../../qr-decoder/types';
import type { ScanClient } from '../scan/scan-client';
import type { ScanResult } from '../scan/scan-messages';
import { useLatest } from '../hooks/useLatest';

interface ScanCameraProps {
  client: ScanClient;
  /** Called with every frame's result that found something. */
  onResult: (result: ScanResult) => void;
}

const CAMERA_KEY = 'keyfob.scan.camera';
/** Frames go to the worker at this steady rate (skipped while the worker is still busy). */
const FRAME_INTERVAL_MS = 120;

function cameraError(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return (
      'Keyfob is not allowed to use the camera. Allow it in System Settings → Privacy & Security → Camera ' +
      '(macOS) or Settings → Privacy & security → Camera (Windows), then try again.'
    );
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return 'No camera was found. Connect one, or scan an image file instead.';
  if (name === 'NotReadableError') return 'The camera is in use by another app, or could not be started.';
  return 'The camera could not be started.';
}

/** Live camera preview: frames decoded in the worker, the detected code outlined, the camera released on unmount. */
export function ScanCamera({ client, onResult }: ScanCameraProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState(() => localStorage.getItem(CAMERA_KEY) ?? '');
  const [error, setError] = useState<string | null>(null);
  const [outline, setOutline] = useState<{ corners: QrCorners; width: number; height: number } | null>(null);
  const report = useLatest(onResult);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('', 'NotFoundError');
      const video_ = cameraId === '' ? true : { deviceId: { exact: cameraId } };
      stream = await navigator.mediaDevices
        .getUserMedia({ video: video_, audio: false })
        .catch((e: unknown) => {
          // A remembered camera that is gone: fall back to any camera.
          if (cameraId !== '' && e instanceof DOMException && e.name === 'OverconstrainedError')
            return navigator.mediaDevices.getUserMedia({ video: true, audio: false });
          throw e;
        });
      if (stopped) return stream.getTracks().forEach((t) => t.stop());
      const el = video.current;
      if (el === null) return;
      el.srcObject = stream;
      await el.play().catch(() => undefined);
      setCameras((await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput'));
      timer = window.setInterval(() => {
        if (client.busy || el.readyState < 2 || el.videoWidth === 0) return;
        // A VideoFrame wraps the current frame without copying its pixels here; the worker reads
        // them (createImageBitmap on the UI thread copied the frame: ≈ 7 ms blocks every frame).
        void grabFrame(el).then(async (frame) => {
          if (stopped) return frame.close();
          const result = await client.decode(frame, 'fast');
          if (stopped) return;
          // Only the geometry is kept for the outline; a code's text goes on to main and is not held here.
          setOutline(
            result.kind === 'none' || result.kind === 'error'
              ? null
              : { corners: result.corners, width: result.width, height: result.height },
          );
          if (result.kind !== 'none') report.current(result);
        });
      }, FRAME_INTERVAL_MS);
    };
    start().catch((e: unknown) => !stopped && setError(cameraError(e)));
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [client, cameraId, report]);

  if (error !== null)
    return (
      <p className="scan-message error" role="alert">
        {error}
      </p>
    );
  const c = outline?.corners;
  return (
    <div className="scan-camera">
      {cameras.length > 1 && (
        <div className="field">
          <label htmlFor="scan-camera-pick">Camera</label>
          <select
            id="scan-camera-pick"
            value={cameraId}
            onChange={(e) => {
              localStorage.setItem(CAMERA_KEY, e.target.value);
              setCameraId(e.target.value);
            }}
          >
            <option value="">Default camera</option>
            {cameras.map((d, i) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label || `Camera ${i + 1}`}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="scan-video">
        <video ref={video} muted playsInline aria-label="Camera preview" />
        {outline && c && (
          <svg
            viewBox={`0 0 ${outline.width} ${outline.height}`}
            preserveAspectRatio="xMidYMid slice"
            aria-hidden
          >
            <polygon
              className="scan-outline"
              points={[c.topLeft, c.topRight, c.bottomRight, c.bottomLeft]
                .map((p) => `${p.x},${p.y}`)
                .join(' ')}
            />
          </svg>
        )}
      </div>
      <p className="muted">Hold the QR code in front of the camera.</p>
    </div>
  );
}

/** The video's current frame, as a WebCodecs VideoFrame where available (Chromium, Electron). */
function grabFrame(el: HTMLVideoElement): Promise<VideoFrame | ImageBitmap> {
  if (typeof VideoFrame === 'function') {
    try {
      return Promise.resolve(new VideoFrame(el));
    } catch {
      // fall through: a frame not ready yet, or no WebCodecs
    }
  }
  return createImageBitmap(el);
}
