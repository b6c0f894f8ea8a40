// Named performance marks the UI benchmark reads (bench/ui.spec.ts); they cost a few µs each.

const afterPaint = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0));

/** Marks the moment the search input changed. */
export function markFilterStart(): void {
  performance.clearMarks('keyfob:filter-start');
  performance.mark('keyfob:filter-start');
}

/**
 * Measures the last search keystroke: input → React commit as `keyfob:filter`, and input → the
 * frame after it as `keyfob:filter-paint` (one entry of each kept).
 */
export function measureFilterCommit(): void {
  if (performance.getEntriesByName('keyfob:filter-start', 'mark').length === 0) return;
  performance.clearMeasures('keyfob:filter');
  performance.measure('keyfob:filter', 'keyfob:filter-start');
  afterPaint(() => {
    if (performance.getEntriesByName('keyfob:filter-start', 'mark').length === 0) return;
    performance.clearMeasures('keyfob:filter-paint');
    performance.measure('keyfob:filter-paint', 'keyfob:filter-start');
  });
}

/** Marks (once per page) the first frame showing `what`: 'list' rows, or their 'codes'. */
export function markPainted(what: 'list' | 'codes'): void {
  const name = `keyfob:${what}-painted`;
  if (performance.getEntriesByName(name).length > 0) return;
  afterPaint(() => {
    if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  });
}
