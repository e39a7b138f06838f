/** Policies for the contract's UNVERIFIED points that other tests do not already switch (contract §7). */
import { DescribeImagesCommand, paginateDescribeImages } from '@aws-sdk/client-ec2';
import { UNAUTHORIZED_ACCESS_KEY } from '../../support/accounts.js';
import { IDS } from '../fixtures/ids.js';
import type { Ec2Local, Ec2LocalOptions } from '../server/index.js';
import { client, errorOf, raw, startFixtureServer } from './support.js';

async function withServer(opts: Ec2LocalOptions, body: (s: Ec2Local) => Promise<void>): Promise<void> {
  const s = await startFixtureServer(opts);
  try {
    await body(s);
  } finally {
    await s.close();
  }
}

test('when the policy omits empty imagesSet then the SDK sees Images undefined on an empty page', async () => {
  await withServer({ policy: { emptyImagesSet: 'omit' } }, async (s) => {
    const out = await client(s).send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: ['no-such-image'] }] }));
    expect(out.Images).toBeUndefined();
  });
  await withServer({}, async (s) => {
    const out = await client(s).send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: ['no-such-image'] }] }));
    expect(out.Images).toEqual([]);
  });
});

test('when the policy returns a token on an exactly full last page then the next page is empty and final', async () => {
  await withServer({ policy: { tokenOnFullLastPage: true } }, async (s) => {
    const input = { Owners: ['self'] };
    const total = (await client(s).send(new DescribeImagesCommand(input))).Images?.length ?? 0;
    expect(total).toBe(5);
    const pages: number[] = [];
    for await (const p of paginateDescribeImages({ client: client(s), pageSize: 5 }, { ...input })) pages.push(p.Images?.length ?? -1);
    expect(pages).toEqual([5, 0]);
  });
});

test('when the unauthorized answer is configured then that code and status come back', async () => {
  await withServer({ policy: { unauthorizedError: { status: 401, code: 'AccessDenied', message: 'nope' } } }, async (s) => {
    const e = await errorOf(client(s, 'us-east-1', UNAUTHORIZED_ACCESS_KEY).send(new DescribeImagesCommand({})));
    expect([e.name, e.status, e.message]).toEqual(['AccessDenied', 401, 'nope']);
  });
});

test('when the malformed user ID message is configured then it is used with the bad value', async () => {
  await withServer({ policy: { malformedUserIdMessage: 'bad {value}!' } }, async (s) => {
    const e = await errorOf(client(s).send(new DescribeImagesCommand({ Owners: ['me'] })));
    expect([e.name, e.status, e.message]).toEqual(['InvalidUserID.Malformed', 400, 'bad me!']);
  });
});

test('when auth is not required then a request without Authorization is served as the default account', async () => {
  await withServer({ policy: { requireAuth: false } }, async (s) => {
    const res = await raw(s, 'Action=DescribeImages&Version=2016-11-15&Owner.1=self', { headers: { authorization: '' } });
    expect(res.status).toBe(200);
    expect(res.body).toContain(IDS.selfPrivate);
  });
});
