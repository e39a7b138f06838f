/** The picker's pure state machine: (state, event) -> state. The driver runs searches and draws. */
import type { Image, ImageQuery } from '../../types.js';
import { findPreset } from '../../query/presets.js';
import { REGIONS } from '../../query/vocabulary.js';
import { formatImageDetails } from '../../output/details.js';
import { archChoices, customNameGlob, describeQuery, filterSources, otherCaseGlobs, queryFor, sourceLabel } from './choices.js';
import { filterEntries, mergeNewest } from './entries.js';
import type { Key } from './keys.js';
import type { PickerEvent, PickerState, SourceChoice } from './types.js';

// Lines around each list: title, filter, column header, key hints.
export const IMAGE_CHROME = 4;
export const CHOICE_CHROME = 3;
export const DETAILS_CHROME = 2;

/** Rows available for a list on a terminal `rows` high, given its chrome (at least 1). */
export function bodyRows(rows: number, chrome: number): number {
  return Math.max(1, rows - chrome);
}

/** The new first visible row so that `index` is visible in a window of `height` rows. */
export function keepVisible(index: number, top: number, height: number): number {
  if (index < top) return index;
  if (index >= top + height) return index - height + 1;
  return Math.max(0, top);
}

/** A cursor moved by a key over `count` items with a page of `page` rows; undefined when the key is no move. */
export function moveCursor(cursor: number, key: string, count: number, page: number): number | undefined {
  const last = Math.max(0, count - 1);
  const clamp = (n: number) => Math.min(last, Math.max(0, n));
  switch (key) {
    case 'up': return clamp(cursor - 1);
    case 'down': return clamp(cursor + 1);
    case 'pageup': return clamp(cursor - page);
    case 'pagedown': return clamp(cursor + page);
    case 'home': return 0;
    case 'end': return last;
    default: return undefined;
  }
}

/** What the picker starts from: a query from command-line flags and/or a preset name and architecture. */
export interface PickerInitial {
  query: ImageQuery;
  presetName?: string;
  arch?: string;
}

function hasSelection(q: ImageQuery): boolean {
  return Boolean(q.owners?.length || q.filters?.length || q.imageIds?.length || q.executableUsers?.length);
}

/** The state the picker opens in: straight to the list when flags already say what to search. */
export function initialState(initial: PickerInitial | undefined, now: Date, size = { rows: 24, cols: 80 }, region?: string,
  regions: readonly string[] = []): PickerState {
  const q = initial?.query ?? {};
  const base: ImageQuery = { includeDeprecated: q.includeDeprecated, includeDisabled: q.includeDisabled };
  let state: PickerState = {
    step: 'source', rows: size.rows, cols: size.cols, now, region, base, archSkipped: false,
    regions: [...new Set([...regions, ...(region ? [region] : []), ...REGIONS])], regionFilter: '', regionCursor: 0,
    sourceFilter: '', sourceCursor: 0, custom: '', archCursor: 0, nextSearchId: 1,
    listFilter: '', view: [], moved: false, top: 0, detailsScroll: 0, prefilled: false,
  };
  const preset = initial?.presetName ? findPreset(initial.presetName) : undefined;
  if (hasSelection(q)) {
    const label = preset ? `${preset.title}${initial?.arch ? ` › ${initial.arch}` : ''}` : describeQuery(q);
    return { ...startSearch(state, q, label), prefilled: true };
  }
  if (preset) {
    state = { ...state, source: { kind: 'preset', preset } };
    return initial?.arch ? toImages(state, initial.arch) : toArch(state);
  }
  return state;
}

function startSearch(state: PickerState, query: ImageQuery, label: string): PickerState {
  return {
    ...state, step: 'images', nextSearchId: state.nextSearchId + 1,
    search: { id: state.nextSearchId, query, label, region: state.region, entries: [], done: false },
    listFilter: '', view: [], selectedId: undefined, moved: false, top: 0,
  };
}

function toArch(state: PickerState): PickerState {
  const choices = archChoices(state.source!);
  if (choices.length === 1) return { ...toImages(state, choices[0]!), archSkipped: true };
  const cursor = Math.max(0, choices.indexOf(state.arch ?? ''));
  return { ...state, step: 'arch', archCursor: cursor, archSkipped: false, search: undefined };
}

