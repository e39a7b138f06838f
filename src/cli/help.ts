/**
 * The one help renderer: the help of any command of the tree (command-tree.ts) for a given width.
 * Commander prints help through it (program.ts configureHelp) and so does the startup fast path
 * (fast-path.ts), which answers `--help` without loading commander. Sections, order, wrapping and
 * padding follow commander 14's Help class (node_modules/commander/lib/help.js: formatHelp,
 * formatItem, boxWrap, optionDescription) so the text is byte-identical to commander's own.
 */
import { HELP_OPTION } from './fast-path.js';
import { PROGRAM, findCommand, groupHeading, type ArgumentSpec, type CommandSpec } from './command-tree.js';
import type { OptionSpec } from './options.js';

/** Commander's help width when none is known (Help.prepareContext). */
export const DEFAULT_HELP_WIDTH = 80;
/** Below this many columns commander does not wrap at all (Help.minWidthToWrap). */
const MIN_WIDTH_TO_WRAP = 40;

/** Wrap `text` at whitespace to `width` columns, keeping existing line breaks (commander's boxWrap). */
export function boxWrap(text: string, width: number): string {
  if (width < MIN_WIDTH_TO_WRAP) return text;
  const wrapped: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    const chunks = line.match(/\s*\S+/g);
    if (chunks === null) {
      wrapped.push('');
      continue;
    }
    let current = chunks[0]!;
    for (let i = 1; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      if (current.length + chunk.length <= width) {
        current += chunk;
      } else {
        wrapped.push(current);
        current = chunk.trimStart();
      }
    }
    wrapped.push(current);
  }
  return wrapped.join('\n');
}

/** One `  term  description` entry: the term padded to `termWidth`, the description wrapped to `width`. */
export function formatItem(term: string, termWidth: number, description: string, width: number): string {
  if (!description) return `  ${term}`;
  const remaining = width - termWidth - 4;
  // Commander leaves a description alone when it is too narrow or was wrapped and indented by hand.
  const body = remaining < MIN_WIDTH_TO_WRAP || /\n[^\S\r\n]/.test(description)
    ? description
    : boxWrap(description, remaining).replace(/\n/g, `\n${' '.repeat(termWidth + 2)}`);
  return `  ${term.padEnd(termWidth)}  ${body.replace(/\n/g, '\n  ')}`;
}

function choicesText(choices: readonly string[]): string {
  return `choices: ${choices.map((c) => JSON.stringify(c)).join(', ')}`;
}

/** The option's description with commander's `(choices: ..., default: ..., env: ...)` suffix. */
export function optionDescription(spec: OptionSpec): string {
  const extra: string[] = [];
  if (spec.choices) extra.push(choicesText(spec.choices));
  // option-builder.ts gives commander a default except for --no- negations; commander shows it
  // for flags that take a value and for switches whose default is a boolean.
  const takesValue = spec.flags.includes('<') || spec.flags.includes('[');
  if (spec.default !== undefined && !spec.flags.includes('--no-') && (takesValue || typeof spec.default === 'boolean')) {
    extra.push(`default: ${JSON.stringify(spec.default)}`);
  }
  if (spec.env !== undefined) extra.push(`env: ${spec.env}`);
  if (extra.length === 0) return spec.description;
  return spec.description ? `${spec.description} (${extra.join(', ')})` : `(${extra.join(', ')})`;
}

function argumentDescription(arg: ArgumentSpec): string {
  if (!arg.choices) return arg.description;
  return arg.description ? `${arg.description} (${choicesText(arg.choices)})` : `(${choicesText(arg.choices)})`;
}

/** `<name>`, `[name]` or `<name...>` without brackets and dots, as the Arguments list shows it. */
function argumentTerm(arg: ArgumentSpec): string {
  return arg.name.slice(1, -1).replace(/\.\.\.$/, '');
}

/** Every option commander registers on `cmd`, in order (hidden ones too), without the help flag. */
function registeredOptions(cmd: CommandSpec): readonly OptionSpec[] {
  return cmd.versionOption ? [...cmd.options, cmd.versionOption] : cmd.options;
}

