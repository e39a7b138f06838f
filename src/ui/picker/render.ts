/** The picker's screen as a pure function of its state: exactly `height` lines, none wider than `width`. */
import { formatImageDetails } from '../../output/details.js';
import { archChoices, filterSources, globRegExp, otherCaseGlobs } from './choices.js';
import { CHOICE_CHROME, DETAILS_CHROME, IMAGE_CHROME, bodyRows, filterRegions } from './reducer.js';
import { fit, headerRow, imageRow, padCells, sharedPrefixLength } from './rows.js';
import { displayWidth } from '../../output/text-width.js';
import { safeText } from '../../output/safe-text.js';
import type { PickerState } from './types.js';

/** Colour hooks for the picker; identity by default (the `>` marker shows the selection without colour). */
export interface PickerStyle {
  title(s: string): string;
  selected(s: string): string;
  dim(s: string): string;
  warn(s: string): string;
}

export const PLAIN_PICKER_STYLE: PickerStyle = { title: (s) => s, selected: (s) => s, dim: (s) => s, warn: (s) => s };

/** Key hint line per step. */
export const HINTS: Record<PickerState['step'], string> = {
  source: '↑↓ move · type to filter · Enter select · Esc quit · Ctrl-R region · Ctrl-C quit',
  custom: 'type a name glob (* and ?; plain text matches anywhere in the name) · Enter next · Esc back',
  arch: '↑↓ move · Enter select · Esc back · Ctrl-C quit',
  images: '↑↓ PgUp PgDn move · type to filter · Tab/→ details · Enter choose · Esc back · Ctrl-R region · Ctrl-C quit',
  details: '↑↓ PgUp PgDn scroll · Enter choose · Esc/←/Tab back to the list · Ctrl-C quit',
  region: '↑↓ move · type to filter · Enter list this region · Esc back · Ctrl-C quit',
};

const CARET = '█';

function leftRight(left: string, right: string, width: number): string {
  const gap = width - displayWidth(left) - displayWidth(right);
  return gap >= 2 ? `${left}${' '.repeat(gap)}${right}` : fit(`${left}  ${right}`, width);
}

function choiceList(items: string[], cursor: number, height: number, width: number, style: PickerStyle): string[] {
  const top = Math.max(0, cursor - height + 1);
  return items.slice(top, top + height).map((text, i) => {
    const line = fit(`${top + i === cursor ? '> ' : '  '}${text}`, width);
    return top + i === cursor ? style.selected(line) : line;
  });
}

function sourceScreen(s: PickerState, width: number, height: number, style: PickerStyle): string[] {
  const rows = filterSources(s.sourceFilter);
  const labelW = Math.max(...rows.map((r) => displayWidth(r.label)), 0);
  const items = rows.map((r) => `${padCells(r.label, labelW)}  ${r.detail}`);
  const body = items.length ? choiceList(items, s.sourceCursor, bodyRows(height, CHOICE_CHROME), width, style)
    : [style.dim(fit(`  nothing matches "${s.sourceFilter}"`, width))];
  return [style.title(fit('ami-find › what to search', width)), fit(`filter: ${s.sourceFilter}${CARET}`, width), ...body];
}

function customScreen(s: PickerState, width: number): string[] {
  return ['ami-find › Custom query', `name glob: ${s.custom}${CARET}`,
    '  Searches every image you can see (any owner): check the OWNER column before you choose.'].map((l) => fit(l, width));
}

function archScreen(s: PickerState, width: number, height: number, style: PickerStyle): string[] {
  const what = s.source?.kind === 'preset' ? s.source.preset.title : s.source?.kind === 'self' ? 'My images' : 'Custom query';
  const items = archChoices(s.source!).map((a) => (a === 'any' ? 'any architecture' : a));
  return [style.title(fit(`ami-find › ${what} › architecture`, width)), '',
    ...choiceList(items, s.archCursor, bodyRows(height, CHOICE_CHROME), width, style)];
}

function status(s: PickerState): string {
  const search = s.search!;
  const parts = [`${search.entries.length} image${search.entries.length === 1 ? '' : 's'}`];
  if (search.region) parts.unshift(search.region); // which region the list is from (Ctrl-R switches)
  if (s.listFilter) parts.push(`${s.view.length} match`);
  if (search.pages) parts.push(`page ${search.pages}`);
  if (search.error) parts.push('failed');
  else if (!search.done) parts.push('loading…');
  return parts.join(' · ');
}

