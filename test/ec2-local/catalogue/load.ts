/**
 * Catalogues from JSON files and from image lists.
 *
 * File format (UTF-8 JSON), either a bare array of images or an object:
 *   {
 *     "images": [ { "Region": "us-east-1", "ImageId": "ami-0123456789abcdef0", "OwnerId": "123456789012",
 *                   "Name": "...", "State": "available", "Public": false, "CreationDate": "2024-06-01T00:00:00.000Z",
 *                   "LaunchPermissionUserIds": ["210987654321"], "LaunchPermissionOrgShared": false,
 *                   ...any other SDK `Image` field, with the SDK's names and JSON types... } ],
 *     "accessKeys": { "AKIA...": "123456789012" },      optional, default test/support/accounts.ts ACCESS_KEYS
 *     "defaultAccountId": "123456789012",              optional, default SELF_ACCOUNT
 *     "regions": [ { "RegionName": "us-east-1", "Endpoint": "ec2.us-east-1.amazonaws.com",
 *                    "OptInStatus": "opt-in-not-required", "Geography": "United States of America" } ]
 *                                                      optional, default every commercial region
 *   }
 * Each image needs ImageId, OwnerId and Region (Region defaults to "us-east-1"); State defaults to
 * "available" and Public to false. `generateCatalogue()` output written with JSON.stringify loads back equal.
 */
import { readFileSync } from 'node:fs';
import type { Catalogue, CatalogueImage, RegionInfo } from '../types.js';
import { ACCESS_KEYS, SELF_ACCOUNT } from '../../support/accounts.js';
import { regionList } from './generate.js';

/** Builds a catalogue around a list of images (defaults for accounts and regions). */
export function catalogueFromImages(
  images: CatalogueImage[],
  extra: Partial<Omit<Catalogue, 'images'>> = {},
): Catalogue {
  const named = [...new Set(images.map((i) => i.Region))];
  return {
    images,
    accessKeys: extra.accessKeys ?? { ...ACCESS_KEYS },
    defaultAccountId: extra.defaultAccountId ?? SELF_ACCOUNT,
    regions: extra.regions ?? regionList(named),
  };
}

function checkImage(raw: unknown, i: number): CatalogueImage {
  if (typeof raw !== 'object' || raw === null) throw new Error(`catalogue image #${i} is not an object`);
  const img = raw as Partial<CatalogueImage>;
  for (const key of ['ImageId', 'OwnerId'] as const) {
    if (typeof img[key] !== 'string') throw new Error(`catalogue image #${i} has no string ${key}`);
  }
  return { State: 'available', Public: false, ...img, Region: img.Region ?? 'us-east-1' } as CatalogueImage;
}

/** Parses a catalogue document (see the file comment for the format). */
export function parseCatalogue(doc: unknown): Catalogue {
  const obj = Array.isArray(doc) ? { images: doc } : (doc as Record<string, unknown> | null);
  if (!obj || !Array.isArray(obj.images)) throw new Error('catalogue JSON must be an array of images or {"images": [...]}');
  const images = (obj.images as unknown[]).map(checkImage);
  return catalogueFromImages(images, {
    accessKeys: obj.accessKeys as Record<string, string> | undefined,
    defaultAccountId: obj.defaultAccountId as string | undefined,
    regions: obj.regions as RegionInfo[] | undefined,
  });
}

/** Reads a catalogue JSON file. */
export function loadCatalogue(path: string): Catalogue {
  return parseCatalogue(JSON.parse(readFileSync(path, 'utf8')));
}
