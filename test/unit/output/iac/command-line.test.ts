import { execFileSync } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import { commandLine, shellQuote } from '../../../../src/output/iac/command-line.js';
import { HOSTILE } from './support.js';

describe('commandLine', () => {
  test('when hostile arguments are quoted then bash reads back exactly those arguments', () => {
    const args = [...HOSTILE, 'plain', '--filter', 'tag:Env=a\\,b', '', '$(touch /tmp/x)', '`id`'];
    const line = commandLine(args);
    // bash runs `printf '%s\0'` in place of ami-find: each argument comes back NUL-terminated.
    const out = execFileSync('bash', ['-c', `ami-find() { printf '%s\\0' "$@"; }; ${line}`]).toString();
    expect(out.split('\0').slice(0, -1)).toEqual(args);
  });
  test('when an argument holds a newline or a bidi control then the line stays one line of visible text', () => {
    const line = commandLine(['a\nb', '\u202ex', 'c\u2028d']);
    expect(line).not.toMatch(/[\n\u202e\u2028]/);
    expect(line).toBe("ami-find $'a\\x0ab' $'\\u202ex' $'c\\u2028d'");
  });
  test('when an argument is plain then it is left bare', () => {
    expect(shellQuote('ubuntu:24.04')).toBe('ubuntu:24.04');
    expect(shellQuote('a b')).toBe("'a b'");
  });
});
