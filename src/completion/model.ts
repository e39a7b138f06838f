/** Derives the completion model from the command tree, the option table and the EC2 vocabulary. */
import {
  HELP_OPTION, MAIN_COMMAND, SUBCOMMANDS, VERSION_OPTION, commandOptions, type CommandSpec, type CompletionKind, type OptionSpec,
} from '../cli/options.js';
import {
  EXECUTABLE_USER_ALIASES, FILTER_NAMES, FILTER_VALUES, OWNER_ALIASES, REGIONS, SHELLS, TAG_FILTER_PREFIX,
} from '../query/vocabulary.js';
import { parseFlags } from './flags.js';
import type { Candidate, CommandModel, CompletionModel, FlagModel } from './model-types.js';
import { COLUMN_CANDIDATES, PRESET_CANDIDATES, PUBLISHER_CANDIDATES } from './sources.js';

export type { Candidate, CommandModel, CompletionModel, FlagModel } from './model-types.js';

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
    commands: [commandModel(MAIN_COMMAND as CommandSpec, ''), ...SUBCOMMANDS.map((s) => commandModel(s, s.name))],
    subcommands: SUBCOMMANDS.map((s) => ({ value: s.name, description: s.description })),
    presets: PRESET_CANDIDATES,
    shells: plain(SHELLS),
    filterNames: [...FILTER_NAMES],
    tagPrefix: TAG_FILTER_PREFIX,
    filterValues,
  };
}
