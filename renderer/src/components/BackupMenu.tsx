import { MoreIcon } from './Icons';
import { MenuButton, type MenuItem } from './Menu';

/** What the backup menu offers. */
export type BackupAction = 'import' | 'export' | 'transfer';

interface BackupMenuProps {
  onChoose: (action: BackupAction) => void;
  /** Export and transfer need at least one account. */
  canExport: boolean;
}

/** The header's "More" button: import from and export to backup files. */
export function BackupMenu({ onChoose, canExport }: BackupMenuProps) {
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
    <MenuButton label="Backup and import" items={items} className="button icon" iconOnly>
      <MoreIcon />
    </MenuButton>
  );
}
