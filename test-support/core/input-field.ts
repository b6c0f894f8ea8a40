import { KeyfobError } from '../../shared/errors';

/** Runs `action` and returns the invalid-input error it throws; fails the test if it throws nothing else. */
export function inputErrorOf(action: () => unknown): KeyfobError {
  try {
    action();
  } catch (error) {
    if (error instanceof KeyfobError && error.code === 'invalid-input') return error;
    throw error;
  }
  throw new Error('expected an invalid-input KeyfobError, but nothing was thrown');
}
