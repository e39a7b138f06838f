/**
 * The command tree as data: each command's name, description, arguments and flags, built from the
 * option table (options.ts), plus the prose of `ami-find --help` (description, examples, exit
 * codes). program.ts registers the tree with commander and help.ts renders its help, so the
 * startup fast path (fast-path.ts) and commander print the same text. No commander import here.
 */
import { EXIT_DESCRIPTIONS } from '../errors.js';
import { SHELLS } from '../query/vocabulary.js';
import { VERSION_OPTION } from './fast-path.js';
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
  afterHelp: `${EXAMPLES}\n${exitCodesHelp()}`,
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
