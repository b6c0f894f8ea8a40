import { memo, useLayoutEffect, useRef } from 'react';
import type { AccountView, CodeSnapshot } from '../../../shared/ipc/shapes';
import { groupCode } from '../lib/code-format';
import { NEXT_CODE_LEAD_SECONDS, windowAt } from '../lib/countdown';
import { avatarHue, avatarInitial, rowLabel } from '../lib/row-label';
import { subscribeToSeconds } from '../lib/ticker';
import { Countdown } from './Countdown';
import { MoreIcon, RefreshIcon } from './Icons';
import { accountSubtitle, accountTitle } from '../../../shared/account-name';

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
  /** Position among the rows shown (0-based) and how many there are, for aria-posinset/-setsize. */
  index: number;
  setSize: number;
}

/** Height of every row in px, border included: the windowed list positions rows by it (styles/list.css `.row`). */
export const ROW_HEIGHT = 68;

/** One account: avatar, names, grouped code, countdown (or "Next code" for HOTP) and actions. */
export const AccountRow = memo(function AccountRow(props: AccountRowProps) {
  const { account, snapshot, unavailable, tabbable, dropMark, busy, actions, index, setSize } = props;
  const rowRef = useRef<HTMLLIElement>(null);
  const code = unavailable ? null : (snapshot?.code ?? null);
  // TOTP and Steam codes hold for a window; HOTP codes have none.
  const validFromMs = code === null ? null : (snapshot?.validFromMs ?? null);
  const validUntilMs = code === null ? null : (snapshot?.validUntilMs ?? null);
  const nextCode = snapshot?.nextCode ?? null;
  const name = accountTitle(account);
  const second = accountSubtitle(account);
  const loading = !unavailable && snapshot === undefined;
  // The name stays put while the code is valid; the seconds are the progressbar's to announce.
  const label = rowLabel({
    issuer: account.issuer,
    account: account.account,
    type: account.type,
    code,
    loading,
  });

  // "Next code" shows in the last seconds: toggled in the DOM by the shared once-a-second ticker,
  // so a countdown never re-renders this component, let alone the list.
  useLayoutEffect(() => {
    const row = rowRef.current;
    if (!row || validFromMs === null || validUntilMs === null || nextCode === null) {
      row?.removeAttribute('data-ending');
      return;
    }
    return subscribeToSeconds((now) => {
      const { secondsLeft } = windowAt(validFromMs, validUntilMs, now);
      row.toggleAttribute('data-ending', secondsLeft <= NEXT_CODE_LEAD_SECONDS);
    });
  }, [validFromMs, validUntilMs, nextCode]);

  const tab = tabbable ? 0 : -1;
  return (
    <li
      ref={rowRef}
      className="row"
      data-row-id={account.id}
      data-type={account.type}
      data-drop={dropMark ?? undefined}
      aria-label={label}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{ top: index * ROW_HEIGHT }}
      tabIndex={tab}
      draggable
    >
      {/* Drawn by CSS (styles/list.css), not an SVG: seven fewer nodes for every row a search mounts. */}
      <span className="grip" aria-hidden="true" />
      <span className="avatar" aria-hidden="true" style={{ '--hue': avatarHue(name) } as React.CSSProperties}>
        {avatarInitial(name)}
      </span>
      <span className="names">
        <span className="issuer">{name}</span>
        {second && <span className="account">{second}</span>}
      </span>
      <span className="code-cell">
        <span className="code-line">
          {validUntilMs !== null && nextCode !== null && (
            <span className="next-code" aria-hidden="true">
              next {groupCode(nextCode, account.type)}
            </span>
          )}
          <span className={code === null ? 'code unavailable' : 'code'} data-testid="code" aria-hidden="true">
            {code === null ? (unavailable ? 'unavailable' : '— — —') : groupCode(code, account.type)}
          </span>
        </span>
        {validFromMs !== null && validUntilMs !== null && (
          <Countdown validFromMs={validFromMs} validUntilMs={validUntilMs} />
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
