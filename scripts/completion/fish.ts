/** Generates the fish completion script (`ami-find.fish`, for fish's completions directory). */
import type { Candidate, CommandModel, CompletionModel, FlagModel } from './model.js';
import { FISH_RUNTIME } from './fish-runtime.js';
import { fishWord, generatedHeader } from './quote.js';

/** `printf` printing one `value<TAB>description` line per candidate. */
function printLines(cs: readonly Candidate[]): string {
  if (cs.length === 0) return 'true';
  return `printf '%s\\t%s\\n' ${cs.map((c) => `${fishWord(c.value)} ${fishWord(c.description)}`).join(' ')}`;
}

const vsetOf = (cmd: CommandModel, f: FlagModel): string =>
  (f.kind === 'choices' ? `${cmd.name || 'main'}_${f.long.slice(2)}` : f.kind).replace(/-/g, '_');

function valueFunctions(model: CompletionModel): string {
  const out = new Map<string, string>();
  for (const cmd of model.commands) {
    for (const f of cmd.flags) {
      if (f.values.length === 0) continue;
      const body = f.commaList ? `__ami_find_list (${printLines(f.values)})` : printLines(f.values);
      out.set(vsetOf(cmd, f), `function __ami_find_v_${vsetOf(cmd, f)}\n    ${body}\nend`);
    }
  }
  return [...out.values()].join('\n');
}

function valueSource(cmd: CommandModel, f: FlagModel): string {
  if (f.kind === 'filter') return ' -a "(__ami_find_filter)"';
  if (f.kind === 'profile') return f.commaList ? ' -a "(__ami_find_list (__ami_find_profiles))"' : ' -a "(__ami_find_profiles)"';
  return f.values.length > 0 ? ` -a "(__ami_find_v_${vsetOf(cmd, f)})"` : '';
}

function flagLines(cmd: CommandModel): string {
  const cond = `-n ${fishWord(`__ami_find_in '${cmd.name}'`)}`;
  return cmd.flags.map((f) => {
    const names = `${f.short ? ` -s ${f.short.slice(1)}` : ''} -l ${f.long.slice(2)}`;
    // -x: takes a value and never completes file names. An optional value (--latest [n]) is typed as --latest=n.
    const arg = f.arity === 'required' ? ` -x${valueSource(cmd, f)}` : '';
    return `complete -c ami-find ${cond}${names}${arg} -d ${fishWord(f.description)}`;
  }).join('\n');
}

function tables(model: CompletionModel): string {
  const takesValue = model.commands.map((cmd) => {
    const flags = cmd.flags.filter((f) => f.arity === 'required').flatMap((f) => (f.short ? [f.short, f.long] : [f.long]));
    return `        case ${fishWord(cmd.name) || "''"}\n            contains -- $flag ${flags.join(' ')}`;
  }).join('\n');
  return `
function __ami_find_is_subcommand
    contains -- $argv[1] ${model.subcommands.map((s) => fishWord(s.value)).join(' ')}
end

# True when flag $argv[2] of command $argv[1] takes the next word as its value.
function __ami_find_takes_value
    set -l flag $argv[2]
    # A cluster of short switches (-io) takes a value when its last letter does.
    string match -qr -- '^-[^-].+' $flag; and set flag -(string sub -s -1 -- $flag)
    switch $argv[1]
${takesValue}
        case '*'
            return 1
    end
end

function __ami_find_first
    ${printLines([...model.subcommands, ...model.presets])}
end

function __ami_find_filter_names
    printf '%s=\\tfilter\\n' ${model.filterNames.map(fishWord).join(' ')}
    printf '%s\\t%s\\n' ${fishWord(model.tagPrefix)} 'tag:KEY=VALUE'
end

# The enumerated values of filter $argv[1] (none for free-text filters).
function __ami_find_filter_values
    switch $argv[1]
${model.filterValues.map((f) => `        case ${fishWord(f.name)}\n            printf '%s\\n' ${f.values.map(fishWord).join(' ')}`).join('\n')}
    end
end

function __ami_find_shells
    ${printLines(model.shells)}
end

function __ami_find_ssm_paths
    ${printLines(model.ssmPaths)}
end
`;
}

function positionalLines(model: CompletionModel): string {
  return model.commands.flatMap((cmd) => {
    if (cmd.positional === 'subcommand-or-preset') return [`complete -c ami-find -n ${fishWord("__ami_find_at '' 0")} -a '(__ami_find_first)'`];
    if (cmd.positional === 'shell') return [`complete -c ami-find -n ${fishWord(`__ami_find_at ${cmd.name} 0`)} -a '(__ami_find_shells)'`];
    if (cmd.positional === 'ssm-path') return [`complete -c ami-find -n ${fishWord(`__ami_find_at ${cmd.name} 0`)} -a '(__ami_find_ssm_paths)'`];
    return [];
  }).join('\n');
}

/** The fish completion script for `model`. */
export function fishScript(model: CompletionModel): string {
  return [
    generatedHeader('fish'),
    '# Install: copy to ~/.config/fish/completions/ami-find.fish',
    tables(model) + valueFunctions(model) + FISH_RUNTIME,
    '# Never complete file names: no argument of ami-find is a file.',
    'complete -c ami-find -f',
    positionalLines(model),
    ...model.commands.map(flagLines),
    '',
  ].join('\n');
}
