import { AmiFindError } from '../../../src/errors.js';
import { decodeStartingToken, encodeResumeToken } from '../../../src/paginate/token.js';
import { pythonJsonString } from '../../../src/paginate/python-json.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AmiFindError ? `${e.code}/${e.exitCode}` : `not AmiFindError: ${String(e)}`;
  }
  return undefined;
}

describe('encodeResumeToken', () => {
  test('when the cut is inside the first page then the token is domain-notes example 1 byte for byte', () => {
    expect(encodeResumeToken({ nextToken: null, truncateAmount: 3 })).toBe(
      'eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAzfQ==',
    );
  });
  test('when the cut is on a page boundary then the token is domain-notes example 2 byte for byte', () => {
    expect(encodeResumeToken({ nextToken: 'T5' })).toBe('eyJOZXh0VG9rZW4iOiAiVDUifQ==');
  });
  test('when encoded then the JSON uses Python separators with NextToken first', () => {
    const json = Buffer.from(encodeResumeToken({ nextToken: 'abc', truncateAmount: 12 }), 'base64').toString();
    expect(json).toBe('{"NextToken": "abc", "boto_truncate_amount": 12}');
  });
  test('when the token has quotes, backslashes, controls and non-ASCII then they are escaped as Python does', () => {
    expect(pythonJsonString('a"b\\c\n\t\u0001\u007fé😀/')).toBe('"a\\"b\\\\c\\n\\t\\u0001\\u007f\\u00e9\\ud83d\\ude00/"');
  });
});

describe('decodeStartingToken', () => {
  test('when given botocore tokens then it returns their NextToken and truncate amount', () => {
    expect(decodeStartingToken('eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAzfQ==')).toEqual({
      nextToken: null,
      truncateAmount: 3,
    });
    expect(decodeStartingToken('eyJOZXh0VG9rZW4iOiAiVDUifQ==')).toEqual({ nextToken: 'T5' });
  });
  test('when a token is encoded then decoding gives it back, including unusual characters', () => {
    for (const t of [
      { nextToken: 'x+/=y', truncateAmount: 0 },
      { nextToken: 'ünï"\\' },
      { nextToken: null },
    ]) {
      expect(decodeStartingToken(encodeResumeToken(t))).toEqual(t);
    }
  });
  test('when the token was written with compact JSON separators then it is still accepted', () => {
    expect(decodeStartingToken(b64('{"boto_truncate_amount":2,"NextToken":"q"}'))).toEqual({ nextToken: 'q', truncateAmount: 2 });
  });
  test('when given a raw EC2 NextToken then it is used as the NextToken unchanged', () => {
    expect(decodeStartingToken('AAAAAQAAAAEAAAAB-raw_token')).toEqual({ nextToken: 'AAAAAQAAAAEAAAAB-raw_token' });
    // Real EC2 tokens are often base64 JSON themselves: without botocore keys they stay raw.
    const ec2Style = b64('{"v":"2","c":"abc","s":1}');
    expect(decodeStartingToken(ec2Style)).toEqual({ nextToken: ec2Style });
    const notADict = b64('[1,2]');
    expect(decodeStartingToken(notADict)).toEqual({ nextToken: notADict });
  });
  test('when given a pre-2016 botocore token then its truncate amount is read', () => {
    expect(decodeStartingToken('T5___4')).toEqual({ nextToken: 'T5', truncateAmount: 4 });
    expect(decodeStartingToken('None___3')).toEqual({ nextToken: null, truncateAmount: 3 });
    expect(decodeStartingToken('a___b')).toEqual({ nextToken: 'a___b' });
  });
  test('when the token has surrounding whitespace from a copy-paste then it is trimmed', () => {
    expect(decodeStartingToken(' eyJOZXh0VG9rZW4iOiAiVDUifQ==\n')).toEqual({ nextToken: 'T5' });
  });
  test('when the token is clearly invalid then E_BAD_TOKEN with exit 2', () => {
    const bad = [
      '',
      '   ',
      'abc def',
      'a___b___c',
      b64('{"NextToken": 5}'),
      b64('{"NextToken": "x", "boto_truncate_amount": -1}'),
      b64('{"NextToken": "x", "boto_truncate_amount": "3"}'),
      b64('{"NextToken": "x", "boto_truncate_amount": 1.5}'),
      b64('{"boto_truncate_amount": 3}'),
      b64('{"NextToken": "x", "Marker": "y"}'),
    ];
    for (const t of bad) expect([t, codeOf(() => decodeStartingToken(t))]).toEqual([t, 'E_BAD_TOKEN/2']);
  });
  test('when the token is bad then the message names the problem', () => {
    try {
      decodeStartingToken(b64('{"NextToken": 5}'));
      throw new Error('expected a throw');
    } catch (e) {
      expect((e as AmiFindError).code).toBe('E_BAD_TOKEN');
      expect((e as Error).message).toMatch(/NextToken is not a string/);
    }
  });
});
