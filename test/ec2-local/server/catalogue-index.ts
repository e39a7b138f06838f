/** Per-region index of a catalogue: stable image order for paging and ID lookup (built once per server). */
import type { Catalogue, CatalogueImage } from '../types.js';

/** Images of one region in catalogue order, with an ID -> position map. */
export interface RegionImages {
  images: CatalogueImage[];
  positionById: Map<string, number>;
  /** Deprecation instant per position (ms since epoch), NaN when the image has none. */
  deprecatedAt: Float64Array;
  /** Positions of each owner's images, ascending (for Owner.N with account IDs or `self`). */
  byOwner: Map<string, number[]>;
  /** Positions of each owner alias's images, ascending (for Owner.N with `amazon` and the like). */
  byAlias: Map<string, number[]>;
}

/** The indexed catalogue the request handlers read. */
export interface CatalogueIndex {
  catalogue: Catalogue;
  regions: Map<string, RegionImages>;
  regionNames: ReadonlySet<string>;
}

/** Index a catalogue by region; every region of `catalogue.regions` gets an entry, even without images. */
export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  const lists = new Map<string, CatalogueImage[]>();
  for (const r of catalogue.regions) lists.set(r.RegionName, []);
  for (const img of catalogue.images) {
    let list = lists.get(img.Region);
    if (list === undefined) {
      list = [];
      lists.set(img.Region, list);
    }
    list.push(img);
  }
  const regions = new Map<string, RegionImages>();
  for (const [name, images] of lists) {
    const positionById = new Map<string, number>();
    const deprecatedAt = new Float64Array(images.length);
    const byOwner = new Map<string, number[]>();
    const byAlias = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string | undefined, i: number) => {
      if (key === undefined) return;
      const list = map.get(key);
      if (list === undefined) map.set(key, [i]);
      else list.push(i);
    };
    images.forEach((img, i) => {
      add(byOwner, img.OwnerId, i);
      add(byAlias, img.ImageOwnerAlias, i);
      if (img.ImageId !== undefined) positionById.set(img.ImageId, i);
      deprecatedAt[i] = img.DeprecationTime === undefined ? Number.NaN : Date.parse(img.DeprecationTime);
    });
    regions.set(name, { images, positionById, deprecatedAt, byOwner, byAlias });
  }
  return { catalogue, regions, regionNames: new Set(regions.keys()) };
}

/** Ascending positions of the images of `owners` (aliases, `self` = `selfAccount`, or account IDs). */
export function ownerPositions(region: RegionImages, owners: string[], selfAccount: string): number[] {
  const lists = owners.map((o) => {
    if (o === 'self') return region.byOwner.get(selfAccount);
    return /^[0-9]{12}$/.test(o) ? region.byOwner.get(o) : region.byAlias.get(o);
  });
  const merged = new Set<number>();
  for (const list of lists) for (const pos of list ?? []) merged.add(pos);
  return [...merged].sort((a, b) => a - b);
}
