import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueFromImages, generateCatalogue, loadCatalogue, parseCatalogue } from './index.js';
import { SELF_ACCOUNT } from '../../support/accounts.js';

const dir = mkdtempSync(join(tmpdir(), 'ami-find-catalogue-'));

describe('loadCatalogue', () => {
  it('when a generated catalogue is written as JSON then it loads back equal', () => {
    const c = generateCatalogue({ images: 1000, now: new Date('2026-01-01T00:00:00Z') });
    const path = join(dir, 'full.json');
    writeFileSync(path, JSON.stringify(c));
    expect(loadCatalogue(path)).toEqual(JSON.parse(JSON.stringify(c)));
  });

  it('when the file is a bare array then defaults fill accounts, regions, state and visibility', () => {
    const path = join(dir, 'bare.json');
    writeFileSync(path, JSON.stringify([{ ImageId: 'ami-0123456789abcdef0', OwnerId: '111122223333', Name: 'x' }]));
    const c = loadCatalogue(path);
    expect(c.defaultAccountId).toBe(SELF_ACCOUNT);
    expect(c.images[0]).toMatchObject({ Region: 'us-east-1', State: 'available', Public: false });
    expect(c.regions.some((r) => r.RegionName === 'us-east-1')).toBe(true);
  });

  it('when an image lacks an ImageId then parsing fails naming the image', () => {
    expect(() => parseCatalogue({ images: [{ OwnerId: '1' }] })).toThrow('#0');
  });

  it('when a custom region is used then DescribeRegions lists it too', () => {
    const c = catalogueFromImages([{ ImageId: 'ami-1', OwnerId: '1', Region: 'local-1' }]);
    expect(c.regions.find((r) => r.RegionName === 'local-1')).toMatchObject({ OptInStatus: 'opt-in-not-required' });
  });
});
