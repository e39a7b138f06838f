/** The column spec, defined once: what each column reads, its header, its machine and human renderings, and each format's columns. */
import type { Image, ImageField } from '../types.js';
import { usageError } from '../errors.js';
import { didYouMean } from '../query/suggest.js';
import { relativeAge } from './age.js';
import { timeOf } from '../select/newest.js';

export const COLUMN_IDS = [
  'id', 'name', 'owner', 'alias', 'arch', 'created', 'deprecated', 'state', 'virtualization', 'root-device',
  'platform', 'public', 'ena', 'boot-mode', 'image-type', 'last-launched', 'ssm-parameter', 'description', 'region', 'profile',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** A column: its table header (csv and tsv use the id), the members it reads, its raw value ('' when absent), and its value for people when that differs. */
export interface ColumnSpec {
  readonly header: string;
  readonly reads: readonly ImageField[];
  readonly value: (image: Image) => string;
  readonly human?: (image: Image, now: Date) => string;
}

const str = (v: string | boolean | undefined) => (v === undefined ? '' : String(v));

export const COLUMNS: Record<ColumnId, ColumnSpec> = {
  id: { reads: ['ImageId'], header: 'IMAGE ID', value: (i) => str(i.ImageId) },
  name: { reads: ['Name'], header: 'NAME', value: (i) => str(i.Name) },
  owner: { reads: ['OwnerId'], header: 'OWNER', value: (i) => str(i.OwnerId) },
  alias: { reads: ['ImageOwnerAlias'], header: 'ALIAS', value: (i) => str(i.ImageOwnerAlias) },
  arch: { reads: ['Architecture'], header: 'ARCH', value: (i) => str(i.Architecture) },
  created: { reads: ['CreationDate'], header: 'CREATED', value: (i) => str(i.CreationDate), human: (i, now) => dateWithAge(i.CreationDate, now) },
  deprecated: { reads: ['DeprecationTime'], header: 'DEPRECATED', value: (i) => str(i.DeprecationTime), human: (i, now) => dateWithAge(i.DeprecationTime, now, true) },
  state: { reads: ['State'], header: 'STATE', value: (i) => str(i.State) },
  virtualization: { reads: ['VirtualizationType'], header: 'VIRT', value: (i) => str(i.VirtualizationType) },
  'root-device': { reads: ['RootDeviceType'], header: 'ROOT', value: (i) => str(i.RootDeviceType) },
  platform: { reads: ['PlatformDetails'], header: 'PLATFORM', value: (i) => str(i.PlatformDetails) },
  public: { reads: ['Public'], header: 'PUBLIC', value: (i) => str(i.Public) },
  ena: { reads: ['EnaSupport'], header: 'ENA', value: (i) => str(i.EnaSupport) },
  'boot-mode': { reads: ['BootMode'], header: 'BOOT', value: (i) => str(i.BootMode) },
  'image-type': { reads: ['ImageType'], header: 'TYPE', value: (i) => str(i.ImageType) },
  'last-launched': { reads: ['LastLaunchedTime'], header: 'LAST LAUNCHED', value: (i) => str(i.LastLaunchedTime), human: (i, now) => dateWithAge(i.LastLaunchedTime, now) },
  'ssm-parameter': { reads: ['PublicSsmParameterName'], header: 'SSM PARAMETER', value: (i) => str(i.PublicSsmParameterName) },
  description: { reads: ['Description'], header: 'DESCRIPTION', value: (i) => str(i.Description) },
  // Not API members: set on images listed across regions or profiles (src/fan-out/units.ts OriginImage).
  region: { reads: [], header: 'REGION', value: (i) => str((i as { Region?: string }).Region) },
  profile: { reads: [], header: 'PROFILE', value: (i) => str((i as { Profile?: string }).Profile) },
};

/** Columns of `--output table` (and the default for csv and tsv). */
export const TABLE_COLUMNS: readonly ColumnId[] = ['id', 'name', 'owner', 'arch', 'created', 'deprecated'];
/** Columns of `--output wide`. */
export const WIDE_COLUMNS: readonly ColumnId[] = [
  'id', 'name', 'owner', 'alias', 'arch', 'created', 'deprecated', 'state', 'virtualization', 'root-device',
  'platform', 'boot-mode', 'public', 'description',
];

/** The Image members the given columns read. */
export function columnReads(columns: readonly ColumnId[]): ImageField[] {
  return [...new Set(columns.flatMap((c) => COLUMNS[c].reads))];
}

/** Parse `--columns id,name,...`; throws E_BAD_COLUMN (exit 2) with a suggestion for an unknown name. */
export function parseColumns(arg: string): ColumnId[] {
  const ids = arg.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0) throw usageError('--columns needs at least one column', `columns: ${COLUMN_IDS.join(', ')}`, 'E_BAD_COLUMN');
  for (const id of ids) {
    if (!(COLUMN_IDS as readonly string[]).includes(id)) {
      throw usageError(`unknown column '${id}'${didYouMean(id, COLUMN_IDS)}`, `columns: ${COLUMN_IDS.join(', ')}`, 'E_BAD_COLUMN');
    }
  }
  return ids as ColumnId[];
}

/** True when the image's deprecation time has passed at `now`. */
export function isDeprecated(image: Image, now: Date): boolean {
  const t = timeOf(image.DeprecationTime);
  return t !== undefined && t <= now.getTime();
}

/** `2025-01-31 (3d ago)`; a past deprecation reads `yes, 3d ago`. */
function dateWithAge(iso: string | undefined, now: Date, deprecation = false): string {
  const t = timeOf(iso);
  if (t === undefined) return str(iso);
  const age = relativeAge(t, now.getTime());
  return deprecation && t <= now.getTime() ? `yes, ${age}` : `${new Date(t).toISOString().slice(0, 10)} (${age})`;
}
