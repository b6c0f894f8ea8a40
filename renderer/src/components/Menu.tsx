import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** One command in a {@link Menu}. */
export interface MenuItem {
  id: string;
  label: string;
  /** Keyboard shortcut shown beside the label (the handler lives elsewhere). */
  shortcut?: string;
  disabled?: boolean;
  danger?: boolean;
  onSelect: () => void;
}

interface MenuProps {
  label: string;
  items: MenuItem[];
  /** The button that opened the menu: the menu sits under it and focus returns to it. */
  anchor: HTMLElement;
  onClose: () => void;
}

/** A popup menu (WAI-ARIA menu pattern): arrows move, Enter/Space choose, Esc/Tab/outside click close. */
export function Menu({ label, items, anchor, onClose }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const enabled = items.filter((i) => !i.disabled);

  useLayoutEffect(() => {
    const a = anchor.getBoundingClientRect();
    const menu = ref.current?.getBoundingClientRect();
    const width = menu?.width ?? 200;
    const height = menu?.height ?? 0;
    const below = a.bottom + 4 + height <= window.innerHeight;
    setPos({
      top: below ? a.bottom + 4 : Math.max(4, a.top - 4 - height),
      left: Math.min(Math.max(4, a.right - width), window.innerWidth - width - 4),
    });
  }, [anchor]);

  // Focus the first item once the menu is placed (a hidden element cannot take focus).
  const placed = pos !== null;
  useEffect(() => {
    if (placed)
      ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [placed]);

  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose();
    };
    const onBlurWindow = () => onClose();
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('blur', onBlurWindow);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('blur', onBlurWindow);
    };
  }, [anchor, onClose]);

  const close = (refocus: boolean) => {
    onClose();
    if (refocus) anchor.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const nodes = [
      ...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []),
    ];
    const at = nodes.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => nodes[(i + nodes.length) % nodes.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(nodes.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    e.stopPropagation();
  };

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    close(true);
    item.onSelect();
  };

  return (
    <div
      ref={ref}
      className="menu"
      role="menu"
      aria-label={label}
      onKeyDown={onKeyDown}
      style={pos ? { top: pos.top, left: pos.left } : { visibility: 'hidden', top: 0, left: 0 }}
    >
      {items.map((item) => (
        <div
          key={item.id}
          role="menuitem"
          tabIndex={-1}
          aria-disabled={item.disabled || undefined}
          className={item.danger ? 'menu-item danger' : 'menu-item'}
          onClick={() => choose(item)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              e.stopPropagation();
              choose(item);
            }
          }}
        >
          <span>{item.label}</span>
          {item.shortcut && <kbd aria-hidden="true">{item.shortcut}</kbd>}
        </div>
      ))}
      {enabled.length === 0 && <div className="menu-empty">No actions</div>}
    </div>
  );
}

interface MenuButtonProps {
  /** The menu's name; also the button's, when the button shows only an icon (`iconOnly`). */
  label: string;
  items: MenuItem[];
  className: string;
  iconOnly?: boolean;
  children: ReactNode;
}

/** A button opening a {@link Menu} under it: click, Enter or Space toggles it, ArrowDown opens it. */
export function MenuButton({ label, items, className, iconOnly = false, children }: MenuButtonProps) {
  // The open menu's button (the menu sits under it), or null while the menu is closed.
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={iconOnly ? label : undefined}
        title={iconOnly ? label : undefined}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        onClick={(e) => {
          const button = e.currentTarget;
          setAnchor((open) => (open ? null : button));
        }}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown') return;
          e.preventDefault();
          setAnchor(e.currentTarget);
        }}
      >
        {children}
      </button>
      {anchor && <Menu label={label} items={items} anchor={anchor} onClose={() => setAnchor(null)} />}
    </>
  );
}
