/** Issue 15 item 4: --name-regex runs on V8's linear-time engine, and refuses what that engine cannot run. */
import { describe, expect, test } from '@jest/globals';
import * as v8 from 'node:v8';
import { AmiFindError } from '../../../src/errors.js';
import { compileLinear, nameRegex } from '../../../src/select/linear-regex.js';
import { imagePredicate } from '../../../src/select/predicate.js';

function refusal(source: string): AmiFindError {
  try {
    nameRegex(source);
  } catch (e) {
    return e as AmiFindError;
  }
  throw new Error(`'${source}' was accepted`);
}

describe('nameRegex', () => {
  test('when a pattern can run in linear time then it runs on the linear engine and matches as before', () => {
    const re = nameRegex('^ubuntu/.*-24\\.04-arm64-\\d{8}$');
    expect(re.flags).toContain('l');
    expect(re.test('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-20250115')).toBe(true);
    expect(re.test('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-20250115')).toBe(false);
  });
  test('when the pattern backtracks catastrophically then a long name still takes linear time', () => {
    const re = nameRegex('(a+)+$');
    // The backtracking engine takes 2^n steps here: n = 64 would run for centuries. A hang, not a timing, test.
    expect(re.test(`${'a'.repeat(64)}!`)).toBe(false);
    expect(re.test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(re.test('aaa')).toBe(true);
  });
  test.each([
    ['a backreference', '(a)\\1'],
    ['a named backreference', '(?<x>a)\\k<x>'],
    ['a lookahead', 'ubuntu(?=-24)'],
    ['a negative lookahead', 'ubuntu(?!-pro)'],
    ['a lookbehind', '(?<=ubuntu-)24'],
    ['a negative lookbehind', '(?<!pro-)24'],
    ['a count above 16', 'a{17}'],
    ['a range above 16', '\\d{0,99}'],
  ])('when the pattern has %s then it is refused with one line, exit 2', (_what, source) => {
    const err = refusal(source);
    expect(err).toBeInstanceOf(AmiFindError);
    expect([err.code, err.exitCode, err.hint]).toEqual(['E_BAD_REGEX', 2, undefined]);
    expect(err.message).toBe(`--name-regex '${source}' cannot run in linear time: backreferences (\\1, \\k<name>), `
      + 'lookahead or lookbehind ((?=, (?!, (?<=, (?<!) and counts above {16} are not supported');
  });
  test('when the pattern is not a regular expression then the syntax error is reported as before', () => {
    const err = refusal('ubuntu-(');
    expect([err.code, err.exitCode]).toEqual(['E_BAD_REGEX', 2]);
    expect(err.message).toMatch(/^invalid --name-regex 'ubuntu-\(': /);
    expect(err.hint).toMatch(/JavaScript regular expression/);
  });
  test('when a pattern was compiled then the V8 flag is restored (the code caches stay valid)', () => {
    const tag = v8.cachedDataVersionTag();
    nameRegex('x+');
    expect(() => refusal('(a)\\1')).not.toThrow();
    expect(v8.cachedDataVersionTag()).toBe(tag);
    expect(() => new RegExp('x', 'l')).toThrow(SyntaxError);
  });
  test('when V8 has no linear engine then the pattern runs on the usual one', () => {
    const inert = { setFlagsFromString: () => undefined } as unknown as typeof v8;
    expect(compileLinear('(a)\\1', inert)).toBeUndefined();
    const re = nameRegex('(a)\\1', inert);
    expect(re.flags).not.toContain('l');
    expect(re.test('xaa')).toBe(true);
  });
  test('when the predicate filters names then it uses the linear engine', () => {
    const keep = imagePredicate({ nameRegex: '(a+)+$' });
    expect(keep({ ImageId: 'ami-1', Name: `${'a'.repeat(64)}!` })).toBe(false);
    expect(keep({ ImageId: 'ami-2', Name: 'baaa' })).toBe(true);
  });
});
