/**
 * The option table and the command tree: every flag and command is defined here once. Commander
 * (program.ts), help, the completion scripts and the README tables all walk them; after a change
 * run `npm run completions` and `npm run docs` (the drift tests fail until then).
 */
import type { CliIo } from './io.js';
import {
  ARCHITECTURES, EXECUTABLE_USER_ALIASES, IAC_FORMATS, OUTPUT_FORMATS, OWNER_ALIASES, PARSERS, RETRY_MODES, SHELLS, SORT_KEYS, SSM_FORMATS, type Shell,
} from '../query/vocabulary.js';
import { AGE_EXAMPLES } from '../select/age-units.js';

/** Help/README sections, in display order. */
export const OPTION_GROUPS = [
  'Query', 'Filter shortcuts', 'Pagination', 'Selection', 'Output', 'AWS', 'General',
] as const;
export type OptionGroup = (typeof OPTION_GROUPS)[number];

/** How a shell completes the value of a flag. `choices` flags complete their choices. */
export type CompletionKind =
  | 'none' // a switch: takes no value
  | 'free' // free text: nothing to offer
  | 'choices' // the spec's `choices`
  | 'filter' // NAME= then enumerated values (src/query/vocabulary.ts)
  | 'owner' // aliases and well-known publisher accounts
  | 'executable-user' // self, all
  | 'region'
  | 'profile' // read from ~/.aws/config and ~/.aws/credentials at completion time
  | 'preset'
  | 'columns'
  | 'tag'; // free text KEY=VALUE

/** Value parsers: a whole number from 1, or a time (500ms, 10s, 2m, 1h, bare seconds) in milliseconds. */
export type ValueParser = 'positive-int' | 'duration';

export interface OptionSpec {
  /** Commander flags, e.g. `-o, --output <format>`. */
  readonly flags: string;
  /** The property name on the parsed options object. */
  readonly key: string;
  readonly group: OptionGroup;
  /** One line for --help and the README. */
  readonly description: string;
  readonly choices?: readonly string[];
  readonly default?: string | number | boolean;
  /** May be given more than once; values collect into an array. */
  readonly repeatable?: boolean;
  /** Each value is also split on commas (`--owner a,b`). */
  readonly splitCommas?: boolean;
  readonly parse?: ValueParser;
  /** Environment variable commander reads when the flag is absent. */
  readonly env?: string;
  readonly conflicts?: readonly string[];
  readonly complete: CompletionKind;
}

/** What --ssm cannot be combined with: it answers from one pointer, not from a listing. */
const SSM_CONFLICTS = [
  'owner', 'imageId', 'executableUser', 'filter', 'name', 'tag', 'dryRun', 'maxItems', 'startingToken',
  'latest', 'sort', 'nameRegex', 'createdAfter', 'createdBefore', 'interactive',
] as const;

