/** -o region-map and -o ids across regions: pure writers over images tagged with their origin. */
import { createWriter } from '../../../src/output/formatters.js';
import type { Image } from '../../../src/types.js';

const now = new Date('2026-01-01T00:00:00Z');
const img = (ImageId: string, Region: string, Profile?: string) => ({ ImageId, Region, ...(Profile ? { Profile } : {}) }) as Image;
const write = (format: 'region-map' | 'ids', images: Image[], origin?: ('Profile' | 'Region')[]) => {
  const w = createWriter(format, { now, origin });
  return w.begin() + images.map((i) => w.row(i)).join('') + w.end();
};

test('when each region has one image then region-map is {region: id} with sorted keys', () => {
  expect(JSON.parse(write('region-map', [img('ami-2', 'us-west-2'), img('ami-1', 'eu-west-1')]))).toEqual({ 'eu-west-1': 'ami-1', 'us-west-2': 'ami-2' });
  expect(Object.keys(JSON.parse(write('region-map', [img('ami-2', 'us-west-2'), img('ami-1', 'eu-west-1')])))).toEqual(['eu-west-1', 'us-west-2']);
});

test('when images carry profiles then region-map is keyed by profile, then region', () => {
  expect(JSON.parse(write('region-map', [img('ami-1', 'us-east-1', 'prod'), img('ami-2', 'us-east-1', 'dev')])))
    .toEqual({ dev: { 'us-east-1': 'ami-2' }, prod: { 'us-east-1': 'ami-1' } });
});

test('when a region has two images then region-map refuses with a usage error naming the region', () => {
  expect(() => write('region-map', [img('ami-1', 'us-east-1'), img('ami-2', 'us-east-1')]))
    .toThrow(expect.objectContaining({ code: 'E_REGION_MAP_AMBIGUOUS', exitCode: 2, message: expect.stringMatching(/us-east-1 has 2/) }));
});

test('when ids has an origin then each line is REGION<TAB>ID (PROFILE first with profiles), and plain IDs without', () => {
  expect(write('ids', [img('ami-1', 'us-east-1')], ['Region'])).toBe('us-east-1\tami-1\n');
  expect(write('ids', [img('ami-1', 'us-east-1', 'dev')], ['Profile', 'Region'])).toBe('dev\tus-east-1\tami-1\n');
  expect(write('ids', [img('ami-1', 'us-east-1')])).toBe('ami-1\n');
});
