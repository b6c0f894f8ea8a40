import { ChevronDownIcon, PlusIcon } from './Icons';
import { MenuButton, type MenuItem } from './Menu';

/** The ways to add one account (a backup is imported from the backup menu). */
export type AddMethod = 'manual' | 'scan';

interface AddMenuProps {
  onChoose: (method: AddMethod) => void;
}

/** "Add account" button opening a menu of add methods. */
export function AddMenu({ onChoose }: AddMenuProps) {
  const items: MenuItem[] = [
    { id: 'manual', label: 'Enter key manually…', onSelect: () => onChoose('manual') },
    { id: 'scan', label: 'Scan QR code…', onSelect: () => onChoose('scan') },
  ];
  return (
    <MenuButton label="Add account" items={items} className="button primary">
      <PlusIcon />
      <span className="add-label">Add account</span>
      <ChevronDownIcon />
    </MenuButton>
  );
}
