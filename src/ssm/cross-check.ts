/**
 * The cross-check of a preset's `--latest` against its publisher's SSM pointer: when they name different
 * images, one line saying both and the likely reason. Pure: the images in, the text out.
 */
import { creationTime } from '../select/newest.js';
import type { Image } from '../types.js';
import type { Pointer } from './pointer.js';

/** A kernel token in an image name: `kernel-6.1`, `kernel-5.10`. */
const KERNEL = /kernel-(\d+(?:\.\d+)*)/;

const shown = (image: Image) => `${image.ImageId}${image.Name ? ` (${image.Name})` : ''}`;

/** Why the pointer names `pointed` (undefined: not among the listing's images) rather than the listing's `newest`. */
export function disagreementReason(pointer: Pointer, newest: Image, pointed: Image | undefined, now: Date): string {
  if (pointed === undefined) {
    return 'its image is not among the listed matches: a variant outside the preset\'s names, or deprecated (--include-deprecated lists it)';
  }
  const deprecation = pointed.DeprecationTime === undefined ? NaN : Date.parse(pointed.DeprecationTime);
  if (!Number.isNaN(deprecation) && deprecation <= now.getTime()) return `deprecated pointer target: the publisher has not moved it since ${pointed.DeprecationTime}`;
  const kp = KERNEL.exec(pointed.Name ?? '')?.[1];
  const kn = KERNEL.exec(newest.Name ?? '')?.[1];
  if (kp !== undefined && kn !== undefined && kp !== kn) return `kernel variant: the pointer follows kernel ${kp}, the newest match is kernel ${kn}`;
  const tp = creationTime(pointed);
  const tn = creationTime(newest);
  if (tp === tn) return 'edition variant built the same second: ami-find breaks the tie by version-aware name, then image ID';
  if (tp > tn) return 'the pointer\'s image is newer than every listed match';
  const moved = pointer.lastModified?.getTime();
  if (moved !== undefined && moved < tn) return `rollout lag: the newest match was created after the pointer last moved (${pointer.lastModified!.toISOString()})`;
  return 'the pointer names an older build (rollout lag, or a build the publisher withdrew)';
}

/** The notice line (without the `ami-find: ` prefix), or undefined when the pointer names the listing's newest image. */
export function crossCheckNotice(pointer: Pointer, newest: Image, pointed: Image | undefined, now: Date): string | undefined {
  if (pointer.value === newest.ImageId) return undefined;
  return `note: --latest is ${shown(newest)}, but ${pointer.name} is ${pointed ? shown(pointed) : pointer.value}: ${disagreementReason(pointer, newest, pointed, now)}`;
}
