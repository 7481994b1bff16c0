import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './sidebar.css';

type Props = {
  count: number;
  /** Every row is this tall (px): what lets the list place row N without rendering rows 0..N-1. */
  rowHeight: number;
  /** Renders the focusable button of row `index`; it must carry `data-index` and `tabIndex`. */
  renderRow: (index: number, tabIndex: 0 | -1) => ReactNode;
  /** Called with the rows on screen (plus a margin) whenever they change: load them. */
  onRange: (first: number, last: number) => void;
  /** Scrolling returns to the top when this changes (another query, another tag). */
  resetKey: string;
  label: string;
  testId?: string;
};

/** Rows rendered beyond the visible ones, above and below, so fast scrolling rarely shows gaps. */
const OVERSCAN = 6;
const KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End']);

/**
 * A list of any length that renders only the rows in view: a tall empty list gives the scroll
 * bar its true size and the visible rows sit in it at `index × rowHeight`. One row at a time is
 * in the tab order (roving tabindex); the arrow keys, Page Up/Down, Home and End move focus
 * through every row, scrolling it into view and rendering it first.
 */
export function VirtualList({
  count,
  rowHeight,
  renderRow,
  onRange,
  resetKey,
  label,
  testId,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const onRangeRef = useRef(onRange);
  useEffect(() => {
    onRangeRef.current = onRange;
  }, [onRange]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const [lastResetKey, setLastResetKey] = useState(resetKey);
  if (resetKey !== lastResetKey) {
    setLastResetKey(resetKey);
    setScrollTop(0);
    setActive(0);
  }
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  const activeRow = Math.min(active, Math.max(0, count - 1));
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  useEffect(() => {
    if (count > 0) onRangeRef.current(first, last);
  }, [first, last, count, resetKey]);

  // The active row is always rendered, so the list keeps a place in the tab order.
  const indices: number[] = [];
  if (count > 0 && (activeRow < first || activeRow > last)) indices.push(activeRow);
  for (let i = first; i <= last; i++) indices.push(i);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const button = list.current?.querySelector<HTMLElement>(`[data-index="${activeRow}"]`);
    if (button) {
      focusPending.current = false;
      button.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    const element = scroller.current;
    if (element) {
      const top = target * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + element.clientHeight)
        element.scrollTop = top + rowHeight - element.clientHeight;
      setScrollTop(element.scrollTop);
    }
    focusPending.current = true;
    setActive(target);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!KEYS.has(event.key) || count === 0) return;
    event.preventDefault();
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeRow + 1,
      ArrowUp: activeRow - 1,
      PageDown: activeRow + page,
      PageUp: activeRow - page,
      Home: 0,
      End: count - 1,
    };
    moveTo(moves[event.key]!);
  };

  return (
    <div
      className="cd-story-scroll"
      ref={scroller}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <ul
        ref={list}
        className="cd-story-list"
        aria-label={label}
        data-testid={testId}
        style={{ height: count * rowHeight }}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const index = Number((e.target as HTMLElement).dataset.index);
          if (Number.isInteger(index) && index !== activeRow) setActive(index);
        }}
      >
        {indices.map((index) => (
          <li
            key={index}
            className="cd-story-row"
            style={{ top: index * rowHeight, height: rowHeight }}
            aria-setsize={count}
            aria-posinset={index + 1}
          >
            {renderRow(index, index === activeRow ? 0 : -1)}
          </li>
        ))}
      </ul>
    </div>
  );
}
