/** Screen layout shared by the reducer (scrolling) and render: how many rows each step's list gets. */

// Lines around each list: title, filter, column header, key hints.
export const IMAGE_CHROME = 4;
export const CHOICE_CHROME = 3;
export const DETAILS_CHROME = 2;

/** Rows available for a list on a terminal `rows` high, given its chrome (at least 1). */
export function bodyRows(rows: number, chrome: number): number {
  return Math.max(1, rows - chrome);
}

/** The new first visible row so that `index` is visible in a window of `height` rows. */
export function keepVisible(index: number, top: number, height: number): number {
  if (index < top) return index;
  if (index >= top + height) return index - height + 1;
  return Math.max(0, top);
}

/** A cursor moved by a key over `count` items with a page of `page` rows; undefined when the key is no move. */
export function moveCursor(cursor: number, key: string, count: number, page: number): number | undefined {
  const last = Math.max(0, count - 1);
  const clamp = (n: number) => Math.min(last, Math.max(0, n));
  switch (key) {
    case 'up': return clamp(cursor - 1);
    case 'down': return clamp(cursor + 1);
    case 'pageup': return clamp(cursor - page);
    case 'pagedown': return clamp(cursor + page);
    case 'home': return 0;
    case 'end': return last;
    default: return undefined;
  }
}