/** Every flag of the main command, in help order within each group. */
export const OPTIONS = [
  // Query: the DescribeImages paginator input.
  { flags: '--owner <id|alias>', key: 'owner', group: 'Query', repeatable: true, splitCommas: true, complete: 'owner',
    description: `only images owned by these accounts or aliases (${OWNER_ALIASES.join(', ')}); repeatable, comma-separated` },
  { flags: '--image-id <ami-id>', key: 'imageId', group: 'Query', repeatable: true, splitCommas: true, complete: 'free',
    description: 'only these image IDs; repeatable, comma-separated (no MaxResults is sent with image IDs)' },
  { flags: '--executable-user <id|self|all>', key: 'executableUser', group: 'Query', repeatable: true, splitCommas: true,
    complete: 'executable-user',
    description: `only images these accounts may launch (${EXECUTABLE_USER_ALIASES.join(', ')}, or an account ID); repeatable` },
  { flags: '--filter <name=value[,value...]>', key: 'filter', group: 'Query', repeatable: true, complete: 'filter',
    description: 'an EC2 filter; values OR, filters AND; also Name=...,Values=...; \\, for a literal comma; repeatable' },
  { flags: '--include-deprecated', key: 'includeDeprecated', group: 'Query', complete: 'none',
    description: 'include deprecated images (hidden by default, as EC2 does)' },
  { flags: '--include-disabled', key: 'includeDisabled', group: 'Query', complete: 'none',
    description: 'include disabled images (only their owner sees them)' },
  { flags: '--dry-run', key: 'dryRun', group: 'Query', complete: 'none',
    description: 'ask EC2 whether the request would succeed; exit 0 if so, 6 if not authorized' },
  { flags: '--ssm', key: 'ssm', group: 'Query', complete: 'none', conflicts: SSM_CONFLICTS,
    description: 'answer from the publisher\'s SSM public parameter (the preset\'s, or --ssm-parameter): one GetParameter, then the image by ID, in each region listed' },
  { flags: '--ssm-parameter <name>', key: 'ssmParameter', group: 'Query', complete: 'free', conflicts: SSM_CONFLICTS,
    description: 'answer from this SSM parameter (implies --ssm), e.g. /aws/service/debian/release/13/latest/arm64' },
  // Shortcuts that expand to filters.
  { flags: '--name <glob>', key: 'name', group: 'Filter shortcuts', repeatable: true, complete: 'free',
    description: 'image name glob (* and ?), same as --filter name=<glob>; repeatable' },
  { flags: '--arch <arch>', key: 'arch', group: 'Filter shortcuts', choices: ARCHITECTURES, complete: 'choices',
    description: 'architecture, same as --filter architecture=<arch>' },
  { flags: '--tag <key[=value]>', key: 'tag', group: 'Filter shortcuts', repeatable: true, complete: 'tag',
    description: 'tag:<key>=<value>, or tag-key=<key> without a value; repeatable' },
  // Pagination: boto3 PaginationConfig semantics, tokens compatible with the AWS CLI.
  { flags: '--page-size <n>', key: 'pageSize', group: 'Pagination', parse: 'positive-int', default: 1000, complete: 'free',
    description: 'images per request, sent as MaxResults' },
  { flags: '--max-items <n>', key: 'maxItems', group: 'Pagination', parse: 'positive-int', complete: 'free',
    description: 'stop after n images and print a token to resume from' },
  { flags: '--starting-token <token>', key: 'startingToken', group: 'Pagination', complete: 'free',
    description: 'resume a listing from a token printed by ami-find or the AWS CLI (or a raw EC2 NextToken)' },
  // Client-side selection.
  { flags: '--latest [n]', key: 'latest', group: 'Selection', parse: 'positive-int', complete: 'free',
    description: 'only the newest n images (default 1): by creation date, ties by version-aware name, then image ID; only available images unless a --filter names state; needs --owner or --image-id' },
  { flags: '--allow-unsafe', key: 'allowUnsafe', group: 'Selection', complete: 'none',
    description: 'allow --latest without an owner (beware AMI name squatting, CVE-2018-15869)' },
  { flags: '--sort <field>', key: 'sort', group: 'Selection', choices: SORT_KEYS, complete: 'choices',
    description: 'sort the results (name sorts version-aware); ties by age, as --latest, never by EC2\'s order' },
  { flags: '--desc', key: 'desc', group: 'Selection', complete: 'none', description: 'sort descending (the whole order reversed: --sort creation-date --desc starts with --latest\'s image)' },
  { flags: '--name-regex <re>', key: 'nameRegex', group: 'Selection', complete: 'free',
    description: 'only images whose name matches this JavaScript regular expression, run in linear time'
      + ' (no backreferences, lookaround or counts above {1000})' },
  { flags: '--created-after <date|age>', key: 'createdAfter', group: 'Selection', complete: 'free',
    description: `only images created after a date (2025-01-31) or age (${AGE_EXAMPLES})` },
  { flags: '--created-before <date|age>', key: 'createdBefore', group: 'Selection', complete: 'free',
    description: 'only images created before a date or age' },
  // Output.
  { flags: '-o, --output <format>', key: 'output', group: 'Output', choices: [...OUTPUT_FORMATS, ...IAC_FORMATS], complete: 'choices',
    description: 'output format (default: table on a terminal, tsv without a header otherwise); terraform, packer and cloudformation write the query as code' },
  { flags: '--pin', key: 'pin', group: 'Output', complete: 'none',
    description: 'with -o terraform or packer: write the image IDs found now instead of the query (cloudformation always does)' },
  { flags: '--columns <list>', key: 'columns', group: 'Output', complete: 'columns',
    description: 'comma-separated columns for table, wide, csv and tsv' },
  { flags: '--no-header', key: 'header', group: 'Output', complete: 'none', description: 'omit the header line' },
  { flags: '--no-color', key: 'color', group: 'Output', complete: 'none',
    description: 'no colour (also NO_COLOR; FORCE_COLOR forces it)' },
  { flags: '-i, --interactive', key: 'interactive', group: 'Output', complete: 'none',
    conflicts: ['explain', 'dryRun', 'maxItems', 'startingToken'],
    description: 'pick an image interactively; prints the chosen ID on stdout (with -o terraform, packer or cloudformation: a pinned snippet)' },
  // AWS access.
  { flags: '--region <region>', key: 'region', group: 'AWS', repeatable: true, splitCommas: true, complete: 'region',
    description: 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, or the profile\'s region); several (repeatable, comma-separated) are listed concurrently, each image tagged with its region' },
  { flags: '--all-regions', key: 'allRegions', group: 'AWS', complete: 'none', conflicts: ['region'],
    description: 'every region enabled for the account (DescribeRegions); opt-in regions it has not enabled are skipped with a notice' },
  { flags: '--profile <name>', key: 'profile', group: 'AWS', env: 'AWS_PROFILE', repeatable: true, splitCommas: true, complete: 'profile',
    description: 'named profile from the AWS config and credentials files; several (repeatable, comma-separated) list each account' },
  { flags: '--concurrency <n>', key: 'concurrency', group: 'AWS', parse: 'positive-int', complete: 'free',
    description: 'regions and profiles listed at once, each with its own client and retries (default 32)' },
  { flags: '--endpoint-url <url>', key: 'endpointUrl', group: 'AWS', complete: 'free',
    description: 'EC2 endpoint (default: AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL, or the profile\'s)' },
  { flags: '--max-attempts <n>', key: 'maxAttempts', group: 'AWS', parse: 'positive-int', env: 'AWS_MAX_ATTEMPTS',
    complete: 'free', description: 'attempts per request, with backoff on throttling, server errors, timeouts and cut-off answers (default 3)' },
  { flags: '--retry-mode <mode>', key: 'retryMode', group: 'AWS', choices: RETRY_MODES, env: 'AWS_RETRY_MODE', complete: 'choices',
    description: 'standard, or adaptive (also slows down once throttled); legacy runs as standard (default: the profile\'s retry_mode, else standard)' },
  { flags: '--connect-timeout <duration>', key: 'connectTimeout', group: 'AWS', parse: 'duration', env: 'AMI_FIND_CONNECT_TIMEOUT',
    complete: 'free', description: 'longest wait for a connection to EC2 to open, e.g. 10s or 500ms (default 10s); then the attempt is retried' },
  { flags: '--read-timeout <duration>', key: 'readTimeout', group: 'AWS', parse: 'duration', env: 'AMI_FIND_READ_TIMEOUT',
    complete: 'free', description: 'longest silence from EC2, before or within an answer (default 60s); then the attempt is retried' },
  { flags: '--parser <parser>', key: 'parser', group: 'AWS', choices: PARSERS, default: 'fast', env: 'AMI_FIND_PARSER',
    complete: 'choices', description: 'DescribeImages response parser: ami-find\'s streaming one, or the SDK\'s own' },
  // General.
  { flags: '--explain', key: 'explain', group: 'General', complete: 'none',
    description: 'print the DescribeImages request(s), the steps ami-find applies after them, and the aws CLI equivalent (--query where JMESPath can); send nothing' },
  { flags: '--debug', key: 'debug', group: 'General', complete: 'none',
    description: 'log requests and timings to stderr (credentials and signatures redacted)' },
] as const satisfies readonly OptionSpec[];

