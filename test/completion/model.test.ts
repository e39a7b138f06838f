/** The completion model derives from the option table, and the completion modules stay free of the AWS SDK. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OPTIONS } from '../../src/cli/options.js';
import { parseFlags } from '../../scripts/completion/flags.js';
import { buildCompletionModel } from '../../scripts/completion/model.js';
import { PRESETS, PUBLISHERS } from '../../src/query/presets.js';
import { FILTER_VALUES, REGIONS, SHELLS } from '../../src/query/vocabulary.js';
import { COMPLETION_FILES } from '../../scripts/gen-completions.js';
import { ROOT } from './support.js';

describe('parseFlags', () => {
  test.each([
    ['-o, --output <format>', { long: '--output', short: '-o', arity: 'required', placeholder: 'format' }],
    ['--latest [n]', { long: '--latest', arity: 'optional', placeholder: 'n' }],
    ['--no-header', { long: '--no-header', arity: 'none' }],
    ['-i, --interactive', { long: '--interactive', short: '-i', arity: 'none' }],
  ])('when reading %j then names and arity come out', (flags, expected) => {
    expect(parseFlags(flags)).toEqual(expected);
  });

  test('when the flags string is unreadable then it throws rather than guessing', () => {
    expect(() => parseFlags('output <format>')).toThrow(/unreadable flags/);
  });
});

describe('buildCompletionModel', () => {
  const model = buildCompletionModel();
  const main = model.commands[0]!;

  test('when built then the main command has every option-table flag plus help and version', () => {
    expect(main.flags.map((f) => f.long)).toEqual([...OPTIONS.map((o) => parseFlags(o.flags).long), '--help', '--version']);
  });

  test('when built then each flag carries its table completion kind', () => {
    expect(main.flags.slice(0, OPTIONS.length).map((f) => f.kind)).toEqual(OPTIONS.map((o) => o.complete));
  });

  test('when built then owners are the aliases plus every publisher, described by name', () => {
    const owner = main.flags.find((f) => f.long === '--owner')!;
    expect(owner.values.slice(0, 4).map((c) => c.value)).toEqual(['self', 'amazon', 'aws-marketplace', 'aws-backup-vault']);
    for (const [id, p] of Object.entries(PUBLISHERS)) {
      expect(owner.values.find((c) => c.value === id)?.description).toContain(p.name);
    }
  });

  test('when built then presets, regions, shells and enumerated filters come from their tables', () => {
    expect(model.presets.map((p) => p.value)).toEqual(PRESETS.map((p) => p.name));
    expect(main.flags.find((f) => f.long === '--region')!.values.map((c) => c.value)).toEqual([...REGIONS]);
    expect(model.shells.map((s) => s.value)).toEqual([...SHELLS]);
    expect(Object.fromEntries(model.filterValues.map((f) => [f.name, f.values]))).toEqual(FILTER_VALUES);
  });

  test('when built then comma-separated flags complete after the last comma', () => {
    const comma = main.flags.filter((f) => f.commaList).map((f) => f.long);
    expect(comma).toEqual(['--owner', '--image-id', '--executable-user', '--columns', '--region', '--profile']);
  });
});

/** Every bare package name reachable from `file` through static imports: what importing it loads (the tree's run functions load on demand). */
function importGraph(file: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(file)) return packages;
  seen.add(file);
  // Type-only imports are erased by tsc: they load nothing at run time.
  const text = readFileSync(file, 'utf8').replace(/^\s*(?:import|export) type [^;]*;/gm, '');
  for (const m of text.matchAll(/(?:\bfrom|^import)\s+['"]([^'"]+)['"]/gm)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) importGraph(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen, packages);
    else packages.add(spec);
  }
  return packages;
}

describe('completion module weight', () => {
  test('when `ami-find completion` runs then its module loads no package: it prints the committed file', () => {
    const seen = new Set<string>();
    const packages = [...importGraph(join(ROOT, 'src/cli/run-completion.ts'), seen)];
    expect(seen.size).toBe(1);
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual([]);
  });

  test('when the built bin prints a completion script then it matches the committed file', () => {
    const bin = join(ROOT, 'bin/ami-find.js');
    for (const shell of SHELLS) {
      const run = spawnSync(process.execPath, [bin, 'completion', shell], { encoding: 'utf8', env: { PATH: process.env.PATH } });
      expect(run.status).toBe(0);
      expect(run.stdout === readFileSync(join(ROOT, COMPLETION_FILES[shell]), 'utf8')).toBe(true);
    }
  });
});
