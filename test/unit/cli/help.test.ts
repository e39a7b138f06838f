/** Commander renders help from the command tree: every flag, groups in table order, examples, exit codes, subcommands. */
import { CommanderError } from 'commander';
import { parseArgv } from '../../../src/cli/program.js';
import { MAIN_COMMAND, OPTION_GROUPS, SUBCOMMANDS, commandOptions, type CommandSpec } from '../../../src/cli/options.js';
import { EXIT_DESCRIPTIONS } from '../../../src/errors.js';

/** The help commander prints for `argv` at `width` columns. */
async function help(argv: string[], width?: number): Promise<string> {
  let text = '';
  try {
    await parseArgv(argv, { writeOut: (s) => { text += s; }, writeErr: () => {}, helpWidth: () => width });
  } catch (e) {
    if (e instanceof CommanderError && e.code === 'commander.helpDisplayed') return text;
    throw e;
  }
  throw new Error(`no help for ${argv.join(' ')}`);
}

/** The long flag of a spec (`--output` of `-o, --output <format>`). */
const long = (flags: string) => /--[a-z-]+/.exec(flags)![0];

/** Where each word first appears in `text`, failing when one is missing. */
function positions(text: string, words: readonly string[]): number[] {
  return words.map((w) => {
    const at = text.indexOf(w);
    if (at < 0) throw new Error(`help lacks ${w}`);
    return at;
  });
}

const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

describe('ami-find --help', () => {
  test.each([40, 80, 200])('when shown at width %i then every flag appears, in table order within its group', async (width) => {
    const text = await help(['--help'], width);
    expect(text).toMatch(/^Usage: ami-find \[options\] \[command\] \[preset\]\n/);
    for (const group of OPTION_GROUPS) {
      const specs = MAIN_COMMAND.options.filter((o) => o.group === group);
      const at = positions(text, [`\n${group}:\n`, ...specs.map((o) => long(o.flags))]);
      expect(increasing(at)).toBe(true);
    }
    expect(text).toContain('-V, --version');
    expect(text).toContain('-h, --help');
  });

  test('when shown then the option groups come in table order, then commands, examples, output formats and exit codes', async () => {
    const text = await help(['--help']);
    const at = positions(text, ['\nArguments:\n', ...OPTION_GROUPS.map((g) => `\n${g}:\n`), '\nCommands:\n', '\nExamples:\n',
      '\nOutput formats:\n', '\nExit codes:\n']);
    expect(increasing(at)).toBe(true);
    for (const [code, meaning] of Object.entries(EXIT_DESCRIPTIONS)) expect(text).toContain(`  ${code.padStart(3)}  ${meaning.slice(0, 20)}`);
    for (const sub of SUBCOMMANDS) expect(text).toMatch(new RegExp(`\\n  ${sub.name}\\b.*${sub.description.slice(0, 10)}`));
  });

  test('when the help flag repeats with an unknown flag then commander still shows the same help', async () => {
    expect(await help(['--help', '--bogus'])).toBe(await help(['--help']));
  });
});

describe.each(SUBCOMMANDS.map((s) => [s.name, s] as [string, CommandSpec]))('ami-find %s --help', (name, sub) => {
  test('when shown then it has its usage, arguments and every flag it takes, and no examples', async () => {
    const text = await help([name, '--help']);
    expect(text.startsWith(`Usage: ami-find ${name} [options]${sub.arguments.map((a) => ` ${a.name}`).join('')}\n`)).toBe(true);
    positions(text, [sub.description, ...commandOptions(sub).map((o) => long(o.flags)), '-h, --help']);
    expect(text).not.toContain('Examples:');
    expect(text).not.toContain('--version');
  });
});