function toImages(state: PickerState, arch: string): PickerState {
  const source = state.source!;
  const query = queryFor(source, arch, state.custom, state.base, state.region);
  return startSearch({ ...state, arch }, query, sourceLabel(source, arch, state.custom));
}

function backToSource(state: PickerState): PickerState {
  return { ...state, step: 'source', search: undefined, prefilled: false };
}

function editText(text: string, key: Key): string | undefined {
  if (key.name === 'char') return text + key.ch;
  if (key.name === 'backspace') return [...text].slice(0, -1).join('');
  if (key.name === 'ctrl-u') return '';
  return undefined;
}

function onSource(state: PickerState, key: Key): PickerState {
  if (key.name === 'escape') return { ...state, result: { cancelled: true } };
  const rows = filterSources(state.sourceFilter);
  const text = editText(state.sourceFilter, key);
  if (text !== undefined) return { ...state, sourceFilter: text, sourceCursor: 0 };
  const moved = moveCursor(state.sourceCursor, key.name, rows.length, bodyRows(state.rows, CHOICE_CHROME));
  if (moved !== undefined) return { ...state, sourceCursor: moved };
  if (key.name !== 'enter' || !rows.length) return state;
  const choice: SourceChoice = rows[Math.min(state.sourceCursor, rows.length - 1)]!.choice;
  const next = { ...state, source: choice, arch: sameKind(state.source, choice) ? state.arch : undefined };
  return choice.kind === 'custom' ? { ...next, step: 'custom' } : toArch(next);
}

function sameKind(a: SourceChoice | undefined, b: SourceChoice): boolean {
  return a?.kind === b.kind && (a.kind !== 'preset' || (b.kind === 'preset' && a.preset.name === b.preset.name));
}

function onCustom(state: PickerState, key: Key): PickerState {
  if (key.name === 'escape') return { ...state, step: 'source' };
  if (key.name === 'enter') return state.custom.trim() ? toArch(state) : state;
  const text = editText(state.custom, key);
  return text !== undefined ? { ...state, custom: text } : state;
}

function onArch(state: PickerState, key: Key): PickerState {
  if (key.name === 'escape') return { ...state, step: state.source?.kind === 'custom' ? 'custom' : 'source' };
  const choices = archChoices(state.source!);
  const moved = moveCursor(state.archCursor, key.name, choices.length, choices.length);
  if (moved !== undefined) return { ...state, archCursor: moved };
  if (key.name === 'enter') return toImages(state, choices[state.archCursor]!);
  return state;
}

/** Re-filter (only the current view when `narrow`: the filter grew) and keep the selection, or follow the newest until the user moves. */
function refresh(state: PickerState, narrow = false): PickerState {
  const view = filterEntries(narrow ? state.view : state.search?.entries ?? [], state.listFilter);
  let selectedId = state.selectedId;
  if (!state.moved || !view.some((e) => e.image.ImageId === selectedId)) selectedId = view[0]?.image.ImageId;
  const index = Math.max(0, view.findIndex((e) => e.image.ImageId === selectedId));
  const top = state.moved ? keepVisible(index, state.top, bodyRows(state.rows, IMAGE_CHROME)) : 0;
  return { ...state, view, selectedId, top };
}

function selectedImage(state: PickerState): Image | undefined {
  return state.view.find((e) => e.image.ImageId === state.selectedId)?.image;
}

function onImages(state: PickerState, key: Key): PickerState {
  if (key.name === 'escape') {
    if (state.prefilled || !state.source) return backToSource(state);
    if (state.source.kind === 'preset' && state.archSkipped) return backToSource(state);
    return toArch(state);
  }
  const image = selectedImage(state);
  if (key.name === 'enter') return image?.ImageId ? { ...state, result: { imageId: image.ImageId } } : state;
  if ((key.name === 'tab' || key.name === 'right') && image) return { ...state, step: 'details', detailsScroll: 0, moved: true };
  const text = editText(state.listFilter, key);
  if (text !== undefined) {
    return refresh({ ...state, listFilter: text, moved: false }, text.startsWith(state.listFilter));
  }
  const index = Math.max(0, state.view.findIndex((e) => e.image.ImageId === state.selectedId));
  const moved = moveCursor(index, key.name, state.view.length, bodyRows(state.rows, IMAGE_CHROME));
  if (moved === undefined) return state;
  return refresh({ ...state, selectedId: state.view[moved]?.image.ImageId, moved: true });
}

