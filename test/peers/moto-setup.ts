/**
 * Puts the same images in moto and in the local endpoint: public amazon images loaded through
 * MOTO_AMIS_PATH, the caller's own images through RegisterImage/CreateTags/ModifyImageAttribute;
 * then moto's own answer (IDs and fields as moto made them) becomes the local endpoint's catalogue.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTagsCommand, DescribeImagesCommand, EC2Client, ModifyImageAttributeCommand, RegisterImageCommand,
} from '@aws-sdk/client-ec2';
import { DEFAULT_ACCESS_KEY, OTHER_ACCOUNT, SECRET_KEY } from '../support/accounts.js';
import { generateCatalogue, catalogueFromImages } from '../ec2-local/catalogue/index.js';
import type { Catalogue, CatalogueImage } from '../ec2-local/types.js';

/** An SDK client for `url` as the default (self) test account. */
export function sdkClient(url: string): EC2Client {
  return new EC2Client({
    endpoint: url, region: 'us-east-1', maxAttempts: 1,
    credentials: { accessKeyId: DEFAULT_ACCESS_KEY, secretAccessKey: SECRET_KEY },
  });
}

/** Writes a MOTO_AMIS_PATH file with public amazon-alias images of a generated catalogue. */
export function motoAmisFile(): string {
  const { images } = generateCatalogue({ images: 1500, seed: 'moto', regions: ['us-east-1'] });
  const picked = images.filter((i) => i.ImageOwnerAlias === 'amazon' && i.Public).filter((_, n) => n % 5 === 0).slice(0, 40);
  const amis = picked.map((i) => ({
    ami_id: i.ImageId, name: i.Name, description: i.Description, owner_id: i.OwnerId, public: true,
    virtualization_type: i.VirtualizationType, architecture: i.Architecture, state: 'available',
    creation_date: i.CreationDate, platform: i.Platform ?? null, image_type: 'machine',
    image_location: i.ImageLocation, hypervisor: 'xen', root_device_type: i.RootDeviceType,
    root_device_name: i.RootDeviceName, sriov: 'simple',
  }));
  const path = join(mkdtempSync(join(tmpdir(), 'ami-find-moto-')), 'amis.json');
  writeFileSync(path, JSON.stringify(amis));
  return path;
}

/** Own images registered in moto: name, tags, shared with OTHER_ACCOUNT. */
export const OWN_IMAGES: readonly { name: string; tags: Record<string, string>; shared?: boolean }[] = [
  { name: 'h2-web-001', tags: { team: 'platform', env: 'prod' }, shared: true },
  { name: 'h2-web-002', tags: { team: 'platform', env: 'dev' } },
  { name: 'h2-db-001', tags: { team: 'data', env: 'prod' }, shared: true },
  { name: 'h2-db-002', tags: { team: 'data' } },
  { name: `R&D <img> "q" 'a'`, tags: { team: 'R&D <core>', note: `"v" & 'w' <z>` } },
  { name: 'café-日本-🚀', tags: { team: 'sécurité', env: 'dev' } },
];

/** Registers OWN_IMAGES in moto and returns moto's view as a catalogue for the local endpoint. */
export async function mirrorMoto(moto: EC2Client): Promise<Catalogue> {
  const shared = new Set<string>();
  for (const own of OWN_IMAGES) {
    const { ImageId } = await moto.send(new RegisterImageCommand({ Name: own.name, Description: `desc of ${own.name} & <co>` }));
    const Tags = Object.entries(own.tags).map(([Key, Value]) => ({ Key, Value }));
    await moto.send(new CreateTagsCommand({ Resources: [ImageId!], Tags }));
    if (own.shared) {
      await moto.send(new ModifyImageAttributeCommand({ ImageId, LaunchPermission: { Add: [{ UserId: OTHER_ACCOUNT }] } }));
      shared.add(ImageId!);
    }
  }
  const { Images = [] } = await moto.send(new DescribeImagesCommand({}));
  const images: CatalogueImage[] = Images.map((i) => ({
    ...i,
    Region: 'us-east-1',
    ...(shared.has(i.ImageId!) ? { LaunchPermissionUserIds: [OTHER_ACCOUNT] } : {}),
  }));
  return catalogueFromImages(images);
}
