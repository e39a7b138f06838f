/**
 * The command tree and its help. The tree is each command's name, description, arguments and
 * flags, built from the option table (options.ts), plus the prose of `ami-find --help`
 * (description, examples, exit codes). program.ts registers the tree with commander, and
 * renderHelp() here is the one help renderer: commander prints help through it (program.ts
 * configureHelp) and so does the startup fast path (fast-path.ts), which answers `--help` without
 * loading commander. Sections, order, wrapping and padding follow commander 14's Help class
 * (node_modules/commander/lib/help.js: formatHelp, formatItem, boxWrap, optionDescription), so the
 * text is byte-identical to commander's own. One module rather than two: each ESM module costs
 * about 1 ms of the startup budget (issue 6). No commander import here.
 */
import { EXIT_DESCRIPTIONS } from '../errors.js';
import { SHELLS } from '../query/vocabulary.js';
import { HELP_OPTION, VERSION_OPTION } from './fast-path.js';
import { OPTIONS, PRESET_ARGUMENT, SHOW_OPTIONS, SUBCOMMANDS, type OptionSpec } from './options.js';

/** A positional argument, written as commander writes it: `<name>`, `[name]`, `<name...>`. */
export interface ArgumentSpec {
  readonly name: string;
  readonly description: string;
  readonly choices?: readonly string[];
}

/** One command of the tree. `options` are in registration (and help) order. */
export interface CommandSpec {
  readonly name: string;
  readonly description: string;
  readonly arguments: readonly ArgumentSpec[];
  readonly options: readonly OptionSpec[];
  /** The version flag, registered after `options` (main command only). */
  readonly versionOption?: OptionSpec;
  /** Text printed after the generated help. */
  readonly afterHelp?: string;
  readonly subcommands: readonly CommandSpec[];
}

/** The one-line description under the usage line of `ami-find --help`. */
export const PROGRAM_DESCRIPTION = 'Find Amazon Machine Images: pinned owners, streamed pages, tables, JSON and ID lists.';

/** Example command lines, shown after the option list. */
export const EXAMPLES = `
Examples:
  ami-find ubuntu:24.04 --arch arm64 --latest          newest Ubuntu 24.04 arm64 image from Canonical
  ami-find al2023 --created-after 90d                  Amazon Linux 2023 images of the last 90 days
  ami-find --owner self --tag team=web -o wide         my own images tagged team=web
  ami-find --owner amazon --name 'al2023-ami-2023.*' -o json | jq -r '.Images[].ImageId'
  ami-find --owner self --max-items 50                 first 50, then resume with --starting-token
  ami-find show ami-0123456789abcdef0                  everything about one image
  ami-find -i                                          pick interactively; prints the chosen ID`;

/**
 * What each output format does with the text of images (anyone can publish one): shown after the
 * examples, and said again in the README's usage section.
 */
export const OUTPUT_FORMATS_HELP = `
Output formats:
  table, wide, show  for people: control characters (ESC, BEL, C1), bidi
                     controls, zero-width characters and line separators in
                     image text are shown escaped (\\x1b, \\u202e)
  csv                RFC 4180; a cell starting with = + - @ tab or CR gets a
                     leading ' (no spreadsheet formulas)
  tsv                \\t \\n \\r \\\\ escaped; values otherwise exact (no ' added)
  csv, tsv           at a terminal, control, bidi and invisible characters
                     escaped as for table; piped, written as they are
  json, ndjson       exact API values: C0 controls escaped as JSON requires,
                     the rest (C1, bidi) as it is
  errors, --debug    on stderr, escaped as for table; URL passwords as ***`;

/** The "Exit codes:" block of the help, from EXIT_DESCRIPTIONS. */
export function exitCodesHelp(): string {
  const lines = Object.entries(EXIT_DESCRIPTIONS).map(([code, text]) => `  ${code.padStart(3)}  ${text}`);
  return `\nExit codes:\n${lines.join('\n')}\n`;
}

