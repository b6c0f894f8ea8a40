import type { LockStatus } from '../../../shared/ipc/shapes';
import { call, onEvent } from '../bridge';
import { useLiveStatus } from './useLiveStatus';

const fetchLock = () => call('lock:status');
const watchLock = (set: (status: LockStatus) => void) => onEvent('lock:changed', set);

/** The app lock as main holds it, kept current by `lock:changed`. */
export const useLock = () => useLiveStatus(fetchLock, watchLock);