/** Output formats of `show`: the details view, or the raw API objects as `{"Images": [...]}`. */
export const SHOW_FORMATS = ['details', 'json'] as const;

/** Flags only `show` has. */
export const SHOW_OPTIONS = [
  { flags: '-o, --output <format>', key: 'output', group: 'Output', choices: SHOW_FORMATS, default: 'details',
    complete: 'choices', description: 'details for people, or json: the raw DescribeImages objects' },
] as const satisfies readonly OptionSpec[];

/** Flags only `ssm` has. */
export const SSM_BROWSE_OPTIONS = [
  { flags: '-o, --output <format>', key: 'output', group: 'Output', choices: SSM_FORMATS, complete: 'choices',
    description: 'output format (default: table on a terminal, tsv without a header otherwise); ids: the AMI IDs only' },
] as const satisfies readonly OptionSpec[];

/** The help flag of every command and the version flag of the main one (commander handles both). */
export const HELP_OPTION = {
  flags: '-h, --help', key: 'help', group: 'General', complete: 'none', description: 'show help',
} as const satisfies OptionSpec;
export const VERSION_OPTION = {
  flags: '-V, --version', key: 'version', group: 'General', complete: 'none', description: 'print the version',
} as const satisfies OptionSpec;

type Spec = (typeof OPTIONS)[number];
type TakesValue<S extends OptionSpec> = S['flags'] extends `${string}<${string}` | `${string}[${string}` ? true : false;
/** The parsed value of one flag: collected list, number (`--latest` alone: true), choice, text, or switch. */
type ValueOf<S extends OptionSpec> = S['repeatable'] extends true ? string[]
  : S['parse'] extends ValueParser ? (S['flags'] extends `${string}[${string}` ? number | true : number)
  : S['choices'] extends readonly (infer C)[] ? C
  : TakesValue<S> extends true ? string : boolean;
