/**
 * The built ami-find against the seed's own clients on one local endpoint: `--output ids` returns
 * exactly boto3's DescribeImages paginator images, and --max-items/--starting-token chains match
 * boto3's PaginationConfig and the AWS CLI, with tokens passed between the tools in both directions.
 * Needs python3 with boto3 and the aws CLI: the tests fail (never skip) when they are absent.
 */
import type { ImageQuery, PaginationConfig } from '../../src/types.js';
import { awsCli, boto3Paginate, requirePeer } from '../support/peers.js';
import { lines, runBin, useFixtureEndpoint } from './cli-support.js';

const local = useFixtureEndpoint();

interface Step { ids: string[]; token?: string }
type Tool = (query: ImageQuery, args: string[], p: PaginationConfig) => Promise<Step>;

/** One query, as boto3 takes it and as ami-find flags. */
const QUERIES: [string, ImageQuery, string[]][] = [
  ['everything visible', {}, []],
  ['owner self', { owners: ['self'] }, ['--owner', 'self']],
  ['owner amazon, two architectures', { owners: ['amazon'], filters: [{ Name: 'architecture', Values: ['arm64', 'x86_64'] }] },
    ['--owner', 'amazon', '--filter', 'architecture=arm64,x86_64']],
  ['public images', { executableUsers: ['all'] }, ['--executable-user', 'all']],
  ['deprecated included', { includeDeprecated: true }, ['--include-deprecated']],
  ['my tagged images', { owners: ['self'], filters: [{ Name: 'tag:Env', Values: ['prod'] }] }, ['--owner', 'self', '--tag', 'Env=prod']],
];

function paginationArgs(p: PaginationConfig): string[] {
  return [
    ...(p.PageSize !== undefined ? ['--page-size', String(p.PageSize)] : []),
    ...(p.MaxItems !== undefined ? ['--max-items', String(p.MaxItems)] : []),
    ...(p.StartingToken !== undefined ? ['--starting-token', p.StartingToken] : []),
  ];
}

const amiFind: Tool = async (_query, args, p) => {
  const r = await runBin([...args, ...paginationArgs(p), '-o', 'ids'], local.env);
  if (r.code !== 0 && r.code !== 3) throw new Error(`ami-find ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return { ids: lines(r.stdout), token: /--starting-token (\S+)/.exec(r.stderr)?.[1] };
};

const boto3: Tool = async (query, _args, p) => {
  const r = await boto3Paginate(local.server.url, query, p, local.env);
  return { ids: r.images.map((i) => i.ImageId!), token: r.nextToken };
};

/** `aws ec2 describe-images` for the include-deprecated chains. */
const cli: Tool = async (_query, _args, p) => {
  const args = ['ec2', 'describe-images', '--output', 'json', '--include-deprecated', ...paginationArgs(p)];
  const r = await awsCli(args, local.server.url, local.env);
  if (r.code !== 0) throw new Error(`aws ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { Images: { ImageId: string }[]; NextToken?: string };
  return { ids: out.Images.map((i) => i.ImageId), token: out.NextToken };
};

async function chain(pageSize: number, maxItems: number, pick: (i: number) => Tool): Promise<Step[]> {
  const query: ImageQuery = { includeDeprecated: true };
  const steps: Step[] = [];
  let token: string | undefined;
  do {
    const step = await pick(steps.length)(query, ['--include-deprecated'], { PageSize: pageSize, MaxItems: maxItems, StartingToken: token });
    steps.push(step);
    token = step.token;
    if (steps.length > 50) throw new Error('chain did not end');
  } while (token !== undefined);
  return steps;
}

/** Python peers start a process per call (about 1 s for boto3, several for the AWS CLI). */
const SLOW = 300_000;

describe('ami-find --output ids against boto3 (same endpoint)', () => {
  beforeAll(() => requirePeer('boto3'));

  test.each(QUERIES)('when the query is %s then ami-find lists exactly the images of the boto3 paginator', async (_name, query, args) => {
    const reference = await boto3(query, args, { PageSize: 5 });
    const got = await amiFind(query, args, { PageSize: 5 });
    expect(got).toEqual(reference);
  }, SLOW);

  test('when a --max-items chain alternates between ami-find and boto3 then it equals the boto3 chain', async () => {
    const reference = await chain(5, 3, () => boto3);
    expect(reference.length).toBeGreaterThan(2);
    expect(await chain(5, 3, (i) => (i % 2 === 0 ? amiFind : boto3))).toEqual(reference);
    expect(await chain(5, 3, (i) => (i % 2 === 0 ? boto3 : amiFind))).toEqual(reference);
  }, SLOW);
});

describe('ami-find --max-items/--starting-token against the AWS CLI (same endpoint)', () => {
  beforeAll(() => requirePeer('awsCli'));

  test('when a chain alternates between ami-find and the AWS CLI in both directions then it equals either alone', async () => {
    const reference = await chain(6, 4, () => cli);
    expect(reference.length).toBeGreaterThan(2);
    expect(await chain(6, 4, () => amiFind)).toEqual(reference);
    expect(await chain(6, 4, (i) => (i % 2 === 0 ? amiFind : cli))).toEqual(reference);
    expect(await chain(6, 4, (i) => (i % 2 === 0 ? cli : amiFind))).toEqual(reference);
  }, SLOW);
});
