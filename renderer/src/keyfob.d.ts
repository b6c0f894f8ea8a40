import type { KeyfobBridge } from '../../shared/ipc-contract';

// The preload exposes the bridge under this name; its type is derived from the one IPC contract.
declare global {
  interface Window {
    keyfob: KeyfobBridge;
  }
}

export {};
