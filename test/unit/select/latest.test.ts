import { describe, expect, test } from '@jest/globals';
import { LatestKeeper } from '../../../src/select/latest.js';
import type { Image } from '../../../src/types.js';

const img = (ImageId: string, CreationDate?: string, Name?: string): Image => ({ ImageId, CreationDate, Name });

describe('LatestKeeper', () => {
  test('when n=1 then the newest image by creation date is kept', () => {
    const k = new LatestKeeper(1);
    for (const i of [img('ami-1', '2025-01-01T00:00:00.000Z'), img('ami-2', '2025-03-01T00:00:00.000Z'), img('ami-3', '2025-02-01T00:00:00.000Z')]) k.push(i);
    expect(k.result().map((i) => i.ImageId)).toEqual(['ami-2']);
  });
  test('when creation dates tie then the version-aware newer name wins', () => {
    const k = new LatestKeeper(1);
    k.push(img('ami-1', '2025-06-01T00:00:00.000Z', 'suse-sles-15-sp7-v20250601'));
    k.push(img('ami-2', '2025-06-01T00:00:00.000Z', 'suse-sles-15-sp10-v20250601'));
    k.push(img('ami-3', '2025-06-01T00:00:00.000Z', 'suse-sles-15-sp6-v20250601'));
    expect(k.result()[0]!.ImageId).toBe('ami-2');
  });
  test('when many images stream through then the top n match a full sort, newest first', () => {
    const images: Image[] = [];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 2000; i++) {
      const day = Math.floor(rnd() * 400);
      images.push(img(`ami-${String(i).padStart(8, '0')}`, new Date(Date.UTC(2024, 0, 1 + day)).toISOString(), `n-${Math.floor(rnd() * 50)}`));
    }
    const k = new LatestKeeper(25);
    for (const i of images) k.push(i);
    const expected = [...images].sort((a, b) => (b.CreationDate! < a.CreationDate! ? -1 : b.CreationDate! > a.CreationDate! ? 1
      : b.Name!.localeCompare(a.Name!, 'en', { numeric: true }) || (b.ImageId! < a.ImageId! ? -1 : 1))).slice(0, 25);
    expect(k.size).toBe(25);
    expect(k.result().map((i) => i.ImageId)).toEqual(expected.map((i) => i.ImageId));
  });
  test('when fewer than n images arrive then all are returned', () => {
    const k = new LatestKeeper(5);
    k.push(img('ami-1', '2025-01-01T00:00:00.000Z'));
    k.push(img('ami-2'));
    expect(k.result().map((i) => i.ImageId)).toEqual(['ami-1', 'ami-2']);
  });
  test('when an image has no creation date then it ranks oldest', () => {
    const k = new LatestKeeper(1);
    k.push(img('ami-undated'));
    k.push(img('ami-dated', '2001-01-01T00:00:00.000Z'));
    expect(k.result()[0]!.ImageId).toBe('ami-dated');
  });
  test('when n is below 1 then a RangeError', () => {
    expect(() => new LatestKeeper(0)).toThrow(RangeError);
  });
});
