import { describe, expect, test } from '@jest/globals';
import { safeLines, safeText } from '../../../src/output/safe-text.js';

describe('safeText', () => {
  test('when text holds C0, DEL or C1 controls then they show as \\xNN', () => {
    expect(safeText('a\x1b]52;c;SGVsbG8=\x07b\x7f\x9b\r\n\t')).toBe('a\\x1b]52;c;SGVsbG8=\\x07b\\x7f\\x9b\\x0d\\x0a\\x09');
  });
  test('when text holds bidi controls then they show as \\uNNNN and cannot reorder the line', () => {
    expect(safeText('evil\u202Etxt.exe')).toBe('evil\\u202etxt.exe');
    expect(safeText('\u2066a\u2067b\u2068c\u2069 \u200E\u200F\u061C \u202A\u202B\u202C\u202D'))
      .toBe('\\u2066a\\u2067b\\u2068c\\u2069 \\u200e\\u200f\\u061c \\u202a\\u202b\\u202c\\u202d');
  });
  test('when text holds zero-width or invisible characters then they are shown, so look-alike names differ', () => {
    expect(safeText('ubu\u200Bntu\u200C\u200D\u2060\uFEFF')).toBe('ubu\\u200bntu\\u200c\\u200d\\u2060\\ufeff');
    expect(safeText('soft\u00ADhyphen')).toBe('soft\\xadhyphen');
    expect(safeText('tag\u{E0041}')).toBe('tag\\u{e0041}');
  });
  test('when text holds line or paragraph separators then they are escaped', () => {
    expect(safeText('one\u2028two\u2029')).toBe('one\\u2028two\\u2029');
  });
  test('when text is printable (accents, CJK, emoji, combining marks) then it is unchanged', () => {
    const s = 'Ümläut 日本語 🚀 e\u0301 ❤\uFE0F back\\slash';
    expect(safeText(s)).toBe(s);
  });
  test('when escaped text is escaped again then nothing changes', () => {
    const once = safeText('x\x1b\u202e');
    expect(safeText(once)).toBe(once);
  });
});

describe('safeLines', () => {
  test('when a message has several lines then the breaks stay and each line is escaped', () => {
    expect(safeLines('ami-find: bad \x1b[2J\u202e\nhint: \r')).toBe('ami-find: bad \\x1b[2J\\u202e\nhint: \\x0d');
  });
});
