import type { Channel, CheckedArgsOf, ResultOf } from '../../shared/ipc/channels';
import type { DialogsAdapter } from '../adapters/dialogs';
import type { ScreenCaptureAdapter } from '../adapters/screen-capture';
import type { Vault } from '../vault';
import type { ClipboardKeeper, Timers } from '../services/clipboard-clear';
import type { SettingsStore } from '../services/settings-store';
import type { VaultSession } from '../services/vault-session';

/** One handler per channel: checked, typed arguments in; the reply value out, or a thrown KeyfobError. */
export type ChannelHandlers = { [C in Channel]: (...args: CheckedArgsOf<C>) => Promise<ResultOf<C>> };

/** The handlers of one concern (accounts, scan, …); the app joins every concern's into {@link ChannelHandlers}. */
export type ConcernHandlers = Partial<ChannelHandlers>;

/** What the concerns' handlers are built over: the vault, the clock and the outside world. */
export interface HandlerContext {
  /** The open vault; throws while it is not open. */
  vault: () => Vault;
  session: VaultSession;
  now: () => number;
  /** The vault folder (settings, backup state). */
  home: string;
  settings: SettingsStore;
  clipboard: ClipboardKeeper;
  dialogs: DialogsAdapter;
  screenCapture: ScreenCaptureAdapter | undefined;
  /** Timers that end the 5-minute hold of seeds waiting for the user. */
  holdTimers: Timers | undefined;
  /** Throws when the keychain cannot take a write right now. */
  keychainReady: () => Promise<void>;
}
