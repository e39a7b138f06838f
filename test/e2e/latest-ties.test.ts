/**
 * One answer to "latest": three AL2023 kernels built the same second. `--latest`,
 * the first row of `--sort creation-date --desc` and the picker's first entry are the same image,
 * whatever order the endpoint lists them in: each check runs against the catalogue in two orders
 * (and must not depend on either).
 */
import { FIXTURE_NOW, fixtureCatalogue } from '../ec2-local/fixtures/catalogue.js';
import { baseImage } from '../ec2-local/fixtures/images.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import type { CatalogueImage } from '../ec2-local/types.js';
import { localAwsEnv } from '../support/accounts.js';
import { lines, requireBuilt, runBin } from './cli-support.js';
import { requireTmux, TmuxRun } from './picker-tmux.js';

const OWNER = '137112412989';
const T = '2025-12-04T10:00:00.000Z';
const tied = (n: number, kernel: string, created = T): CatalogueImage => baseImage(`ami-0e7${String(n).padStart(14, '0')}`, 'us-east-1', {
  OwnerId: OWNER, ImageOwnerAlias: 'amazon', Public: true, CreationDate: created,
  Name: `al2023-ami-2023.9.${created.slice(0, 10).replace(/-/g, '')}.0-kernel-${kernel}-x86_64`,
});
// IDs rise against the version-aware name order, so neither an ID tie-break nor the listing order gives the answer.
const IMAGES = [tied(3, '6.1'), tied(2, '6.12'), tied(1, '6.18'), tied(4, '6.18', '2025-11-20T10:00:00.000Z')];
/** Newest first by the documented rule: creation date, then the version-aware name (6.18 > 6.12 > 6.1), then the ID. */
const EXPECTED = [IMAGES[2]!, IMAGES[1]!, IMAGES[0]!, IMAGES[3]!].map((i) => i.ImageId!);
const QUERY = ['--owner', OWNER, '--name', 'al2023-ami-2023.9.*-kernel-*-x86_64'];

const ORDERS: [string, CatalogueImage[]][] = [['as built', IMAGES], ['reversed', [...IMAGES].reverse()]];
const servers: Ec2Local[] = [];
const runs: TmuxRun[] = [];

async function serve(images: CatalogueImage[]): Promise<NodeJS.ProcessEnv> {
  const catalogue = fixtureCatalogue();
  catalogue.images.push(...images.map((i) => structuredClone(i)));
  const server = await startEc2Local({ catalogue, policy: { now: () => FIXTURE_NOW } });
  servers.push(server);
  return localAwsEnv(server.url);
}

beforeAll(() => requireBuilt());
afterEach(() => { for (const r of runs.splice(0)) r.close(); });
afterAll(async () => { await Promise.all(servers.map((s) => s.close())); });

describe.each(ORDERS)('when the endpoint lists the tied images %s', (_order, images) => {
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => { env = await serve(images); });

  test('then --latest, --latest n and --sort creation-date --desc give the documented order', async () => {
    const latest = await runBin([...QUERY, '--latest', '-o', 'ids'], env);
    expect([latest.code, lines(latest.stdout)]).toEqual([0, EXPECTED.slice(0, 1)]);
    const three = await runBin([...QUERY, '--latest', '3', '-o', 'ids'], env);
    expect(lines(three.stdout)).toEqual(EXPECTED.slice(0, 3));
    const sorted = await runBin([...QUERY, '--sort', 'creation-date', '--desc', '-o', 'ids'], env);
    expect(lines(sorted.stdout)).toEqual(EXPECTED);
    const ascending = await runBin([...QUERY, '--sort', 'creation-date', '-o', 'ids'], env);
    expect(lines(ascending.stdout)).toEqual([...EXPECTED].reverse());
  });

  test('then the picker lists them in the same order, its first entry the --latest image', async () => {
    requireTmux();
    const t = new TmuxRun(['-i', ...QUERY], env);
    runs.push(t);
    const screen = await t.waitFor((s) => /\b4 images\b/.test(s) && !s.includes('loading'));
    const rows = screen.split('\n').filter((l) => /^[> ] ami-/.test(l)).map((l) => l.slice(2, 23));
    expect(rows).toEqual(EXPECTED);
    expect(screen).toContain(`> ${EXPECTED[0]}`);
    t.keys('Enter');
    const done = await t.finished();
    expect([done.code, done.stdout]).toEqual([0, `${EXPECTED[0]}\n`]);
  });
});
