/** The deterministic catalogue generator: same (images, seed, regions, now), same catalogue. */
import type { Image } from '@aws-sdk/client-ec2';
import type { Catalogue, CatalogueImage, RegionInfo } from '../types.js';
import type { Arch, BuildVars } from './line.js';
import { LINES } from './lines.js';
import { allocate, minimumRecords, type Plan } from './allocate.js';
import { buildRecord, deprecationOf, type Logical } from './image-fields.js';
import { addRareFields } from './rare-fields.js';
import { DAY_MS, todayUtc, ymd } from './dates.js';
import { flat, idMinter, makeRng, pickInt, type Rng } from './rng.js';
import { ALL_REGIONS, DEFAULT_CATALOGUE_REGIONS } from './regions.js';
import { ACCESS_KEYS, SELF_ACCOUNT } from '../../support/accounts.js';

export interface GenerateOptions {
  /** Total records across all regions (default 5000); exact when at least `minimumImages()`. */
  images?: number;
  seed?: string | number;
  /** Regions to fill (default us-east-1, us-west-2, eu-west-1); the first is the home region. */
  regions?: string[];
  /** The catalogue's "now" (default today 00:00 UTC). */
  now?: Date;
}

export const DEFAULT_IMAGES = 5000;

type Source = NonNullable<BuildVars['source']>;

/** The smallest `images` value accepted for these regions at this date. */
export function minimumImages(opts: Pick<GenerateOptions, 'regions' | 'now'> = {}): number {
  return minimumRecords(LINES, opts.now ?? todayUtc(), (opts.regions ?? DEFAULT_CATALOGUE_REGIONS).length);
}

/** Streams the catalogue's images one by one (no array held): the lazy variant for huge catalogues. */
export function* iterateCatalogueImages(opts: GenerateOptions = {}): Generator<CatalogueImage> {
  const { plans, ctx } = setUp(opts);
  const buf: CatalogueImage[] = [];
  for (const plan of plans) {
    const run = startPlan(plan, ctx);
    for (let k = 0; k < plan.builds; k++) {
      emitBuild(run, k, ctx, buf);
      for (const img of buf) yield img;
      buf.length = 0;
    }
    skipIds(plan, ctx);
  }
}

/** Generates a whole catalogue in memory (see `iterateCatalogueImages` for the streaming form). */
export function generateCatalogue(opts: GenerateOptions = {}): Catalogue {
  const { plans, ctx } = setUp(opts);
  const images: CatalogueImage[] = [];
  // A plain loop pushing into one array: generator delegation per image costs several times more.
  for (const plan of plans) {
    const run = startPlan(plan, ctx);
    for (let k = 0; k < plan.builds; k++) emitBuild(run, k, ctx, images);
    skipIds(plan, ctx);
  }
  return {
    images,
    accessKeys: { ...ACCESS_KEYS },
    defaultAccountId: SELF_ACCOUNT,
    regions: regionList(ctx.regions),
  };
}

interface Ctx {
  now: Date;
  seed: string;
  regions: string[];
  ids: { ami: () => string; snap: () => string };
  sample: Source[];
  codes: Map<string, Image['ProductCodes']>;
  ssmHistory: Map<string, readonly string[]>;
}

function setUp(opts: GenerateOptions): { plans: Plan[]; ctx: Ctx } {
  const now = opts.now ?? todayUtc();
  const seed = String(opts.seed ?? 'ami-find');
  const regions = opts.regions ?? [...DEFAULT_CATALOGUE_REGIONS];
  if (regions.length === 0 || new Set(regions).size !== regions.length) {
    throw new RangeError('regions must be a non-empty list of distinct region names');
  }
  const plans = allocate(LINES, opts.images ?? DEFAULT_IMAGES, now, regions.length);
  const ids = { ami: idMinter('ami', `${seed}/ami`), snap: idMinter('snap', `${seed}/snap`) };
  return { plans, ctx: { now, seed, regions, ids, sample: [], codes: new Map(), ssmHistory: new Map() } };
}

/** Draws the IDs a plan leaves unused (Plan.skipIds), one image and one snapshot ID per record. */
function skipIds(plan: Plan, ctx: Ctx): void {
  for (let i = 0; i < (plan.skipIds ?? 0); i++) { ctx.ids.ami(); ctx.ids.snap(); }
}

/** Per-line generation state. */
interface PlanRun {
  plan: Plan;
  rng: Rng;
  step: number;
  lastYmd: string;
  n: number;
}

function startPlan(plan: Plan, ctx: Ctx): PlanRun {
  const { builds, startMs, endMs } = plan;
  const step = builds > 1 ? (endMs - startMs) / (builds - 1) : 0;
  return { plan, rng: makeRng(`${ctx.seed}/${plan.line.key}`), step, lastYmd: '', n: 0 };
}

