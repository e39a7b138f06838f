/** Every Image member survives the trip through the XML and the real SDK parser unchanged (contract §2.2). */
import { DescribeImagesCommand, type Image } from '@aws-sdk/client-ec2';
import { fixtureCatalogue } from '../fixtures/catalogue.js';
import { IDS } from '../fixtures/ids.js';
import type { Ec2Local } from '../server/index.js';
import type { CatalogueImage } from '../types.js';
import { client, sortNested, startFixtureServer } from './support.js';

let server: Ec2Local;
// Round-trip of every member: the owner-only members (README "Visibility", visibility.test.ts) are shown to all here.
beforeAll(async () => { server = await startFixtureServer({ policy: { hiddenFromNonOwners: [] } }); });
afterAll(async () => { await server.close(); });

/** The catalogue record minus what DescribeImages does not show. */
function asSdkImage(img: CatalogueImage): Image {
  const { Region: _r, LaunchPermissionUserIds: _l, LaunchPermissionOrgShared: _o, PublicSsmParameterHistory: _h, ...rest } = img;
  return rest;
}

test.each(Object.entries(IDS).filter(([k]) => !['selfDisabled', 'otherPrivate', 'otherDisabled'].includes(k)))(
  'when the %s image is described then the SDK sees exactly the catalogue record',
  async (_key, id) => {
    const out = await client(server).send(new DescribeImagesCommand({ ImageIds: [id] }));
    const expected = fixtureCatalogue().images.find((i) => i.ImageId === id && i.Region === 'us-east-1');
    expect(expected).toBeDefined();
    expect(out.Images?.map(sortNested)).toEqual([sortNested(asSdkImage(expected as CatalogueImage))]);
  },
);

test('when the order is fixed then the richImage record comes back exactly, nested lists in stored order', async () => {
  const fixed = await startFixtureServer({ order: { fixed: true }, policy: { hiddenFromNonOwners: [] } });
  try {
    const out = await client(fixed).send(new DescribeImagesCommand({ ImageIds: [IDS.richImage] }));
    const expected = fixtureCatalogue().images.find((i) => i.ImageId === IDS.richImage && i.Region === 'us-east-1');
    expect(out.Images).toEqual([asSdkImage(expected as CatalogueImage)]);
  } finally {
    await fixed.close();
  }
});

test('when a catalogue holds empty lists then the SDK sees empty arrays, not undefined', async () => {
  const out = await client(server).send(new DescribeImagesCommand({ ImageIds: [IDS.richImage] }));
  expect(out.Images?.[0].Tags).toEqual([]);
});
