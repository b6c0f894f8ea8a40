import type { ClockStatus } from '../../../shared/ipc/shapes';
import { call, onEvent } from '../bridge';
import { useLiveStatus } from './useLiveStatus';

const fetchClock = () => call('clock:status');
const watchClock = (set: (status: ClockStatus) => void) => onEvent('clock:changed', set);

/** This computer's clock as main measured it, kept current by `clock:changed`. */
export const useClock = () => useLiveStatus(fetchClock, watchClock);
