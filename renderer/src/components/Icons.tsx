/** Small inline icons (stroke = currentColor) so they follow the theme and need no image requests. */
const base = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

/** Magnifying glass for the search field. */
export function SearchIcon() {
  return (
    <svg {...base}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

/** Plus sign for "Add account". */
export function PlusIcon() {
  return (
    <svg {...base}>
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

/** Chevron pointing down, for menu buttons. */
export function ChevronDownIcon() {
  return (
    <svg {...base} width={14} height={14}>
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}

/** Three dots for a row's action menu. */
export function MoreIcon() {
  return (
    <svg {...base} fill="currentColor" stroke="none">
      <circle cx="5" cy="12" r="1.8" />
      <circle cx="12" cy="12" r="1.8" />
      <circle cx="19" cy="12" r="1.8" />
    </svg>
  );
}

/** Circular arrow for "Next code" and "Retry". */
export function RefreshIcon() {
  return (
    <svg {...base}>
      <path d="M20 11a8 8 0 1 0-2.3 5.7" />
      <path d="M20 4v7h-7" />
    </svg>
  );
}

/** Warning triangle for the vault banner and duplicate warning. */
export function WarningIcon() {
  return (
    <svg {...base}>
      <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
      <path d="M12 9v4M12 17h.01" />
    </svg>
  );
}

/** Key shape for the empty state. */
export function KeyIcon() {
  return (
    <svg {...base} width={40} height={40} strokeWidth={1.5}>
      <circle cx="7.5" cy="15.5" r="4.5" />
      <path d="m10.7 12.3 9.8-9.8M17 6l3 3M14.5 8.5l2 2" />
    </svg>
  );
}
