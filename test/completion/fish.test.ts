/** Drives real fish: the script is autoloaded from the completions directory, as users install it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIONS, SHOW_FORMATS } from '../../src/cli/options.js';
import {
  ARCHITECTURES, FILTER_VALUES, IAC_FORMATS, OUTPUT_FORMATS, SORT_KEYS,
} from '../../src/query/vocabulary.js';
import { showLongFlags,
  canaryFired, checkCase, installScript, requireShell, sandbox, type CompletionCase, type Sandbox,
} from './support.js';
import { installFakeProgram, programRan } from './fake-program.js';

const longFlags = OPTIONS.map((o) => /--[a-z-]+/.exec(o.flags)![0]);

/** fish rows: `complete -C` prints whole tokens, including a `--flag=` prefix. */
const CASES: CompletionCase[] = [
  { line: 'ami-find --fi', exactly: ['--filter'] },
  { line: 'ami-find --', must: longFlags },
  { line: 'ami-find --ow', exactly: ['--owner'] },
  { line: 'ami-find show --', must: showLongFlags() },
  { line: 'ami-find --filter ', must: ['architecture=', 'block-device-mapping.volume-type=', 'tag-key=', 'tag:'], mustNot: ['architecture', 'tag'] },
  { line: 'ami-find --filter arch', exactly: ['architecture='] },
  { line: 'ami-find --filter architecture=', exactly: ARCHITECTURES.map((a) => `architecture=${a}`) },
  { line: 'ami-find --filter=architecture=x', exactly: ['--filter=architecture=x86_64', '--filter=architecture=x86_64_mac'] },
  { line: 'ami-find --filter=ta', exactly: ['--filter=tag-key=', '--filter=tag:'] },
  { line: 'ami-find --filter tag:Name=', exactly: [] },
  ...Object.entries(FILTER_VALUES).map(([name, values]) => ({ line: `ami-find --filter ${name}=`, exactly: values!.map((v) => `${name}=${v}`) })),
  { line: 'ami-find -o ', exactly: [...OUTPUT_FORMATS, ...IAC_FORMATS] },
  { line: 'ami-find --output=j', exactly: ['--output=json'] },
  { line: 'ami-find --sort ', exactly: [...SORT_KEYS] },
  { line: 'ami-find --owner ', must: ['self', 'amazon', 'aws-marketplace', 'aws-backup-vault', '099720109477', '137112412989'] },
  { line: 'ami-find --owner self,09', exactly: ['self,099720109477'] },
  { line: 'ami-find --executable-user ', exactly: ['self', 'all'] },
  { line: 'ami-find --region eu-west-', exactly: ['eu-west-1', 'eu-west-2', 'eu-west-3'] },
  { line: 'ami-find --region us-east-1,eu-west-', exactly: ['us-east-1,eu-west-1', 'us-east-1,eu-west-2', 'us-east-1,eu-west-3'] },
  { line: 'ami-find --profile default,gl', exactly: ['default,glob*'] },
  { line: 'ami-find --columns id,n', exactly: ['id,name'] },
  { line: 'ami-find ', must: ['show', 'presets', 'completion', 'ubuntu:24.04', 'al2023'] },
  { line: 'ami-find ubuntu:2', must: ['ubuntu:24.04', 'ubuntu:22.04'] },
  { line: 'ami-find --region us-east-1 s', must: ['show', 'sles:15-sp7'] },
  { line: 'ami-find ubuntu:24.04 ', exactly: [] },
  { line: 'ami-find ubuntu:24.04 --ar', exactly: ['--arch'] },
  { line: 'ami-find completion ', exactly: ['bash', 'zsh', 'fish'] },
  { line: 'ami-find ssm /aws/service/de', exactly: ['/aws/service/debian/release'] },
  { line: 'ami-find completion bash ', exactly: [] },
  { line: 'ami-find show -o ', exactly: [...SHOW_FORMATS] },
  { line: 'ami-find show --reg', exactly: ['--region'] },
  { line: 'ami-find show --re', exactly: ['--region', '--retry-mode', '--read-timeout'] },
  { line: 'ami-find show --fil', exactly: [] },
  // Profiles are printed as data; fish escapes what it inserts.
  { line: 'ami-find --profile ', exactly: ['default', 'my profile', '$(touch canary)', '`touch canary`', '*', 'glob*', "it's", 'semi;colon', 'a"quote'] },
  { line: 'ami-find --profile \\$', exactly: ['$(touch canary)'] },
  { line: 'ami-find show --profile=s', exactly: ['--profile=semi;colon'] },
];

interface Result { candidates: string[]; descriptions: Map<string, string> }

function runFish(box: Sandbox, cases: CompletionCase[]): Result[] {
  const fish = requireShell('fish');
  const run = spawnSync(fish, ['-c', 'for l in $argv; echo __CASE__; complete -C $l; end', ...cases.map((c) => c.line)], {
    env: { ...box.env, XDG_CONFIG_HOME: join(box.dir, 'xdg-config'), XDG_DATA_HOME: join(box.dir, 'xdg-data') },
    cwd: box.dir, encoding: 'utf8', timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`fish exited ${run.status}: ${run.stderr}`);
  const results: Result[] = [];
  for (const line of run.stdout.split('\n')) {
    if (line === '__CASE__') results.push({ candidates: [], descriptions: new Map() });
    else if (line && results.length > 0) {
      const [word = '', description = ''] = line.split('\t');
      results.at(-1)!.candidates.push(word);
      results.at(-1)!.descriptions.set(word, description);
    }
  }
  expect(results).toHaveLength(cases.length);
  return results;
}

describe('fish completion from the completions directory', () => {
  let box: Sandbox;
  let results: Result[];
  beforeAll(() => {
    box = sandbox('fish');
    mkdirSync(join(box.dir, 'xdg-config/fish/completions'), { recursive: true });
    installScript(box, 'fish', 'xdg-config/fish/completions/ami-find.fish');
    // fish autoloads completions only for commands on PATH.
    installFakeProgram(box);
    results = runFish(box, CASES);
  }, 60_000);

  test.each(CASES.map((c, i) => [c.line, i] as const))('when completing %j then the table row holds', (_line, i) => {
    expect(checkCase(CASES[i]!, results[i]!.candidates)).toEqual([]);
  });

  test('when owners are offered then publisher accounts show their names', () => {
    const i = CASES.findIndex((c) => c.line === 'ami-find --owner ');
    expect(results[i]!.descriptions.get('099720109477')).toContain('Canonical');
    expect(results[i]!.descriptions.get('801119661308')).toContain('Windows');
  });

  test('when hostile profile names were completed then nothing ran, not even ami-find', () => {
    expect(canaryFired(box)).toBe(false);
    expect(programRan(box)).toBe(false);
  });
});
