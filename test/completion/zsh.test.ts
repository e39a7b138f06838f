/** Drives a real interactive zsh (zpty) with compinit loading _ami-find from $fpath, as users install it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { OPTIONS, SHOW_FORMATS } from '../../src/cli/options.js';
import {
  ARCHITECTURES, FILTER_VALUES, IAC_FORMATS, OUTPUT_FORMATS, SORT_KEYS,
} from '../../src/query/vocabulary.js';
import { showLongFlags,
  ROOT, canaryFired, checkCase, installScript, requireShell, sandbox, type CompletionCase, type Sandbox,
} from './support.js';
import { installFakeProgram, programRan } from './fake-program.js';

const longFlags = OPTIONS.map((o) => /--[a-z-]+/.exec(o.flags)![0]);

/** zsh rows: a candidate is the match plus its suffix (`architecture` + `=`), relative to what compset kept. */
interface ZshCase extends CompletionCase {
  /** The line after zsh inserted the completion (unique or common prefix). */
  buffer?: string;
}

const CASES: ZshCase[] = [
  { line: 'ami-find --fi', exactly: ['--filter'], buffer: 'ami-find --filter=' },
  { line: 'ami-find --', must: longFlags },
  { line: 'ami-find --ow', exactly: ['--owner'], buffer: 'ami-find --owner=' },
  { line: 'ami-find show --', must: showLongFlags() },
  { line: 'ami-find --filter ', must: ['architecture=', 'block-device-mapping.volume-type=', 'tag-key=', 'tag:'], mustNot: ['architecture', 'tag'] },
  { line: 'ami-find --filter arch', exactly: ['architecture='], buffer: 'ami-find --filter architecture=' },
  { line: 'ami-find --filter=ta', exactly: ['tag-key=', 'tag:'] },
  { line: 'ami-find --filter architecture=', exactly: [...ARCHITECTURES] },
  { line: 'ami-find --filter=architecture=x', exactly: ['x86_64', 'x86_64_mac'] },
  { line: 'ami-find --filter=architecture=arm64_', exactly: ['arm64_mac'], buffer: 'ami-find --filter=architecture=arm64_mac ' },
  { line: 'ami-find --filter tag:Name=', exactly: [] },
  ...Object.entries(FILTER_VALUES).map(([name, values]) => ({ line: `ami-find --filter ${name}=`, exactly: [...values!] })),
  { line: 'ami-find -o ', exactly: [...OUTPUT_FORMATS, ...IAC_FORMATS] },
  { line: 'ami-find --output=nd', exactly: ['ndjson'], buffer: 'ami-find --output=ndjson ' },
  { line: 'ami-find --sort ', exactly: [...SORT_KEYS] },
  { line: 'ami-find --owner ', must: ['self', 'amazon', 'aws-marketplace', 'aws-backup-vault', '099720109477', '137112412989'] },
  { line: 'ami-find --owner self,09', exactly: ['099720109477'] },
  { line: 'ami-find --executable-user ', exactly: ['self', 'all'] },
  { line: 'ami-find --region eu-west-', exactly: ['eu-west-1', 'eu-west-2', 'eu-west-3'] },
  { line: 'ami-find --region us-east-1,eu-west-', exactly: ['eu-west-1', 'eu-west-2', 'eu-west-3'] },
  { line: 'ami-find --profile default,gl', exactly: ['glob\\*'], buffer: 'ami-find --profile default,glob\\* ' },
  { line: 'ami-find --columns id,n', exactly: ['name'] },
  { line: 'ami-find ', must: ['show', 'presets', 'completion', 'ubuntu:24.04', 'al2023'] },
  { line: 'ami-find ubuntu:2', must: ['ubuntu:24.04', 'ubuntu:22.04'] },
  { line: 'ami-find --region us-east-1 s', must: ['show', 'sles:15-sp7'] },
  { line: 'ami-find ubuntu:24.04 --ar', exactly: ['--arch'] },
  { line: 'ami-find completion ', exactly: ['bash', 'zsh', 'fish'] },
  { line: 'ami-find ssm /aws/service/de', exactly: ['/aws/service/debian/release'], buffer: 'ami-find ssm /aws/service/debian/release ' },
  { line: 'ami-find show -o ', exactly: [...SHOW_FORMATS] },
  { line: 'ami-find show --reg', exactly: ['--region'] },
  { line: 'ami-find show --re', exactly: ['--region', '--retry-mode', '--read-timeout'] },
  { line: 'ami-find show --fil', exactly: [] },
  // Profiles: compadd quotes what it inserts, so the line holds the literal name and runs nothing.
  { line: 'ami-find --profile ', exactly: [
    'default', 'my\\ profile', '\\$\\(touch\\ canary\\)', '\\`touch\\ canary\\`', '\\*', "it\\'s", 'glob\\*',
    'semi\\;colon', 'a\\"quote',
  ] },
  { line: 'ami-find --profile \\$', exactly: ['\\$\\(touch\\ canary\\)'], buffer: 'ami-find --profile \\$\\(touch\\ canary\\) ' },
  { line: 'ami-find --profile \\`', buffer: 'ami-find --profile \\`touch\\ canary\\` ' },
  { line: 'ami-find --profile "my', buffer: 'ami-find --profile "my profile" ' },
  { line: 'ami-find show --profile=s', buffer: 'ami-find show --profile=semi\\;colon ' },
];

