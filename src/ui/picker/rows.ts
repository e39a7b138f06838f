/** One image as a row of the picker's list, and text cut and padded to a width in cells so no name breaks the layout. */
import type { Image } from '../../types.js';
import { publisherName } from '../../query/presets.js';
import { isDeprecated } from '../../output/columns.js';
import { safeText } from '../../output/safe-text.js';
import { displayWidth } from '../../output/text-width.js';

/** The owner as people know it: publisher name, else alias, else account ID. */
export function ownerLabel(image: Image): string {
  return publisherName(image.OwnerId) ?? image.ImageOwnerAlias ?? image.OwnerId ?? '';
}

/** The list's status mark: deprecated, disabled, or blank. */
export function statusMark(image: Image, now: Date): string {
  if (image.State === 'disabled') return 'disabled';
  if (isDeprecated(image, now)) return 'deprecated';
  if (image.State && image.State !== 'available') return image.State;
  return '';
}

const ID_W = 21;
const DATE_W = 10;
const ARCH_W = 6;
const OWNER_W = 14;
const MARK_W = 10;

/** Column header matching imageRow (with or without the status column). */
export function headerRow(width: number, withMark: boolean): string {
  return fit(columns('IMAGE ID', 'CREATED', 'ARCH', 'OWNER', withMark ? 'STATUS' : undefined, 'NAME', width), width);
}

function columns(id: string, date: string, arch: string, owner: string, mark: string | undefined, name: string, width: number, shared = 0): string {
  const fixed = [padCells(fit(id, ID_W), ID_W), padCells(date, DATE_W), padCells(fit(arch, ARCH_W), ARCH_W), padCells(fit(owner, OWNER_W), OWNER_W)];
  if (mark !== undefined) fixed.push(mark.padEnd(MARK_W));
  const head = `  ${fixed.join(' ')} `;
  return head + fitName(name, width - displayWidth(head), shared);
}

/** One image row (render adds the selection marker); a too-wide name loses part of its `shared` beginning first. */
export function imageRow(image: Image, now: Date, width: number, withMark: boolean, shared = 0): string {
  return fit(columns(image.ImageId ?? '', (image.CreationDate ?? '').slice(0, 10), image.Architecture ?? '', ownerLabel(image),
    withMark ? statusMark(image, now) : undefined, image.Name ?? '', width, shared), width);
}

/** The longest beginning of `text` at most `width` cells wide. */
function head(text: string, width: number): string {
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width) break;
    out += ch;
  }
  return out;
}

/** Cut `s` (control characters made visible) to at most `width` cells, marking a cut with an ellipsis. */
export function fit(s: string, width: number): string {
  const text = safeText(s);
  if (width <= 0) return '';
  return displayWidth(text) <= width ? text : `${head(text, width - 1)}…`;
}

/** Pad `s` with spaces to `width` cells. */
export function padCells(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Where names stop sharing a beginning: the common prefix length, moved back to just after a `/`, `-` or `_`. */
export function sharedPrefixLength(names: readonly string[]): number {
  if (names.length < 2) return 0;
  const first = names[0]!;
  let n = first.length;
  for (const name of names) {
    let i = 0;
    while (i < n && name[i] === first[i]) i++;
    n = i;
  }
  while (n > 0 && !/[/_-]/.test(names[0]![n - 1]!)) n--;
  return n;
}

/** Fit a name to `width` cells; when too wide, its `shared` beginning common to every row gives way first (`ubuntu/…/noble-…`). */
export function fitName(name: string, width: number, shared: number): string {
  const text = safeText(name);
  if (width <= 0) return '';
  if (shared <= 0 || displayWidth(text) <= width) return fit(text, width);
  const rest = text.slice(shared);
  const room = width - 1 - displayWidth(rest);
  if (room < 0) return `…${fit(rest, width - 1)}`;
  // As much of the shared beginning as fits, ended after a separator when it holds one.
  const start = head(text.slice(0, shared), room);
  const lastSep = Math.max(start.lastIndexOf('/'), start.lastIndexOf('-'), start.lastIndexOf('_'));
  return `${lastSep >= 0 ? start.slice(0, lastSep + 1) : start}…${rest}`;
}
