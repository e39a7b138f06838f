/**
 * Builds the typed options of `ami-find [preset] [flags]` once: raw commander values plus the IO
 * object's facts in, query, pagination, selection and output out. Cross-flag rules live here (usage errors).
 */
import { AmiFindError, usageError } from '../errors.js';
import type { AwsClientOptions, ImageQuery, PaginationConfig } from '../types.js';
import { isIacFormat, type IacFormat, type OutputFormat, type SortKey } from '../query/vocabulary.js';
import { buildQuery } from '../query/build-query.js';
import { resolvePreset } from '../query/presets.js';
import { parseDateOrAge } from '../select/dates.js';
import { imagePredicate } from '../select/predicate.js';
import { parseColumns, TABLE_COLUMNS, WIDE_COLUMNS, type ColumnId } from '../output/columns.js';
import { FORMATTERS } from '../output/formatters.js';
import { awsOptions, fanOutTargets } from './aws-options.js';
import type { CliIo, ColorLevel } from './io.js';
import type { RawCliOptions } from './options.js';

/** Client-side selection, applied as images arrive. */
export interface Selection {
  latest?: number;
  sort?: SortKey;
  desc: boolean;
  nameRegex?: string;
  createdAfter?: Date;
  createdBefore?: Date;
}

/** Everything `ami-find [preset] [flags]` needs, decided once. */
export interface ResolvedOptions {
  query: ImageQuery;
  /** Notices for stderr (suspicious filter values). */
  warnings: string[];
  pagination: PaginationConfig;
  aws: AwsClientOptions;
  selection: Selection;
  /** The row format (unused when `iac` is set). */
  format: OutputFormat;
  /** -o terraform, packer or cloudformation: the query written as code (src/output/iac/). */
  iac?: IacFormat;
  /** --pin: the snippet holds the image IDs found now, not the query. */
  pin: boolean;
  columns?: ColumnId[];
  header: boolean;
  /** stdout is a terminal: csv and tsv escape control, bidi and invisible characters (src/output/safe-text.ts). */
  terminal: boolean;
  /** The colour gate's level for where the output goes (stdout, or stderr for the picker). */
  color: ColorLevel;
  spinner: boolean;
  interactive: boolean;
  explain: boolean;
  /** Endpoint as --explain shows it (flag, then AWS_ENDPOINT_URL_EC2, then AWS_ENDPOINT_URL). */
  endpointShown?: string;
  preset?: { name: string; description: string; arch?: string; partition: string; ssmParameter?: string };
  now: Date;
  /** --ssm: the parameter to answer from (src/cli/run-ssm.ts). */
  ssm?: { parameter: string };
  /** A preset with --latest: its parameter, read alongside the listing to cross-check the answer (src/ssm/cross-check.ts). */
  crossCheck?: { parameter: string };
  /** Set when the listing spans several regions or profiles (or -o region-map): what src/cli/run-fan-out.ts runs. */
  fanOut?: FanOutPlan;
}

/** The units of a fan-out listing and how it shows where each image lives. */
export interface FanOutPlan {
  /** Regions, or 'all' (--all-regions); empty: the one region configured. */
  regions: string[] | 'all';
  profiles: string[];
  concurrency?: number;
  /** `ids` prefixes these members: Region, and Profile first with several profiles. */
  origin: ('Profile' | 'Region')[];
  /** The query for a region, when a preset pins a publisher per partition. */
  queryFor?: (region: string) => ImageQuery;
}

/** Why one resume token cannot cover several listings. */
const FAN_OUT_PAGINATION_HINT = 'page through one region and profile at a time (--region r --profile p --max-items n)';

/** Why --latest needs a pinned owner: shown with the usage error. */
export const UNSAFE_LATEST_HINT =
  'anyone can publish an AMI with any name, so "the newest image named X" may be an attacker\'s (AMI name squatting, '
  + 'CVE-2018-15869); pin --owner (e.g. --owner 099720109477 or a preset) or --image-id, or pass --allow-unsafe';