/** Commander always sets flags with a default and `--no-` switches. */
type AlwaysSet<S extends OptionSpec> = S['default'] extends string | number | boolean ? true : S['flags'] extends `--no-${string}` ? true : false;
/** The options object commander hands back for `T`, derived from the table. */
export type OptionsOf<T extends OptionSpec> =
  { [S in T as AlwaysSet<S> extends true ? S['key'] : never]: ValueOf<S> }
  & { [S in T as AlwaysSet<S> extends true ? never : S['key']]?: ValueOf<S> };

/** The main command's options, before resolution (src/cli/resolve.ts); timeouts in milliseconds. */
export type RawCliOptions = OptionsOf<Spec>;

/** Main-command flags `show` takes too. */
const SHOW_SHARED = [
  'includeDisabled', 'color', 'region', 'allRegions', 'profile', 'concurrency', 'endpointUrl', 'maxAttempts', 'retryMode', 'connectTimeout', 'readTimeout', 'parser', 'debug',
] as const satisfies readonly Spec['key'][];

/** Options of `show`: its own `--output` and the main-command flags it shares. */
export type RawShowOptions = OptionsOf<(typeof SHOW_OPTIONS)[number] | Extract<Spec, { key: (typeof SHOW_SHARED)[number] }>>;

/** Main-command flags `ssm` takes too. */
const SSM_SHARED = [
  'header', 'color', 'region', 'profile', 'endpointUrl', 'maxAttempts', 'retryMode', 'connectTimeout', 'readTimeout', 'parser', 'debug',
] as const satisfies readonly Spec['key'][];

