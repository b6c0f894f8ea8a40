import { forwardRef } from 'react';
import { SearchIcon } from './Icons';

interface SearchFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** Moves focus to the first matching row (ArrowDown from the field). */
  onLeave: () => void;
}

/** The search box: filters as you type; Esc clears it; ↓ moves into the list. */
export const SearchField = forwardRef<HTMLInputElement, SearchFieldProps>(function SearchField(
  { value, onChange, onLeave },
  ref,
) {
  return (
    <div className="search">
      <SearchIcon />
      <input
        ref={ref}
        type="search"
        aria-label="Search accounts"
        aria-keyshortcuts="/ Control+F Meta+F"
        placeholder="Search"
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value !== '') {
            e.preventDefault();
            onChange('');
          } else if (e.key === 'ArrowDown' || (e.key === 'Enter' && value !== '')) {
            e.preventDefault();
            onLeave();
          }
        }}
      />
      <kbd className="search-hint" aria-hidden="true">
        /
      </kbd>
    </div>
  );
});
