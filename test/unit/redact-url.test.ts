import { describe, expect, test } from '@jest/globals';
import { describeRequest } from '../../src/aws/debug-log.js';
import { toAmiFindError } from '../../src/aws/errors.js';
import { explainQuery } from '../../src/query/explain.js';
import { redactUrls } from '../../src/redact-url.js';

describe('redactUrls', () => {
  test('when a URL carries user:password then the password becomes *** and the rest stays', () => {
    expect(redactUrls('http://user:pw@host:8080/x?y=1')).toBe('http://user:***@host:8080/x?y=1');
    expect(redactUrls('https://:pw@host')).toBe('https://:***@host');
  });
  test('when the password holds @ or : then all of it is hidden', () => {
    expect(redactUrls('http://user:p@ss:w@host/')).toBe('http://user:***@host/');
    expect(redactUrls('http://user:p%40ss@host')).toBe('http://user:***@host');
  });
  test('when a URL has no password then it is unchanged', () => {
    for (const url of ['http://host:8080/', 'http://user@host/', 'https://host/path@x', 'http://host/?q=a@b']) {
      expect(redactUrls(url)).toBe(url);
    }
  });
  test('when text holds several URLs, quoted or not, then each password is hidden', () => {
    expect(redactUrls('invalid endpoint URL "http://a:one@h x" and https://b:two@k/p'))
      .toBe('invalid endpoint URL "http://a:***@h x" and https://b:***@k/p');
  });
});

describe('places that print the endpoint', () => {
  test('when --explain shows an endpoint with a password then neither the request line nor the AWS CLI line holds it', () => {
    const text = explainQuery({ owners: ['self'] }, {}, { endpoint: 'http://user:s3cret@127.0.0.1:8080' });
    expect(text).not.toContain('s3cret');
    expect(text).toContain('POST http://user:***@127.0.0.1:8080');
    expect(text).toContain("--endpoint-url 'http://user:***@127.0.0.1:8080'");
  });
  test('when a network error names the endpoint then its password is hidden', () => {
    const err = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const e = toAmiFindError(err, { endpoint: 'http://user:s3cret@proxy.example:3128' });
    expect(e.message).toContain('http://user:***@proxy.example:3128');
    expect(e.message).not.toContain('s3cret');
  });
  test('when an SDK message echoes a URL with a password then the mapped message hides it', () => {
    const e = toAmiFindError(new Error('cannot fetch http://u:s3cret@h/ now'));
    expect(e.message).not.toContain('s3cret');
  });
  test('the debug request line never shows a password (it is built from the host alone)', () => {
    expect(describeRequest({ protocol: 'http:', hostname: 'h', path: '/' })).toBe('POST http://h/ []');
  });
});
