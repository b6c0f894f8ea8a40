import { useRef, useState } from 'react';
import { ChevronDownIcon, PlusIcon } from './Icons';
import { Menu, type MenuItem } from './Menu';

/** The ways to add an account. Only working ones are listed; scanning and importing join later. */
export type AddMethod = 'manual' | 'scan';

interface AddMenuProps {
  onChoose: (method: AddMethod) => void;
}

/** "Add account" button opening a menu of add methods. */
export function AddMenu({ onChoose }: AddMenuProps) {
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const items: MenuItem[] = [
    { id: 'manual', label: 'Enter key manually…', onSelect: () => onChoose('manual') },
    { id: 'scan', label: 'Scan QR code…', onSelect: () => onChoose('scan') },
  ];
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button primary"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <PlusIcon />
        Add account
        <ChevronDownIcon />
      </button>
      {open && button.current && (
        <Menu label="Add account" items={items} anchor={button.current} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
