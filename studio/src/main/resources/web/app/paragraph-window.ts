/** Rows rendered above and below the visible ones, so that scrolling a little shows rows already there. */
const OVERSCAN = 30;
/** The window moves in blocks of rows, so that scrolling re-renders only when a block boundary is crossed. */
const BLOCK = 20;

/** Which rows [start, end) of a long list to render, and how tall the space above and below them is. */
export interface RowWindow {
  start: number;
  end: number;
}

/** The rows to render for a scroll position, given an estimated row height: what is visible plus the overscan, snapped to blocks. */
export function windowAt(scrollTop: number, viewport: number, rowHeight: number, count: number): RowWindow {
  const first = Math.floor(scrollTop / rowHeight);
  const start = Math.max(0, Math.floor((first - OVERSCAN) / BLOCK) * BLOCK);
  const end = Math.min(count, Math.ceil((first + viewport / rowHeight + OVERSCAN) / BLOCK) * BLOCK);
  return { start, end: Math.max(end, Math.min(count, start + BLOCK)) };
}

/** The window that holds row index, centred on it as far as the list allows. */
export function windowAround(index: number, viewport: number, rowHeight: number, count: number): RowWindow {
  return windowAt(Math.max(0, index * rowHeight - viewport / 2), viewport, rowHeight, count);
}

export function sameWindow(a: RowWindow, b: RowWindow): boolean {
  return a.start === b.start && a.end === b.end;
}
