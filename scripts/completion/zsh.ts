/** Generates the zsh completion script (`_ami-find`, loaded by compinit through #compdef). */
import type { Candidate, CommandModel, CompletionModel, FlagModel } from './model.js';
import { generatedHeader, shWord, zshSpecText } from './quote.js';
import { ZSH_RUNTIME } from './zsh-runtime.js';

/** A `_describe` item: `value:description`, with colons in the value escaped. */
const describeItem = (c: Candidate): string =>
  shWord(c.description ? `${c.value.replace(/:/g, '\\:')}:${c.description}` : c.value.replace(/:/g, '\\:'));
const items = (cs: readonly Candidate[]): string => cs.map(describeItem).join(' ');

/** Action words in `(a b c)` must be plain: anything else would be zsh syntax inside the spec. */
function choiceList(values: readonly Candidate[]): string {
  for (const v of values) if (!/^[A-Za-z0-9_.@%+/-]+$/.test(v.value)) throw new Error(`unsafe choice for zsh: ${v.value}`);
  return `(${values.map((v) => v.value).join(' ')})`;
}

const ACTIONS: Partial<Record<FlagModel['kind'], string>> = {
  owner: '_ami_find_owner', 'executable-user': '_ami_find_executable_user', region: '_ami_find_regions',
  profile: '_ami_find_profiles', preset: '_ami_find_presets', columns: '_ami_find_columns', filter: '_ami_find_filter',
};

function action(f: FlagModel): string {
  if (f.kind === 'choices') return choiceList(f.values);
  return ACTIONS[f.kind] ?? ' ';
}

/** The `_arguments` specs of one flag (one per name). */
function flagSpecs(f: FlagModel): string[] {
  const names = f.short ? [f.short, f.long] : [f.long];
  const exclusion = f.repeatable ? '*' : names.length > 1 ? `(${names.join(' ')})` : '';
  const desc = `[${zshSpecText(f.description)}]`;
  const message = zshSpecText(f.placeholder ?? 'value');
  return names.map((name) => {
    const isLong = name.startsWith('--');
    if (f.arity === 'none') return `${exclusion}${name}${desc}`;
    if (f.arity === 'required') return `${exclusion}${name}${isLong ? '=' : '+'}${desc}:${message}:${action(f)}`;
    return `${exclusion}${name}${isLong ? '=-' : '-'}${desc}::${message}:${action(f)}`;
  });
}

const specsName = (cmd: CommandModel): string => `specs_${cmd.name || 'main'}`;

function commandSpecs(model: CompletionModel): string {
  return model.commands.map((cmd) => {
    const specs = cmd.flags.flatMap(flagSpecs).map((s) => `    ${shWord(s)}`).join('\n');
    return `  local -a ${specsName(cmd)}=(\n${specs}\n  )`;
  }).join('\n');
}

function subcommandCases(model: CompletionModel): string {
  return model.commands.filter((c) => c.name).map((cmd) => {
    const positional = cmd.positional === 'shell' ? ` '1:shell:_ami_find_shells'`
      : cmd.positional === 'ssm-path' ? ` '1:path:_ami_find_ssm_paths'`
      : cmd.positional === 'free' ? ` '*:argument: '` : '';
    return `      ${shWord(cmd.name)}) curcontext=\${curcontext%:*:*}:ami-find-${cmd.name}:\n`
      + `        _arguments -s -S "\${${specsName(cmd)}[@]}"${positional} && ret=0 ;;`;
  }).join('\n');
}

function valueFunctions(model: CompletionModel): string {
  const flags = model.commands.flatMap((c) => c.flags);
  const valuesOf = (kind: FlagModel['kind']): readonly Candidate[] => flags.find((f) => f.kind === kind)?.values ?? [];
  const describe = (fn: string, tag: string, cs: readonly Candidate[], commas = false) =>
    `${fn}() {\n  local -a items=(${items(cs)})\n${commas ? "  compset -P '*,'\n" : ''}  _describe -t ${tag} ${shWord(tag)} items\n}`;
  const list = (fn: string, tag: string, cs: readonly Candidate[]) => `${fn}() {\n  _ami_find_list ${tag} ${items(cs)}\n}`;
  return [
    '_ami_find_first() {',
    `  local -a subcommands=(${items(model.subcommands)}) presets=(${items(model.presets)})`,
    '  local ret=1',
    '  _describe -t subcommands subcommand subcommands && ret=0',
    '  _describe -t presets preset presets && ret=0',
    '  return ret',
    '}',
    describe('_ami_find_presets', 'preset', model.presets),
    describe('_ami_find_shells', 'shell', model.shells),
    describe('_ami_find_ssm_paths', 'path', model.ssmPaths),
    // A comma list (--region a,b): complete the part after the last comma.
    describe('_ami_find_regions', 'region', valuesOf('region'), true),
    list('_ami_find_owner', 'owner', valuesOf('owner')),
    list('_ami_find_executable_user', 'executable-user', valuesOf('executable-user')),
    list('_ami_find_columns', 'column', valuesOf('columns')),
  ].join('\n');
}

/** The zsh completion script for `model`. */
export function zshScript(model: CompletionModel): string {
  const runtime = ZSH_RUNTIME
    .replace('@FILTER_NAMES@', model.filterNames.map(shWord).join(' '))
    .replace('@TAG_PREFIX@', shWord(model.tagPrefix))
    .replace('@FILTER_VALUE_CASES@', model.filterValues
      .map((f) => `      ${shWord(f.name)}) vals=(${f.values.map(shWord).join(' ')}) ;;`).join('\n'))
    .replace('@COMMAND_SPECS@', commandSpecs(model))
    .replace('@SUBCOMMAND_CASES@', subcommandCases(model));
  return [
    `#compdef ${model.program}`,
    generatedHeader('zsh'),
    '# Install: save as _ami-find in a directory on $fpath before compinit runs, or `source` it after compinit.',
    '',
    valueFunctions(model) + runtime,
    '# Run as the autoloaded _ami-find (compinit, every call): complete now. Sourced: register with compdef.',
    `if [[ $funcstack[1] == _${model.program} ]]; then`,
    '  _ami_find "$@"',
    'else',
    `  compdef _ami_find ${model.program}`,
    'fi',
    '',
  ].join('\n');
}
