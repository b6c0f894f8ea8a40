/**
 * Global shortcuts as Electron accelerators ("CommandOrControl+Alt+K"): checked in main before
 * anything is registered, captured from a key press in the Settings dialog, and shown with the
 * platform's own key names. Only a deliberate subset of Electron's grammar is accepted: one or more
 * modifiers and one ordinary key, so a typo can never grab a bare letter for the whole desktop.
 * @see https://www.electronjs.org/docs/latest/api/accelerator
 */
import type { DesktopPlatform } from './ipc/shapes';

/** The modifiers, by their canonical Electron name. */
type Modifier = 'CommandOrControl' | 'Command' | 'Ctrl' | 'Alt' | 'AltGr' | 'Shift' | 'Super';

const MODIFIERS: Record<string, Modifier> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Ctrl',
  ctrl: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = [
  'Space',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Insert',
  'Delete',
];
const PUNCTUATION = "`-=[]\\;',./";

/** The default show/hide shortcut: Ctrl+Alt+K, or Cmd+Option+K on macOS. */
export const DEFAULT_SHORTCUT = 'CommandOrControl+Alt+K';

/** The longest accelerator text accepted (four modifiers and a key fit easily). */
export const MAX_ACCELERATOR = 80;

/** The canonical spelling of an accepted key, or undefined. */
function keyName(raw: string): string | undefined {
  if (/^[a-z0-9]$/i.test(raw)) return raw.toUpperCase();
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(raw)) return raw.toUpperCase();
  if (raw.length === 1 && PUNCTUATION.includes(raw)) return raw;
  return NAMED_KEYS.find((k) => k.toLowerCase() === raw.toLowerCase());
}

/**
 * The accelerator in canonical form ("CommandOrControl+Alt+K"), or a message saying what is wrong
 * with it. The empty text means "no shortcut" and is returned as it is.
 */
export function checkAccelerator(
  text: string,
): { ok: true; accelerator: string } | { ok: false; message: string } {
  if (text === '') return { ok: true, accelerator: '' };
  if (text.length > MAX_ACCELERATOR) return { ok: false, message: 'This shortcut is too long.' };
  // The + key itself is not among the accepted keys, so splitting on "+" loses nothing.
  const parts = text.split('+').map((p) => p.trim());
  const key = parts.pop() ?? '';
  const mods: Modifier[] = [];
  for (const part of parts) {
    const mod = MODIFIERS[part.toLowerCase()];
    if (mod === undefined)
      return { ok: false, message: `“${part}” is not a modifier key (use Ctrl, Alt, Shift, Cmd or Super).` };
    if (mods.includes(mod)) return { ok: false, message: `${mod} appears twice in this shortcut.` };
    mods.push(mod);
  }
  const name = keyName(key);
  if (name === undefined)
    return { ok: false, message: `“${key}” is not a key Keyfob can use in a shortcut.` };
  const functionKey = /^F\d+$/.test(name);
  if (!functionKey && !mods.some((m) => m !== 'Shift')) {
    return {
      ok: false,
      message: 'A shortcut needs Ctrl, Alt, Cmd or Super with its key, so typing never triggers it.',
    };
  }
  return { ok: true, accelerator: [...mods, name].join('+') };
}

/** True when `text` is an accepted accelerator or empty (no shortcut). */
export function isAccelerator(text: string): boolean {
  return checkAccelerator(text).ok;
}

/** The key fields of a keyboard event that a shortcut is made of. */
export interface KeyPress {
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const CODE_KEYS: Record<string, string> = {
  Space: 'Space',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Insert: 'Insert',
  Delete: 'Delete',
  Backquote: '`',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
};

/**
 * The accelerator a key press stands for, read from the physical key (`code`), so Option+K on a Mac
 * is K and not the character it types; null while only modifiers are down or for a key that cannot
 * be used. On macOS ⌘ is Command, elsewhere the Windows/Super key is Super.
 */
export function acceleratorOf(press: KeyPress, mac: boolean): string | null {
  const { code } = press;
  const key = /^Key[A-Z]$/.test(code)
    ? code.slice(3)
    : /^Digit\d$/.test(code)
      ? code.slice(5)
      : /^F\d{1,2}$/.test(code)
        ? code
        : CODE_KEYS[code];
  if (key === undefined || keyName(key) === undefined) return null;
  const mods = [
    press.ctrlKey ? 'Ctrl' : null,
    press.metaKey ? (mac ? 'Command' : 'Super') : null,
    press.altKey ? 'Alt' : null,
    press.shiftKey ? 'Shift' : null,
  ].filter((m) => m !== null);
  return [...mods, key].join('+');
}

/** How an accelerator reads on this platform: "Ctrl+Alt+K", or "Cmd+Option+K" on macOS. */
export function acceleratorLabel(accelerator: string, platform: DesktopPlatform): string {
  const mac = platform === 'mac';
  const names: Record<Modifier, string> = {
    CommandOrControl: mac ? 'Cmd' : 'Ctrl',
    Command: 'Cmd',
    Ctrl: 'Ctrl',
    Alt: mac ? 'Option' : 'Alt',
    AltGr: 'AltGr',
    Shift: 'Shift',
    Super: mac ? 'Cmd' : platform === 'windows' ? 'Win' : 'Super',
  };
  return accelerator
    .split('+')
    .map((part) => {
      const mod = MODIFIERS[part.toLowerCase()];
      return mod === undefined ? part : names[mod];
    })
    .join('+');
}
