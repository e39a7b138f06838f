/** Derives the completion model from the option table, the subcommands and the EC2 vocabulary. */
import {
  OPTIONS, SHOW_OPTIONS, SUBCOMMANDS, type CompletionKind, type OptionSpec,
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

const switchFlag = (flags: string, description: string): FlagModel =>
  ({ ...parseFlags(flags), description, kind: 'none', values: [], repeatable: false, commaList: false });
const HELP = switchFlag('-h, --help', 'show help');
const VERSION = switchFlag('-V, --version', 'print the version');

function byKey(key: string): OptionSpec {
  const spec = (OPTIONS as readonly OptionSpec[]).find((o) => o.key === key);
  if (!spec) throw new Error(`SUBCOMMANDS names an unknown option key: ${key}`);
  return spec;
}

function subcommandModel(sub: (typeof SUBCOMMANDS)[number]): CommandModel {
  const own: readonly OptionSpec[] = sub.name === 'show' ? SHOW_OPTIONS : [];
  const shared = (sub.shared as readonly string[]).map(byKey);
  return {
    name: sub.name,
    description: sub.description,
    flags: [...[...own, ...shared].map(flagModel), HELP],
    positional: sub.name === 'completion' ? 'shell' : sub.args ? 'free' : 'none',
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
    commands: [
      { name: '', description: 'find Amazon Machine Images', flags: [...OPTIONS.map(flagModel), HELP, VERSION],
        positional: 'subcommand-or-preset' },
      ...SUBCOMMANDS.map(subcommandModel),
    ],
    subcommands: SUBCOMMANDS.map((s) => ({ value: s.name, description: s.description })),
    presets: PRESET_CANDIDATES,
    shells: plain(SHELLS),
    filterNames: [...FILTER_NAMES],
    tagPrefix: TAG_FILTER_PREFIX,
    filterValues,
  };
}
