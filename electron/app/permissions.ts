import type { Session } from 'electron';
import { originOf } from './origin';

/** What a permission request carries that the policy looks at. */
export interface PermissionQuery {
  permission: string;
  /** The requesting frame's URL or origin. */
  requestingUrl: string;
  /** For `media`: which devices ("video" = camera, "audio" = microphone). */
  mediaTypes?: readonly string[];
}

/**
 * The whole permission policy: the camera (`media` without audio, for QR codes), and only for the
 * app's own page. Everything else — display capture, notifications, geolocation, the microphone,
 * USB, other origins — is refused. Screen scans need no renderer permission: main captures the
 * displays itself (desktopCapturer) and decodes them there, so the screen's pixels never reach the page.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
 */
export function isPermissionAllowed(query: PermissionQuery, appOrigin: string): boolean {
  if (originOf(query.requestingUrl) !== appOrigin) return false;
  if (query.permission !== 'media') return false;
  return !(query.mediaTypes ?? []).includes('audio');
}

/** Installs the policy on `session` for both permission requests and permission checks. */
export function setupPermissions(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, mediaTypes }, appOrigin),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaType = details.mediaType === 'unknown' ? undefined : details.mediaType;
    const query = { permission, requestingUrl: requestingOrigin, mediaTypes: mediaType ? [mediaType] : [] };
    return isPermissionAllowed(query, appOrigin);
  });
  session.setDevicePermissionHandler(() => false);
}
