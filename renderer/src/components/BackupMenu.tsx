import { useState } from 'react';
import { MoreIcon } from './Icons';
import { Menu, type MenuItem } from './Menu';

/** What the backup menu offers. */
export type BackupAction = 'import' | 'export' | 'transfer';

interface BackupMenuProps {
  onChoose: (action: BackupAction) => void;
  /** Export and transfer need at least one account. */
  canExport: boolean;
}

/** The header's "More" button: import from and export to backup files. */
export function BackupMenu({ onChoose, canExport }: BackupMenuProps) {
  // The open menu's button (the menu sits under it), or null while the menu is closed.
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const items: MenuItem[] = [
    { id: 'import', label: 'Import from a backup…', onSelect: () => onChoose('import') },
    { id: 'export', label: 'Export a backup…', disabled: !canExport, onSelect: () => onChoose('export') },
    {
      id: 'transfer',
      label: 'Transfer to Google Authenticator…',
      disabled: !canExport,
      onSelect: () => onChoose('transfer'),
    },
  ];
  return (
    <>
      <button
        type="button"
        className="button icon"
        aria-label="Backup and import"
        title="Backup and import"
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        onClick={(e) => {
          const button = e.currentTarget;
          setAnchor((open) => (open ? null : button));
        }}
      >
        <MoreIcon />
      </button>
      {anchor && (
        <Menu label="Backup and import" items={items} anchor={anchor} onClose={() => setAnchor(null)} />
      )}
    </>
  );
}
