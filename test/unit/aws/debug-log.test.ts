import { describeRequest, redactAuthorization, redactHeaders } from '../../../src/aws/debug-log.js';

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIAAMIFINDSELF00001/20261127/us-east-1/ec2/aws4_request, ' +
  'SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('debug log redaction', () => {
  test('when Authorization is logged then the key id and signature are hidden and the scope kept', () => {
    const out = redactAuthorization(AUTH);
    expect(out).not.toContain('AKIAAMIFINDSELF00001');
    expect(out).not.toContain('0123456789abcdef');
    expect(out).toContain('/20261127/us-east-1/ec2/aws4_request');
    expect(out).toContain('SignedHeaders=host;x-amz-date');
  });

  test('when headers carry a session token or an unknown auth scheme then the values are hidden', () => {
    const out = redactHeaders({ 'X-Amz-Security-Token': 'FwoGZXIvYXdzE-secret', Authorization: 'Bearer abc', host: 'h' });
    expect(out).toEqual({ 'X-Amz-Security-Token': '<redacted>', Authorization: '<redacted>', host: 'h' });
  });

  test('when a request line is built then it shows method, URL, body and no secret', () => {
    const line = describeRequest({
      method: 'POST', protocol: 'https:', hostname: 'ec2.us-east-1.amazonaws.com', path: '/',
      query: { 'X-Amz-Signature': 'deadbeef' },
      headers: { authorization: AUTH, 'x-amz-security-token': 'TOKENVALUE' },
      body: 'Action=DescribeImages&Owner.1=self&NextToken=abc',
    });
    expect(line).toMatch(/^POST https:\/\/ec2\.us-east-1\.amazonaws\.com\/\?X-Amz-Signature=<redacted> /);
    expect(line).toContain('body: Action=DescribeImages&Owner.1=self&NextToken=abc');
    for (const secret of ['deadbeef', 'TOKENVALUE', 'AKIAAMIFINDSELF00001', '0123456789abcdef']) expect(line).not.toContain(secret);
  });
});
