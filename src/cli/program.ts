/**
 * The commander program, registered from the command tree (options.ts): parsing and help. Every
 * failure is a CommanderError (exitOverride); main.ts runs what was parsed. Nothing here loads the AWS SDK.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Argument, Command, type Option } from 'commander';
import { usageError } from '../errors.js';
import { mainHelpEpilogue } from './help.js';
import { buildOption } from './option-builder.js';
import { HELP_OPTION, MAIN_COMMAND, SUBCOMMANDS, VERSION_OPTION, commandOptions, type CommandSpec } from './options.js';

/** What the command line asked for: the command, its positional values and its options. */
export interface ParsedCommand {
  command: CommandSpec;
  args: unknown[];
  options: Record<string, unknown>;
}

/** Where commander writes help/version (stdout) and its own messages (stderr). */
export interface ProgramOutput {
  writeOut(s: string): void;
  writeErr(s: string): void;
  /** Columns for help on stdout, asked only when help is shown; undefined means 80. */
  helpWidth?(): number | undefined;
}

/** The version in the nearest package.json named ami-find above this module (src/ or dist/src/). */
function packageVersion(): string {
  let url = new URL('package.json', import.meta.url);
  for (let i = 0; i < 5; i++, url = new URL('../package.json', url)) {
    if (!existsSync(url)) continue;
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'ami-find' && pkg.version) return pkg.version;
  }
  return '0.0.0';
}

/** How a flag is named in messages: `-o/--output`, `--no-color`. */
function flagName(o: Option): string {
  return [o.short, o.long].filter(Boolean).join('/');
}

/**
 * The options of subcommand `sub`, with the main-command flags given before it (`ami-find --region
 * eu-west-1 show ...`, parsed by the main command under positional options). Flags it shares are
 * honoured, the one after the subcommand winning; any other is a usage error naming them.
 */
export function withFlagsBefore(sub: Command, shared: readonly string[]): Record<string, unknown> {
  const main = sub.parent!;
  const merged: Record<string, unknown> = { ...sub.opts() };
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

/** Register `spec` on `cmd`: output, help flag, description, arguments, flags, and the action reporting it to `onParsed`. */
function defineCommand(cmd: Command, spec: CommandSpec, out: ProgramOutput, onParsed: (c: ParsedCommand) => void): Command {
  cmd
    .exitOverride()
    .configureOutput({
      writeOut: out.writeOut,
      writeErr: out.writeErr,
      getOutHelpWidth: () => out.helpWidth?.() ?? 80, // commander's default
      outputError: () => { /* main prints errors */ },
    })
    .showSuggestionAfterError(true)
    .helpCommand(false)
    .addHelpOption(buildOption(HELP_OPTION))
    .description(spec.description);
  for (const a of spec.arguments) {
    const argument = new Argument(a.name, a.description);
    if (a.choices) argument.choices(a.choices);
    cmd.addArgument(argument);
  }
  for (const option of commandOptions(spec)) cmd.addOption(buildOption(option));
  cmd.action((...values: unknown[]) => {
    const args = values.slice(0, spec.arguments.length);
    const options = cmd.parent ? withFlagsBefore(cmd, spec.shared) : cmd.opts();
    onParsed({ command: spec, args, options });
  });
  return cmd;
}

/** Build the program; `onParsed` receives the parsed command when an action runs. */
export function buildProgram(out: ProgramOutput, onParsed: (c: ParsedCommand) => void): Command {
  // Positional options before the subcommands are added, so that they inherit it.
  const program = defineCommand(new Command(MAIN_COMMAND.name).enablePositionalOptions(), MAIN_COMMAND as CommandSpec, out, onParsed);
  program.version(packageVersion(), VERSION_OPTION.flags, VERSION_OPTION.description);
  program.options.at(-1)!.helpGroup(`${VERSION_OPTION.group}:`);
  program.addHelpText('after', mainHelpEpilogue());
  for (const sub of SUBCOMMANDS) defineCommand(program.command(sub.name), sub, out, onParsed);
  return program;
}

/** Parse `argv` (without node and script); throws CommanderError on any failure, help or version. */
export async function parseArgv(argv: readonly string[], out: ProgramOutput): Promise<ParsedCommand> {
  let parsed: ParsedCommand | undefined;
  const program = buildProgram(out, (c) => { parsed = c; });
  await program.parseAsync([...argv], { from: 'user' });
  if (!parsed) throw new Error('commander ran no action');
  return parsed;
}
