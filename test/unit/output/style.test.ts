import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import { PLAIN_STYLE, chalkStyle } from '../../../src/output/style.js';

describe('output styles', () => {
  test('when the plain style is used then text is unchanged', () => {
    expect([PLAIN_STYLE.header('a'), PLAIN_STYLE.deprecated('b'), PLAIN_STYLE.dim('c')]).toEqual(['a', 'b', 'c']);
  });
  test('when chalk is at level 0 then chalkStyle leaves text unchanged', () => {
    const s = chalkStyle(new Chalk({ level: 0 }));
    expect([s.header('a'), s.deprecated('b'), s.dim('c')]).toEqual(['a', 'b', 'c']);
  });
  test('when chalk is at level 1 then chalkStyle decorates with ANSI codes', () => {
    const s = chalkStyle(new Chalk({ level: 1 }));
    expect(s.header('a')).toBe('\u001b[1ma\u001b[22m');
    expect(s.deprecated('b')).toContain('\u001b[33m');
  });
});
