import { forwardRef } from 'react';
import { AddMenu, type AddMethod } from './AddMenu';
import { BackupMenu, type BackupAction } from './BackupMenu';
import { GearIcon } from './Icons';
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

/** The app bar: name, search, keyboard help, backups, Settings and "Add account". */
export const Header = forwardRef<HTMLInputElement, HeaderProps>(function Header(
  { query, onQuery, onLeaveSearch, onAdd, showSearch, onBackup, canExport, onSettings },
  searchRef,
) {
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
        <button
          type="button"
          className="button icon"
          aria-label="Settings"
          aria-keyshortcuts="Control+Comma Meta+Comma"
          onClick={onSettings}
        >
          <GearIcon />
        </button>
        <AddMenu onChoose={onAdd} />
      </div>
    </header>
  );
});
