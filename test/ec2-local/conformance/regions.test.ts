/** DescribeRegions: enabled by default, AllRegions, RegionName.N and its three filters (contract §1.3, §2.3, §4.6). */
import { DescribeRegionsCommand, type DescribeRegionsCommandInput } from '@aws-sdk/client-ec2';
import type { Ec2Local } from '../server/index.js';
import { client, errorOf, startFixtureServer } from './support.js';

let server: Ec2Local;
beforeAll(async () => { server = await startFixtureServer(); });
afterAll(async () => { await server.close(); });

async function names(input: DescribeRegionsCommandInput): Promise<string[]> {
  const out = await client(server).send(new DescribeRegionsCommand(input));
  return (out.Regions ?? []).map((r) => r.RegionName ?? '').sort();
}

test('when nothing is asked then only regions enabled for the account come back', async () => {
  expect(await names({})).toEqual(['eu-west-1', 'me-south-1', 'us-east-1', 'us-west-2']);
});

test('when AllRegions is true then not-opted-in regions are included', async () => {
  expect(await names({ AllRegions: true })).toEqual(['af-south-1', 'eu-west-1', 'me-south-1', 'us-east-1', 'us-west-2']);
});

test('when a disabled region is named then it comes back', async () => {
  expect(await names({ RegionNames: ['af-south-1'] })).toEqual(['af-south-1']);
});

test.each([
  ['opt-in-status', ['opted-in'], ['me-south-1']],
  ['opt-in-status', ['not-opted-in'], []],
  ['region-name', ['us-*'], ['us-east-1', 'us-west-2']],
  ['endpoint', ['*.eu-west-1.*'], ['eu-west-1']],
])('when filtering by %s = %j then the matching regions come back', async (name, values, expected) => {
  expect(await names({ Filters: [{ Name: name, Values: values }] })).toEqual(expected);
});

test('when AllRegions and a filter combine then the filter applies to all regions', async () => {
  expect(await names({ AllRegions: true, Filters: [{ Name: 'opt-in-status', Values: ['not-opted-in'] }] })).toEqual(['af-south-1']);
});

test('when a region comes back then every field is filled as the SDK maps it', async () => {
  const out = await client(server).send(new DescribeRegionsCommand({ RegionNames: ['eu-west-1'] }));
  expect(out.Regions).toEqual([{ RegionName: 'eu-west-1', Endpoint: 'ec2.eu-west-1.amazonaws.com', OptInStatus: 'opt-in-not-required', Geography: [{ Name: 'Ireland' }] }]);
});

test('when the filter name is unknown then InvalidParameterValue names it', async () => {
  const e = await errorOf(client(server).send(new DescribeRegionsCommand({ Filters: [{ Name: 'name', Values: ['x'] }] })));
  expect([e.name, e.status, e.message]).toEqual(['InvalidParameterValue', 400, "The filter 'name' is invalid"]);
});

test('when an unknown region is named then InvalidParameterValue is returned', async () => {
  const e = await errorOf(client(server).send(new DescribeRegionsCommand({ RegionNames: ['mars-north-1'] })));
  expect([e.name, e.status]).toEqual(['InvalidParameterValue', 400]);
});