/** Filters that pin who published an image, as Terraform's aws_ami most_recent check accepts them. */
const PINNING_FILTERS = new Set(['owner-id', 'owner-alias', 'image-id']);

function date(flag: string, value: string | undefined, now: Date): Date | undefined {
  if (value === undefined) return undefined;
  try {
    return parseDateOrAge(value, now);
  } catch (err) {
    if (!(err instanceof AmiFindError)) throw err;
    throw usageError(`${flag}: ${err.message}`, err.hint, err.code);
  }
}

/** The query flags as buildQuery takes them. */
function queryInput(raw: RawCliOptions): Parameters<typeof buildQuery>[0] {
  return {
    owners: raw.owner, imageIds: raw.imageId, executableUsers: raw.executableUser, filters: raw.filter,
    name: raw.name, arch: raw.arch, tag: raw.tag,
    includeDeprecated: raw.includeDeprecated, includeDisabled: raw.includeDisabled, dryRun: raw.dryRun,
    availableOnly: raw.latest !== undefined,
  };
}

/** Resolve the main command's raw options (and optional preset) against the IO object's facts. */
export function resolveOptions(raw: RawCliOptions, presetName: string | undefined, io: CliIo): ResolvedOptions {
  const aws = awsOptions(raw, io);
  const tty = io.tty;
  const preset = presetName !== undefined ? resolvePreset(presetName, raw.arch, aws.region) : undefined;
  const { query, warnings } = buildQuery(queryInput(raw), preset);
  const imageIds = query.imageIds;
  const latest = raw.latest === undefined ? undefined : raw.latest === true ? 1 : raw.latest;
  const pinned = Boolean(query.owners?.length || imageIds || query.filters?.some((f) => PINNING_FILTERS.has(f.Name ?? '')));
  if (latest !== undefined && !pinned && !raw.allowUnsafe) {
    throw usageError('--latest needs --owner, --image-id or a preset', UNSAFE_LATEST_HINT, 'E_UNSAFE_LATEST');
  }
  const interactive = raw.interactive === true;
  const iac = isIacFormat(raw.output) ? raw.output : undefined;
  if (interactive && raw.output !== undefined && iac === undefined) {
    throw usageError(`-o ${raw.output} does not apply to -i/--interactive`,
      'the picker prints the chosen image ID; -o terraform, packer or cloudformation print it as a pinned snippet');
  }
  if (interactive && !(tty.stdin && tty.stderr)) {
    throw usageError('-i/--interactive needs a terminal (stdin and stderr)', 'use --output ids or --latest in scripts', 'E_NO_TTY');
  }
  if (interactive && (latest !== undefined || raw.sort !== undefined)) {
    throw usageError(`${latest !== undefined ? '--latest' : '--sort'} does not apply to -i/--interactive`,
      'the picker lists every match newest first; use --latest or --sort without -i');
  }
  if (raw.pin && iac === undefined) throw usageError('--pin applies to -o terraform, packer and cloudformation');
  const format = (iac !== undefined ? 'json' : raw.output ?? (tty.stdout ? 'table' : 'tsv')) as OutputFormat;
  const selection: Selection = {
    latest,
    sort: raw.sort as SortKey | undefined,
    desc: raw.desc === true,
    nameRegex: raw.nameRegex,
    createdAfter: date('--created-after', raw.createdAfter, io.now),
    createdBefore: date('--created-before', raw.createdBefore, io.now),
  };
  imagePredicate(selection); // validates --name-regex now, as a usage error, before any request
  const ssm = ssmParameter(raw, presetName, preset?.ssmParameter);
  const fanOut = fanOutPlan(raw, format, presetName);
  if (fanOut && (raw.maxItems !== undefined || raw.startingToken !== undefined)) {
    throw usageError(`${raw.maxItems !== undefined ? '--max-items' : '--starting-token'} resumes one listing; it cannot be used with several regions or profiles${format === 'region-map' ? ' (or -o region-map)' : ''}`,
      FAN_OUT_PAGINATION_HINT, 'E_FAN_OUT_PAGINATION');
  }
  let columns = raw.columns !== undefined ? parseColumns(raw.columns) : undefined;
  if (fanOut && FORMATTERS[format].usesColumns) {
    // Where each image lives comes first, unless --columns places it.
    const base = columns ?? (format === 'wide' ? WIDE_COLUMNS : TABLE_COLUMNS);
    const origin: ColumnId[] = fanOut.origin.map((o) => (o === 'Profile' ? 'profile' : 'region'));
    columns = [...origin.filter((c) => !base.includes(c)), ...base];
  }
  return {
    query,
    warnings,
    // Why PageSize is dropped with image IDs: EC2 may reject MaxResults+ImageIds (test/ec2-local/README.md, Other policies).
    pagination: { PageSize: imageIds ? undefined : raw.pageSize, MaxItems: raw.maxItems, StartingToken: raw.startingToken },
    aws,
    selection,
    format,
    iac,
    pin: raw.pin === true,
    columns,
    // Off a terminal the default is tsv *without* a header, so `ami-find | cut -f1` needs no tail -n +2.
    header: raw.header && !(raw.output === undefined && !tty.stdout),
    terminal: tty.stdout,
    color: io.colorLevel(raw.color, interactive ? 'stderr' : 'stdout'),
    spinner: tty.stderr && !interactive,
    interactive,
    explain: raw.explain === true,
    endpointShown: aws.endpoint || io.env.AWS_ENDPOINT_URL_EC2 || io.env.AWS_ENDPOINT_URL || undefined,
    preset: preset && presetName
      ? { name: presetName, description: preset.description, arch: raw.arch, partition: preset.partition, ssmParameter: preset.ssmParameter }
      : undefined,
    now: io.now,
    ssm,
    crossCheck: preset?.ssmParameter !== undefined && latest !== undefined && !ssm ? { parameter: preset.ssmParameter } : undefined,
    ...(fanOut ? { fanOut } : {}),
  };
}

