/**
 * The commander program, registered from the command tree (options.ts): flags built from the option
 * table, parsing, and help with its epilogue. Every failure is a CommanderError (exitOverride);
 * main.ts runs what was parsed. Nothing here loads the AWS SDK.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Command, Option as OptionType } from 'commander';
import { EXIT_DESCRIPTIONS, usageError } from '../errors.js';
import {
  HELP_OPTION, MAIN_COMMAND, SUBCOMMANDS, VERSION_OPTION, commandOptions, type CommandSpec, type OptionSpec, type ValueParser,
} from './options.js';

// require(), not import: importing CommonJS from ESM starts Node's export scanner, ~5% of --help's time.
const commander = createRequire(import.meta.url)('commander') as typeof import('commander');
const { Argument, InvalidArgumentError, Option } = commander;

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

/** Why `value` is not a number of `kind` (commander's message wording), or undefined when it is. */
function numberProblem(kind: ValueParser, value: string): string | undefined {
  if (kind === 'duration') return durationMs(value) === undefined ? 'not a duration above 0 (500ms, 10s, 2m or 1h; a bare number is seconds).' : undefined;
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) return 'not a positive whole number.';
  return Number(value) < 1 ? 'must be 1 or more.' : undefined;
}

/** The longest duration a timer takes (Node's setTimeout limit, 2^31 - 1 ms, about 24 days). */
const MAX_DURATION_MS = 2 ** 31 - 1;
const DURATION_UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration in whole milliseconds (`500ms`, `1.5s`, `2m`, `1h`; a bare number is seconds), or undefined unless above 0 and within a timer's range. */
function durationMs(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim());
  if (!m) return undefined;
  const ms = Math.round(Number(m[1]) * DURATION_UNIT_MS[(m[2] ?? 's').toLowerCase()]!);
  return ms >= 1 && ms <= MAX_DURATION_MS ? ms : undefined;
}

/** Parse a whole decimal number (a duration: its milliseconds) for `kind`, or throw commander's InvalidArgumentError. */
function parseNumber(kind: ValueParser, value: string): number {
  const problem = numberProblem(kind, value);
  if (problem !== undefined) throw new InvalidArgumentError(problem);
  return kind === 'duration' ? durationMs(value)! : Number(value);
}

/** Split one flag value on commas, trimming and dropping empty parts (`--owner a,b`). */
function splitCommas(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A commander Option built from one spec: choices, env, parser, collecting repeatables, conflicts, help group. */
function buildOption(spec: OptionSpec): OptionType {
  const option = new Option(spec.flags, spec.description).helpGroup(`${spec.group}:`);
  if (spec.choices) option.choices(spec.choices);
  if (spec.env) option.env(spec.env);
  if (spec.conflicts) option.conflicts([...spec.conflicts]);
  if (spec.default !== undefined && !spec.flags.includes('--no-')) option.default(spec.default);
  const parse = spec.parse;
  if (parse && !spec.repeatable) option.argParser((v: string) => parseNumber(parse, v));
  if (spec.repeatable) {
    option.argParser((v: string, previous: string[] | undefined) => {
      const values = spec.splitCommas ? splitCommas(v) : [v];
      if (values.length === 0) throw new InvalidArgumentError('empty value.');
      // A default array would be shared between parses: always build a fresh one.
      return [...(previous ?? []), ...values];
    });
  }
  return option;
}

/** Example command lines, shown after the option list. */
const EXAMPLES = `
Examples:
  ami-find ubuntu:24.04 --arch arm64 --latest          newest Ubuntu 24.04 arm64 image from Canonical
  ami-find al2023 --created-after 90d                  Amazon Linux 2023 images of the last 90 days
  ami-find --owner self --tag team=web -o wide         my own images tagged team=web
  ami-find --owner amazon --name 'al2023-ami-2023.*' -o json | jq -r '.Images[].ImageId'
  ami-find --owner self --max-items 50                 first 50, then resume with --starting-token
  ami-find ubuntu:24.04 --latest -o terraform          a data "aws_ami" block for the same query
  ami-find al2023 --latest -o cloudformation           the region's image ID as a Mappings entry
  ami-find al2023 --latest --all-regions -o ids        the newest AL2023 image in every region
  ami-find show ami-0123456789abcdef0                  everything about one image
  ami-find -i                                          pick interactively; prints the chosen ID`;

/** What each output format does with the text of images (anyone can publish one); the README says it again. */
const OUTPUT_FORMATS_HELP = `
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
  errors, --debug    on stderr, escaped as for table; URL passwords as ***
  terraform, packer, the query as code (--pin: the IDs found now); values
  cloudformation     quoted so any name round-trips; what the target cannot
                     say is refused (exit 2) or noted in a comment`;

/** The "Exit codes:" block of the help, from EXIT_DESCRIPTIONS. */
function exitCodesHelp(): string {
  const lines = Object.entries(EXIT_DESCRIPTIONS).map(([code, text]) => `  ${code.padStart(3)}  ${text}`);
  return `\nExit codes:\n${lines.join('\n')}\n`;
}

/** Everything after the option list of `ami-find --help`. */
function mainHelpEpilogue(): string {
  return `${EXAMPLES}\n${OUTPUT_FORMATS_HELP}\n${exitCodesHelp()}`;
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
function flagName(o: OptionType): string {
  return [o.short, o.long].filter(Boolean).join('/');
}

/**
 * The options of subcommand `sub`, with the main-command flags given before it (`ami-find --region
 * eu-west-1 show ...`, parsed by the main command under positional options). Flags it shares are
 * honoured, the one after the subcommand winning; any other is a usage error naming them.
 */
function withFlagsBefore(sub: Command, shared: readonly string[]): Record<string, unknown> {
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
function buildProgram(out: ProgramOutput, onParsed: (c: ParsedCommand) => void): Command {
  // Positional options before the subcommands are added, so that they inherit it.
  const program = defineCommand(new commander.Command(MAIN_COMMAND.name).enablePositionalOptions(), MAIN_COMMAND, out, onParsed);
  program.version(packageVersion(), VERSION_OPTION.flags, VERSION_OPTION.description);
  program.options.at(-1)!.helpGroup(`${VERSION_OPTION.group}:`);
  program.addHelpText('after', mainHelpEpilogue());
  for (const sub of SUBCOMMANDS) defineCommand(program.command(sub.name), sub, out, onParsed);
  return program;
}

/** Whether `err` is commander stopping after help or the version: exit 0, nothing to report. */
export function shownHelpOrVersion(err: unknown): boolean {
  return err instanceof commander.CommanderError && err.exitCode === 0;
}

/** Parse `argv` (without node and script); throws CommanderError on any failure, help or version. */
export async function parseArgv(argv: readonly string[], out: ProgramOutput): Promise<ParsedCommand> {
  let parsed: ParsedCommand | undefined;
  const program = buildProgram(out, (c) => { parsed = c; });
  await program.parseAsync([...argv], { from: 'user' });
  if (!parsed) throw new Error('commander ran no action');
  return parsed;
}
