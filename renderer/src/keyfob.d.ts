import type { KeyfobBridge } from '../../shared/ipc/channels';

// The preload exposes the bridge under this name; its type is derived from the channel table.
declare global {
  interface Window {
    keyfob: KeyfobBridge;
  }
}

export {};
