/** The interactive picker's state, events and result: plain data, so the reducer and render stay pure. */
import type { Image, ImageQuery } from '../../types.js';
import type { PresetSpec } from '../../query/presets.js';
import type { Key } from './keys.js';

/** What runPicker resolves to: a chosen image, Esc on the first step, or Ctrl-C. */
export type PickerResult = { imageId: string } | { cancelled: true } | { interrupted: true };

export type Step = 'source' | 'custom' | 'arch' | 'images' | 'details';

/** A step-1 choice: a preset, the caller's own images, or a name glob typed by the user. */
export type SourceChoice =
  | { kind: 'preset'; preset: PresetSpec }
  | { kind: 'self' }
  | { kind: 'custom' };

/** One image in the list, with what sorting and type-to-filter need precomputed. */
export interface Entry {
  image: Image;
  /** CreationDate in ms; -Infinity when absent (src/select/newest.ts creationTime). */
  t: number;
  /** Lower-cased text the filter terms are looked for in. */
  haystack: string;
  /** The list's status mark (deprecated, disabled, ...) at the picker's `now`, or ''. */
  mark: string;
}

/** The running (or finished) search behind the image list. The driver starts one per id. */
export interface SearchState {
  id: number;
  query: ImageQuery;
  /** Breadcrumb for the list's title line. */
  label: string;
  entries: Entry[];
  pages?: number;
  done: boolean;
  error?: string;
  /** A custom glob matched nothing, so this search tries its other cases (otherCaseGlobs); the glob that matched nothing. */
  caseRetryOf?: string;
}

export interface PickerState {
  step: Step;
  /** Terminal size, from resize events. */
  rows: number;
  cols: number;
  now: Date;
  region?: string;
  /** Flags carried into every query (include deprecated/disabled). */
  base: ImageQuery;
  source?: SourceChoice;
  arch?: string;
  /** True when the arch step was skipped (one architecture only), so Esc goes straight back to the source. */
  archSkipped: boolean;
  /** Step 1: filter text and cursor (index into the filtered choices). */
  sourceFilter: string;
  sourceCursor: number;
  custom: string;
  archCursor: number;
  search?: SearchState;
  nextSearchId: number;
  /** Image list: filter text, its result, the selected image and the first visible row. */
  listFilter: string;
  view: Entry[];
  selectedId?: string;
  /** False until the user moves, so the cursor stays on the newest image while pages stream in. */
  moved: boolean;
  top: number;
  detailsScroll: number;
  /** The list was opened straight from command-line flags. */
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
