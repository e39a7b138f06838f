/** Client-side sorting by SORT_KEYS; ties fall back to newest.ts's age rule, and `--desc` reverses the whole order. */
import type { Image, ImageField } from '../types.js';
import type { SortKey } from '../query/vocabulary.js';
import { compareVersionedNames } from './version-compare.js';
import { compareAge, creationTime, NEWEST_READS, timeOf } from './newest.js';

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
  return [...new Set([...KEYS[key].reads, ...NEWEST_READS])];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy: by `key`, then by age, all reversed by `desc`; images without the key's value last either way. */
export function sortImages(images: readonly Image[], key: SortKey, desc = false): Image[] {
  // Decorate-sort-undecorate: each value (a Date.parse for dates) is read once, not per comparison.
  const { get, cmp } = KEYS[key];
  const compare = cmp as (a: Value, b: Value) => number;
  const decorated = images.map((image) => ({ image, v: get(image), t: creationTime(image) }));
  const sign = desc ? -1 : 1;
  decorated.sort((a, b) => {
    if (a.v === undefined || b.v === undefined) {
      if (a.v !== b.v) return a.v === undefined ? 1 : -1;
    } else {
      const c = compare(a.v, b.v);
      if (c !== 0) return sign * c;
    }
    return sign * compareAge(a, b);
  });
  return decorated.map((d) => d.image);
}
