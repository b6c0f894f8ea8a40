import type { DesktopPlatform, Facility } from '../../shared/ipc/shapes';

const HERE: Facility = { available: true, message: null };

/**
 * Whether closing to the tray can work. macOS and Windows always show the icon. On Linux only a
 * panel registered as a StatusNotifierItem host is known to draw it; without one, closing quits
 * (or the window would be lost), unless the user says their panel does show the icon (an older
 * XEmbed tray, which the session bus cannot tell about).
 */
export function trayFacility(platform: DesktopPlatform, hostFound: boolean, userSeesIcon: boolean): Facility {
  if (platform !== 'linux' || hostFound || userSeesIcon) return HERE;
  return {
    available: false,
    message:
      'No system tray was found on this desktop, so closing the window quits Keyfob. On GNOME, the ' +
      'AppIndicator extension adds one.',
  };
}

/** Whether the OS can keep the window out of screenshots and screen sharing: macOS and Windows only. */
export function contentProtectionFacility(platform: DesktopPlatform): Facility {
  if (platform !== 'linux') return HERE;
  return {
    available: false,
    message:
      'Linux desktops offer apps no way to keep a window out of screenshots and screen sharing, so ' +
      'Keyfob shows there like any other window.',
  };
}
