/** Drives real bash through the generated completion function, with and without bash-completion. */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIONS, SHOW_FORMATS } from '../../src/cli/options.js';
import {
  ARCHITECTURES, FILTER_VALUES, IAC_FORMATS, OUTPUT_FORMATS, PARSERS, SORT_KEYS,
  SSM_FORMATS,
} from '../../src/query/vocabulary.js';
import { showLongFlags,
  canaryFired, checkCase, installScript, requireShell, sandbox, shQuote, type CompletionCase, type Sandbox,
} from './support.js';
import { installFakeProgram, programRan } from './fake-program.js';

const BASH_COMPLETION = '/usr/share/bash-completion/bash_completion';
const longFlags = OPTIONS.map((o) => /--[a-z-]+/.exec(o.flags)![0]);

/** bash rows: COMPREPLY holds only the text after the last '=' or ':' (default COMP_WORDBREAKS). */
const CASES: CompletionCase[] = [
  { line: 'ami-find --fi', exactly: ['--filter'] },
  { line: 'ami-find --', must: longFlags, mustNot: ['--output=', '--filter='] },
  { line: 'ami-find --ow', exactly: ['--owner'] },
  { line: 'ami-find show --', must: showLongFlags() },
  { line: 'ami-find --filter ', must: ['architecture=', 'block-device-mapping.volume-type=', 'tag-key=', 'tag:'], mustNot: ['architecture', 'tag'] },
  { line: 'ami-find --filter arch', exactly: ['architecture='] },
  { line: 'ami-find --filter architecture=', exactly: [...ARCHITECTURES] },
  { line: 'ami-find --filter=architecture=x', exactly: ['x86_64', 'x86_64_mac'] },
  { line: 'ami-find --filter=ta', exactly: ['tag-key=', 'tag:'] },
  { line: 'ami-find --filter tag:Name=', exactly: [] },
  { line: 'ami-find --filter "architecture=ar', exactly: ['architecture=arm64', 'architecture=arm64_mac'] },
  ...Object.entries(FILTER_VALUES).map(([name, values]) => ({ line: `ami-find --filter ${name}=`, exactly: [...values!] })),
  { line: 'ami-find -o ', exactly: [...OUTPUT_FORMATS, ...IAC_FORMATS] },
  { line: 'ami-find --output=j', exactly: ['json'] },
  { line: 'ami-find -io ', exactly: [...OUTPUT_FORMATS, ...IAC_FORMATS] },
  { line: 'ami-find --sort ', exactly: [...SORT_KEYS] },
  { line: 'ami-find --arch a', exactly: ['arm64', 'arm64_mac'] },
  { line: 'ami-find --parser ', exactly: [...PARSERS] },
  { line: 'ami-find --owner ', must: ['self', 'amazon', 'aws-marketplace', 'aws-backup-vault', '099720109477', '137112412989'] },
  { line: 'ami-find --owner self,09', exactly: ['self,099720109477'] },
  { line: 'ami-find --executable-user ', exactly: ['self', 'all'] },
  { line: 'ami-find --region eu-west-', exactly: ['eu-west-1', 'eu-west-2', 'eu-west-3'] },
  { line: 'ami-find --region us-east-1,eu-west-', exactly: ['us-east-1,eu-west-1', 'us-east-1,eu-west-2', 'us-east-1,eu-west-3'] },
  // readline quotes profile names as file names (for hostile names), the comma included: the word is the same.
  { line: 'ami-find --profile default,gl', exactly: ['default\\,glob\\*'] },
  { line: 'ami-find --columns id,n', exactly: ['id,name'] },
  { line: 'ami-find ', must: ['show', 'presets', 'completion', 'ubuntu:24.04', 'al2023'] },
  { line: 'ami-find ubuntu:2', must: ['24.04', '22.04'], mustNot: ['ubuntu:24.04'] },
  { line: 'ami-find --region us-east-1 s', must: ['show', 'sles:15-sp7'] },
  { line: 'ami-find ubuntu:24.04 ', exactly: [] },
  { line: 'ami-find ubuntu:24.04 --ar', exactly: ['--arch'] },
  { line: 'ami-find completion ', exactly: ['bash', 'zsh', 'fish'] },
  { line: 'ami-find ssm /aws/service/de', exactly: ['/aws/service/debian/release'] },
  { line: 'ami-find ssm -o ', exactly: [...SSM_FORMATS] },
  { line: 'ami-find completion bash ', exactly: [] },
  { line: 'ami-find show -o ', exactly: [...SHOW_FORMATS] },
  { line: 'ami-find show --reg', exactly: ['--region'] },
  { line: 'ami-find show --re', exactly: ['--region', '--retry-mode', '--read-timeout'] },
  { line: 'ami-find show --fil', exactly: [] },
  { line: 'ami-find --page-size ', exactly: [] },
  // Profiles: typed back quoted, so the line holds the literal name and runs nothing.
  { line: 'ami-find --profile ', exactly: [
    'default', 'my\\ profile', '\\$\\(touch\\ canary\\)', '\\`touch\\ canary\\`', '\\*', "it\\'s", 'glob\\*',
    'semi\\;colon', 'a\\"quote',
  ] },
  { line: 'ami-find --profile \\$', exactly: ['\\$\\(touch\\ canary\\)'] },
  { line: 'ami-find --profile my\\ p', exactly: ['my\\ profile'] },
  { line: 'ami-find --profile "my', exactly: ['my profile'] },
  { line: "ami-find --profile 'it", exactly: ["it's"] },
  { line: 'ami-find --profile=gl', exactly: ['glob\\*'] },
  { line: 'ami-find show --profile s', exactly: ['semi\\;colon'] },
];

