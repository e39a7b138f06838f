/**
 * The commander program, built from the one option table. Parsing only: the actions record what
 * was asked for and src/cli/main.ts runs it. Every failure is a CommanderError (exitOverride).
 * Nothing here loads the AWS SDK, so --help and --version stay fast.
 */
import { Argument, Command, Option } from 'commander';
import { EXIT_DESCRIPTIONS } from '../errors.js';
import { SHELLS, type Shell } from '../query/vocabulary.js';
import { groupHeading, buildOption } from './option-builder.js';
import {
  OPTIONS, PRESET_ARGUMENT, SHOW_OPTIONS, SUBCOMMANDS, type OptionSpec, type RawCliOptions,
} from './options.js';
import { packageVersion } from './version.js';

/** Options of `show`: the main-command flags it shares plus its own `--output`. */
export interface RawShowOptions extends Pick<RawCliOptions, 'includeDisabled' | 'color' | 'region' | 'profile' | 'endpointUrl' | 'maxAttempts' | 'parser' | 'debug'> {
  output: string;
}

/** What the command line asked for, once commander has parsed and validated it. */
export type ParsedCommand =
  | { kind: 'find'; preset?: string; options: RawCliOptions }
  | { kind: 'show'; imageIds: string[]; options: RawShowOptions }
  | { kind: 'presets' }
  | { kind: 'completion'; shell: Shell };

/** Where commander writes help/version (stdout) and its own messages (stderr). */
export interface ProgramOutput {
  writeOut(s: string): void;
  writeErr(s: string): void;
}

const EXAMPLES = `
Examples:
  ami-find ubuntu:24.04 --arch arm64 --latest          newest Ubuntu 24.04 arm64 image from Canonical
  ami-find al2023 --created-after 90d                  Amazon Linux 2023 images of the last 90 days
  ami-find --owner self --tag team=web -o wide         my own images tagged team=web
  ami-find --owner amazon --name 'al2023-ami-2023.*' -o json | jq -r '.Images[].ImageId'
  ami-find --owner self --max-items 50                 first 50, then resume with --starting-token
  ami-find show ami-0123456789abcdef0                  everything about one image
  ami-find -i                                          pick interactively; prints the chosen ID`;

function exitCodesHelp(): string {
  const lines = Object.entries(EXIT_DESCRIPTIONS).map(([code, text]) => `  ${code.padStart(3)}  ${text}`);
  return `\nExit codes:\n${lines.join('\n')}\n`;
}

function sharedSpecs(keys: readonly string[]): OptionSpec[] {
  return keys.map((key) => {
    const spec = (OPTIONS as readonly OptionSpec[]).find((o) => o.key === key);
    if (!spec) throw new Error(`SUBCOMMANDS names an unknown option key: ${key}`);
    return spec;
  });
}

function configure(cmd: Command, out: ProgramOutput): Command {
  return cmd
    .exitOverride()
    .configureOutput({ writeOut: out.writeOut, writeErr: out.writeErr, outputError: () => { /* main prints errors */ } })
    .showSuggestionAfterError(true)
    .addHelpOption(new Option('-h, --help', 'show help').helpGroup(groupHeading('General')));
}

/** Build the program; `onParsed` receives the parsed command when an action runs. */
export function buildProgram(out: ProgramOutput, onParsed: (c: ParsedCommand) => void): Command {
  const program = configure(new Command('ami-find'), out)
    .description('Find Amazon Machine Images: pinned owners, streamed pages, tables, JSON and ID lists.')
    .enablePositionalOptions()
    .addArgument(new Argument(PRESET_ARGUMENT.name, PRESET_ARGUMENT.description))
    .addHelpText('after', EXAMPLES + '\n' + exitCodesHelp());
  for (const spec of OPTIONS) program.addOption(buildOption(spec));
  program.version(packageVersion(), '-V, --version', 'print the version');
  program.options.find((o) => o.long === '--version')?.helpGroup(groupHeading('General'));
  program.action((preset: string | undefined, options: RawCliOptions) => {
    onParsed({ kind: 'find', preset, options });
  });

  const [show, presets, completion] = SUBCOMMANDS;
  const showCmd = configure(program.command(show.name), out).description(show.description)
    .addArgument(new Argument(show.args, 'image IDs (ami-...)'));
  for (const spec of [...SHOW_OPTIONS, ...sharedSpecs(show.shared)]) showCmd.addOption(buildOption(spec));
  showCmd.action((imageIds: string[], options: RawShowOptions) => onParsed({ kind: 'show', imageIds, options }));

  configure(program.command(presets.name), out).description(presets.description)
    .action(() => onParsed({ kind: 'presets' }));

  configure(program.command(completion.name), out).description(completion.description)
    .addArgument(new Argument(completion.args, 'the shell').choices(SHELLS))
    .action((shell: Shell) => onParsed({ kind: 'completion', shell }));
  return program;
}

/** Parse `argv` (without node and script) into a ParsedCommand; throws CommanderError on any failure, help or version. */
export async function parseArgv(argv: readonly string[], out: ProgramOutput): Promise<ParsedCommand> {
  let parsed: ParsedCommand | undefined;
  const program = buildProgram(out, (c) => { parsed = c; });
  await program.parseAsync([...argv], { from: 'user' });
  if (!parsed) throw new Error('commander ran no action');
  return parsed;
}
