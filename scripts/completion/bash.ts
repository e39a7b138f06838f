/** Generates the bash completion script: static tables as case statements, plus the fixed runtime. */
import { BASH_RUNTIME } from './bash-runtime.js';
import type { CommandModel, CompletionModel, FlagModel } from './model.js';
import { generatedHeader, shWord } from './quote.js';

const words = (values: readonly string[]): string => values.map(shWord).join(' ');
const vsetOf = (cmd: CommandModel, flag: FlagModel): string =>
  flag.kind === 'choices' ? `${cmd.name || 'main'}${flag.long}` : flag.kind;

function flagCases(cmd: CommandModel): string {
  return cmd.flags.filter((f) => f.arity !== 'none').map((f) => {
    const names = [f.short, f.long].filter((n) => n !== undefined).join(' | ');
    const vset = f.values.length > 0 ? ` vset=${shWord(vsetOf(cmd, f))}` : '';
    return `        ${names}) arity=${f.arity} kind=${f.kind}${vset} comma=${f.commaList ? 1 : 0} ;;`;
  }).join('\n');
}

function flagFunction(model: CompletionModel): string {
  const commands = model.commands.map((cmd) =>
    `    ${shWord(cmd.name) || "''"})\n      case $2 in\n${flagCases(cmd)}\n      esac\n      ;;`).join('\n');
  return `
# Set the caller's arity (none, required, optional), kind, vset and comma for flag "$2" of command "$1".
__ami_find_flag() {
  arity=none kind=none vset= comma=0
  if [[ $2 == -[!-]?* ]]; then
    # A cluster of short switches (-io), or a short flag with its value attached (-ojson).
    local j w=$2
    for ((j = 1; j < \${#w}; j++)); do
      __ami_find_flag "$1" "-\${w:j:1}"
      if [[ $arity != none ]]; then
        ((j + 1 < \${#w})) && arity=none
        return 0
      fi
    done
    return 0
  fi
  case $1 in
${commands}
  esac
}
`;
}

function valueSets(model: CompletionModel): string {
  const sets = new Map<string, readonly string[]>();
  for (const cmd of model.commands) {
    for (const f of cmd.flags) if (f.values.length > 0) sets.set(vsetOf(cmd, f), f.values.map((c) => c.value));
  }
  const cases = [...sets].map(([name, values]) => `    ${shWord(name)}) vals=(${words(values)}) ;;`).join('\n');
  return `
# Set the caller's "vals" to the static value set "$1".
__ami_find_vals() {
  case $1 in
${cases}
  esac
}
`;
}

function commandTables(model: CompletionModel): string {
  const flagLists = model.commands.map((cmd) => {
    const names = cmd.flags.flatMap((f) => (f.short ? [f.short, f.long] : [f.long]));
    return `    ${shWord(cmd.name) || "''"}) vals=(${words(names)}) ;;`;
  }).join('\n');
  const subs = model.subcommands.map((s) => shWord(s.value));
  const positional = model.commands.flatMap((cmd) => {
    const label = shWord(cmd.name) || "''";
    if (cmd.positional === 'subcommand-or-preset') {
      const vals = [...model.subcommands, ...model.presets].map((c) => c.value);
      return [`    ${label}) (($2 == 0)) && vals=(${words(vals)}) ;;`];
    }
    if (cmd.positional === 'shell') return [`    ${label}) (($2 == 0)) && vals=(${words(model.shells.map((s) => s.value))}) ;;`];
    if (cmd.positional === 'ssm-path') return [`    ${label}) (($2 == 0)) && vals=(${words(model.ssmPaths.map((s) => s.value))}) ;;`];
    return [];
  }).join('\n');
  const filterNames = [...model.filterNames.map((n) => `${n}=`), model.tagPrefix];
  const filterValues = model.filterValues.map((f) => `    ${shWord(f.name)}) vals=(${words(f.values)}) ;;`).join('\n');
  return `
# Set the caller's "vals" to the flags of command "$1".
__ami_find_flags() {
  case $1 in
${flagLists}
  esac
}

__ami_find_is_subcommand() {
  case $1 in
    ${subs.join(' | ')}) return 0 ;;
  esac
  return 1
}

# Set the caller's "vals" to what positional argument number "$2" (from 0) of command "$1" may be.
__ami_find_positional() {
  case $1 in
${positional}
  esac
}

__ami_find_filter_names() {
  vals=(${words(filterNames)})
}

# Set the caller's "vals" to the enumerated values of filter "$1" (none for free-text filters).
__ami_find_filter_values() {
  case $1 in
${filterValues}
  esac
}
`;
}

/** The bash completion script for `model`. */
export function bashScript(model: CompletionModel): string {
  return [
    generatedHeader('bash'),
    '# Works with or without the bash-completion package. Install: source it from ~/.bashrc, or copy it to',
    '# ~/.local/share/bash-completion/completions/ami-find',
    flagFunction(model) + valueSets(model) + commandTables(model) + BASH_RUNTIME,
    `complete -F _ami_find ${model.program}`,
    '',
  ].join('\n');
}
