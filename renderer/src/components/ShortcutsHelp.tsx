import { useId, useState } from 'react';

const SHORTCUTS: Array<[string, string]> = [
  ['/ or Ctrl+F', 'Search'],
  ['Esc', 'Clear search'],
  ['↑ ↓', 'Move between accounts'],
  ['Enter', 'Copy code'],
  ['F2', 'Edit names'],
  ['Delete', 'Delete account'],
  ['Alt+↑ Alt+↓', 'Move account up or down'],
  ['Shift+F10', 'Account actions'],
  ['Ctrl+,', 'Settings'],
  ['Ctrl+L', 'Lock Keyfob (with a lock password)'],
];

/** A "?" button that toggles a small panel listing the keyboard shortcuts. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="shortcuts">
      <button
        type="button"
        className="button icon"
        aria-label="Keyboard shortcuts"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node)) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        ?
      </button>
      <div id={id} className="shortcuts-panel" role="region" aria-label="Keyboard shortcuts" hidden={!open}>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