/** Options of `ssm`: its own `--output` and the main-command flags it shares. */
export type RawSsmOptions = OptionsOf<(typeof SSM_BROWSE_OPTIONS)[number] | Extract<Spec, { key: (typeof SSM_SHARED)[number] }>>;

/** What a positional argument completes to in the shell scripts. */
export type PositionalKind = 'subcommand-or-preset' | 'shell' | 'ssm-path' | 'free';

/** A positional argument, written as commander writes it: `<name>`, `[name]`, `<name...>`. */
export interface ArgumentSpec {
  readonly name: string;
  readonly description: string;
  readonly choices?: readonly string[];
  readonly complete: PositionalKind;
}

/** What a command's run function gets: the positional values, the parsed options, the streams, the raw argv. */
export interface Invocation<O> {
  args: unknown[];
  options: O;
  io: CliIo;
  argv: readonly string[];
}

/** One command: what commander registers, what help, completion and the README show, and what runs it. */
export interface CommandSpec<O = Record<string, unknown>> {
  readonly name: string;
  readonly description: string;
  readonly arguments: readonly ArgumentSpec[];
  /** Its own flags, in help order. */
  readonly options: readonly OptionSpec[];
  /** Main-command flags (OPTIONS keys) it takes too, after its own. */
  readonly shared: readonly Spec['key'][];
  /** Runs it, loading its module on demand; resolves to the exit code (void: 0). Failures throw. */
  run(call: Invocation<O>): Promise<number | void>;
}

/** `ami-find [preset]`: the listing. */
export const MAIN_COMMAND: CommandSpec<RawCliOptions> = {
  name: 'ami-find',
  description: 'Find Amazon Machine Images: pinned owners, streamed pages, tables, JSON and ID lists.',
  arguments: [{ name: '[preset]', description: 'a distro preset, e.g. ubuntu:24.04 (see `ami-find presets`)', complete: 'subcommand-or-preset' }],
  options: OPTIONS,
  shared: [],
  run: async ({ args: [preset], options, io, argv }) =>
    (await import('./run-find.js')).runFind(preset as string | undefined, options, io, argv.length === 0, argv),
};

const show: CommandSpec<RawShowOptions> = {
  name: 'show',
  description: 'print everything about one or more images',
  arguments: [{ name: '<ami-id...>', description: 'image IDs (ami-...)', complete: 'free' }],
  options: SHOW_OPTIONS,
  shared: SHOW_SHARED,
  run: async ({ args: [ids], options, io }) => (await import('./run-show.js')).runShow(ids as string[], options, io),
};

/** The subcommands, in help order. */
export const SUBCOMMANDS: readonly CommandSpec[] = [
  show,
  {
    name: 'ssm',
    description: 'browse SSM public parameters under a path: parameter, AMI ID, image name',
    arguments: [{ name: '[path]', description: 'a parameter path, e.g. /aws/service/debian/release (none: the publishers\' paths)', complete: 'ssm-path' }],
    options: SSM_BROWSE_OPTIONS,
    shared: SSM_SHARED,
    run: async ({ args: [path], options, io }) => (await import('./run-ssm-browse.js')).runSsmBrowse(path as string | undefined, options as RawSsmOptions, io),
  },
  {
    name: 'presets',
    description: 'list the distro presets and what each expands to',
    arguments: [],
    options: [],
    shared: [],
    run: async ({ io }) => (await import('./run-presets.js')).runPresets(io),
  },
  {
    name: 'completion',
    description: 'print the completion script for bash, zsh or fish',
    arguments: [{ name: '<shell>', description: 'the shell', choices: SHELLS, complete: 'shell' }],
    options: [],
    shared: [],
    run: async ({ args: [shell], io }) => {
      await (await import('./run-completion.js')).runCompletion(shell as Shell, io);
    },
  },
];

/** The option specs `cmd` registers: its own, then the main-command flags it shares. */
export function commandOptions(cmd: CommandSpec): OptionSpec[] {
  return [...cmd.options, ...cmd.shared.map((key) => OPTIONS.find((o) => o.key === key)!)];
}
