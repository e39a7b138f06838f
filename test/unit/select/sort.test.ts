import { describe, expect, test } from '@jest/globals';
import { sortImages } from '../../../src/select/sort.js';
import { SORT_KEYS } from '../../../src/query/vocabulary.js';
import type { Image } from '../../../src/types.js';

const img = (ImageId: string, extra: Partial<Image> = {}): Image => ({ ImageId, ...extra });
const ids = (images: Image[]) => images.map((i) => i.ImageId);

describe('sortImages', () => {
  const images = [
    img('ami-b', { CreationDate: '2025-01-02T00:00:00.000Z', Name: 'x-10' }),
    img('ami-a', { CreationDate: '2024-12-31T23:59:59.000Z', Name: 'x-9' }),
    img('ami-c', { Name: 'x-2' }),
    img('ami-d', { CreationDate: '2025-03-01T00:00:00.000Z' }),
  ];
  test('when sorted by creation-date then oldest first and undated last', () => {
    expect(ids(sortImages(images, 'creation-date'))).toEqual(['ami-a', 'ami-b', 'ami-d', 'ami-c']);
  });
  test('when sorted by creation-date descending then newest first and undated still last', () => {
    expect(ids(sortImages(images, 'creation-date', true))).toEqual(['ami-d', 'ami-b', 'ami-a', 'ami-c']);
  });
  test('when sorted by name then version-aware, nameless last', () => {
    expect(ids(sortImages(images, 'name'))).toEqual(['ami-c', 'ami-a', 'ami-b', 'ami-d']);
  });
  test('when values tie then the images fall back to the age rule in the sort\'s direction, whatever the input order', () => {
    const T = '2025-01-01T00:00:00.000Z';
    const tied = [img('ami-1', { Architecture: 'arm64', CreationDate: T, Name: 'k-6.1' }),
      img('ami-2', { Architecture: 'arm64', CreationDate: T, Name: 'k-6.12' }),
      img('ami-3', { Architecture: 'arm64', CreationDate: '2024-01-01T00:00:00.000Z', Name: 'k-6.18' }),
      img('ami-0', { Architecture: 'x86_64' })];
    for (const input of [tied, [...tied].reverse(), [tied[2]!, tied[0]!, tied[3]!, tied[1]!]]) {
      expect(ids(sortImages(input, 'architecture'))).toEqual(['ami-3', 'ami-1', 'ami-2', 'ami-0']);
      expect(ids(sortImages(input, 'architecture', true))).toEqual(['ami-0', 'ami-2', 'ami-1', 'ami-3']);
    }
  });
  test('when the sort key is missing on several images then they are last, in age order', () => {
    const undated = [img('ami-x', { Name: 'a-2' }), img('ami-y', { Name: 'a-10' }), img('ami-z', { CreationDate: '2025-01-01T00:00:00Z', Name: 'a-1' })];
    expect(ids(sortImages(undated, 'last-launched', true))).toEqual(['ami-z', 'ami-y', 'ami-x']);
    expect(ids(sortImages([...undated].reverse(), 'last-launched'))).toEqual(['ami-x', 'ami-y', 'ami-z']);
  });
  test('when sorted by owner then the alias is used when present', () => {
    const owned = [img('ami-1', { OwnerId: '999999999999' }), img('ami-2', { OwnerId: '137112412989', ImageOwnerAlias: 'amazon' })];
    expect(ids(sortImages(owned, 'owner'))).toEqual(['ami-1', 'ami-2']);
  });
  test('when sorted by last-launched and deprecation-time then dates compare as instants', () => {
    const l = [img('ami-1', { LastLaunchedTime: '2025-02-01T00:00:00Z', DeprecationTime: '2027-01-01T00:00:00.000Z' }),
      img('ami-2', { LastLaunchedTime: '2025-01-01T00:00:00Z', DeprecationTime: '2026-01-01T00:00:00.000Z' })];
    expect(ids(sortImages(l, 'last-launched'))).toEqual(['ami-2', 'ami-1']);
    expect(ids(sortImages(l, 'deprecation-time'))).toEqual(['ami-2', 'ami-1']);
  });
  test('when sorted then the input array is not changed', () => {
    const copy = [...images];
    sortImages(images, 'image-id');
    expect(images).toEqual(copy);
  });
  test('when any sort key is used then every image comes back', () => {
    for (const key of SORT_KEYS) expect(sortImages(images, key)).toHaveLength(images.length);
  });
});
