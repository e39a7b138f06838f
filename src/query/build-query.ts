/** CLI pieces and a preset -> the ImageQuery; same-name filters merge into one (values OR), user filters replace the preset's (docs/ARCHITECTURE.md). */
import type { Filter, ImageQuery } from '../types.js';
import { usageError } from '../errors.js';
import { EXECUTABLE_USER_ALIASES, OWNER_ALIASES } from './vocabulary.js';
import { parseFilterArgs } from './filters.js';
import { assertKnownFilterName, checkFilterValues } from './filter-names.js';
import { shortcutFilters, type ShortcutFlags } from './shortcuts.js';
import { didYouMean } from './suggest.js';

/** The query flags after commander (lists already split on commas). */
export interface QueryPieces extends ShortcutFlags {
  owners?: readonly string[];
  imageIds?: readonly string[];
  executableUsers?: readonly string[];
  /** Raw `--filter` arguments, parsed here (see filters.ts for the accepted forms). */
  filters?: readonly string[];
  includeDeprecated?: boolean;
  includeDisabled?: boolean;
  dryRun?: boolean;
  /** Only `available` images unless a filter names `state` (for --latest: a failed build is often the newest). */
  availableOnly?: boolean;
}

/** What a preset expands to (src/query/presets.ts resolvePreset). */
export interface PresetExpansion {
  owners: readonly string[];
  filters: readonly Filter[];
}

/** The query, plus warnings for the CLI to show on stderr (suspicious enumerated filter values). */
export interface BuiltQuery {
  query: ImageQuery;
  warnings: string[];
}

const ACCOUNT_ID = /^\d{12}$/;
/** ami-, and aki-/ari- for the kernel and ramdisk images DescribeImages lists too. */
const IMAGE_ID = /^a[mkr]i-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** Build the ImageQuery; throws usage errors (exit 2) for bad owners, image IDs, users and filters. */
export function buildQuery(pieces: QueryPieces, preset?: PresetExpansion): BuiltQuery {
  const userFilters = mergeFilters([...(pieces.filters ?? []).flatMap(parseFilterArgs), ...shortcutFilters(pieces)]);
  for (const f of userFilters) assertKnownFilterName(f.Name!);
  const overridden = new Set(userFilters.map((f) => f.Name));
  const presetFilters = mergeFilters((preset?.filters ?? []).filter((f) => !overridden.has(f.Name)));
  const filters = [...presetFilters, ...userFilters];
  if (pieces.availableOnly === true && !filters.some((f) => f.Name === 'state')) filters.push({ Name: 'state', Values: ['available'] });

  const userOwners = cleanList(pieces.owners);
  const owners = (userOwners.length > 0 ? userOwners : cleanList(preset?.owners)).map(checkOwner);
  const query: ImageQuery = {};
  if (owners.length > 0) query.owners = owners;
  const imageIds = cleanList(pieces.imageIds).map(checkImageId);
  if (imageIds.length > 0) query.imageIds = imageIds;
  const users = cleanList(pieces.executableUsers).map(checkExecutableUser);
  if (users.length > 0) query.executableUsers = users;
  if (filters.length > 0) query.filters = filters;
  if (pieces.includeDeprecated === true) query.includeDeprecated = true;
  if (pieces.includeDisabled === true) query.includeDisabled = true;
  if (pieces.dryRun === true) query.dryRun = true;
  return { query, warnings: userFilters.flatMap(checkFilterValues) };
}

/** Merge same-name filters (first appearance keeps its place); values keep order, without duplicates. */
export function mergeFilters(filters: readonly Filter[]): Filter[] {
  const byName = new Map<string | undefined, string[]>();
  for (const f of filters) {
    const values = byName.get(f.Name) ?? [];
    for (const v of f.Values ?? []) if (!values.includes(v)) values.push(v);
    byName.set(f.Name, values);
  }
  return [...byName].map(([Name, Values]) => ({ Name, Values }));
}

/** Trim, drop empties (`--owner a,` gives an empty piece), drop duplicates. */
function cleanList(list: readonly string[] | undefined): string[] {
  return [...new Set((list ?? []).map((s) => s.trim()).filter((s) => s !== ''))];
}

/** `value` when it is a 12-digit account ID or one of `aliases`; else a usage error. */
function checkAccount(value: string, what: string, aliases: readonly string[], hint: string, code: string): string {
  if (ACCOUNT_ID.test(value) || aliases.includes(value)) return value;
  throw usageError(`invalid ${what} '${value}'${didYouMean(value, aliases)}`, hint, code);
}

function checkOwner(owner: string): string {
  return checkAccount(owner, 'owner', OWNER_ALIASES, `an owner is a 12-digit account ID or one of ${OWNER_ALIASES.join(', ')}`, 'E_BAD_OWNER');
}

/** What a well-formed image ID looks like (a usage error's hint). */
export const IMAGE_ID_HINT = "an image ID is 'ami-' ('aki-', 'ari-' for kernel and ramdisk images) and 8 or 17 lower-case hex digits";

/** `id` when it is a well-formed image ID; else a usage error (E_BAD_IMAGE_ID, exit 2): for --image-id and show alike. */
export function checkImageId(id: string): string {
  if (IMAGE_ID.test(id)) return id;
  throw usageError(`invalid image ID '${id}'`, IMAGE_ID_HINT, 'E_BAD_IMAGE_ID');
}

function checkExecutableUser(user: string): string {
  return checkAccount(user, 'executable user', EXECUTABLE_USER_ALIASES,
    `an executable user is a 12-digit account ID, ${EXECUTABLE_USER_ALIASES.join(' or ')}`, 'E_BAD_EXECUTABLE_USER');
}
