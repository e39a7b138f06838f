/** The committed scripts in completions/ are exactly what the generators produce from the option table. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIONS, SUBCOMMANDS } from '../../src/cli/options.js';
import { completionScript } from '../../scripts/completion/index.js';
import { COMPLETION_FILES } from '../../scripts/gen-completions.js';
import { FILTER_NAMES, SHELLS } from '../../src/query/vocabulary.js';
import { ROOT } from './support.js';

describe.each(SHELLS)('%s completion script', (shell) => {
  const generated = completionScript(shell);

  test('when the committed file is compared with the generator then they match (run `npm run completions` if not)', () => {
    const committed = readFileSync(join(ROOT, COMPLETION_FILES[shell]), 'utf8');
    expect(committed === generated).toBe(true);
  });

  test('when generated then it carries the do-not-edit header', () => {
    expect(generated).toMatch(/^(#compdef ami-find\n)?# \w+ completion for ami-find\.\n# Generated from src\/cli\/options\.ts .*do not edit\./);
  });

  test('when generated then every flag, subcommand and filter name of the tables appears', () => {
    const missing = [
      ...OPTIONS.map((o) => /--[a-z-]+/.exec(o.flags)![0].slice(shell === 'fish' ? 2 : 0)),
      ...SUBCOMMANDS.map((s) => s.name),
      ...FILTER_NAMES,
    ].filter((word) => !generated.includes(word));
    expect(missing).toEqual([]);
  });

  test('when generated then nothing in it evaluates text (no eval, no compgen -W)', () => {
    const code = generated.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
    expect(code).not.toMatch(/\beval\b|compgen\s+-W/);
  });
});
