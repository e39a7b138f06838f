/** What the snippet generators read: the resolved query, the selection, the resolved images and an SSM parameter (docs/IAC.md). */
import type { ImageQuery } from '../../types.js';
import type { SortKey } from '../../query/vocabulary.js';

/** One resolved image; `region` is set when the listing spans regions (keys of a pinned map). */
export interface IacImage {
  id: string;
  name?: string;
  region?: string;
}

/** The client-side selection, as src/cli/resolve.ts resolves it. */
export interface IacSelection {
  latest?: number;
  sort?: SortKey;
  desc?: boolean;
  nameRegex?: string;
  createdAfter?: Date;
  createdBefore?: Date;
}

/** Everything a generator needs; generators are pure functions of it. */
export interface IacInput {
  query: ImageQuery;
  selection: IacSelection;
  /** What the images are, for the comment (a preset's description, or the query in words). */
  description: string;
  /** Base of the block name (a preset and architecture, or the name glob). */
  label: string;
  /** The ami-find command that reproduces the snippet, one shell line. */
  command: string;
  /** The preset used, if any: its owner is the one for the region's partition. */
  preset?: { name: string; partition?: string };
  /** Resolved images to pin instead of writing the query; `one`: the query picks one image per region. */
  pin?: { images: readonly IacImage[]; one: boolean };
  /** The publisher's SSM parameter to write (CloudFormation resolves it at deploy time: `--ssm`). */
  ssmParameter?: string;
  /** The publisher's SSM parameter when known but not written (a preset's): pinned CloudFormation mentions it. */
  knownSsmParameter?: string;
  /** The region of images without one (single-region listings). */
  region?: string;
}
