import { readFileSync } from 'node:fs';
import { exitCodesMarkdown, optionsMarkdown, replaceSection, updateOptionsDoc, updateReadme } from '../../../scripts/gen-docs.js';
import { EXIT } from '../../../src/errors.js';
import { OPTIONS } from '../../../src/cli/options.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const optionsDoc = readFileSync(new URL('../../../docs/OPTIONS.md', import.meta.url), 'utf8');

describe('README and docs/OPTIONS.md generated sections', () => {
  test('when the README and docs/OPTIONS.md are compared with the exit codes and option table then they are up to date', () => {
    // Fix with: npm run docs
    expect(updateReadme(readme)).toBe(readme);
    expect(updateOptionsDoc(optionsDoc)).toBe(optionsDoc);
  });
  test('when the options section is generated then every flag appears once', () => {
    const md = optionsMarkdown();
    for (const o of OPTIONS) expect(md.split(`| \`${o.flags.replace(/\|/g, '\\|')}\` |`).length).toBe(2);
  });
  test('when the exit-code section is generated then every exit code has a row', () => {
    const md = exitCodesMarkdown();
    for (const code of Object.values(EXIT)) expect(md).toMatch(new RegExp(`^\\| ${code} \\| `, 'm'));
  });
  test('when a section is replaced then text outside its markers is untouched', () => {
    const text = 'a\n<!-- section:options (generated) -->\nold\n<!-- /section:options -->\nb\n';
    expect(replaceSection(text, 'options', 'new')).toBe('a\n<!-- section:options (generated) -->\nnew\n<!-- /section:options -->\nb\n');
  });
  test('when a section is missing then replacing it throws', () => {
    expect(() => replaceSection('no markers', 'options', 'x')).toThrow(/no section options/);
  });
});
