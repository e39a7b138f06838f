import { CommanderError } from 'commander';
import { parseArgv, type ParsedCommand } from '../../../src/cli/program.js';
import { OPTIONS } from '../../../src/cli/options.js';
import { AmiFindError } from '../../../src/errors.js';

const out = { text: '', err: '' };
const sink = { writeOut: (s: string) => { out.text += s; }, writeErr: (s: string) => { out.err += s; } };

async function parse(...argv: string[]): Promise<ParsedCommand> {
  return parseArgv(argv, sink);
}
/** The parse as plain data: command name, positional values, options. */
async function parsed(...argv: string[]) {
  const { command, args, options } = await parse(...argv);
  return { command: command.name, args, options };
}
async function failure(...argv: string[]): Promise<CommanderError> {
  try {
    await parse(...argv);
  } catch (e) {
    if (e instanceof CommanderError) return e;
    throw e;
  }
  throw new Error(`expected ${argv.join(' ')} to fail`);
}
async function find(...argv: string[]) {
  const c = await parse(...argv);
  if (c.command.name !== 'ami-find') throw new Error(`expected the main command, got ${c.command.name}`);
  return c;
}

beforeEach(() => { out.text = ''; out.err = ''; });

describe('program built from the option table', () => {
  test('when every table flag is registered then help lists each long flag', async () => {
    const e = await failure('--help');
    expect(e.code).toBe('commander.helpDisplayed');
    expect(e.exitCode).toBe(0);
    for (const o of OPTIONS) expect(out.text).toContain(o.flags.split(' ').find((w) => w.startsWith('--'))!.replace(/,$/, ''));
    expect(out.text).toMatch(/Exit codes:/);
  });
  test('when help is shown then options sit under their group headings', async () => {
    await failure('--help');
    const query = out.text.indexOf('Query:');
    const aws = out.text.indexOf('AWS:');
    expect(query).toBeGreaterThan(0);
    expect(out.text.indexOf('--owner')).toBeGreaterThan(query);
    expect(out.text.indexOf('--region')).toBeGreaterThan(aws);
  });
  test('when --version is given then commander stops with exit 0 and prints the version', async () => {
    const e = await failure('--version');
    expect(e.code).toBe('commander.version');
    expect(out.text).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
  test('when --owner repeats and has commas then values collect in order', async () => {
    const c = await find('--owner', 'amazon,099720109477', '--owner', 'self');
    expect(c.options.owner).toEqual(['amazon', '099720109477', 'self']);
  });
  test('when --filter has commas then they stay in one value (the query module splits them)', async () => {
    const c = await find('--filter', 'name=a,b', '--filter', 'architecture=arm64');
    expect(c.options.filter).toEqual(['name=a,b', 'architecture=arm64']);
  });
  test('when a preset is given then it is the positional argument', async () => {
    const c = await find('ubuntu:24.04', '--arch', 'arm64', '--latest');
    expect(c.args).toEqual(['ubuntu:24.04']);
    expect(c.options.latest).toBe(true);
    expect(c.options.arch).toBe('arm64');
  });
  test('when --latest has a number then it is parsed as an integer', async () => {
    expect((await find('--latest', '3')).options.latest).toBe(3);
    expect((await find('--latest=2')).options.latest).toBe(2);
  });
  test('when defaults apply then page size is 1000, header and colour are on, parser is fast', async () => {
    const c = await find();
    expect(c.options).toMatchObject({ pageSize: 1000, header: true, color: true, parser: 'fast' });
  });
  test('when --no-header and --no-color are given then both are false', async () => {
    const c = await find('--no-header', '--no-color');
    expect(c.options.header).toBe(false);
    expect(c.options.color).toBe(false);
  });
  test('when an unknown flag is given then the error code is commander.unknownOption', async () => {
    expect((await failure('--ownr', 'self')).code).toBe('commander.unknownOption');
  });
  test('when --output is not a format then the error code is commander.invalidArgument', async () => {
    expect((await failure('--output', 'yaml')).code).toBe('commander.invalidArgument');
  });
  test.each([['--page-size', '0'], ['--page-size', 'ten'], ['--max-items', '-1'], ['--max-attempts', '1.5'], ['--latest', 'ubuntu']])(
    'when %s %s is given then the number is rejected', async (flag, value) => {
      expect((await failure(flag, value)).code).toBe('commander.invalidArgument');
    });
  test.each([['10s', 10_000], ['500ms', 500], ['1.5s', 1500], ['2m', 120_000], ['1h', 3_600_000], ['30', 30_000], ['250MS', 250]])(
    'when a timeout is %s then it is %d ms', async (value, ms) => {
      expect((await find('--read-timeout', value, '--connect-timeout', value)).options).toMatchObject({ readTimeout: ms, connectTimeout: ms });
    });
  test.each(['0', '0s', '-1s', 'ten', '10d', '5000000h', ''])('when a timeout is %p then it is rejected', async (value) => {
    expect((await failure('--read-timeout', value)).code).toBe('commander.invalidArgument');
  });
  test.each([['AWS_RETRY_MODE', 'adaptive', 'retryMode', 'adaptive'], ['AMI_FIND_READ_TIMEOUT', '2s', 'readTimeout', 2000],
    ['AMI_FIND_CONNECT_TIMEOUT', '750ms', 'connectTimeout', 750]])('when %s=%s is set then the flag takes it from the environment', async (name, value, key, parsed) => {
    const before = process.env[name];
    process.env[name] = value;
    try {
      expect((await find()).options).toMatchObject({ [key]: parsed });
    } finally {
      if (before === undefined) delete process.env[name]; else process.env[name] = before;
    }
  });
  test('when AWS_RETRY_MODE is not a mode then it is rejected', async () => {
    const before = process.env.AWS_RETRY_MODE;
    process.env.AWS_RETRY_MODE = 'turbo';
    try {
      expect((await failure()).code).toBe('commander.invalidArgument');
    } finally {
      if (before === undefined) delete process.env.AWS_RETRY_MODE; else process.env.AWS_RETRY_MODE = before;
    }
  });
  test('when a value-taking flag has no value then the error code is commander.optionMissingArgument', async () => {
    expect((await failure('--region')).code).toBe('commander.optionMissingArgument');
  });
  test('when two positional arguments are given then commander rejects the excess', async () => {
    expect((await failure('ubuntu:24.04', 'debian:12')).code).toBe('commander.excessArguments');
  });
  test('when AWS_PROFILE is set then --profile takes it from the environment', async () => {
    const before = process.env.AWS_PROFILE;
    process.env.AWS_PROFILE = 'from-env';
    try {
      expect((await find()).options.profile).toEqual(['from-env']);
      expect((await find('--profile', 'flag')).options.profile).toEqual(['flag']);
    } finally {
      if (before === undefined) delete process.env.AWS_PROFILE; else process.env.AWS_PROFILE = before;
    }
  });
  test('when show gets image IDs and AWS flags then they belong to show', async () => {
    const c = await parsed('show', 'ami-1', 'ami-2', '--region', 'eu-west-1', '-o', 'json');
    expect(c).toEqual({ command: 'show', args: [['ami-1', 'ami-2']], options: expect.objectContaining({ region: ['eu-west-1'], output: 'json' }) });
  });
  test('when show gets a main-command-only flag then it is an unknown option', async () => {
    expect((await failure('show', 'ami-1', '--latest')).code).toBe('commander.unknownOption');
  });
  test('when AWS flags come before show then show gets them (they were dropped)', async () => {
    const c = await parsed('--endpoint-url', 'http://127.0.0.1:9', '--region', 'eu-west-1', '--profile', 'p', '--max-attempts', '2',
      '--no-color', '--include-disabled', '--debug', '--parser', 'sdk', 'show', 'ami-1');
    expect(c).toEqual({ command: 'show', args: [['ami-1']], options: expect.objectContaining({
      endpointUrl: 'http://127.0.0.1:9', region: ['eu-west-1'], profile: ['p'], maxAttempts: 2, color: false,
      includeDisabled: true, debug: true, parser: 'sdk', output: 'details' }) });
  });
  test('when a flag is given both before and after show then the one after wins', async () => {
    const c = await parsed('--region', 'eu-west-1', 'show', 'ami-1', '--region', 'us-west-2');
    expect(c).toEqual({ command: 'show', args: [['ami-1']], options: expect.objectContaining({ region: ['us-west-2'] }) });
  });
  test.each([
    [['--latest', '2', 'show', 'ami-1'], '--latest does not apply to show'],
    [['--owner', 'self', '-o', 'json', 'show', 'ami-1'], '--owner, -o/--output do not apply to show'],
    [['--region', 'eu-west-1', 'presets'], '--region does not apply to presets'],
    [['--debug', 'completion', 'bash'], '--debug does not apply to completion'],
  ])('when %j is parsed then it is a usage error naming the flags that do not apply', async (argv, message) => {
    let err: unknown;
    try { await parse(...argv); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AmiFindError);
    expect([(err as AmiFindError).code, (err as AmiFindError).exitCode, (err as AmiFindError).message])
      .toEqual(['E_FLAG_NOT_FOR_SUBCOMMAND', 2, message]);
  });
  test('when show has no image ID then the argument is missing', async () => {
    expect((await failure('show')).code).toBe('commander.missingArgument');
  });
  test('when completion names a shell then it is parsed; an unknown shell is rejected', async () => {
    expect(await parsed('completion', 'zsh')).toEqual({ command: 'completion', args: ['zsh'], options: {} });
    expect((await failure('completion', 'tcsh')).code).toBe('commander.invalidArgument');
  });
  test('when -i is combined with a listing-only flag then commander reports the conflict', async () => {
    expect((await failure('-i', '--max-items', '3')).code).toBe('commander.conflictingOption');
    expect((await failure('--interactive', '--explain')).code).toBe('commander.conflictingOption');
  });
  test('when presets is asked for then it parses with no options', async () => {
    expect(await parsed('presets')).toEqual({ command: 'presets', args: [], options: {} });
  });
});
