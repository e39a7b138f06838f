/**
 * Cross-checks with the seed's own client (boto3 and the AWS CLI) on one local endpoint:
 * findImages returns exactly the paginator's images, and MaxItems/StartingToken chains give the
 * same images and the same tokens, with tokens passed between the tools in both directions.
 */
import { findImages } from '../../src/index.js';
import type { ImageQuery, PaginationConfig } from '../../src/types.js';
import { localAwsEnv } from '../support/accounts.js';
import { awsCli, boto3Paginate, requirePeer } from '../support/peers.js';
import { useFixtureEndpoint } from '../e2e/cli-support.js';

const local = useFixtureEndpoint({ inProcess: true });

/** One step of a chain: the images returned and the token to resume from. */
interface Step {
  ids: string[];
  token?: string;
}
type Tool = (query: ImageQuery, pagination: PaginationConfig) => Promise<Step>;

const ours: Tool = async (query, pagination) => {
  const listing = findImages(query, { pagination, aws: { region: 'us-east-1', endpoint: local.server.url, maxAttempts: 1 } });
  const ids: string[] = [];
  for await (const image of listing) ids.push(image.ImageId!);
  return { ids, token: listing.resumeToken() };
};

const boto3: Tool = async (query, pagination) => {
  const r = await boto3Paginate(local.server.url, query, pagination, localAwsEnv(local.server.url));
  return { ids: r.images.map((i) => i.ImageId!), token: r.nextToken };
};

/** `aws ec2 describe-images` for the queries used here (include-deprecated and owners only). */
const cli: Tool = async (query, pagination) => {
  const args = ['ec2', 'describe-images', '--output', 'json'];
  if (query.includeDeprecated) args.push('--include-deprecated');
  if (query.owners?.length) args.push('--owners', ...query.owners);
  if (query.executableUsers?.length) args.push('--executable-users', ...query.executableUsers);
  if (pagination.PageSize !== undefined) args.push('--page-size', String(pagination.PageSize));
  if (pagination.MaxItems !== undefined) args.push('--max-items', String(pagination.MaxItems));
  if (pagination.StartingToken !== undefined) args.push('--starting-token', pagination.StartingToken);
  const r = await awsCli(args, local.server.url, localAwsEnv(local.server.url));
  if (r.code !== 0) throw new Error(`aws ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { Images: { ImageId: string }[]; NextToken?: string };
  return { ids: out.Images.map((i) => i.ImageId), token: out.NextToken };
};

/** Run a MaxItems chain, each step with the tool `pick(step)`, until no token is left. */
async function chain(query: ImageQuery, pageSize: number, maxItems: number, pick: (step: number) => Tool): Promise<Step[]> {
  const steps: Step[] = [];
  let token: string | undefined;
  do {
    const step = await pick(steps.length)(query, { PageSize: pageSize, MaxItems: maxItems, StartingToken: token });
    steps.push(step);
    token = step.token;
    if (steps.length > 100) throw new Error('chain did not end');
  } while (token !== undefined);
  return steps;
}

/** Each python peer call starts a Python process (about 1 s with boto3, 4 s for the AWS CLI on a loaded box). */
const SLOW = 240_000;

const boto3Chains = new Map<string, Promise<Step[]>>();
/** boto3's chain for the include-deprecated listing, computed once per (PageSize, MaxItems): python calls are slow. */
function boto3Chain(pageSize: number, maxItems: number): Promise<Step[]> {
  const key = `${pageSize}/${maxItems}`;
  if (!boto3Chains.has(key)) boto3Chains.set(key, chain({ includeDeprecated: true }, pageSize, maxItems, () => boto3));
  return boto3Chains.get(key)!;
}

const QUERIES: ImageQuery[] = [
  { includeDeprecated: true },
  {},
  { owners: ['self'] },
  { executableUsers: ['all'] },
  { owners: ['amazon'], filters: [{ Name: 'architecture', Values: ['arm64', 'x86_64'] }] },
  { filters: [{ Name: 'name', Values: ['*1*'] }], includeDeprecated: true },
];

describe('findImages against boto3 on the same endpoint', () => {
  beforeAll(() => requirePeer('boto3'));

  test.each(QUERIES.map((q) => [JSON.stringify(q), q] as const))('when the query is %s then the images are exactly boto3 paginator images', async (_name, query) => {
    const reference = await boto3(query, { PageSize: 5 });
    const got = await ours(query, { PageSize: 5 });
    expect(got.ids).toEqual(reference.ids);
    expect(got.token).toBeUndefined();
    expect(reference.token).toBeUndefined();
  }, SLOW);

  test.each([[5, 3], [5, 5], [6, 4]])('when chaining PageSize %d MaxItems %d then images and tokens equal boto3 PaginationConfig at every step', async (pageSize, maxItems) => {
    const query = { includeDeprecated: true };
    const reference = await boto3Chain(pageSize, maxItems);
    const got = await chain(query, pageSize, maxItems, () => ours);
    expect(got).toEqual(reference);
    expect(reference.length).toBeGreaterThan(2);
  }, SLOW);

  test('when tokens alternate between ami-find and boto3 then the chain is the same as either alone', async () => {
    const query = { includeDeprecated: true };
    const reference = await boto3Chain(5, 3);
    expect(await chain(query, 5, 3, (i) => (i % 2 === 0 ? ours : boto3))).toEqual(reference);
    expect(await chain(query, 5, 3, (i) => (i % 2 === 0 ? boto3 : ours))).toEqual(reference);
  }, SLOW);
});

describe('findImages against the AWS CLI on the same endpoint', () => {
  beforeAll(() => requirePeer('awsCli'));

  test('when chaining --max-items 4 --page-size 6 then images and tokens equal the AWS CLI at every step', async () => {
    const query = { includeDeprecated: true };
    const reference = await chain(query, 6, 4, () => cli);
    expect(await chain(query, 6, 4, () => ours)).toEqual(reference);
    expect(await boto3Chain(6, 4)).toEqual(reference);
    expect(reference.length).toBeGreaterThan(2);
  }, SLOW);

  test('when tokens pass ami-find -> aws CLI -> boto3 -> ami-find then every step matches the single-tool chain', async () => {
    requirePeer('boto3');
    const query = { includeDeprecated: true };
    const tools = [ours, cli, boto3];
    const reference = await boto3Chain(5, 3);
    // Every ordered pair of tools hands a token over at least once: ours->cli, cli->boto3, boto3->ours.
    expect(await chain(query, 5, 3, (i) => tools[i % 3]!)).toEqual(reference);
  }, SLOW);

  test('when the AWS CLI is given a raw EC2 NextToken from a page boundary then ami-find accepts the same string', async () => {
    const query = { includeDeprecated: true };
    const first = await ours(query, { PageSize: 5, MaxItems: 5 });
    const raw = JSON.parse(Buffer.from(first.token!, 'base64').toString()).NextToken as string;
    const viaCli = await cli(query, { PageSize: 5, MaxItems: 4, StartingToken: raw });
    const viaUs = await ours(query, { PageSize: 5, MaxItems: 4, StartingToken: raw });
    expect(viaUs).toEqual(viaCli);
  }, SLOW);
});
