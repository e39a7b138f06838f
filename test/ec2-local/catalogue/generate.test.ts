import { generateCatalogue, iterateCatalogueImages, minimumImages } from './index.js';

const NOW = new Date('2026-11-27T00:00:00Z');

describe('generateCatalogue', () => {
  it('when called twice with the same seed and now then the catalogues are identical', () => {
    const a = generateCatalogue({ images: 2000, seed: 'x', now: NOW });
    const b = generateCatalogue({ images: 2000, seed: 'x', now: NOW });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('when the seed changes then image IDs change', () => {
    const a = generateCatalogue({ images: 2000, seed: 1, now: NOW });
    const b = generateCatalogue({ images: 2000, seed: 2, now: NOW });
    const ids = new Set(a.images.map((i) => i.ImageId));
    expect(b.images.filter((i) => ids.has(i.ImageId))).toHaveLength(0);
  });

  it.each([700, 5000, 23_457])('when %i images are asked for then exactly that many are made', (n) => {
    expect(generateCatalogue({ images: n, now: NOW }).images).toHaveLength(n);
  });

  it('when no count is given then 5000 images over the three default regions are made', () => {
    const c = generateCatalogue({ now: NOW });
    expect(c.images).toHaveLength(5000);
    expect([...new Set(c.images.map((i) => i.Region))].sort()).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
  });

  it('when fewer images than the minimum are asked for then a RangeError names the minimum', () => {
    const min = minimumImages({ now: NOW });
    expect(() => generateCatalogue({ images: min - 1, now: NOW })).toThrow(RangeError);
    expect(() => generateCatalogue({ images: min - 1, now: NOW })).toThrow(String(min));
    expect(generateCatalogue({ images: min, now: NOW }).images).toHaveLength(min);
  });

  it('when one region is asked for then every image lives there and the minimum is smaller', () => {
    const c = generateCatalogue({ images: 1000, regions: ['eu-central-1'], now: NOW });
    expect(new Set(c.images.map((i) => i.Region))).toEqual(new Set(['eu-central-1']));
    expect(minimumImages({ regions: ['eu-central-1'], now: NOW })).toBeLessThan(minimumImages({ now: NOW }));
  });

  it('when regions repeat then a RangeError is thrown', () => {
    expect(() => generateCatalogue({ regions: ['us-east-1', 'us-east-1'], now: NOW })).toThrow(RangeError);
  });

  it('when iterated lazily then the same images come out in the same order', () => {
    const eager = generateCatalogue({ images: 1500, seed: 's', now: NOW }).images;
    const lazy = [...iterateCatalogueImages({ images: 1500, seed: 's', now: NOW })];
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
  });

  it('when no date is given then creation dates end before today and span about three years', () => {
    const c = generateCatalogue({ images: 3000, seed: 'd' });
    const today = new Date();
    const dates = c.images.filter((i) => !i.Name!.startsWith('amzn-ami-')).map((i) => Date.parse(i.CreationDate!));
    expect(Math.max(...dates)).toBeLessThanOrEqual(today.getTime());
    expect(Math.min(...dates)).toBeGreaterThan(today.getTime() - 1100 * 86_400_000);
    expect(Math.max(...dates)).toBeGreaterThan(today.getTime() - 7 * 86_400_000);
  });
});
