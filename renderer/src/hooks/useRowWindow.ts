import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/** Rows drawn beyond each edge of the viewport, so a short scroll or an arrow key never shows a gap. */
const OVERSCAN = 2;

/** Half-open range [start, end) of row indexes on screen; `end` may pass the row count (clamp it). */
export interface RowRange {
  start: number;
  end: number;
}

/** The nearest ancestor that scrolls vertically (the app's `.content`), or the document's scroller. */
function scrollParent(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/**
 * The rows of a fixed-row-height list that are on screen (plus overscan), recomputed on scroll and
 * resize. Arithmetic rather than a virtualisation library: the list scrolls inside the app's shared
 * `.content` area below a banner of varying height, so its offset is read live from layout.
 */
export function useRowWindow(listRef: RefObject<HTMLElement | null>, rowHeight: number): RowRange {
  const [range, setRange] = useState<RowRange>({ start: 0, end: 24 });

  const update = useCallback(
    (list: HTMLElement, scroller: HTMLElement) => {
      const top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      const start = Math.max(0, Math.floor(-top / rowHeight) - OVERSCAN);
      // Not clamped to the row count: a search keystroke then needs no new measurement (no forced
      // layout in its commit); when the list gets shorter the scroller clamps and a scroll event follows.
      const end = Math.max(start, Math.ceil((scroller.clientHeight - top) / rowHeight) + OVERSCAN);
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    },
    [rowHeight],
  );

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const scroller = scrollParent(list);
    const onChange = () => update(list, scroller);
    onChange();
    const target: EventTarget = scroller === document.scrollingElement ? window : scroller;
    target.addEventListener('scroll', onChange, { passive: true });
    const resize = new ResizeObserver(onChange);
    resize.observe(scroller);
    resize.observe(list);
    return () => {
      target.removeEventListener('scroll', onChange);
      resize.disconnect();
    };
  }, [listRef, update]);

  return range;
}