/** The fan-out plan for several regions or profiles, --all-regions or -o region-map; undefined for one listing. */
function fanOutPlan(raw: RawCliOptions, format: OutputFormat, presetName: string | undefined): FanOutPlan | undefined {
  const { regions, profiles } = fanOutTargets(raw);
  if (!raw.allRegions && regions.length <= 1 && profiles.length <= 1 && format !== 'region-map') return undefined;
  const queryFor = presetName === undefined ? undefined
    : (region: string) => buildQuery(queryInput(raw), resolvePreset(presetName, raw.arch, region || undefined)).query;
  return {
    regions: raw.allRegions ? 'all' : regions,
    profiles,
    concurrency: raw.concurrency,
    origin: profiles.length > 1 ? ['Profile', 'Region'] : ['Region'],
    queryFor,
  };
}

/** --ssm's parameter: --ssm-parameter, else the preset's for the architecture; usage errors without one. */
function ssmParameter(raw: RawCliOptions, presetName: string | undefined, presetSsm: string | undefined): { parameter: string } | undefined {
  if (raw.ssmParameter !== undefined) {
    if (!raw.ssmParameter.startsWith('/') && !raw.ssmParameter.startsWith('arn:')) {
      throw usageError(`--ssm-parameter: '${raw.ssmParameter}' is not a parameter name`, 'public parameters start with /aws/service/', 'E_SSM_BAD_NAME');
    }
    return { parameter: raw.ssmParameter };
  }
  if (raw.ssm !== true) return undefined;
  if (presetName === undefined) throw usageError('--ssm needs a preset or --ssm-parameter', 'e.g. ami-find al2023 --ssm', 'E_SSM_NO_PARAMETER');
  if (presetSsm === undefined) {
    throw usageError(`preset '${presetName}' has no SSM parameter for ${raw.arch ?? 'x86_64'}`,
      'its publisher announces none that ami-find knows; pass --ssm-parameter, or list with --latest', 'E_PRESET_NO_SSM');
  }
  return { parameter: presetSsm };
}
