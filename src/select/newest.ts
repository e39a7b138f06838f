/** The one "which image is newer" rule, for --latest, every --sort tie and the picker (docs/ARCHITECTURE.md). */
import type { Image, ImageField } from '../types.js';
import { compareVersionedNames } from './version-compare.js';

/** Milliseconds since the epoch, or undefined when the field is absent or not a date. */
export function timeOf(value: string | Date | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The Image members the rule reads. */
export const NEWEST_READS: readonly ImageField[] = ['CreationDate', 'Name', 'ImageId'];

/** An image with its creation time parsed once (Date.parse dominates the cost otherwise). */
export interface Dated {
  readonly image: Image;
  readonly t: number;
}

/** The creation time the rule compares: -Infinity (oldest) when absent or not a date. */
export function creationTime(image: Image): number {
  return timeOf(image.CreationDate) ?? -Infinity;
}

/** Wrap an image with its creation time. */
export function dated(image: Image): Dated {
  return { image, t: creationTime(image) };
}

/** Older first: by CreationDate, then version-aware name, then image ID; 0 only when all three are equal. */
export function compareAge(a: Dated, b: Dated): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  const byName = compareVersionedNames(a.image.Name ?? '', b.image.Name ?? '');
  if (byName !== 0) return byName;
  const ia = a.image.ImageId ?? '';
  const ib = b.image.ImageId ?? '';
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** Newest first: the order of --latest n, `--sort creation-date --desc` and the picker. */
export function newestFirst(a: Dated, b: Dated): number {
  return compareAge(b, a);
}