/** The command's entry in its parent's Commands list: `show [options] <ami-id...>`. */
function subcommandTerm(cmd: CommandSpec): string {
  const args = cmd.arguments.map((a) => ` ${a.name}`).join('');
  return cmd.name + (registeredOptions(cmd).length ? ' [options]' : '') + args;
}

/** Option groups in commander's order: first appearance among registered options, then the help flag's group. */
function optionGroups(cmd: CommandSpec): Map<string, OptionSpec[]> {
  const registered = registeredOptions(cmd);
  const groups = new Map<string, OptionSpec[]>();
  for (const spec of registered) if (!groups.has(groupHeading(spec.group))) groups.set(groupHeading(spec.group), []);
  for (const spec of [...registered.filter((o) => !o.hidden), HELP_OPTION]) {
    const heading = groupHeading(spec.group);
    const list = groups.get(heading) ?? [];
    list.push(spec);
    groups.set(heading, list);
  }
  return groups;
}

/** A titled list of items followed by a blank line, or nothing when empty. */
function section(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [title, ...items, ''];
}

/** The full help of `cmd` (reached through `parents`, e.g. `['ami-find']` for `show`) at `width` columns. */
export function renderHelp(cmd: CommandSpec, parents: readonly string[], width: number): string {
  const groups = optionGroups(cmd);
  // Commander lists arguments only when one of them has a description.
  const args = cmd.arguments.some((a) => a.description) ? cmd.arguments : [];
  const terms = [
    ...[...groups.values()].flat().map((o) => o.flags),
    ...cmd.subcommands.map(subcommandTerm),
    ...args.map(argumentTerm),
  ];
  const termWidth = Math.max(0, ...terms.map((t) => t.length));
  const item = (term: string, description: string) => formatItem(term, termWidth, description, width);
  const usage = ['[options]', ...(cmd.subcommands.length ? ['[command]'] : []), ...cmd.arguments.map((a) => a.name)];

  const lines = [`Usage: ${[...parents, cmd.name, usage.join(' ')].join(' ')}`, ''];
  if (cmd.description) lines.push(boxWrap(cmd.description, width), '');
  lines.push(...section('Arguments:', args.map((a) => item(argumentTerm(a), argumentDescription(a)))));
  for (const [heading, specs] of groups) lines.push(...section(heading, specs.map((o) => item(o.flags, optionDescription(o)))));
  lines.push(...section('Commands:', cmd.subcommands.map((s) => item(subcommandTerm(s), s.description))));
  const help = lines.join('\n');
  // Commander's addHelpText('after', text) writes the text and a newline after the help.
  return cmd.afterHelp ? `${help}${cmd.afterHelp}\n` : help;
}

/**
 * Commander parses the env-backed flags of the main command (and of the subcommand) before it
 * looks for --help, so a bad AWS_MAX_ATTEMPTS turns `--help` into a usage error. True when every
 * such value set in `env` would be accepted.
 */
async function envWouldPass(commands: readonly CommandSpec[], env: Readonly<Record<string, string | undefined>>): Promise<boolean> {
  const given = commands.flatMap((c) => c.options).filter((o) => o.env !== undefined && env[o.env] !== undefined);
  if (given.length === 0) return true;
  const { envValueAccepted } = await import('./option-value.js');
  return given.every((o) => envValueAccepted(o, env[o.env!]!));
}

/** The help of the command at `path` (`[]`: ami-find itself), or undefined when commander would not simply show it. */
export async function helpAnswer(
  path: readonly string[], env: Readonly<Record<string, string | undefined>>, width: () => number | undefined,
): Promise<string | undefined> {
  const cmd = findCommand(path);
  if (!cmd || !(await envWouldPass(cmd === PROGRAM ? [PROGRAM] : [PROGRAM, cmd], env))) return undefined;
  return renderHelp(cmd, path.length ? [PROGRAM.name] : [], width() ?? DEFAULT_HELP_WIDTH);
}
