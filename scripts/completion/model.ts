/** The shell-neutral completion model, derived from the command tree, the option table and the EC2 vocabulary; each shell's script is generated from it. */
import {
  HELP_OPTION, MAIN_COMMAND, SUBCOMMANDS, VERSION_OPTION, commandOptions, type CommandSpec, type CompletionKind, type OptionSpec,
  type PositionalKind,
} from '../../src/cli/options.js';
import {
  EXECUTABLE_USER_ALIASES, FILTER_NAMES, FILTER_VALUES, OWNER_ALIASES, REGIONS, SHELLS, TAG_FILTER_PREFIX,
} from '../../src/query/vocabulary.js';
import { COLUMN_IDS, COLUMNS } from '../../src/output/columns.js';
import { PRESETS, PUBLISHERS, type PublisherId } from '../../src/query/presets.js';
import { SSM_PATHS } from '../../src/ssm/paths.js';
import { parseFlags, type ParsedFlags } from './flags.js';

/** One thing a shell may offer, with a description where the shell shows them ('' for none). */
export interface Candidate {
  readonly value: string;
  readonly description: string;
}

/** One flag of one command. */
export interface FlagModel extends ParsedFlags {
  readonly description: string;
  readonly kind: CompletionKind;
  /** Static candidates for the value (empty for switches, free text, filters and profiles). */
  readonly values: readonly Candidate[];
  /** May be given more than once. */
  readonly repeatable: boolean;
  /** The value is a comma-separated list: complete the part after the last comma. */
  readonly commaList: boolean;
}

export interface CommandModel {
  /** '' for the main command. */
  readonly name: string;
  readonly description: string;
  readonly flags: readonly FlagModel[];
  /** What its first positional argument completes to. */
  readonly positional: PositionalKind | 'none';
}

export interface CompletionModel {
  readonly program: string;
  /** The main command first, then each subcommand. */
  readonly commands: readonly CommandModel[];
  readonly subcommands: readonly Candidate[];
  readonly presets: readonly Candidate[];
  readonly shells: readonly Candidate[];
  /** Well-known SSM public parameter paths (`ami-find ssm`'s argument). */
  readonly ssmPaths: readonly Candidate[];
  /** Every DescribeImages filter name, without the `tag:` family. */
  readonly filterNames: readonly string[];
  /** `tag:`: offered after `--filter` as a prefix with free text after it. */
  readonly tagPrefix: string;
  /** Filters with enumerated values, in FILTER_NAMES order. */
  readonly filterValues: readonly { readonly name: string; readonly values: readonly string[] }[];
}

const PARTITION_NOTES: Record<string, string> = { aws: '', 'aws-us-gov': ', GovCloud', 'aws-cn': ', China' };

/** Well-known publisher accounts, with the publisher's name as the description. */
const PUBLISHER_CANDIDATES: readonly Candidate[] = (Object.keys(PUBLISHERS) as PublisherId[]).map((id) => {
  const p = PUBLISHERS[id];
  return { value: id, description: `${p.name} (${p.products}${PARTITION_NOTES[p.partition] ?? ''})` };
});

/** Distro presets (the main command's positional argument). */
const PRESET_CANDIDATES: readonly Candidate[] = PRESETS.map((p) => ({ value: p.name, description: p.title }));

/** Column names `--columns` accepts, described by their table header. */
const COLUMN_CANDIDATES: readonly Candidate[] = COLUMN_IDS.map((id) => ({ value: id, description: COLUMNS[id].header }));

/** `values`, each with its description. Why a Record: a value added to the vocabulary without one fails to compile. */
function described<V extends string>(values: readonly V[], descriptions: Readonly<Record<V, string>>): Candidate[] {
  return values.map((value) => ({ value, description: descriptions[value] }));
}

/** Owner aliases EC2 accepts in `Owners` (the vocabulary's list), described. */
const OWNER_ALIAS_CANDIDATES = described(OWNER_ALIASES, {
  'self': 'your own account',
  'amazon': 'Amazon and verified publishers',
  'aws-marketplace': 'AWS Marketplace',
  'aws-backup-vault': 'AWS Backup logically air-gapped vaults',
});

const EXECUTABLE_USER_CANDIDATES = described(EXECUTABLE_USER_ALIASES, {
  self: 'images your account may launch',
  all: 'public images',
});

const plain = (values: readonly string[]): Candidate[] => values.map((value) => ({ value, description: '' }));

/** Static candidates for a flag's value, by its completion kind. */
function staticValues(kind: CompletionKind, choices: readonly string[] | undefined): readonly Candidate[] {
  switch (kind) {
    case 'choices': return plain(choices ?? []);
    case 'owner': return [...OWNER_ALIAS_CANDIDATES, ...PUBLISHER_CANDIDATES];
    case 'executable-user': return EXECUTABLE_USER_CANDIDATES;
    case 'region': return plain(REGIONS);
    case 'preset': return PRESET_CANDIDATES;
    case 'columns': return COLUMN_CANDIDATES;
    default: return [];
  }
}

/** One option-table entry as a completion flag. */
export function flagModel(spec: OptionSpec): FlagModel {
  return {
    ...parseFlags(spec.flags),
    description: spec.description,
    kind: spec.complete,
    values: staticValues(spec.complete, spec.choices),
    repeatable: spec.repeatable === true,
    commaList: spec.complete === 'columns' || spec.splitCommas === true,
  };
}

/** One command of the tree; the main command has the version flag too. */
function commandModel(cmd: CommandSpec, name: string): CommandModel {
  const extra = name === '' ? [HELP_OPTION, VERSION_OPTION] : [HELP_OPTION];
  return {
    name,
    description: cmd.description,
    flags: [...commandOptions(cmd), ...extra].map(flagModel),
    positional: cmd.arguments[0]?.complete ?? 'none',
  };
}

/** The completion model for the current option table and vocabulary. */
export function buildCompletionModel(): CompletionModel {
  const filterValues = FILTER_NAMES.flatMap((name) => {
    const values = FILTER_VALUES[name];
    return values ? [{ name, values: [...values] }] : [];
  });
  return {
    program: 'ami-find',
    commands: [commandModel(MAIN_COMMAND, ''), ...SUBCOMMANDS.map((s) => commandModel(s, s.name))],
    subcommands: SUBCOMMANDS.map((s) => ({ value: s.name, description: s.description })),
    presets: PRESET_CANDIDATES,
    shells: plain(SHELLS),
    ssmPaths: SSM_PATHS.map((p) => ({ value: p.path, description: p.publishes })),
    filterNames: [...FILTER_NAMES],
    tagPrefix: TAG_FILTER_PREFIX,
    filterValues,
  };
}