/** Help heading of an option group. */
export function groupHeading(group: string): string {
  return `${group}:`;
}

function sharedSpecs(keys: readonly string[]): OptionSpec[] {
  return keys.map((key) => {
    const spec = (OPTIONS as readonly OptionSpec[]).find((o) => o.key === key);
    if (!spec) throw new Error(`SUBCOMMANDS names an unknown option key: ${key}`);
    return spec;
  });
}

const [show, presets, completion] = SUBCOMMANDS;

/** The whole command tree: `ami-find` and its subcommands. */
export const PROGRAM: CommandSpec = {
  name: 'ami-find',
  description: PROGRAM_DESCRIPTION,
  arguments: [PRESET_ARGUMENT],
  options: OPTIONS,
  versionOption: VERSION_OPTION,
  afterHelp: `${EXAMPLES}\n${OUTPUT_FORMATS_HELP}\n${exitCodesHelp()}`,
  subcommands: [
    { name: show.name, description: show.description, arguments: [{ name: show.args, description: 'image IDs (ami-...)' }],
      options: [...SHOW_OPTIONS, ...sharedSpecs(show.shared)], subcommands: [] },
    { name: presets.name, description: presets.description, arguments: [], options: sharedSpecs(presets.shared), subcommands: [] },
    { name: completion.name, description: completion.description,
      arguments: [{ name: completion.args, description: 'the shell', choices: SHELLS }],
      options: sharedSpecs(completion.shared), subcommands: [] },
  ],
};

/** The command at `path` (`[]` for ami-find itself, `['show']` for show), or undefined. */
export function findCommand(path: readonly string[]): CommandSpec | undefined {
  let cmd: CommandSpec | undefined = PROGRAM;
  for (const name of path) cmd = cmd?.subcommands.find((s) => s.name === name);
  return cmd;
}

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
  for (const spec of registered) if (!spec.hidden) groups.get(groupHeading(spec.group))!.push(spec);
  const helpGroup = groupHeading(HELP_OPTION.group);
  if (!groups.has(helpGroup)) groups.set(helpGroup, []);
  groups.get(helpGroup)!.push(HELP_OPTION);
  return groups;
}

type Entry = readonly [term: string, description: string];

/** The titled lists of the help in commander's order: Arguments, the option groups, Commands. */
function lists(cmd: CommandSpec): [string, Entry[]][] {
  const result: [string, Entry[]][] = [];
  // Commander lists arguments only when one of them has a description.
  if (cmd.arguments.some((a) => a.description)) {
    result.push(['Arguments:', cmd.arguments.map((a) => [argumentTerm(a), argumentDescription(a)])]);
  }
  for (const [heading, specs] of optionGroups(cmd)) result.push([heading, specs.map((o) => [o.flags, optionDescription(o)])]);
  result.push(['Commands:', cmd.subcommands.map((s) => [subcommandTerm(s), s.description])]);
  return result;
}

/** The full help of `cmd` (reached through `parents`, e.g. `['ami-find']` for `show`) at `width` columns. */
export function renderHelp(cmd: CommandSpec, parents: readonly string[], width: number): string {
  const sections = lists(cmd);
  let termWidth = 0;
  for (const [, entries] of sections) for (const [term] of entries) termWidth = Math.max(termWidth, term.length);
  const usage = ['[options]', ...(cmd.subcommands.length ? ['[command]'] : []), ...cmd.arguments.map((a) => a.name)];

  const lines = [`Usage: ${[...parents, cmd.name, ...usage].join(' ')}`, ''];
  if (cmd.description) lines.push(boxWrap(cmd.description, width), '');
  for (const [title, entries] of sections) {
    if (entries.length === 0) continue;
    lines.push(title);
    for (const [term, description] of entries) lines.push(formatItem(term, termWidth, description, width));
    lines.push('');
  }
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
