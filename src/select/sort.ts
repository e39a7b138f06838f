/** Client-side sorting by the SORT_KEYS of src/query/vocabulary.ts. EC2 guarantees no order (ec2-contract.md 4.3). */
import type { Image, ImageField } from '../types.js';
import type { SortKey } from '../query/vocabulary.js';
import { compareVersionedNames } from './version-compare.js';
import { timeOf } from './image-time.js';

type Value = number | string | undefined;

/** How each sort key reads an image and compares two present values. */
const KEYS: Record<SortKey, { reads: readonly ImageField[]; get: (i: Image) => Value; cmp: (a: never, b: never) => number }> = {
  'creation-date': { reads: ['CreationDate'], get: (i) => timeOf(i.CreationDate), cmp: (a: number, b: number) => a - b },
  name: { reads: ['Name'], get: (i) => i.Name, cmp: compareVersionedNames },
  'deprecation-time': { reads: ['DeprecationTime'], get: (i) => timeOf(i.DeprecationTime), cmp: (a: number, b: number) => a - b },
  'last-launched': { reads: ['LastLaunchedTime'], get: (i) => timeOf(i.LastLaunchedTime), cmp: (a: number, b: number) => a - b },
  'image-id': { reads: ['ImageId'], get: (i) => i.ImageId, cmp: compareText },
  owner: { reads: ['ImageOwnerAlias', 'OwnerId'], get: (i) => i.ImageOwnerAlias ?? i.OwnerId, cmp: compareVersionedNames },
  architecture: { reads: ['Architecture'], get: (i) => i.Architecture, cmp: compareText },
};

/** The Image members sorting by `key` reads. */
export function sortReads(key: SortKey): readonly ImageField[] {
  return KEYS[key].reads;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy (stable: equal images keep their input order); missing values sort last either way. */
export function sortImages(images: readonly Image[], key: SortKey, desc = false): Image[] {
  // Decorate-sort-undecorate: each value (a Date.parse for dates) is read once, not per comparison.
  const { get, cmp } = KEYS[key];
  const compare = cmp as (a: Value, b: Value) => number;
  const decorated = images.map((image) => ({ image, v: get(image) }));
  decorated.sort((a, b) => {
    if (a.v === undefined || b.v === undefined) return a.v === undefined ? (b.v === undefined ? 0 : 1) : -1;
    return desc ? compare(b.v, a.v) : compare(a.v, b.v);
  });
  return decorated.map((d) => d.image);
}
