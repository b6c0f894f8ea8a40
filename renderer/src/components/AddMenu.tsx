import { useState } from 'react';
import { ChevronDownIcon, PlusIcon } from './Icons';
import { Menu, type MenuItem } from './Menu';

/** The ways to add one account (a backup is imported from the backup menu). */
export type AddMethod = 'manual' | 'scan';

interface AddMenuProps {
  onChoose: (method: AddMethod) => void;
}

/** "Add account" button opening a menu of add methods. */
export function AddMenu({ onChoose }: AddMenuProps) {
  // The open menu's button (the menu sits under it), or null while the menu is closed.
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const items: MenuItem[] = [
    { id: 'manual', label: 'Enter key manually…', onSelect: () => onChoose('manual') },
    { id: 'scan', label: 'Scan QR code…', onSelect: () => onChoose('scan') },
  ];
  return (
    <>
      <button
        type="button"
        className="button primary"
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        onClick={(e) => {
          const button = e.currentTarget;
          setAnchor((open) => (open ? null : button));
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setAnchor(e.currentTarget);
          }
        }}
      >
        <PlusIcon />
        Add account
        <ChevronDownIcon />
      </button>
      {anchor && <Menu label="Add account" items={items} anchor={anchor} onClose={() => setAnchor(null)} />}
    </>
  );
}
