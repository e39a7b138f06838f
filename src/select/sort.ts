/**
 * Client-side sorting by the SORT_KEYS of src/query/vocabulary.ts. EC2 guarantees no order and it
 * varies between requests (ec2-contract.md 4.3), so images equal on the key fall back to the one
 * age rule of src/select/newest.ts, in the same direction: `--desc` reverses the whole order, and
 * `--sort creation-date --desc` lists exactly what `--latest n` picks, in the same order.
 */
import type { Image, ImageField } from '../types.js';
import type { SortKey } from '../query/vocabulary.js';
import { compareVersionedNames } from './version-compare.js';
import { timeOf } from './image-time.js';
import { compareAge, creationTime, NEWEST_READS } from './newest.js';

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

/**
 * A sorted copy: by `key`, images equal on it by age (compareAge), all reversed by `desc`; images
 * missing the key's value sort last either way. The order never depends on the input order.
 */
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
