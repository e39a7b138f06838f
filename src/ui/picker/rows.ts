/** One image as a row of the picker's list: fixed columns, then the name in what width is left. */
import type { Image } from '../../types.js';
import { publisherName } from '../../query/presets.js';
import { isDeprecated } from '../../output/columns.js';
import { fit, fitName, padCells } from './text.js';
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
