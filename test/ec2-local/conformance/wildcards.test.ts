/** Filter-value globs, escapes, case sensitivity and AND/OR semantics (contract §4.4). */
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { HOSTILE_TEXT } from '../fixtures/catalogue.js';
import { IDS } from '../fixtures/ids.js';
import type { Ec2Local } from '../server/index.js';
import { client, errorOf, ids, startFixtureServer } from './support.js';

let server: Ec2Local;
beforeAll(async () => { server = await startFixtureServer(); });
afterAll(async () => { await server.close(); });

const byName = (...values: string[]) => ({ Filters: [{ Name: 'name', Values: values }] });

test('when ? is used then it matches exactly one character', async () => {
  expect(await ids(client(server), byName('al2023-ami-2023.?.20240301.0-kernel-6.1-*'))).toEqual([IDS.al2023x86, IDS.al2023arm].sort());
  expect(await ids(client(server), byName('al2023-ami-2023.??.20240301.0-kernel-6.1-*'))).toEqual([]);
});

test('when * stands alone then every image with a name matches', async () => {
  const c = client(server);
  expect(await ids(c, byName('*'))).toEqual(await ids(c));
});

test('when the case differs then nothing matches', async () => {
  expect(await ids(client(server), byName('AL2023-AMI-*'))).toEqual([]);
});

test('when a regex metacharacter appears then it is literal', async () => {
  expect(await ids(client(server), byName('al2023-ami-2023.4.20240301.0-kernel-6.1-x86.64'))).toEqual([]);
  expect(await ids(client(server), byName('al2023-ami-2023.4.20240301.0-kernel-6.1-x86_64'))).toEqual([IDS.al2023x86]);
});

test('when \\*, \\? and \\\\ are escaped then they match the literal characters', async () => {
  expect(await ids(client(server), byName('my-app-1.2.3\\*\\?\\\\'))).toEqual([IDS.selfPrivate]);
  expect(await ids(client(server), byName('my-app-1.2.3\\*'))).toEqual([]);
  expect(await ids(client(server), byName('my-app-1.2.3*'))).toEqual([IDS.selfPrivate]);
});

test('when an escaped star is compared with another character then it does not match', async () => {
  expect(await ids(client(server), byName('my-app-1\\*2.3*'))).toEqual([]);
});

test('when an unknown escape is sent then InvalidParameterValue names the sequence', async () => {
  const e = await errorOf(client(server).send(new DescribeImagesCommand(byName('my-app-\\d'))));
  expect([e.name, e.status]).toEqual(['InvalidParameterValue', 400]);
  expect(e.message).toBe("Invalid filter value: The escape sequence '\\d' is invalid");
});

test('when a value ends in a lone backslash then it is rejected as an invalid escape', async () => {
  const e = await errorOf(client(server).send(new DescribeImagesCommand(byName('abc\\'))));
  expect([e.name, e.status]).toEqual(['InvalidParameterValue', 400]);
  expect(e.message).toBe("Invalid filter value: The escape sequence '\\' is invalid");
});

test('when the filter name differs in case then it is an unknown filter', async () => {
  const e = await errorOf(client(server).send(new DescribeImagesCommand({ Filters: [{ Name: 'Name', Values: ['x'] }] })));
  expect([e.name, e.status]).toEqual(['InvalidParameterValue', 400]);
  expect(e.message).toBe("The filter 'Name' is invalid");
});

test.each(['tag-value', 'tag:', 'owner', 'nme'])('when the filter name is %s then it is rejected as invalid', async (name) => {
  const e = await errorOf(client(server).send(new DescribeImagesCommand({ Filters: [{ Name: name, Values: ['x'] }] })));
  expect([e.name, e.status, e.message]).toEqual(['InvalidParameterValue', 400, `The filter '${name}' is invalid`]);
});

test('when one filter has several values then they are ORed', async () => {
  expect(await ids(client(server), byName('al2023-ami-*-arm64', 'Windows_*'))).toEqual([IDS.al2023arm, IDS.windows].sort());
});

test('when several filters are given then they are ANDed, even with the same name', async () => {
  const c = client(server);
  expect(await ids(c, { Filters: [{ Name: 'name', Values: ['al2023-ami-*'] }, { Name: 'architecture', Values: ['arm64'] }] })).toEqual([IDS.al2023arm]);
  expect(await ids(c, { Filters: [{ Name: 'name', Values: ['al2023*'] }, { Name: 'name', Values: ['*x86_64'] }] })).toEqual([IDS.al2023x86]);
});

test('when a filter has no values then it matches nothing (default policy)', async () => {
  expect(await ids(client(server), { Filters: [{ Name: 'name', Values: [] }] })).toEqual([]);
});

test('when the policy rejects filters without values then the call fails with InvalidParameterValue', async () => {
  const strict = await startFixtureServer({ policy: { filterWithoutValues: 'error' } });
  try {
    const e = await errorOf(client(strict).send(new DescribeImagesCommand({ Filters: [{ Name: 'name' }] })));
    expect([e.name, e.status]).toEqual(['InvalidParameterValue', 400]);
  } finally {
    await strict.close();
  }
});

test('when wildcards meet non-ASCII text then ? matches one code point', async () => {
  const c = client(server);
  expect(await ids(c, { Filters: [{ Name: 'tag:Name', Values: ['web*\u{1F680}*'] }] })).toEqual([IDS.selfPrivate]);
  const oneCodePoint = HOSTILE_TEXT.replace('\u{1F680}', '?');
  expect(await ids(c, { Filters: [{ Name: 'description', Values: [oneCodePoint] }] })).toEqual([IDS.selfPrivate]);
});

test('when a filter value contains XML-hostile text then it is matched literally', async () => {
  expect(await ids(client(server), { Filters: [{ Name: 'description', Values: ['web <&> "quoted" *'] }] })).toEqual([IDS.selfPrivate]);
});
