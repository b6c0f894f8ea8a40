import { memo, useLayoutEffect, useRef } from 'react';
import type { AccountView, CodeSnapshot } from '../../../shared/ipc-contract';
import { groupCode } from '../lib/code-format';
import { NEXT_CODE_LEAD_SECONDS, windowAt } from '../lib/countdown';
import { avatarHue, avatarInitial, displayName, rowLabel, secondaryName } from '../lib/row-label';
import { subscribeToSeconds } from '../lib/ticker';
import { Countdown } from './Countdown';
import { GripIcon, MoreIcon, RefreshIcon } from './Icons';

/** Row callbacks; one stable object for the whole list so memoised rows never re-render for them. */
export interface RowActions {
  hotpNext: (id: string) => void;
  openMenu: (id: string, anchor: HTMLElement) => void;
}

interface AccountRowProps {
  account: AccountView;
  snapshot: CodeSnapshot | undefined;
  unavailable: boolean;
  /** The roving tab stop: only one row (and its buttons) is in the Tab order. */
  tabbable: boolean;
  dropMark: 'before' | 'after' | null;
  busy: boolean;
  actions: RowActions;
}

/** One account: avatar, names, grouped code, countdown (or "Next code" for HOTP) and actions. */
export const AccountRow = memo(function AccountRow(props: AccountRowProps) {
  const { account, snapshot, unavailable, tabbable, dropMark, busy, actions } = props;
  const rowRef = useRef<HTMLLIElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const code = unavailable ? null : (snapshot?.code ?? null);
  const timed = code !== null && snapshot?.validFromMs != null && snapshot.validUntilMs != null;
  const name = displayName(account.issuer, account.account);
  const second = secondaryName(account.issuer, account.account);
  const loading = !unavailable && snapshot === undefined;
  const labelParts = { issuer: account.issuer, account: account.account, type: account.type, code, loading };

  // Per-second text (seconds left, "next code") is written straight into the DOM by the shared
  // ticker: a countdown never re-renders this component, let alone the list.
  useLayoutEffect(() => {
    const row = rowRef.current;
    if (!row) return;
    if (!timed || !snapshot) {
      row.setAttribute('aria-label', rowLabel({ ...labelParts, secondsLeft: null, nextCode: null }));
      row.removeAttribute('data-ending');
      return;
    }
    let last = -1;
    return subscribeToSeconds((now) => {
      const { secondsLeft } = windowAt(snapshot.validFromMs!, snapshot.validUntilMs!, now);
      if (secondsLeft === last) return;
      last = secondsLeft;
      const ending = secondsLeft <= NEXT_CODE_LEAD_SECONDS && snapshot.nextCode !== null;
      row.toggleAttribute('data-ending', ending);
      row.setAttribute(
        'aria-label',
        rowLabel({ ...labelParts, secondsLeft, nextCode: ending ? snapshot.nextCode : null }),
      );
      barRef.current?.setAttribute('aria-valuenow', String(secondsLeft));
      barRef.current?.setAttribute(
        'aria-valuetext',
        secondsLeft === 1 ? '1 second left' : `${secondsLeft} seconds left`,
      );
    });
    // labelParts is derived from exactly these dependencies.
  }, [snapshot, timed, code, loading, account.issuer, account.account, account.type]);

  const tab = tabbable ? 0 : -1;
  return (
    <li
      ref={rowRef}
      className="row"
      data-row-id={account.id}
      data-type={account.type}
      data-drop={dropMark ?? undefined}
      tabIndex={tab}
      draggable
    >
      <span className="grip" aria-hidden="true">
        <GripIcon />
      </span>
      <span className="avatar" aria-hidden="true" style={{ '--hue': avatarHue(name) } as React.CSSProperties}>
        {avatarInitial(name)}
      </span>
      <span className="names">
        <span className="issuer">{name}</span>
        {second && <span className="account">{second}</span>}
      </span>
      <span className="code-cell">
        <span className="code-line">
          {timed && snapshot?.nextCode && (
            <span className="next-code" aria-hidden="true">
              next {groupCode(snapshot.nextCode, account.type)}
            </span>
          )}
          <span className={code === null ? 'code unavailable' : 'code'} data-testid="code" aria-hidden="true">
            {code === null ? (unavailable ? 'unavailable' : '— — —') : groupCode(code, account.type)}
          </span>
        </span>
        {timed && snapshot && (
          <Countdown ref={barRef} validFromMs={snapshot.validFromMs!} validUntilMs={snapshot.validUntilMs!} />
        )}
      </span>
      {account.type === 'hotp' && (
        <button
          type="button"
          className="button small"
          tabIndex={tab}
          disabled={busy || unavailable}
          onClick={(e) => {
            e.stopPropagation();
            actions.hotpNext(account.id);
          }}
        >
          <RefreshIcon />
          Next code
        </button>
      )}
      <button
        type="button"
        className="button icon row-menu-button"
        tabIndex={tab}
        aria-label={`Actions for ${name}`}
        aria-haspopup="menu"
        onClick={(e) => {
          e.stopPropagation();
          actions.openMenu(account.id, e.currentTarget);
        }}
      >
        <MoreIcon />
      </button>
    </li>
  );
});
