import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeSnapshot, CodesResult } from '../../../shared/ipc/shapes';
import type { ErrorData } from '../../../shared/errors';
import { call } from '../bridge';
import { usePageVisible } from './usePageVisible';

/** Codes by account id, plus the accounts whose secret could not be read right now. */
export interface CodesState {
  codes: ReadonlyMap<string, CodeSnapshot>;
  unavailable: ReadonlyMap<string, ErrorData>;
}

const EMPTY: CodesState = { codes: new Map(), unavailable: new Map() };

// Keep the previous snapshot object when nothing visible changed, so memoised rows skip rendering.
function merge(prev: CodesState, result: CodesResult): CodesState {
  const codes = new Map<string, CodeSnapshot>();
  for (const snap of result.codes) {
    const old = prev.codes.get(snap.id);
    const same =
      old !== undefined &&
      old.code === snap.code &&
      old.nextCode === snap.nextCode &&
      old.validFromMs === snap.validFromMs &&
      old.validUntilMs === snap.validUntilMs;
    codes.set(snap.id, same ? old : snap);
  }
  const unavailable = new Map<string, ErrorData>();
  for (const u of result.unavailable) unavailable.set(u.id, prev.unavailable.get(u.id) ?? u.error);
  return { codes, unavailable };
}

// The main process may read the clock a hair later than this window; fetching slightly after the
// boundary makes sure main already computes the new period's code.
const BOUNDARY_SLACK_MS = 40;

/**
 * Fetches every account's code (or only those of `ids`) and refreshes them with ONE timer, set for
 * the earliest period boundary among all accounts — never per row, never per frame. `version`
 * changes force a fetch. While the window is hidden nothing is fetched; showing it fetches at once.
 */
export function useCodes(version: number, enabled: boolean, ids?: readonly string[]) {
  const [state, setState] = useState<CodesState>(EMPTY);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);
  const only = ids?.join('\n');
  const visible = usePageVisible();

  // The answers land in callbacks: fetching starts in effects, and state changes when main replies.
  const refresh = useCallback(() => {
    const mine = ++seq.current;
    const request = only === undefined ? call('accounts:codes') : call('accounts:codes', only.split('\n'));
    return request.then(
      (result) => {
        if (mine !== seq.current) return;
        setFailed(false);
        setState((prev) => merge(prev, result));
      },
      () => {
        if (mine === seq.current) setFailed(true);
      },
    );
  }, [only]);

  useEffect(() => {
    if (enabled && visible) void refresh();
  }, [version, enabled, visible, refresh]);

  useEffect(() => {
    if (!enabled || !visible) return;
    const now = Date.now();
    let next = Infinity;
    for (const snap of state.codes.values()) {
      if (snap.validUntilMs !== null && snap.validUntilMs < next) next = snap.validUntilMs;
    }
    // A failed fetch retries within seconds; codes from a clock ahead of ours retry each second.
    if (failed) next = now + 5_000;
    if (next === Infinity) return;
    const delay = next > now ? next - now + BOUNDARY_SLACK_MS : 1_000;
    const timer = setTimeout(() => void refresh(), delay);
    return () => clearTimeout(timer);
  }, [state, failed, enabled, visible, refresh]);

  return { ...state, refresh };
}