function emptyMessage(s: PickerState): string {
  const search = s.search!;
  if (search.error) return `error: ${search.error}`;
  if (!search.done && !search.entries.length) return 'waiting for the first page…';
  if (search.entries.length) return `no image matches "${s.listFilter}"`;
  if (!search.done) return 'loading…';
  if (search.caseRetryOf) return `no image name matches ${search.caseRetryOf} in any case (EC2 name globs are case-sensitive)`;
  return s.base.includeDeprecated ? 'no images found'
    : 'no images found (deprecated images are hidden: start ami-find -i with --include-deprecated to see them)';
}

/** The list's title: the breadcrumb, and after a case retry which case of the typed glob exists. */
function title(s: PickerState): string {
  const search = s.search!;
  if (!search.caseRetryOf) return `ami-find › ${search.label}`;
  const found = otherCaseGlobs(search.caseRetryOf).filter((g) => {
    const re = globRegExp(g);
    return search.entries.some((e) => re.test(e.image.Name ?? ''));
  });
  const tail = found.length ? `showing ${found.join(' ')}` : search.done ? 'no other case either' : `trying ${otherCaseGlobs(search.caseRetryOf).join(' ')}`;
  return `ami-find › ${search.label} › none: names are case-sensitive; ${tail}`;
}

function imagesScreen(s: PickerState, width: number, height: number, style: PickerStyle): string[] {
  const listH = bodyRows(height, IMAGE_CHROME);
  const visible = s.view.slice(s.top, s.top + listH);
  const withMark = s.view.some((e) => e.mark !== '');
  // Over the whole list, so scrolling does not move where names are cut.
  const shared = sharedPrefixLength(s.view.map((e) => safeText(e.image.Name ?? '')));
  const rows = visible.map((e) => {
    const selected = e.image.ImageId === s.selectedId;
    const line = imageRow(e.image, s.now, width, withMark, shared);
    const marked = selected ? `>${line.slice(1)}` : line;
    return selected ? style.selected(marked) : e.mark ? style.warn(marked) : marked;
  });
  if (!rows.length) rows.push(style.dim(fit(`  ${emptyMessage(s)}`, width)));
  else if (s.search?.error) rows.push(style.warn(fit(`  error: ${s.search.error}`, width)));
  return [
    style.title(fit(title(s), width)),
    leftRight(`filter: ${s.listFilter}${CARET}`, status(s), width),
    style.dim(headerRow(width, withMark)),
    ...rows.slice(0, listH),
  ];
}

function regionScreen(s: PickerState, width: number, height: number, style: PickerStyle): string[] {
  const rows = filterRegions(s);
  const items = rows.map((r) => (r === s.region ? `${r}  (listing now)` : r));
  const body = items.length ? choiceList(items, s.regionCursor, bodyRows(height, CHOICE_CHROME), width, style)
    : [style.dim(fit(`  no region matches "${s.regionFilter}"`, width))];
  return [style.title(fit('ami-find › region to list', width)), fit(`filter: ${s.regionFilter}${CARET}`, width), ...body];
}

function detailsScreen(s: PickerState, width: number, height: number): string[] {
  const entry = s.view.find((e) => e.image.ImageId === s.selectedId);
  const lines = entry ? formatImageDetails(entry.image, s.now).split('\n').slice(0, -1) : [];
  const h = bodyRows(height, DETAILS_CHROME);
  return [fit(`ami-find › ${s.search?.label ?? ''} › details`, width),
    ...lines.slice(s.detailsScroll, s.detailsScroll + h).map((l) => fit(l, width))];
}

/** Draw the state on a `width` x `height` screen: body lines, blank filler, and the key hint line last. */
export function render(state: PickerState, width: number, height: number, style: PickerStyle = PLAIN_PICKER_STYLE): string {
  let body: string[];
  switch (state.step) {
    case 'source': body = sourceScreen(state, width, height, style); break;
    case 'custom': body = customScreen(state, width); break;
    case 'arch': body = archScreen(state, width, height, style); break;
    case 'images': body = imagesScreen(state, width, height, style); break;
    case 'details': body = detailsScreen(state, width, height); break;
    case 'region': body = regionScreen(state, width, height, style); break;
  }
  const lines = body.slice(0, Math.max(0, height - 1));
  while (lines.length < height - 1) lines.push('');
  lines.push(style.dim(fit(HINTS[state.step], width)));
  return lines.join('\n');
}
