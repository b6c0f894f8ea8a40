import { forwardRef, type ReactNode } from 'react';
import { AddMenu, type AddMethod } from './AddMenu';
import { BackupMenu, type BackupAction } from './BackupMenu';
import { useLockNow } from '../hooks/useLockNow';
import { GearIcon, LockIcon } from './Icons';
import { SearchField } from './SearchField';
import { ShortcutsHelp } from './ShortcutsHelp';

interface HeaderProps {
  query: string;
  onQuery: (q: string) => void;
  onLeaveSearch: () => void;
  onAdd: (method: AddMethod) => void;
  showSearch: boolean;
  /** Opens import, export or the transfer to Google Authenticator. */
  onBackup: (action: BackupAction) => void;
  canExport: boolean;
  onSettings: () => void;
}

/** The app bar: name, search, keyboard help, backups, Lock Keyfob (with a lock password), Settings and "Add account". */
export const Header = forwardRef<HTMLInputElement, HeaderProps>(function Header(
  { query, onQuery, onLeaveSearch, onAdd, showSearch, onBackup, canExport, onSettings },
  searchRef,
) {
  const lockNow = useLockNow();
  return (
    <header className="app-header">
      <h1 className="app-title">
        <span className="app-logo" aria-hidden="true" />
        Keyfob
      </h1>
      {showSearch && <SearchField ref={searchRef} value={query} onChange={onQuery} onLeave={onLeaveSearch} />}
      <div className="header-actions">
        <ShortcutsHelp />
        <BackupMenu onChoose={onBackup} canExport={canExport} />
        {lockNow && (
          <IconButton label="Lock Keyfob" keys="Control+L Meta+L" onClick={lockNow}>
            <LockIcon />
          </IconButton>
        )}
        <IconButton label="Settings" keys="Control+Comma Meta+Comma" onClick={onSettings}>
          <GearIcon />
        </IconButton>
        <AddMenu onChoose={onAdd} />
      </div>
    </header>
  );
});

/** A header button showing only its icon: `label` is its name, `keys` its shortcut for assistive technology. */
function IconButton(props: { label: string; keys: string; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="button icon"
      aria-label={props.label}
      aria-keyshortcuts={props.keys}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
