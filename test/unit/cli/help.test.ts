/**
 * help.ts against commander 14's own Help class: the same Command objects rendered by commander's
 * stock formatter (configureHelp({}) undoes ours) must give exactly the text help.ts gives.
 */
import { Command, Help } from 'commander';
import { PROGRAM, boxWrap, formatItem, renderHelp, type CommandSpec } from '../../../src/cli/help.js';
import { buildProgram, defineCommand, type ProgramOutput } from '../../../src/cli/program.js';

const WIDTHS = [20, 39, 40, 41, 60, 80, 100, 120, 200];

/** What commander prints for `cmd` with its stock Help and `after` added the usual way. */
function stockHelp(cmd: Command, after: string | undefined, captured: { text: string }): string {
  captured.text = '';
  cmd.configureHelp({});
  if (after) cmd.addHelpText('after', after);
  cmd.outputHelp();
  return captured.text;
}

function output(width: number, captured: { text: string }): ProgramOutput {
  return { writeOut: (s) => { captured.text += s; }, writeErr: () => {}, helpWidth: () => width };
}

/** The commander Command at `path` below `root`. */
function commandAt(root: Command, path: readonly string[]): Command {
  let cmd = root;
  for (const name of path) cmd = cmd.commands.find((c) => c.name() === name)!;
  return cmd;
}

/** A tree using what the real one does not (yet): hidden flags, boolean defaults, optional values, env switches, nesting. */
const SYNTHETIC: CommandSpec = {
  name: 'tool',
  description: 'a tool whose description is long enough to need wrapping at the narrower of the widths tried here',
  arguments: [{ name: '<target>', description: '' }, { name: '[more...]', description: '' }],
  options: [
    { flags: '--secret', key: 'secret', group: 'Query', complete: 'none', hidden: true, description: 'not shown' },
    { flags: '--fast', key: 'fast', group: 'Selection', complete: 'none', default: true, description: 'go fast' },
    { flags: '--no-slow', key: 'slow', group: 'Selection', complete: 'none', default: true, description: 'never slow' },
    { flags: '--level [n]', key: 'level', group: 'Selection', complete: 'free', parse: 'positive-int', default: 3,
      description: 'a level, with a description long enough to wrap more than once when the column is narrow' },
    { flags: '-m, --mode <mode>', key: 'mode', group: 'Selection', complete: 'choices', choices: ['a', 'b'], default: 'a',
      env: 'TOOL_MODE', description: '' },
    { flags: '--verbose', key: 'verbose', group: 'General', complete: 'none', env: 'TOOL_VERBOSE', description: 'say more' },
    { flags: '--hand', key: 'hand', group: 'General', complete: 'none',
      description: 'wrapped by hand:\n  first indented line\n  second indented line' },
  ],
  subcommands: [
    { name: 'run', description: '', arguments: [{ name: '<job>', description: 'the job', choices: ['x', 'y'] }, { name: '[rest]', description: '' }],
      options: [], subcommands: [
        { name: 'deep', description: 'a nested command', arguments: [], options: [], subcommands: [] },
      ] },
    { name: 'idle', description: 'does nothing', arguments: [], options: [], subcommands: [] },
  ],
};

describe('help renderer against commander', () => {
  const paths = [[], ['show'], ['presets'], ['completion']] as const;
  test.each(paths.flatMap((p) => WIDTHS.map((w) => [p.join(' ') || 'ami-find', [...p], w] as const)))(
    'when %s help is rendered at width %i then it equals commander\'s own rendering', (_name, path, width) => {
      const captured = { text: '' };
      const program = buildProgram(output(width, captured), () => {});
      const spec = path.length ? PROGRAM.subcommands.find((s) => s.name === path[0])! : PROGRAM;
      const expected = stockHelp(commandAt(program, path), spec.afterHelp, captured);
      expect(expected).toMatch(/^Usage: ami-find/);
      expect(renderHelp(spec, path.length ? ['ami-find'] : [], width)).toBe(expected);
    });

  test.each(WIDTHS)('when a tree with hidden, defaulted, optional, env and nested entries is rendered at width %i then it equals commander', (width) => {
    const captured = { text: '' };
    const root = defineCommand(new Command(SYNTHETIC.name), SYNTHETIC, [], output(width, captured));
    const run = SYNTHETIC.subcommands[0]!;
    const cases: [CommandSpec, string[], string[]][] = [
      [SYNTHETIC, [], []], [run, ['run'], ['tool']], [run.subcommands[0]!, ['run', 'deep'], ['tool', 'run']],
      [SYNTHETIC.subcommands[1]!, ['idle'], ['tool']],
    ];
    for (const [spec, path, parents] of cases) {
      const expected = stockHelp(commandAt(root, path), undefined, captured);
      expect(renderHelp(spec, parents, width)).toBe(expected);
    }
    expect(renderHelp(SYNTHETIC, [], width)).not.toContain('--secret');
  });

  test('when help is shown through commander then it is help.ts\'s text, examples and exit codes included', async () => {
    const captured = { text: '' };
    const program = buildProgram(output(80, captured), () => {});
    program.outputHelp();
    expect(captured.text).toBe(renderHelp(PROGRAM, [], 80));
    expect(captured.text).toMatch(/\nExamples:\n[\s\S]*\nExit codes:\n[\s\S]*\n  130  /);
  });
});

describe('help layout against commander', () => {
  const help = new Help();
  const texts = [
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen',
    'trailing spaces are dropped at a wrap   ',
    '  leading spaces stay on the first line only when the line is long enough to wrap somewhere',
    'line one\nline two is a little longer than line one and wraps\r\nline three',
    '',
    'averyveryveryveryveryveryveryveryveryveryveryverylongwordthatcannotbreak and then some',
    'tabs\tand  double  spaces  inside a sentence that goes on for a while before it stops',
  ];
  test.each([39, 40, 44, 60, 80])('when text is wrapped at width %i then it wraps as commander\'s boxWrap does', (width) => {
    for (const t of texts) expect(boxWrap(t, width)).toBe(help.boxWrap(t, width));
  });
  test.each([[20, 40], [34, 80], [34, 120], [10, 60], [50, 80]])(
    'when an item has a %i-column term at width %i then it is padded and wrapped as commander\'s formatItem does', (termWidth, width) => {
      help.helpWidth = width;
      for (const t of [...texts, 'hand wrapped:\n  indented line']) {
        expect(formatItem('--term', termWidth, t, width)).toBe(help.formatItem('--term', termWidth, t, help));
      }
    });
});
