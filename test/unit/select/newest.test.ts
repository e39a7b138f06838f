import { describe, expect, test } from '@jest/globals';
import { compareAge, dated, newestFirst } from '../../../src/select/newest.js';
import { LatestKeeper } from '../../../src/select/latest.js';
import { sortImages } from '../../../src/select/sort.js';
import { mergeNewest } from '../../../src/ui/picker/entries.js';
import type { Image } from '../../../src/types.js';

const img = (ImageId: string, CreationDate?: string, Name?: string): Image => ({ ImageId, CreationDate, Name });
const ids = (images: readonly Image[]) => images.map((i) => i.ImageId);
const newest = (images: readonly Image[]) => ids([...images].map(dated).sort(newestFirst).map((d) => d.image));

/** Three AL2023 kernels built the same second, and one older build. */
const T = '2026-12-04T10:00:00.000Z';
const KERNELS = [
  img('ami-0a', T, 'al2023-ami-2023.15.20261204.0-kernel-6.1-x86_64'),
  img('ami-0c', T, 'al2023-ami-2023.15.20261204.0-kernel-6.18-x86_64'),
  img('ami-0b', T, 'al2023-ami-2023.15.20261204.0-kernel-6.12-x86_64'),
  img('ami-09', '2026-10-15T10:00:00.000Z', 'al2023-ami-2023.14.20261015.0-kernel-6.18-x86_64'),
];
// IDs run against the names, so an ID tie-break (the picker's before) gives another order.
const EXPECTED = ['ami-0c', 'ami-0b', 'ami-0a', 'ami-09'];

/** Every order of `items` (Heap's algorithm). */
function permutations<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  const a = [...items];
  const c = a.map(() => 0);
  out.push([...a]);
  for (let i = 1; i < a.length;) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[j], a[i]] = [a[i]!, a[j]!];
      out.push([...a]);
      c[i]!++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return out;
}

describe('compareAge (the one "newer" rule)', () => {
  test('when creation dates differ then the later one is newer, whatever the names', () => {
    expect(compareAge(dated(img('ami-1', '2025-01-02T00:00:00Z', 'a-1')), dated(img('ami-2', '2025-01-01T00:00:00Z', 'a-9')))).toBeGreaterThan(0);
  });
  test('when creation dates tie then the version-aware later name is newer (6.18 > 6.12 > 6.1)', () => {
    expect(newest(KERNELS)).toEqual(EXPECTED);
  });
  test('when date and name tie then the greater image ID is newer', () => {
    expect(newest([img('ami-1', T, 'x'), img('ami-3', T, 'x'), img('ami-2', T, 'x')])).toEqual(['ami-3', 'ami-2', 'ami-1']);
  });
  test('when an image has no or a bad creation date then it is older than any dated one', () => {
    expect(newest([img('ami-u', undefined, 'z'), img('ami-bad', 'not a date', 'zz'), img('ami-d', '1999-01-01T00:00:00Z', 'a')]))
      .toEqual(['ami-d', 'ami-bad', 'ami-u']);
  });
  test('when two images are compared both ways then the signs are opposite and 0 only for the same date, name and ID', () => {
    for (const a of KERNELS) {
      for (const b of KERNELS) {
        expect(Math.sign(compareAge(dated(a), dated(b))) + Math.sign(compareAge(dated(b), dated(a)))).toBe(0);
        if (a !== b) expect(compareAge(dated(a), dated(b))).not.toBe(0);
      }
    }
  });
});

describe('--latest, --sort creation-date --desc and the picker agree in every input order', () => {
  test.each(permutations(KERNELS).map((p) => [ids(p).join(' '), p] as const))('when the images arrive as %s', (_order, images) => {
    const keeper = new LatestKeeper(KERNELS.length);
    for (const i of images) keeper.push(i);
    expect(ids(keeper.result())).toEqual(EXPECTED);
    expect(ids(sortImages(images, 'creation-date', true))).toEqual(EXPECTED);
    expect(ids(sortImages(images, 'creation-date'))).toEqual([...EXPECTED].reverse());
    // The picker merges page by page: one image per page here.
    let entries = mergeNewest([], [], new Date(T));
    for (const i of images) entries = mergeNewest(entries, [i], new Date(T));
    expect(entries.map((e) => e.image.ImageId)).toEqual(EXPECTED);
  });
});
