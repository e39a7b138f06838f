/** Per-region index of a catalogue: stable image order for paging and ID lookup (built once per server). */
import type { Catalogue, CatalogueImage } from '../types.js';

/** Images of one region in catalogue order, with an ID -> position map. */
export interface RegionImages {
  images: CatalogueImage[];
  positionById: Map<string, number>;
  /** Deprecation instant per position (ms since epoch), NaN when the image has none. */
  deprecatedAt: Float64Array;
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
    images.forEach((img, i) => {
      if (img.ImageId !== undefined) positionById.set(img.ImageId, i);
      deprecatedAt[i] = img.DeprecationTime === undefined ? Number.NaN : Date.parse(img.DeprecationTime);
    });
    regions.set(name, { images, positionById, deprecatedAt });
  }
  return { catalogue, regions, regionNames: new Set(regions.keys()) };
}
