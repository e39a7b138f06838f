/** The local EC2 endpoint's sample catalogue: generated (deterministic) or loaded from JSON. */
export { generateCatalogue, iterateCatalogueImages, minimumImages, regionList, DEFAULT_IMAGES } from './generate.js';
export type { GenerateOptions } from './generate.js';
export { loadCatalogue, parseCatalogue, catalogueFromImages } from './load.js';
export { ALL_REGIONS, DEFAULT_CATALOGUE_REGIONS } from './regions.js';
export { PUBLISHERS, OFFICIAL_OWNER_IDS } from './publishers.js';
export type { Catalogue, CatalogueImage, RegionInfo } from '../types.js';
