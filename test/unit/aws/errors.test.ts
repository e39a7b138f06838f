import { AmiFindError } from '../../../src/errors.js';
import { toAmiFindError } from '../../../src/aws/errors.js';
import { bodyProblemError } from '../../../src/aws/describe-images/response-check.js';

/** An error shaped like the SDK's EC2ServiceException (contract 3.2). */
function serviceError(code: string, status: number, message: string, attempts = 1): Error {
  return Object.assign(new Error(message), {
    name: code,
    Code: code,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, attempts, requestId: 'req-1' },
  });
}

/** An error shaped like a Node network error as the SDK rethrows it. */
function networkError(code: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { code, $metadata: { attempts: 3 }, ...extra });
}

const summary = (e: AmiFindError) => [e.code, e.exitCode];

describe('toAmiFindError', () => {
  test.each([
    ['AuthFailure', 401, 'E_CREDENTIALS', 5],
    ['ExpiredToken', 400, 'E_CREDENTIALS', 5],
    ['RequestExpired', 400, 'E_CREDENTIALS', 5],
    ['SignatureDoesNotMatch', 403, 'E_CREDENTIALS', 5],
    ['InvalidClientTokenId', 403, 'E_CREDENTIALS', 5],
    ['UnauthorizedOperation', 403, 'E_UNAUTHORIZED', 6],
    ['InvalidParameterValue', 400, 'E_INVALID_PARAMETER', 4],
    ['InvalidParameterCombination', 400, 'E_INVALID_PARAMETER', 4],
    ['InvalidUserID.Malformed', 400, 'E_INVALID_PARAMETER', 4],
    ['InvalidAMIID.NotFound', 400, 'E_IMAGE_NOT_FOUND', 4],
    ['InvalidAMIID.Malformed', 400, 'E_IMAGE_ID_MALFORMED', 2],
    ['InvalidNextToken', 400, 'E_BAD_NEXT_TOKEN', 4],
    ['InvalidPaginationToken', 400, 'E_BAD_NEXT_TOKEN', 4],
    ['SomethingNew', 400, 'E_REJECTED', 4],
    ['RequestLimitExceeded', 503, 'E_THROTTLED', 7],
    ['Throttling', 400, 'E_THROTTLED', 7],
    ['InternalError', 500, 'E_SERVICE_UNAVAILABLE', 7],
    ['Unavailable', 503, 'E_SERVICE_UNAVAILABLE', 7],
    ['NotImplemented', 501, 'E_SERVICE_UNAVAILABLE', 7],
    ['DryRunOperation', 412, 'E_DRY_RUN_OK', 0],
  ])('when EC2 answers %s (HTTP %d) then %s exit %d and the message keeps the EC2 code', (code, status, ours, exit) => {
    const e = toAmiFindError(serviceError(code, status, `message of ${code}`));
    expect(summary(e)).toEqual([ours, exit]);
    expect(e.message).toContain(code);
    expect(e.message).not.toContain('\n');
  });

  test('when the filter is invalid then EC2 message is shown', () => {
    const e = toAmiFindError(serviceError('InvalidParameterValue', 400, "The filter 'nmae' is invalid"));
    expect(e.message).toBe("EC2 rejected the request: InvalidParameterValue (HTTP 400): The filter 'nmae' is invalid");
  });

  test('when throttled past all retries then the message says how many attempts were made', () => {
    const e = toAmiFindError(serviceError('RequestLimitExceeded', 503, 'Request limit exceeded.', 4));
    expect(summary(e)).toEqual(['E_THROTTLED', 7]);
    expect(e.message).toMatch(/after 4 attempts/);
  });

  test('when no credentials can be found then E_NO_CREDENTIALS exit 5 with a hint', () => {
    const err = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    const e = toAmiFindError(err);
    expect(summary(e)).toEqual(['E_NO_CREDENTIALS', 5]);
    expect(e.hint).toMatch(/--profile/);
  });

  test('when no credentials can be found and the region is not one ami-find knows then the hint says so too', () => {
    const err = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(toAmiFindError(err, { region: 'us-east-9' }).hint).toMatch(/"us-east-9" is not a region ami-find knows/);
    expect(toAmiFindError(err, { region: 'us-east-1' }).hint).not.toMatch(/not a region/);
  });

  test('when an amazonaws.com host does not resolve then E_UNKNOWN_REGION exit 8 asks about the region', () => {
    const err = networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND ec2.mars-east-1.amazonaws.com', { hostname: 'ec2.mars-east-1.amazonaws.com' });
    const e = toAmiFindError(err);
    expect(summary(e)).toEqual(['E_UNKNOWN_REGION', 8]);
    expect(e.message).toMatch(/unknown region "mars-east-1" or endpoint unreachable/);
  });

  test('when another host does not resolve then a plain network error exit 8', () => {
    const err = networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND ec2.example.internal', { hostname: 'ec2.example.internal' });
    expect(summary(toAmiFindError(err))).toEqual(['E_NETWORK', 8]);
  });

  test.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])('when the connection fails with %s then E_NETWORK exit 8', (code) => {
    const e = toAmiFindError(networkError(code, `connect ${code} 127.0.0.1:9`, { address: '127.0.0.1', port: 9 }));
    expect(summary(e)).toEqual(['E_NETWORK', 8]);
    expect(e.message).toMatch(/3 attempts/);
  });

  test('when the request times out then E_NETWORK exit 8', () => {
    const err = Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' });
    expect(summary(toAmiFindError(err))).toEqual(['E_NETWORK', 8]);
  });

  test('when the connection did not open within the connect timeout then E_CONNECT_TIMEOUT exit 8 naming it', () => {
    const err = Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 500 ms.'),
      { name: 'TimeoutError', $metadata: { attempts: 2 } });
    const e = toAmiFindError(err, { endpoint: 'http://10.0.0.1', connectTimeoutMs: 500, maxAttempts: 2 });
    expect(summary(e)).toEqual(['E_CONNECT_TIMEOUT', 8]);
    expect(e.message).toBe('could not connect to http://10.0.0.1 within 500 ms (2 attempts)');
    expect(e.hint).toMatch(/--connect-timeout/);
  });

  test('when an answer stopped coming within the read timeout then E_READ_TIMEOUT exit 8 on one line', () => {
    const err = Object.assign(new Error('@smithy/node-http-handler - the request socket timed out after 60000 ms of inactivity (configured by client requestHandler).\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.'),
      { name: 'TimeoutError', $metadata: { attempts: 3, httpStatusCode: 200 } });
    const e = toAmiFindError(err, { readTimeoutMs: 60_000, maxAttempts: 3 });
    expect(summary(e)).toEqual(['E_READ_TIMEOUT', 8]);
    expect(e.message).toBe('no answer from the EC2 endpoint for 60 s (read timeout) (3 attempts)');
    expect(e.hint).toMatch(/--read-timeout/);
  });

  test('when a 200 answer was not EC2 XML then E_NOT_EC2 exit 8 with a captive-portal hint', () => {
    const e = toAmiFindError(Object.assign(bodyProblemError('not-ec2', '10.1.1.1', 'text/html', 300), { $metadata: { attempts: 1 } }), { maxAttempts: 3 });
    expect(summary(e)).toEqual(['E_NOT_EC2', 8]);
    expect(e.message).toMatch(/text\/html/);
    expect(e.hint).toMatch(/captive portal/);
  });

  test('when a 200 answer was cut short on every attempt then E_TRUNCATED_ANSWER exit 8, not a rejected request', () => {
    const e = toAmiFindError(Object.assign(bodyProblemError('truncated', 'h', 'text/xml', 300), { $metadata: { attempts: 3 } }), { maxAttempts: 3 });
    expect(summary(e)).toEqual(['E_TRUNCATED_ANSWER', 8]);
    expect(e.message).toBe('the answer from h was cut short (300 bytes, no closing </DescribeImagesResponse>) after 3 attempts');
  });

  test('when throttled before --max-attempts ran out then the message blames the retry quota, not --max-attempts', () => {
    const e = toAmiFindError(serviceError('RequestLimitExceeded', 503, 'Request limit exceeded.', 2), { maxAttempts: 10 });
    expect(summary(e)).toEqual(['E_THROTTLED', 7]);
    expect(e.message).toMatch(/after 2 of 10 attempts \(the SDK's retry quota ran out\)/);
    expect(e.hint).toMatch(/retry quota ran out/);
    expect(e.hint).not.toMatch(/raise --max-attempts/);
  });

  test('when throttled on every allowed attempt then the hint still offers --max-attempts', () => {
    const e = toAmiFindError(serviceError('RequestLimitExceeded', 503, 'Request limit exceeded.', 10), { maxAttempts: 10 });
    expect(e.message).toMatch(/after 10 attempts/);
    expect(e.hint).toMatch(/raise --max-attempts/);
  });

  test('when a server error the SDK does not retry ends after one attempt then no quota is blamed', () => {
    const e = toAmiFindError(serviceError('NotImplemented', 501, 'no', 1), { maxAttempts: 3 });
    expect(e.message).toMatch(/after 1 attempt:/);
    expect(e.hint).toBe('retry later');
  });

  test('when the SDK read an endpoint that is no URL then E_BAD_ENDPOINT exit 2', () => {
    const err = Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL', input: 'junk' });
    const e = toAmiFindError(err);
    expect(summary(e)).toEqual(['E_BAD_ENDPOINT', 2]);
    expect(e.message).toBe('invalid endpoint URL "junk"');
  });

  test('when a credential provider cannot resolve a regional host then it is E_UNKNOWN_REGION exit 8, not missing credentials', () => {
    const err = Object.assign(new Error('Failed to refresh token: Error: getaddrinfo ENOTFOUND signin.us-east-9.amazonaws.com. Please re-authenticate using aws login'),
      { name: 'CredentialsProviderError' });
    const e = toAmiFindError(err, { region: 'us-east-9' });
    expect(summary(e)).toEqual(['E_UNKNOWN_REGION', 8]);
    expect(e.message).toMatch(/unknown region "us-east-9" or endpoint unreachable/);
    expect(e.hint).not.toMatch(/sso login/);
  });

  test('when the request was aborted then E_INTERRUPTED exit 130', () => {
    const err = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    expect(summary(toAmiFindError(err))).toEqual(['E_INTERRUPTED', 130]);
  });

  test('when no region is configured then E_NO_REGION exit 2', () => {
    expect(summary(toAmiFindError(new Error('Region is missing')))).toEqual(['E_NO_REGION', 2]);
  });

  test('when given an AmiFindError then it passes through unchanged', () => {
    const original = new AmiFindError('E_BAD_TOKEN', 2, 'bad');
    expect(toAmiFindError(original)).toBe(original);
  });

  test('when something unexpected is thrown then E_INTERNAL exit 1 keeping the cause', () => {
    const cause = new TypeError('x is not a function');
    const e = toAmiFindError(cause);
    expect(summary(e)).toEqual(['E_INTERNAL', 1]);
    expect(e.cause).toBe(cause);
  });
});

describe('toAmiFindError with errors the SDK wrapped', () => {
  // Under a vm context (Jest) Node's errors fail `instanceof Error` and the SDK wraps them in text.
  test('when a cross-realm ECONNREFUSED was wrapped then it is still E_NETWORK with the address', () => {
    const err = Object.assign(new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:4567'), { $metadata: { attempts: 1 } });
    const e = toAmiFindError(err);
    expect(summary(e)).toEqual(['E_NETWORK', 8]);
    expect(e.message).toContain('127.0.0.1:4567');
  });
  test('when a cross-realm ENOTFOUND was wrapped then it is still E_UNKNOWN_REGION', () => {
    const err = new Error('AWS SDK error wrapper for Error: getaddrinfo ENOTFOUND ec2.mars-east-1.amazonaws.com');
    expect(summary(toAmiFindError(err))).toEqual(['E_UNKNOWN_REGION', 8]);
  });
});
