/** findImages across regions end to end: the real SDK against the local endpoint, one region failing. */
import { findImages } from '../../src/index.js';
import { useFixtureEndpoint } from './cli-support.js';

const local = useFixtureEndpoint({ inProcess: true });

test('when findImages is given regions then each image names its region and a failing region is reported, not thrown', async () => {
  local.server.setFaults({ regions: { 'eu-west-1': { failFirstAttempts: { count: 9, code: 'InternalError' } } } });
  const listing = findImages({ owners: ['self'] }, { regions: ['us-east-1', 'eu-west-1', 'af-south-1'], aws: { endpoint: local.server.url, maxAttempts: 1 } });
  const seen: { region: string; id: string }[] = [];
  for await (const image of listing) seen.push({ region: image.Region, id: image.ImageId! });
  const alone: string[] = [];
  for await (const image of findImages({ owners: ['self'] }, { aws: { region: 'us-east-1', endpoint: local.server.url, maxAttempts: 1 } })) alone.push(image.ImageId!);
  expect(seen.map((s) => s.region)).toEqual(alone.map(() => 'us-east-1'));
  expect(seen.map((s) => s.id).sort()).toEqual(alone.sort());
  expect(listing.failures.map((f) => [f.unit.region, f.error.code]).sort()).toEqual([['af-south-1', 'E_CREDENTIALS'], ['eu-west-1', 'E_SERVICE_UNAVAILABLE']]);
  local.server.setFaults({});
});

test('when MaxItems is given with regions then findImages refuses it: one token cannot resume several listings', () => {
  expect(() => findImages({}, { regions: ['us-east-1', 'eu-west-1'], pagination: { MaxItems: 3 } })).toThrow(/MaxItems and StartingToken apply to one region/);
});
