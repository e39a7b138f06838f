import { describe, expect, test } from '@jest/globals';
import { attributes, comments, hclIdentifier, hclString } from '../../../../src/output/iac/hcl.js';
import { literal, parseHcl, HOSTILE } from './support.js';

describe('hclString', () => {
  test('when a value holds template openers then they are doubled, and other dollars and percents are left alone', () => {
    expect(hclString('${a} %{b} $x %y $$ %%')).toBe('"$${a} %%{b} $x %y $$ %%"');
  });
  test('when a value holds controls, bidi or astral format characters then they are escaped and still round-trip', async () => {
    const value = 'a\u0000b\u001b[31m\u202e\u{e0001}\t\n';
    const text = hclString(value);
    expect(text).toBe('"a\\u0000b\\u001b[31m\\u202e\\U000e0001\\t\\n"');
    expect(literal((await parseHcl(`v = ${text}\n`)).v)).toBe(value);
  });
  test('when every hostile value is written as an attribute then the parser reads it back', async () => {
    const parsed = await parseHcl(attributes(HOSTILE.map((h, i) => [`v${i}`, hclString(h)]), ''));
    expect(HOSTILE.map((_h, i) => literal(parsed[`v${i}`]))).toEqual(HOSTILE);
  });
});

describe('hclIdentifier and comments', () => {
  test.each([
    ['ubuntu:24.04 x86_64', 'ubuntu_24_04_x86_64'], ['', 'ami'], ['123', 'ami_123'], ['日本', 'ami'], ['--a--', 'a'],
  ])('when the label is %j then the block name is %j', (label, id) => {
    expect(hclIdentifier(label)).toBe(id);
  });
  test('when a comment line holds a newline then it stays one comment line', () => {
    expect(comments(['a\nb = 1', 'c'])).toBe('# a\\x0ab = 1\n# c\n');
  });
});
