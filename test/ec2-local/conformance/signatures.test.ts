/**
 * SigV4 verification (README "Signatures"): the endpoint knows the secret of each access key and
 * answers like EC2 when the signature, its date or its scope is wrong. Raw requests are signed by
 * @smithy/signature-v4 (conformance/support.ts), SDK requests by the SDK itself, so the endpoint's
 * verifier is checked against signers it does not share code with; boto3 and the AWS CLI sign in
 * test/peers and test/e2e/cli-peers.test.ts.
 */
import { DescribeImagesCommand, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { DEFAULT_ACCESS_KEY, EXAMPLE_ACCESS_KEY, EXAMPLE_SECRET_KEY, OTHER_ACCESS_KEY } from '../../support/accounts.js';
import { IDS } from '../fixtures/ids.js';
import type { Ec2Local } from '../server/index.js';
import { client, errorBody, errorOf, raw, send, signedHeaders, startFixtureServer } from './support.js';

const BODY = 'Action=DescribeImages&Version=2016-11-15&Owner.1=self';
const MINUTE = 60_000;
const SIGNATURE_MISMATCH = 'The request signature we calculated does not match the signature you provided. '
  + 'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

let server: Ec2Local;
beforeAll(async () => { server = await startFixtureServer(); });
afterAll(async () => { await server.close(); });

const unescape = (text?: string) => text?.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const answer = (r: { status: number; body: string }) => [r.status, errorBody(r.body).code, unescape(errorBody(r.body).message)];

describe('good signatures are served', () => {
  test('when the SDK signs with a known key and its secret then the call is served as that key\'s account', async () => {
    expect((await client(server).send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.map((i) => i.ImageId)).toContain(IDS.selfPrivate);
    expect((await client(server, 'us-east-1', OTHER_ACCESS_KEY).send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.map((i) => i.ImageId))
      .toContain(IDS.otherPrivate);
  });

  test('when a raw request is signed by @smithy/signature-v4 (with a charset, a path and a query) then it is served', async () => {
    expect((await raw(server, BODY)).status).toBe(200);
    expect((await raw(server, BODY, { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } })).status).toBe(200);
    expect((await raw(server, BODY, { path: '/svc/' })).status).toBe(200);
    expect((await raw(server, BODY, { path: '/svc/?b=2&a=x%20y' })).status).toBe(200);
  });

  test('when the documented example key signs with the documented example secret then it is served', async () => {
    const res = await raw(server, BODY, { signing: { accessKey: EXAMPLE_ACCESS_KEY, secretKey: EXAMPLE_SECRET_KEY } });
    expect(res.status).toBe(200);
    expect(res.body).toContain(IDS.selfPrivate);
  });

  test('when the signature is 4 minutes old or 4 minutes ahead then it is within the 5-minute skew', async () => {
    for (const offset of [-4 * MINUTE, 4 * MINUTE]) {
      expect((await raw(server, BODY, { signing: { date: new Date(Date.now() + offset) } })).status).toBe(200);
    }
  });
});

describe('bad signatures are refused as EC2 refuses them', () => {
  test('when the SDK signs with the wrong secret then 403 SignatureDoesNotMatch comes back', async () => {
    const c = client(server, 'us-east-1', DEFAULT_ACCESS_KEY, { credentials: { accessKeyId: DEFAULT_ACCESS_KEY, secretAccessKey: 'wrong' } });
    const e = await errorOf(c.send(new DescribeImagesCommand({})));
    expect([e.name, e.status, e.message]).toEqual(['SignatureDoesNotMatch', 403, SIGNATURE_MISMATCH]);
    const r = await errorOf(c.send(new DescribeRegionsCommand({})));
    expect([r.name, r.status]).toEqual(['SignatureDoesNotMatch', 403]);
  });

  test('when the body is changed after signing then 403 SignatureDoesNotMatch comes back', async () => {
    const headers = await signedHeaders(server, BODY);
    const res = await send(server, BODY.replace('self', 'amazon'), headers);
    expect(answer(res)).toEqual([403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH]);
  });

  test('when the path, a signed header or the region of the scope is changed after signing then 403 SignatureDoesNotMatch comes back', async () => {
    const headers = await signedHeaders(server, BODY);
    expect(answer(await send(server, BODY, headers, 'POST', '/other/'))[1]).toBe('SignatureDoesNotMatch');
    expect(answer(await send(server, BODY, { ...headers, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }))[1]).toBe('SignatureDoesNotMatch');
    const moved = { ...headers, authorization: headers.authorization.replace('/us-east-1/', '/eu-west-1/') };
    expect(answer(await send(server, BODY, moved))[1]).toBe('SignatureDoesNotMatch');
  });

  test('when the signature is a made-up hex string then 403 SignatureDoesNotMatch comes back', async () => {
    const headers = await signedHeaders(server, BODY);
    const forged = { ...headers, authorization: headers.authorization.replace(/Signature=[0-9a-f]+/, `Signature=${'ab'.repeat(32)}`) };
    expect(answer(await send(server, BODY, forged))).toEqual([403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH]);
  });

  test('when the access key is unknown then 401 AuthFailure comes back, with EC2\'s text', async () => {
    const res = await raw(server, BODY, { signing: { accessKey: 'AKIAUNKNOWNKEY000000' } });
    expect(answer(res)).toEqual([401, 'AuthFailure', 'AWS was not able to validate the provided access credentials']);
    const e = await errorOf(client(server, 'us-east-1', 'AKIAUNKNOWNKEY000000').send(new DescribeImagesCommand({})));
    expect([e.name, e.status]).toEqual(['AuthFailure', 401]);
  });

  test('when the documented example key signs with another secret then 403 SignatureDoesNotMatch comes back', async () => {
    const res = await raw(server, BODY, { signing: { accessKey: EXAMPLE_ACCESS_KEY } });
    expect(answer(res)[1]).toBe('SignatureDoesNotMatch');
  });

  test('when the credential scope names another service then AuthFailure comes back', async () => {
    const res = await raw(server, BODY, { signing: { service: 's3' } });
    expect(answer(res)).toEqual([401, 'AuthFailure', "Credential should be scoped to correct service: 'ec2'."]);
  });

  test.each([['10 minutes old', -10 * MINUTE], ['10 minutes ahead', 10 * MINUTE], ['a day old', -24 * 60 * MINUTE]])(
    'when the signature is %s then 400 RequestExpired "Request has expired." comes back', async (_what, offset) => {
      const res = await raw(server, BODY, { signing: { date: new Date(Date.now() + offset) } });
      expect(answer(res)).toEqual([400, 'RequestExpired', 'Request has expired.']);
    });

  test('when the SDK\'s clock is 10 minutes slow then it gets RequestExpired (the SDK would correct its clock from Date on a retry)', async () => {
    const c = client(server, 'us-east-1', DEFAULT_ACCESS_KEY, { systemClockOffset: -10 * MINUTE });
    const e = await errorOf(c.send(new DescribeImagesCommand({})));
    expect([e.name, e.status, e.message]).toEqual(['RequestExpired', 400, 'Request has expired.']);
  });

  test('when the SDK got RequestExpired then it corrected its clock from the Date header and its next call is served', async () => {
    // Contract §1.4: the SDK samples the Date header of an error to correct its clock offset.
    const c = client(server, 'us-east-1', DEFAULT_ACCESS_KEY, { systemClockOffset: -10 * MINUTE });
    expect((await errorOf(c.send(new DescribeImagesCommand({})))).name).toBe('RequestExpired');
    const out = await c.send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(out.Images?.length).toBeGreaterThan(0);
  });

  test('when X-Amz-Date is missing or malformed then 400 IncompleteSignature comes back', async () => {
    const headers = await signedHeaders(server, BODY);
    const { 'x-amz-date': _dropped, ...without } = headers;
    expect(answer(await send(server, BODY, without)).slice(0, 2)).toEqual([400, 'IncompleteSignature']);
    expect(answer(await send(server, BODY, { ...headers, 'x-amz-date': 'yesterday' })).slice(0, 2)).toEqual([400, 'IncompleteSignature']);
  });

  test('when the scope date is not the date of X-Amz-Date then 403 SignatureDoesNotMatch comes back', async () => {
    const headers = await signedHeaders(server, BODY);
    const day = headers['x-amz-date'].slice(0, 8);
    const other = day === '20200101' ? '20200102' : '20200101';
    const res = await send(server, BODY, { ...headers, authorization: headers.authorization.replace(`/${day}/`, `/${other}/`) });
    expect(answer(res).slice(0, 2)).toEqual([403, 'SignatureDoesNotMatch']);
    expect(answer(res)[2]).toMatch(/^Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP/);
  });

  test('when a failed signature is recorded then the record names the code, the key and the region', async () => {
    await raw(server, BODY, { signing: { secretKey: 'wrong', region: 'eu-west-1' } });
    expect(server.requests.at(-1)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch', accessKey: DEFAULT_ACCESS_KEY, region: 'eu-west-1' });
  });
});

describe('the signature policy can be changed', () => {
  test('when the skew is set to 1 minute then a 2-minute-old signature is RequestExpired', async () => {
    const s = await startFixtureServer({ policy: { signatureSkewMs: MINUTE } });
    try {
      expect(answer(await raw(s, BODY, { signing: { date: new Date(Date.now() - 2 * MINUTE) } }))[1]).toBe('RequestExpired');
      expect((await raw(s, BODY, { signing: { date: new Date(Date.now() - 30_000) } })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  test('when signatures are not verified then a wrong secret is served, but an unknown key is still AuthFailure', async () => {
    const s = await startFixtureServer({ policy: { verifySignatures: false } });
    try {
      expect((await raw(s, BODY, { signing: { secretKey: 'wrong' } })).status).toBe(200);
      expect(answer(await raw(s, BODY, { signing: { accessKey: 'AKIAUNKNOWNKEY000000' } }))[1]).toBe('AuthFailure');
    } finally {
      await s.close();
    }
  });

  test('when the server is given its own secret keys then only those keys are known', async () => {
    const s = await startFixtureServer({ secretKeys: { AKIAOWNKEY0000000001: 'own-secret' } });
    try {
      expect((await raw(s, BODY, { signing: { accessKey: 'AKIAOWNKEY0000000001', secretKey: 'own-secret' } })).status).toBe(200);
      expect(answer(await raw(s, BODY, { signing: { accessKey: EXAMPLE_ACCESS_KEY, secretKey: EXAMPLE_SECRET_KEY } }))[1]).toBe('AuthFailure');
    } finally {
      await s.close();
    }
  });
});