/** Pushes the records of build `k` (every architecture, every region it lives in) onto `out`. */
function emitBuild(run: PlanRun, k: number, ctx: Ctx, out: CatalogueImage[]): void {
  const { plan, rng, step } = run;
  const { line, builds, startMs, endMs } = plan;
  let t = builds === 1 ? endMs : startMs + step * k;
  if (k > 0 && k < builds - 1) t += (rng() - 0.5) * 0.8 * step;
  let source: Source | undefined;
  if (line.kind === 'lookalike') {
    source = ctx.sample[k % ctx.sample.length]!;
    t = Math.min(endMs, source.date.getTime() + (1 + rng() * 20) * DAY_MS);
  }
  t = Math.floor(t / 1000) * 1000;
  const day = ymd(new Date(t));
  const n = source ? Math.floor(k / ctx.sample.length) : day === run.lastYmd ? run.n + 1 : 0;
  run.lastYmd = day;
  run.n = n;
  const arches: readonly Arch[] = source ? [source.arch] : line.arches;
  for (let ai = 0; ai < arches.length; ai++) {
    const v: BuildVars = { date: new Date(t + ai * 173_000), ymd: day, n, serial: n ? `${day}.${n}` : day,
      k, arch: arches[ai]!, rng, u: [rng(), rng(), rng(), rng()], source };
    logicalRecords(plan, logical(plan, v, k === builds - 1, ctx), ctx, rng, out);
  }
}

function logical(plan: Plan, v: BuildVars, newest: boolean, ctx: Ctx): Logical & { owner: string } {
  const { line } = plan;
  const traits = typeof line.traits === 'function' ? line.traits(v) : line.traits;
  const name = flat(line.name(v));
  const description = flat(line.description(v));
  const owner = typeof line.owner === 'string' ? line.owner : line.owner(v);
  const location = flat(traits.rootType === 'instance-store'
    ? `amzn-ami-manifests/${name}.manifest.xml`
    : `${line.alias === 'amazon' ? 'amazon' : owner}/${name}`);
  let productCodes: Image['ProductCodes'];
  if (line.productCode) {
    const code = line.productCode(v);
    productCodes = ctx.codes.get(code);
    if (!productCodes) {
      productCodes = Object.freeze([Object.freeze({ ProductCodeId: code, ProductCodeType: 'marketplace' as const })]) as Image['ProductCodes'];
      ctx.codes.set(code, productCodes);
    }
  }
  if (line.kind === 'official' && line.public) ctx.sample.push({ name, description, arch: v.arch, date: v.date });
  // Policy: every build of a line was its parameter's value once (published as the latest); the newest still is.
  const param = line.ssm?.(v.arch);
  const ssm = newest ? param : undefined;
  const ssmHistory = param === undefined ? undefined : historyOf(param, ctx);
  const deprecation = deprecationOf(line, v.date.getTime());
  return { line, v, traits, name, description, location, productCodes, ssm, ssmHistory, owner, deprecation };
}

/** One frozen list per parameter, shared by every build of the line. */
function historyOf(param: string, ctx: Ctx): readonly string[] {
  let list = ctx.ssmHistory.get(param);
  if (!list) ctx.ssmHistory.set(param, list = Object.freeze([param]));
  return list;
}

function logicalRecords(plan: Plan, l: Logical & { owner: string }, ctx: Ctx, rng: Rng, out: CatalogueImage[]): void {
  const { line, v } = l;
  const home = ctx.regions[0]!;
  let regions: readonly string[] = ctx.regions;
  if (line.scope === 'one') {
    const random = ctx.regions[pickInt(rng, ctx.regions.length)]!;
    const stayHome = line.key === 'self-odd' || (line.kind !== 'community' && rng() < 0.7);
    regions = [stayHome ? home : random];
  }
  let homeId: string | undefined;
  for (let ri = 0; ri < regions.length; ri++) {
    const imageId = ctx.ids.ami();
    const created = v.date.getTime() + ri * 97_000;
    const copyOf = plan.line.scope === 'all' && ri > 0 ? homeId : undefined;
    const rec = buildRecord(l, regions[ri]!, imageId, ctx.ids.snap(), created, copyOf, home);
    rec.OwnerId = l.owner;
    if (ri === 0) homeId = imageId;
    line.decorate?.(rec, v, { now: ctx.now, regions: ctx.regions, home: ri === 0 });
    addRareFields(rec, line.kind, ctx.seed);
    out.push(rec);
  }
}

/** DescribeRegions list: every commercial region, plus any custom catalogue region. */
export function regionList(regions: readonly string[]): RegionInfo[] {
  const known = new Set(ALL_REGIONS.map((r) => r.RegionName));
  const extra = regions.filter((r) => !known.has(r)).map((r): RegionInfo => ({
    RegionName: r, Endpoint: `ec2.${r}.amazonaws.com`, OptInStatus: 'opt-in-not-required', Geography: 'Local',
  }));
  return [...ALL_REGIONS.map((r) => ({ ...r })), ...extra];
}