function onDetails(state: PickerState, key: Key): PickerState {
  const image = selectedImage(state);
  if (!image || ['escape', 'left', 'tab', 'backtab', 'backspace'].includes(key.name)) return { ...state, step: 'images' };
  if (key.name === 'enter') return image.ImageId ? { ...state, result: { imageId: image.ImageId } } : state;
  const page = bodyRows(state.rows, DETAILS_CHROME);
  const lines = formatImageDetails(image, state.now).split('\n').length - 1;
  const scroll = moveCursor(state.detailsScroll, key.name, Math.max(1, lines - page + 1), page);
  return scroll === undefined ? state : { ...state, detailsScroll: scroll };
}

/** Regions of the region step whose name contains the filter. */
export function filterRegions(state: Pick<PickerState, 'regions' | 'regionFilter'>): string[] {
  const f = state.regionFilter.trim().toLowerCase();
  return state.regions.filter((r) => r.includes(f));
}

/** Ctrl-R: choose the region to list, from wherever the user is. */
function toRegion(state: PickerState): PickerState {
  const cursor = Math.max(0, state.regions.indexOf(state.region ?? ''));
  return { ...state, step: 'region', regionReturn: state.step, regionFilter: '', regionCursor: cursor };
}

function onRegion(state: PickerState, key: Key): PickerState {
  const back = state.regionReturn ?? 'source';
  if (key.name === 'escape') return { ...state, step: back };
  const rows = filterRegions(state);
  const text = editText(state.regionFilter, key);
  if (text !== undefined) return { ...state, regionFilter: text, regionCursor: 0 };
  const moved = moveCursor(state.regionCursor, key.name, rows.length, bodyRows(state.rows, CHOICE_CHROME));
  if (moved !== undefined) return { ...state, regionCursor: moved };
  if (key.name !== 'enter' || !rows.length) return state;
  const next = { ...state, region: rows[Math.min(state.regionCursor, rows.length - 1)]!, step: back };
  if (!state.search || (back !== 'images' && back !== 'details')) return next;
  // The same list in the new region; a preset's query is resolved again (its publisher differs per partition).
  if (state.source && state.arch !== undefined && !state.prefilled) return toImages(next, state.arch);
  return startSearch(next, state.search.query, state.search.label);
}

function onKey(state: PickerState, key: Key): PickerState {
  if (key.name === 'ctrl-c') return { ...state, result: { interrupted: true } };
  if (key.name === 'ctrl-r' && state.step !== 'region') return toRegion(state);
  switch (state.step) {
    case 'region': return onRegion(state, key);
    case 'source': return onSource(state, key);
    case 'custom': return onCustom(state, key);
    case 'arch': return onArch(state, key);
    case 'images': return onImages(state, key);
    case 'details': return onDetails(state, key);
  }
}

/** A custom glob that matched nothing is tried once more in its other cases (EC2 name globs are case-sensitive). */
function retryOtherCases(state: PickerState): PickerState | undefined {
  const search = state.search!;
  if (state.source?.kind !== 'custom' || state.prefilled || search.caseRetryOf || search.error || search.entries.length) return undefined;
  const glob = customNameGlob(state.custom);
  const others = otherCaseGlobs(glob);
  if (!others.length) return undefined;
  const filters = (search.query.filters ?? []).map((f) => (f.Name === 'name' ? { ...f, Values: others } : f));
  const next = startSearch(state, { ...search.query, filters }, search.label);
  return { ...next, search: { ...next.search!, caseRetryOf: glob } };
}

/** Apply one event. Events of a search that is no longer current are ignored. */
export function reduce(state: PickerState, event: PickerEvent): PickerState {
  if (state.result) return state;
  switch (event.type) {
    case 'key': return onKey(state, event.key);
    case 'resize': return refresh({ ...state, rows: event.rows, cols: event.cols });
    default: {
      const search = state.search;
      if (!search || search.id !== event.searchId) return state;
      if (event.type === 'error') return { ...state, search: { ...search, done: true, error: event.message } };
      if (event.type === 'done') {
        const done = { ...state, search: { ...search, done: true, pages: event.pages ?? search.pages } };
        return retryOtherCases(done) ?? done;
      }
      const entries = mergeNewest(search.entries, event.images, state.now);
      return refresh({ ...state, search: { ...search, entries, pages: event.pages ?? search.pages } });
    }
  }
}
