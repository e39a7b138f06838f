/** The interactive picker's state, events and result: plain data, so the reducer and render stay pure. */
import type { Image, ImageQuery } from '../../types.js';
import type { PresetSpec } from '../../query/presets.js';
import type { Key } from './keys.js';

/** What runPicker resolves to: a chosen image, Esc on the first step, or Ctrl-C. */
export type PickerResult = { imageId: string } | { cancelled: true } | { interrupted: true };

export type Step = 'source' | 'custom' | 'arch' | 'images' | 'details' | 'region';

/** A step-1 choice: a preset, the caller's own images, or a name glob typed by the user. */
export type SourceChoice =
  | { kind: 'preset'; preset: PresetSpec }
  | { kind: 'self' }
  | { kind: 'custom' };

/** One image in the list: its creation time (newest.ts creationTime), lower-cased filter text and status mark. */
export interface Entry {
  image: Image;
  t: number;
  haystack: string;
  mark: string;
}

/** The running (or finished) search behind the image list. The driver starts one per id. */
export interface SearchState {
  id: number;
  query: ImageQuery;
  /** Breadcrumb for the list's title line. */
  label: string;
  /** The region it lists (undefined: the configured one). */
  region?: string;
  entries: Entry[];
  pages?: number;
  done: boolean;
  error?: string;
  /** The custom glob that matched nothing, when this search tries its other cases. */
  caseRetryOf?: string;
}

export interface PickerState {
  step: Step;
  rows: number;
  cols: number;
  now: Date;
  /** The region listed (undefined: the configured one, e.g. the profile's). */
  region?: string;
  /** Regions the region step offers: those given on the command line first, then every known region. */
  regions: string[];
  regionFilter: string;
  regionCursor: number;
  /** The step Ctrl-R left, to return to. */
  regionReturn?: Step;
  /** Flags carried into every query (include deprecated/disabled). */
  base: ImageQuery;
  source?: SourceChoice;
  arch?: string;
  /** The arch step was skipped (one architecture only), so Esc goes back to the source. */
  archSkipped: boolean;
  sourceFilter: string;
  sourceCursor: number;
  custom: string;
  archCursor: number;
  search?: SearchState;
  nextSearchId: number;
  listFilter: string;
  view: Entry[];
  selectedId?: string;
  /** False until the user moves, so the cursor stays on the newest image while pages stream in. */
  moved: boolean;
  top: number;
  detailsScroll: number;
  /** Opened straight from command-line flags. */
  prefilled: boolean;
  result?: PickerResult;
}

/** Everything that changes the state: keys, streamed images, the end of a search, a resize. */
export type PickerEvent =
  | { type: 'key'; key: Key }
  | { type: 'images'; searchId: number; images: Image[]; pages?: number }
  | { type: 'done'; searchId: number; pages?: number }
  | { type: 'error'; searchId: number; message: string }
  | { type: 'resize'; rows: number; cols: number };
