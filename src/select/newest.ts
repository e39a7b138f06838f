/**
 * The one answer to "which image is newer", used by --latest, as every --sort key's tie-break, and
 * for the picker's order, so the three never disagree (issue 15 item 6: three AL2023 kernels built
 * at the same second were answered three ways).
 *
 * The rule (README "Which image is the latest"): the later CreationDate is newer; at equal creation
 * times the name that sorts later version-aware (compareVersionedNames: `kernel-6.18` after
 * `kernel-6.12` after `kernel-6.1`) is newer; at equal names the greater image ID. An image without
 * a (parseable) creation date is older than any dated one.
 * Why a tie-break at all: EC2's order is undefined and varies between requests (ec2-contract 4.3,
 * aws/aws-cli#7811), and Terraform ("first seen") and Packer (unstable sort) answer ties arbitrarily.
 */
import type { Image, ImageField } from '../types.js';
import { timeOf } from './image-time.js';
import { compareVersionedNames } from './version-compare.js';

/** The Image members the rule reads. */
export const NEWEST_READS: readonly ImageField[] = ['CreationDate', 'Name', 'ImageId'];

/** An image with its creation time parsed once (Date.parse dominates the cost otherwise). */
export interface Dated {
  readonly image: Image;
  /** CreationDate in ms since the epoch; -Infinity when absent or not a date. */
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

/** Older first (negative when `a` is older); 0 only for images equal in date, name and ID. */
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