interface Result { replies: string[]; compopt: string[] }

/** Run every case in one bash process; `withBashCompletion` sources the bash-completion package first. */
function runBash(box: Sandbox, script: string, cases: CompletionCase[], withBashCompletion: boolean, preamble = ''): Result[] {
  const bash = requireShell('bash');
  if (withBashCompletion && !existsSync(BASH_COMPLETION)) {
    throw new Error(`${BASH_COMPLETION} is missing: apt-get install -y bash-completion (.ci/run installs it)`);
  }
  const driver = join(box.dir, 'driver.bash');
  writeFileSync(driver, [
    withBashCompletion ? `source ${BASH_COMPLETION}` : '',
    `source ${shQuote(script)}`,
    preamble,
    // compopt only works inside real completion: record what the script asks for instead.
    'compopt() { __opts+=("$*"); }',
    '__run() {',
    '  local __opts=()',
    '  COMP_LINE=$1 COMP_POINT=${#1} COMP_TYPE=9 COMP_KEY=9',
    '  read -ra COMP_WORDS <<<"$1"; [[ $1 == *" " ]] && COMP_WORDS+=("")',
    '  COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMPREPLY=()',
    '  _ami_find ami-find "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"',
    '  printf "%s\\0" __CASE__ "${COMPREPLY[@]/#/H:}" "${__opts[@]/#/O:}"',
    '}',
    ...cases.map((c) => `__run ${shQuote(c.line)}`),
  ].join('\n'));
  const run = spawnSync(bash, ['--norc', '--noprofile', driver], { env: box.env, cwd: box.dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bash exited ${run.status}: ${run.stderr}`);
  const parts = run.stdout.split('\0').slice(0, -1);
  const results: Result[] = [];
  for (const p of parts) {
    if (p === '__CASE__') results.push({ replies: [], compopt: [] });
    else if (p.startsWith('H:')) results.at(-1)!.replies.push(p.slice(2));
    else if (p.startsWith('O:')) results.at(-1)!.compopt.push(p.slice(2));
  }
  expect(results).toHaveLength(cases.length);
  return results;
}

describe.each([
  ['without bash-completion', false],
  ['with bash-completion sourced', true],
])('bash completion %s', (_label, withBashCompletion) => {
  let box: Sandbox;
  let results: Result[];
  beforeAll(() => {
    box = sandbox('bash');
    installFakeProgram(box);
    results = runBash(box, installScript(box, 'bash', 'ami-find.bash'), CASES, withBashCompletion);
  });

  test.each(CASES.map((c, i) => [c.line, i] as const))('when completing %j then the table row holds', (_line, i) => {
    expect(checkCase(CASES[i]!, results[i]!.replies)).toEqual([]);
  });

  test('when filter names are offered then bash adds no space after NAME=', () => {
    const i = CASES.findIndex((c) => c.line === 'ami-find --filter arch');
    expect(results[i]!.compopt).toEqual(['-o nospace']);
  });

  test('when filter values are offered then a space follows as usual', () => {
    const i = CASES.findIndex((c) => c.line === 'ami-find --filter architecture=');
    expect(results[i]!.compopt).toEqual([]);
  });

  test('when a profile is completed inside an open quote then readline quotes it (filenames)', () => {
    const i = CASES.findIndex((c) => c.line === 'ami-find --profile "my');
    expect(results[i]!.compopt).toEqual(['-o filenames']);
  });

  test('when hostile profile names were completed then nothing ran, not even ami-find', () => {
    expect(canaryFired(box)).toBe(false);
    expect(programRan(box)).toBe(false);
  });
});

/** Users who take ':' and '=' out of COMP_WORDBREAKS (a common fix for other tools) get whole words back. */
const NO_BREAK_CASES: CompletionCase[] = [
  { line: 'ami-find ubuntu:2', must: ['ubuntu:24.04', 'ubuntu:22.04'] },
  { line: 'ami-find --filter=architecture=x', exactly: ['--filter=architecture=x86_64', '--filter=architecture=x86_64_mac'] },
  { line: 'ami-find --filter tag', exactly: ['tag-key=', 'tag:'] },
];

describe('bash completion with set -u and without = and : in COMP_WORDBREAKS', () => {
  let results: Result[];
  beforeAll(() => {
    const box = sandbox('bash');
    const script = installScript(box, 'bash', 'ami-find.bash');
    results = runBash(box, script, NO_BREAK_CASES, false, 'set -u; COMP_WORDBREAKS=${COMP_WORDBREAKS//[=:]/}');
  });

  test.each(NO_BREAK_CASES.map((c, i) => [c.line, i] as const))('when completing %j then whole words come back', (_line, i) => {
    expect(checkCase(NO_BREAK_CASES[i]!, results[i]!.replies)).toEqual([]);
  });
});