interface Result { candidates: string[]; descriptions: Map<string, string>; buffer: string }

function runZsh(box: Sandbox, dir: string, cases: ZshCase[]): Result[] {
  const zsh = requireShell('zsh');
  const harness = join(ROOT, 'test/completion/zsh-capture.zsh');
  const run = spawnSync(zsh, ['-f', harness, dir, ...cases.map((c) => c.line)], {
    env: box.env, cwd: box.dir, encoding: 'utf8', timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`zsh harness exited ${run.status}: ${run.stderr}`);
  const results: Result[] = [];
  for (const line of run.stdout.split('\n')) {
    if (line === '__CASE__') results.push({ candidates: [], descriptions: new Map(), buffer: '' });
    const current = results.at(-1);
    if (!current) continue;
    if (line.startsWith('HIT__')) {
      const [word = '', suffix = '', description = ''] = line.slice(5).split('\x1f');
      current.candidates.push(word + suffix);
      current.descriptions.set(word, description);
    } else if (line.startsWith('BUFFER__')) {
      current.buffer = line.slice(8).replace(/__END__$/, '');
    }
  }
  expect(results).toHaveLength(cases.length);
  return results;
}

describe.each([
  ['autoloaded by compinit from $fpath', true],
  ['sourced after compinit', false],
])('zsh completion %s', (_label, fromFpath) => {
  let box: Sandbox;
  let results: Result[];
  beforeAll(() => {
    box = sandbox('zsh');
    installFakeProgram(box);
    const script = installScript(box, 'zsh', '_ami-find');
    results = runZsh(box, fromFpath ? box.dir : script, CASES);
  }, 120_000);

  test.each(CASES.map((c, i) => [c.line, i] as const))('when completing %j then the table row holds', (_line, i) => {
    const c = CASES[i]!;
    expect(checkCase(c, results[i]!.candidates)).toEqual([]);
    if (c.buffer !== undefined) expect(results[i]!.buffer).toBe(c.buffer);
  });

  test('when owners are offered then publisher accounts show their names', () => {
    const i = CASES.findIndex((c) => c.line === 'ami-find --owner ');
    expect(results[i]!.descriptions.get('099720109477')).toContain('Canonical');
    expect(results[i]!.descriptions.get('137112412989')).toContain('Amazon');
  });

  test('when hostile profile names were completed and inserted then nothing ran, not even ami-find', () => {
    expect(canaryFired(box)).toBe(false);
    expect(programRan(box)).toBe(false);
  });
});
