/**
 * Limits on filters (README "Limits"). Nothing is documented for DescribeImages: the EC2 error list
 * (ERRDOC) names FilterLimitExceeded, "The request uses too many filters or too many filter values",
 * without numbers. Real EC2 answered 400 FilterLimitExceeded "The maximum number of filter values
 * specified on a single call is 200" on DescribeInstances/DescribeTags (apache/druid#1954,
 * ansible/ansible#16184) and "The maximum length for a filter value is 255 characters" on
 * DescribeInstances (ansible-collections/amazon.aws#2393): the endpoint applies both as policies.
 * How many filters a call may have is not known at all: a policy of 200.
 */
import { DescribeImagesCommand, DescribeRegionsCommand, type Filter } from '@aws-sdk/client-ec2';
import { IDS } from '../fixtures/ids.js';
import type { Ec2Local } from '../server/index.js';
import { client, errorOf, ids, startFixtureServer } from './support.js';

let server: Ec2Local;
beforeAll(async () => { server = await startFixtureServer(); });
afterAll(async () => { await server.close(); });

const names = (n: number) => Array.from({ length: n }, (_, i) => `no-such-name-${i}`);

test('when one filter has 200 values then the call is served', async () => {
  expect(await ids(client(server), { Filters: [{ Name: 'image-id', Values: [IDS.selfPrivate, ...names(199)] }] })).toEqual([IDS.selfPrivate]);
});

test('when one filter has 201 values then 400 FilterLimitExceeded comes back with EC2\'s text', async () => {
  const e = await errorOf(client(server).send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: names(201) }] })));
  expect([e.name, e.status, e.message]).toEqual(['FilterLimitExceeded', 400, 'The maximum number of filter values specified on a single call is 200']);
});

test('when the values of several filters add up to 201 then FilterLimitExceeded comes back (the limit is per call)', async () => {
  const filters: Filter[] = [{ Name: 'name', Values: names(101) }, { Name: 'description', Values: names(100) }];
  expect((await errorOf(client(server).send(new DescribeImagesCommand({ Filters: filters })))).name).toBe('FilterLimitExceeded');
  expect(await ids(client(server), { Filters: [{ Name: 'name', Values: names(100) }, { Name: 'description', Values: names(100) }] })).toEqual([]);
});

test('when a filter value has 256 characters then FilterLimitExceeded comes back; 255 are served', async () => {
  const e = await errorOf(client(server).send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: ['a'.repeat(256)] }] })));
  expect([e.name, e.status, e.message]).toEqual(['FilterLimitExceeded', 400, 'The maximum length for a filter value is 255 characters']);
  expect(await ids(client(server), { Filters: [{ Name: 'name', Values: ['a'.repeat(255)] }] })).toEqual([]);
});

test('when a call has 201 filters then FilterLimitExceeded comes back (a policy: no number is known)', async () => {
  const filters = Array.from({ length: 201 }, (): Filter => ({ Name: 'tag-key', Values: ['x'] }));
  const e = await errorOf(client(server).send(new DescribeImagesCommand({ Filters: filters.map((f, i) => (i < 200 ? { Name: f.Name } : f)) })));
  expect([e.name, e.status]).toEqual(['FilterLimitExceeded', 400]);
});

test('when DescribeRegions has too many filter values then FilterLimitExceeded comes back too', async () => {
  const e = await errorOf(client(server).send(new DescribeRegionsCommand({ Filters: [{ Name: 'region-name', Values: names(201) }] })));
  expect(e.name).toBe('FilterLimitExceeded');
});

test('when the limits are changed by policy then the new numbers apply and appear in the message', async () => {
  const s = await startFixtureServer({ policy: { maxFilterValues: 3, maxFilterValueLength: 10, maxFilters: 2 } });
  try {
    const c = client(s);
    expect((await errorOf(c.send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: names(4) }] })))).message)
      .toBe('The maximum number of filter values specified on a single call is 3');
    expect((await errorOf(c.send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: ['x'.repeat(11)] }] })))).message)
      .toBe('The maximum length for a filter value is 10 characters');
    const three = [{ Name: 'name', Values: ['a'] }, { Name: 'name', Values: ['b'] }, { Name: 'name', Values: ['c'] }];
    expect((await errorOf(c.send(new DescribeImagesCommand({ Filters: three })))).message)
      .toBe('The maximum number of filters specified on a single call is 2');
  } finally {
    await s.close();
  }
});
