/** --name-regex runs on RE2 (linear time), matches what JavaScript's RegExp matches, and refuses what RE2 cannot run. */
import { describe, expect, test } from '@jest/globals';
import { AmiFindError } from '../../../src/errors.js';
import { nameRegex, toRe2 } from '../../../src/select/linear-regex.js';
import { imagePredicate } from '../../../src/select/predicate.js';
import { generateCatalogue } from '../../ec2-local/catalogue/index.js';
import { HOSTILE_TEXT, LITERAL_GLOB_NAME } from '../../ec2-local/fixtures/catalogue.js';

function refusal(source: string): AmiFindError {
  try {
    nameRegex(source);
  } catch (e) {
    return e as AmiFindError;
  }
  throw new Error(`'${source}' was accepted`);
}

const catalogueNames = [...new Set(generateCatalogue({ images: 3000, now: new Date('2026-01-01T00:00:00Z') }).images
  .map((i) => i.Name).filter((n): n is string => n !== undefined))];
const NAMES = [
  ...catalogueNames, HOSTILE_TEXT, LITERAL_GLOB_NAME, '', 'a', 'aaa', 'A', 'x\vy', 'x\u00a0y', 'x\u3000y', 'cr\rlf\n',
  'p{L}', 'uuu', 'x{41}', 'a{,5}', '[:alpha:]', 'back\bspace', 'nul\0', '\x01', 'k<x>', 'tab\there', 'a-b]c', '-', 'x', 't', '\\c1', 'c1', '\\', 'B', 's',
];

describe('nameRegex', () => {
  test('when the catalogue has many names then it is real', () => {
    expect(catalogueNames.length).toBeGreaterThan(500);
  });
  test.each([
    '^ubuntu/.*-24\\.04-arm64-\\d{8}$', 'arm64$', '^al2023-ami-2023\\.\\d+\\.\\d{8}', '\\d+', '\\w+-\\d', '[^a-z]',
    '^[^/]+$', '(?:arm64|x86_64)$', '^al2023|^debian', '\\bamd64\\b', '\\Bbuntu', '\\s', '\\S+\\s\\S+', '[\\s_]', '[^\\s\\w]',
    '.', '^.$', '^.*$', '^(ubuntu|debian)-', 'ubuntu-(noble|jammy)-2[24]\\.04', 'Windows_Server-20(19|22|25)-English',
    'server-2024\\d{4}$', 'server-\\d{8}(\\.\\d+)?$', '-(?<ver>\\d+\\.\\d+)-', '\\d{2,}', '\\d{3,5}', 'a{,5}', 'x{2}',
    '[\\d-x]', '\\x41', '\\u0041', '\\u{41}', '\\cJ', '\\0', '[\\b]', '\\a', '\\p{L}', '\\k<x>', '\\/', '\\-', '\\.',
    '[]', '[^]', '[]a]', '[^]a', '[[:alpha:]]', '\\t', '\\v', 'x*?y', '(a|)+', '\\]', 'a]', '{', '}', 'a{1', '\\{',
    '[\\]]', '\\Q', '[\\s-x]', '[x-\\s]', '[\\d-\\w]', '[\\\\s-x]', '\\c1', '[\\c]', '[\\B]', 'RHEL-9\\.\\d+\\.\\d+_HVM', '^[A-Z]', 'Hourly2-GP3$', '(\\d)\\.(\\d)', '^$', '', 'x\\ y', '\\é',
  ])('when the pattern is %s then it matches the names RegExp matches', (source) => {
    const js = new RegExp(source);
    const re2 = nameRegex(source);
    expect(NAMES.filter((n) => re2.test(n))).toEqual(NAMES.filter((n) => js.test(n)));
  });
  test('when \\s and \\S are translated then they cover the code points JavaScript gives them', () => {
    const s = nameRegex('^\\s$');
    const S = nameRegex('^[\\S]$');
    const differ: number[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      const ch = String.fromCharCode(cp);
      if ((cp < 0xd800 || cp >= 0xe000) && (s.test(ch) !== /^\s$/.test(ch) || S.test(ch) !== /^[\S]$/.test(ch))) differ.push(cp);
    }
    expect(differ).toEqual([]);
  });
  test('when the pattern backtracks catastrophically then a long name still takes linear time', () => {
    const re = nameRegex('(a+)+$');
    // The backtracking engine takes 2^n steps here: n = 64 would run for centuries. A hang, not a timing, test.
    expect(re.test(`${'a'.repeat(64)}!`)).toBe(false);
    expect(re.test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(re.test('aaa')).toBe(true);
  });
  test('when a count is up to 1000 then it runs', () => {
    expect(nameRegex('^a{17}$').test('a'.repeat(17))).toBe(true);
    expect(nameRegex('\\d{0,99}x').test('123x')).toBe(true);
    expect(nameRegex('^a{1000}$').test('a'.repeat(1000))).toBe(true);
  });
  test.each([
    ['a backreference', '(a)\\1'],
    ['a named backreference', '(?<x>a)\\k<x>'],
    ['a lookahead', 'ubuntu(?=-24)'],
    ['a negative lookahead', 'ubuntu(?!-pro)'],
    ['a lookbehind', '(?<=ubuntu-)24'],
    ['a negative lookbehind', '(?<!pro-)24'],
    ['a count above 1000', 'a{1001}'],
    ['a range above 1000', '\\d{0,2000}'],
  ])('when the pattern has %s then it is refused with one line, exit 2', (_what, source) => {
    const err = refusal(source);
    expect(err).toBeInstanceOf(AmiFindError);
    expect([err.code, err.exitCode, err.hint]).toEqual(['E_BAD_REGEX', 2, undefined]);
    expect(err.message).toBe(`--name-regex '${source}' cannot run in linear time: backreferences (\\1, \\k<name>), `
      + 'lookahead or lookbehind ((?=, (?!, (?<=, (?<!) and counts above {1000} are not supported');
  });
  test('when the pattern is not a regular expression then the syntax error is reported as before', () => {
    const err = refusal('ubuntu-(');
    expect([err.code, err.exitCode]).toEqual(['E_BAD_REGEX', 2]);
    expect(err.message).toMatch(/^invalid --name-regex 'ubuntu-\(': /);
    expect(err.hint).toMatch(/JavaScript regular expression/);
  });
  test('when a named group is written the JavaScript way then RE2 gets its spelling', () => {
    expect(toRe2('(?<v>\\d+)')).toBe('(?P<v>\\d+)');
  });
  test('when the predicate filters names then it runs in linear time', () => {
    const keep = imagePredicate({ nameRegex: '(a+)+$' });
    expect(keep({ ImageId: 'ami-1', Name: `${'a'.repeat(64)}!` })).toBe(false);
    expect(keep({ ImageId: 'ami-2', Name: 'baaa' })).toBe(true);
  });
});
