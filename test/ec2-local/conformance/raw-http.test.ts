/** Raw HTTP: headers, exact body shapes, and malformed requests that must get EC2-shaped errors (contract §1.1, §2.1, §3.1, §6). */
import type { Ec2Local } from '../server/index.js';
import { HOSTILE_TEXT } from '../fixtures/catalogue.js';
import { authHeader, errorBody, raw, startFixtureServer } from './support.js';

let server: Ec2Local;
beforeAll(async () => { server = await startFixtureServer({ policy: { maxBodyBytes: 64 * 1024, maxValueLength: 4096 } }); });
afterAll(async () => { await server.close(); });

const OK_BODY = 'Action=DescribeImages&Version=2016-11-15&Owner.1=self';
const ERROR_SHAPE = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>[^<]+<\/Code><Message>[^<]*<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/;

function expectEc2Headers(res: { headers: Record<string, string | string[] | undefined> }, body: string, idTag: 'requestId' | 'RequestID'): void {
  expect(res.headers['content-type']).toBe('text/xml;charset=UTF-8');
  expect(res.headers.server).toBe('AmazonEC2');
  const id = new RegExp(`<${idTag}>([^<]+)</${idTag}>`).exec(body)?.[1];
  expect(res.headers['x-amzn-requestid']).toBe(id);
  expect(Math.abs(Date.parse(String(res.headers.date)) - Date.now())).toBeLessThan(5000);
}

test('when a request succeeds then the headers and envelope are EC2\'s', async () => {
  const res = await raw(server, OK_BODY);
  expect(res.status).toBe(200);
  expectEc2Headers(res, res.body, 'requestId');
  expect(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>')).toBe(true);
  expect(res.body).not.toContain('<nextToken>');
});

test('when strings hold XML-hostile characters then they are escaped in the body', async () => {
  const res = await raw(server, OK_BODY);
  expect(res.body).toContain('<description>web &lt;&amp;&gt; &quot;quoted&quot; &apos;apos&apos; ]]&gt; ');
  expect(res.body).not.toContain(HOSTILE_TEXT);
});

test('when a page is empty then imagesSet is an empty element', async () => {
  const res = await raw(server, 'Action=DescribeImages&Version=2016-11-15&Filter.1.Name=name&Filter.1.Value.1=none');
  expect(res.body).toContain('<imagesSet/>');
});

test('when parameters arrive in another order and with a charset then the request still works', async () => {
  const res = await raw(server, 'Owner.1=self&Version=2016-11-15&Action=DescribeImages', {
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  expect(res.status).toBe(200);
});

test('when the endpoint URL has a path then requests to it are served', async () => {
  expect((await raw(server, OK_BODY, { path: '/svc/' })).status).toBe(200);
});

const BAD: Array<[string, string | Buffer, { method?: string; headers?: Record<string, string> }, number, string]> = [
  ['an unknown Action', 'Action=RunInstances&Version=2016-11-15', {}, 400, 'InvalidAction'],
  ['no Action', 'Version=2016-11-15', {}, 400, 'MissingAction'],
  ['no Version', 'Action=DescribeImages', {}, 400, 'MissingParameter'],
  ['a wrong Version', 'Action=DescribeImages&Version=2014-01-01', {}, 400, 'NoSuchVersion'],
  ['a GET', '', { method: 'GET' }, 400, 'UnsupportedOperation'],
  ['a bad percent-encoding', `${OK_BODY}&Filter.1.Name=name&Filter.1.Value.1=%E0%A4%A`, {}, 400, 'MalformedQueryString'],
  ['invalid UTF-8', Buffer.concat([Buffer.from(`${OK_BODY}&Filter.1.Name=name&Filter.1.Value.1=`), Buffer.from([0xff, 0xfe])]), {}, 400, 'MalformedQueryString'],
  ['a JSON content type', '{"Action":"DescribeImages"}', { headers: { 'content-type': 'application/json' } }, 400, 'MalformedQueryString'],
  ['an unknown parameter', `${OK_BODY}&Foo=1`, {}, 400, 'UnknownParameter'],
  ['a non-numeric list index', `${OK_BODY}&Filter.x.Name=name`, {}, 400, 'UnknownParameter'],
  ['a filter value without a name', `${OK_BODY}&Filter.1.Value.1=x`, {}, 400, 'MissingParameter'],
  ['a non-boolean DryRun', `${OK_BODY}&DryRun=yes`, {}, 400, 'InvalidParameterValue'],
  ['a non-numeric MaxResults', `${OK_BODY}&MaxResults=ten`, {}, 400, 'InvalidParameterValue'],
  ['a fractional MaxResults', `${OK_BODY}&MaxResults=7.5`, {}, 400, 'InvalidParameterValue'],
  ['a repeated parameter', `${OK_BODY}&Owner.1=amazon`, {}, 400, 'InvalidParameterValue'],
  ['a huge value', `${OK_BODY}&Filter.1.Name=name&Filter.1.Value.1=${'a'.repeat(5000)}`, {}, 400, 'InvalidParameterValue'],
  ['a body over the size limit', `${OK_BODY}&Filter.1.Name=name&Filter.1.Value.1=${'a'.repeat(70 * 1024)}`, {}, 413, 'RequestEntityTooLarge'],
  ['no Authorization header', OK_BODY, { headers: { authorization: '' } }, 401, 'MissingAuthenticationToken'],
  ['a non-SigV4 Authorization header', OK_BODY, { headers: { authorization: 'Basic abc' } }, 400, 'IncompleteSignature'],
  ['a credential scoped to another service', OK_BODY, { headers: { authorization: authHeader().replace('/ec2/', '/s3/') } }, 401, 'AuthFailure'],
];

test.each(BAD)('when the request has %s then an EC2-shaped error comes back', async (_what, body, opts, status, code) => {
  const headers = { ...opts.headers };
  const res = await raw(server, body, { method: opts.method, headers });
  expect([res.status, errorBody(res.body).code]).toEqual([status, code]);
  expect(res.body).toMatch(ERROR_SHAPE);
  expectEc2Headers(res, res.body, 'RequestID');
});

test('when many bad requests have been sent then the server still answers good ones', async () => {
  await Promise.all(BAD.map(([, body, opts]) => raw(server, body, opts)));
  expect((await raw(server, OK_BODY)).status).toBe(200);
});

test('when a connection sends garbage instead of HTTP then the server survives', async () => {
  const { connect } = await import('node:net');
  await new Promise<void>((resolve) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.end('NOT HTTP\r\n\r\n'));
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
    socket.resume();
  });
  expect((await raw(server, OK_BODY)).status).toBe(200);
});
