/**
 * The commander program, built from the command tree (help.ts, itself built from the one
 * option table). Parsing only: the actions record what was asked for and src/cli/main.ts runs it.
 * Every failure is a CommanderError (exitOverride). Help is rendered by help.ts, the renderer the
 * fast path (fast-path.ts) uses too. Nothing here loads the AWS SDK.
 */
import { Argument, Command, Option } from 'commander';
import { usageError } from '../errors.js';
import type { Shell } from '../query/vocabulary.js';
import { HELP_OPTION } from './fast-path.js';
import { DEFAULT_HELP_WIDTH, PROGRAM, groupHeading, renderHelp, type CommandSpec } from './help.js';
import { buildOption } from './option-builder.js';
import { SUBCOMMANDS, type RawCliOptions } from './options.js';
import { packageVersion } from './version.js';

/** Options of `show`: the main-command flags it shares plus its own `--output`. */
export interface RawShowOptions extends Pick<RawCliOptions, 'includeDisabled' | 'color' | 'region' | 'profile' | 'endpointUrl' | 'maxAttempts' | 'retryMode' | 'connectTimeout' | 'readTimeout' | 'parser' | 'debug'> {
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
  /** Columns for help on stdout (the terminal's), asked only when help is shown; undefined means 80. */
  helpWidth?(): number | undefined;
}

/**
 * Register `spec` on `cmd`: description, arguments, flags and, recursively, its subcommands; its
 * help is rendered by help.ts. `parents` are the names above it (`['ami-find']` for show).
 */
export function defineCommand(cmd: Command, spec: CommandSpec, parents: readonly string[], out: ProgramOutput): Command {
  cmd
    .exitOverride()
    .configureOutput({
      writeOut: out.writeOut,
      writeErr: out.writeErr,
      getOutHelpWidth: () => out.helpWidth?.() ?? DEFAULT_HELP_WIDTH,
      outputError: () => { /* main prints errors */ },
    })
    .configureHelp({ formatHelp: (_cmd, helper) => renderHelp(spec, parents, helper.helpWidth ?? DEFAULT_HELP_WIDTH) })
    .showSuggestionAfterError(true)
    // The tree has no `help` subcommand; commander would add one to a command with subcommands and
    // no action (ours all have actions: this keeps any other tree honest too).
    .helpCommand(false)
    .addHelpOption(new Option(HELP_OPTION.flags, HELP_OPTION.description).helpGroup(groupHeading(HELP_OPTION.group)))
    .description(spec.description);
  for (const a of spec.arguments) {
    const argument = new Argument(a.name, a.description);
    if (a.choices) argument.choices(a.choices);
    cmd.addArgument(argument);
  }
  for (const option of spec.options) cmd.addOption(buildOption(option));
  const version = spec.versionOption;
  if (version) {
    cmd.version(packageVersion(), version.flags, version.description);
    cmd.options.find((o) => o.flags === version.flags)?.helpGroup(groupHeading(version.group));
  }
  for (const sub of spec.subcommands) defineCommand(cmd.command(sub.name), sub, [...parents, spec.name], out);
  return cmd;
}

function subcommand(program: Command, name: string): Command {
  const cmd = program.commands.find((c) => c.name() === name);
  if (!cmd) throw new Error(`the command tree has no subcommand ${name}`);
  return cmd;
}

/** How a flag is named in messages: `-o/--output`, `--no-color`. */
function flagName(o: Option): string {
  return [o.short, o.long].filter(Boolean).join('/');
}

/**
 * The options of subcommand `sub` with the main-command flags given *before* it (`ami-find --region
 * eu-west-1 show ami-...`): with positional options those are parsed by the main command, and were
 * silently dropped (issue 15 item 7). Flags the subcommand shares (SUBCOMMANDS[].shared) are honoured,
 * the same flag given after the subcommand winning; any other is a usage error naming them.
 */
export function withFlagsBefore(sub: Command): Record<string, unknown> {
  const main = sub.parent;
  const merged: Record<string, unknown> = { ...sub.opts() };
  if (!main) return merged;
  const shared: readonly string[] = SUBCOMMANDS.find((c) => c.name === sub.name())?.shared ?? [];
  const given = main.options.filter((o) => main.getOptionValueSource(o.attributeName()) === 'cli');
  const refused = given.filter((o) => !shared.includes(o.attributeName()));
  if (refused.length > 0) {
    const names = refused.map(flagName).join(', ');
    const takes = sub.options.map((o) => (shared.includes(o.attributeName()) ? flagName(o) : `${flagName(o)} (after ${sub.name()})`));
    throw usageError(`${names} ${refused.length > 1 ? 'do' : 'does'} not apply to ${sub.name()}`,
      takes.length > 0 ? `${sub.name()} takes ${takes.join(', ')}` : `${sub.name()} takes no flags`, 'E_FLAG_NOT_FOR_SUBCOMMAND');
  }
  for (const o of given) {
    const key = o.attributeName();
    if (sub.getOptionValueSource(key) !== 'cli') merged[key] = main.getOptionValue(key);
  }
  return merged;
}

/** Build the program; `onParsed` receives the parsed command when an action runs. */
export function buildProgram(out: ProgramOutput, onParsed: (c: ParsedCommand) => void): Command {
  // Positional options before defineCommand, so the subcommands inherit the setting as they are created.
  const program = defineCommand(new Command(PROGRAM.name).enablePositionalOptions(), PROGRAM, [], out);
  program.action((preset: string | undefined, options: RawCliOptions) => {
    onParsed({ kind: 'find', preset, options });
  });
  subcommand(program, 'show').action((imageIds: string[], _options: RawShowOptions, cmd: Command) => {
    onParsed({ kind: 'show', imageIds, options: withFlagsBefore(cmd) as unknown as RawShowOptions });
  });
  subcommand(program, 'presets').action((_options: unknown, cmd: Command) => {
    withFlagsBefore(cmd);
    onParsed({ kind: 'presets' });
  });
  subcommand(program, 'completion').action((shell: Shell, _options: unknown, cmd: Command) => {
    withFlagsBefore(cmd);
    onParsed({ kind: 'completion', shell });
  });
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
