/**
 * The startup fast path (fast-path.ts) answers exactly what commander would for plain help and
 * version requests, and leaves every other argument list to commander.
 */
import { CommanderError } from 'commander';
import { fastAnswer, type FastPathIo } from '../../../src/cli/fast-path.js';
import { main } from '../../../src/cli/main.js';
import { parseArgv } from '../../../src/cli/program.js';
import { testIo } from './fake-io.js';

const HELP_REQUESTS = [
  ['--help'], ['-h'], ['show', '--help'], ['show', '-h'], ['presets', '--help'], ['presets', '-h'],
  ['completion', '--help'], ['completion', '-h'],
];

function fastIo(width: number | undefined, env: Record<string, string> = {}): FastPathIo {
  return { env, columns: () => width, write: () => {} };
}

/** What commander writes on stdout for `argv` at `width`, and the CommanderError it stops with. */
async function viaCommander(argv: string[], width?: number): Promise<{ text: string; error: CommanderError }> {
  let text = '';
  try {
    await parseArgv(argv, { writeOut: (s) => { text += s; }, writeErr: () => {}, helpWidth: () => width });
  } catch (e) {
    if (e instanceof CommanderError) return { text, error: e };
    throw e;
  }
  throw new Error(`commander did not stop for ${argv.join(' ')}`);
}

/** Run `body` with extra variables in process.env (commander reads env-backed flags from there). */
async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

describe('fast path', () => {
  test.each(HELP_REQUESTS.flatMap((argv) => [40, 80, 120].map((w) => [argv.join(' '), argv, w] as const)))(
    'when `%s` is asked for at width %i then the fast answer is what commander prints', async (_name, argv, width) => {
      const { text, error } = await viaCommander([...argv], width);
      expect(error.code).toBe('commander.helpDisplayed');
      expect(error.exitCode).toBe(0);
      expect(await fastAnswer(argv, fastIo(width))).toBe(text);
    });

  test('when no terminal width is known then help is laid out at 80 columns, as commander does', async () => {
    const { text } = await viaCommander(['--help']);
    expect(await fastAnswer(['--help'], fastIo(undefined))).toBe(text);
    expect(await fastAnswer(['--help'], fastIo(80))).toBe(text);
  });

  test.each([['--version'], ['-V']])('when `%s` is asked for then the fast answer is commander\'s version line', async (flag) => {
    const { text, error } = await viaCommander([flag]);
    expect(error.code).toBe('commander.version');
    expect(await fastAnswer([flag], fastIo(80))).toBe(text);
    expect(text).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  test.each([
    [[]], [['--help', '--bogus']], [['--version', 'extra']], [['-V', '--help']], [['help']], [['help', 'show']],
    [['-hV']], [['--help=x']], [['--help', 'show']], [['--no-color', '--help']], [['show']], [['show', 'ami-1', '--help']],
    [['show', '--help', '--bogus']], [['show', '--version']], [['bogus', '--help']], [['--help', '--help']], [['--owner', 'self']],
  ])('when argv is %j then the fast path leaves it to commander', async (argv) => {
    expect(await fastAnswer(argv, fastIo(80))).toBeUndefined();
  });

  test.each([
    [{ AWS_MAX_ATTEMPTS: 'abc' }], [{ AWS_MAX_ATTEMPTS: '0' }], [{ AWS_MAX_ATTEMPTS: '' }], [{ AMI_FIND_PARSER: 'bogus' }],
  ])('when env %j would make commander reject the flag it backs then help is left to commander, which fails', async (env) => {
    for (const argv of [['--help'], ['presets', '--help'], ['show', '-h']]) {
      expect(await fastAnswer(argv, fastIo(80, env))).toBeUndefined();
      const { error } = await withEnv(env, () => viaCommander(argv));
      expect(error.code).toBe('commander.invalidArgument');
    }
  });

  test.each([[{ AWS_MAX_ATTEMPTS: '5' }], [{ AMI_FIND_PARSER: 'sdk' }], [{ AWS_PROFILE: '' }]])(
    'when env %j holds values commander accepts then help is still answered fast, and the same', async (env) => {
      for (const argv of [['--help'], ['show', '--help']]) {
        const { text } = await withEnv(env, () => viaCommander(argv));
        expect(await fastAnswer(argv, fastIo(80, env))).toBe(text);
      }
    });
});

describe('main with the fast path', () => {
  test('when --help is given then the fast answer goes to stdout with exit 0, as commander\'s did', async () => {
    const io = testIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out.text).toBe((await viaCommander(['--help'])).text);
    expect(io.err.text).toBe('');
  });
  test('when --help comes with an unknown flag then commander answers it: the same help, exit 0', async () => {
    const io = testIo();
    expect(await main(['--help', '--bogus'], io)).toBe(0);
    expect(io.out.text).toBe((await viaCommander(['--help'])).text);
  });
  test('when --version comes with an extra word then commander answers it: the version, exit 0', async () => {
    const io = testIo();
    expect(await main(['--version', 'extra'], io)).toBe(0);
    expect(io.out.text).toBe((await viaCommander(['--version'])).text);
  });
  test('when -hV is given then commander rejects it: exit 2, nothing on stdout', async () => {
    const io = testIo();
    expect(await main(['-hV'], io)).toBe(2);
    expect(io.out.text).toBe('');
    expect(io.err.text).toMatch(/^ami-find: unknown option '-hV'/);
  });
  test('when AWS_MAX_ATTEMPTS is invalid then --help is a usage error (exit 2), as commander made it', async () => {
    const env = { AWS_MAX_ATTEMPTS: 'abc' };
    const io = testIo({ env });
    expect(await withEnv(env, () => main(['--help'], io))).toBe(2);
    expect(io.out.text).toBe('');
    expect(io.err.text).toMatch(/AWS_MAX_ATTEMPTS/);
  });
});
