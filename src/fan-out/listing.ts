/**
 * Fan-out: the same query in every (profile, region) unit, each with its own client, credentials and
 * retries, at most `concurrency` at once. Batches arrive tagged with their origin in whatever order
 * the units answer, so a slow or throttled region holds back only itself. A failing unit is recorded
 * in `failures` and the others go on: nothing received is thrown away.
 */
import { setMaxListeners } from 'node:events';
import { accountRegions } from '../aws/regions.js';
import { toAmiFindError } from '../aws/errors.js';
import type { AmiFindError } from '../errors.js';
import { createListing } from '../paginate/listing.js';
import { queryToInput } from '../query/to-input.js';
import type { AwsClientOptions, Image, ImagePageSource, ImageQuery, PageProgress } from '../types.js';
import { Channel } from './channel.js';
import type { UnitFailure } from './failure.js';
import { tagImage, unitsOf, type OriginImage, type Unit } from './units.js';

/** Units working at once when `concurrency` is not given: one round for every commercial region. */
export const DEFAULT_CONCURRENCY = 32;

/** Where and how to fan out. */
export interface FanOutOptions {
  /** Regions, or 'all': those enabled for each profile's account (DescribeRegions). Empty: each profile's own region. */
  regions?: readonly string[] | 'all';
  /** Named profiles (accounts); none: the default credential chain. */
  profiles?: readonly string[];
  /** Units working at once (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
  /** Client settings shared by every unit (its region and profile are set per unit). */
  aws?: AwsClientOptions;
  /** Images per request (MaxResults); MaxItems and StartingToken cannot resume several listings. */
  pageSize?: number;
  /** Pages from here instead of EC2 (tests). */
  sourceFor?: (unit: Unit) => ImagePageSource;
  /** The query per unit when it differs by region (a preset's publisher in another partition); default: `query`. */
  queryFor?: (unit: Unit) => ImageQuery;
  onPage?: (unit: Unit, p: PageProgress) => void;
  signal?: AbortSignal;
  /**
   * Instead of listing `query`, run this per unit and deliver its images (e.g. `--ssm`'s pointer lookup):
   * the same units, concurrency, tagging and failure handling as a listing. `aws` is the unit's settings.
   */
  task?: (unit: Unit, aws: AwsClientOptions, signal: AbortSignal) => Promise<readonly Image[]>;
}

/** One page's images from one unit. */
export interface UnitBatch {
  unit: Unit;
  images: readonly OriginImage[];
}

/** A fan-out listing: iterate once, then read `units`, `failures` and `notices`. */
export interface FanOutListing extends AsyncIterable<OriginImage> {
  batches(): AsyncIterable<UnitBatch>;
  /** The units listed (known once iteration has started; with 'all', after DescribeRegions). */
  readonly units: readonly Unit[];
  /** Units that failed, in the order they failed. */
  readonly failures: readonly UnitFailure[];
  /** Profiles (undefined: the default chain) that completed at least one unit. */
  readonly profilesWorked: ReadonlySet<string | undefined>;
  /** Lines for stderr: opt-in regions skipped because the account has not enabled them. */
  readonly notices: readonly string[];
}

/** Start nothing yet: the units resolve and run when the consumer starts iterating. */
export function fanOut(query: ImageQuery, opts: FanOutOptions = {}): FanOutListing {
  return new FanOut(query, opts);
}

class FanOut implements FanOutListing {
  units: Unit[] = [];
  readonly failures: UnitFailure[] = [];
  readonly profilesWorked = new Set<string | undefined>();
  readonly notices: string[] = [];
  private readonly withProfile: boolean;

  constructor(private readonly query: ImageQuery, private readonly opts: FanOutOptions) {
    this.withProfile = (opts.profiles?.length ?? 0) > 1;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<OriginImage> {
    for await (const batch of this.batches()) yield* batch.images;
  }

  async *batches(): AsyncGenerator<UnitBatch, void, undefined> {
    const controller = new AbortController();
    // Every unit's requests listen on this one signal; Node warns past 10 listeners (a leak it cannot tell from fan-out).
    setMaxListeners(0, controller.signal);
    const outer = this.opts.signal;
    const onAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    const channel = new Channel<UnitBatch>();
    let stop: unknown;
    try {
      this.units = await this.resolveUnits(controller.signal);
      const queue = [...this.units];
      const worker = async () => {
        for (let unit = queue.shift(); unit !== undefined; unit = queue.shift()) {
          try {
            await this.runUnit(unit, channel, controller.signal);
          } catch (err) {
            if (controller.signal.aborted) { stop ??= err; return; }
            throw err;
          }
        }
      };
      const width = Math.max(1, Math.min(this.opts.concurrency ?? DEFAULT_CONCURRENCY, queue.length));
      const done = Promise.all(Array.from({ length: width }, worker)).finally(() => channel.close());
      done.catch(() => undefined);
      yield* channel.take();
      await done;
    } finally {
      // The consumer stopped early (a closed pipe) or everything ended: stop every unit still working.
      if (!controller.signal.aborted) controller.abort(new Error('fan-out ended'));
      channel.release();
      outer?.removeEventListener('abort', onAbort);
    }
    if (stop !== undefined) throw stop;
  }

  /** Explicit regions, or each profile's enabled regions (opt-in regions it has not enabled are skipped, with a notice). */
  private async resolveUnits(signal: AbortSignal): Promise<Unit[]> {
    const profiles: (string | undefined)[] = this.opts.profiles?.length ? [...this.opts.profiles] : [this.opts.aws?.profile];
    const regions = this.opts.regions ?? [];
    if (regions !== 'all') return unitsOf(regions.length > 0 ? regions : [''], profiles);
    const units: Unit[] = [];
    await Promise.all(profiles.map(async (profile) => {
      try {
        const found = await regionsOf({ ...this.opts.aws, profile }, signal);
        units.push(...unitsOf(found.enabled, [profile]));
        if (found.notEnabled.length > 0) {
          this.notices.push(`skipped ${found.notEnabled.length} opt-in regions not enabled for ${profile === undefined ? 'the account' : `profile ${profile}`}: ${found.notEnabled.join(', ')}`);
        }
      } catch (err) {
        if (signal.aborted) throw err;
        this.failures.push({ unit: { region: '(DescribeRegions)', profile }, error: asError(err), delivered: 0 });
      }
    }));
    return units;
  }

  private async runUnit(unit: Unit, channel: Channel<UnitBatch>, signal: AbortSignal): Promise<void> {
    let delivered = 0;
    try {
      const aws = { ...this.opts.aws, profile: unit.profile ?? this.opts.aws?.profile, region: unit.region || this.opts.aws?.region };
      let source = this.opts.sourceFor?.(unit);
      if (source === undefined && (this.opts.task === undefined || !unit.region)) {
        const ec2 = await (await import('../aws/page-source.js')).createEc2PageSource(aws);
        unit.region ||= ec2.region; // a profile's own region, known once its client resolved it
        source = ec2;
      }
      if (this.opts.task !== undefined) {
        const images = await this.opts.task(unit, { ...aws, region: unit.region || aws.region }, signal);
        delivered = images.length;
        await channel.put({ unit, images: images.map((image) => tagImage(image, unit, this.withProfile)) });
        this.profilesWorked.add(unit.profile);
        return;
      }
      const listing = createListing({
        input: queryToInput(this.opts.queryFor?.(unit) ?? this.query),
        pagination: { PageSize: this.opts.pageSize },
        source: async () => source!,
        onPage: (p) => this.opts.onPage?.(unit, p),
        signal,
        mapError: (e) => toAmiFindError(e, { region: unit.region, endpoint: aws.endpoint }),
      });
      for await (const batch of listing.batches()) {
        delivered += batch.length;
        await channel.put({ unit, images: batch.map((image) => tagImage(image, unit, this.withProfile)) });
      }
      this.profilesWorked.add(unit.profile);
    } catch (err) {
      if (signal.aborted) throw err;
      this.failures.push({ unit, error: asError(err), delivered });
    }
  }
}

/**
 * The account's regions, asked in the configured region (or the profile's), else in us-east-1: DescribeRegions
 * describes the account's regions wherever it is asked (contract §4.6).
 */
async function regionsOf(aws: AwsClientOptions, signal: AbortSignal): Promise<Awaited<ReturnType<typeof accountRegions>>> {
  try {
    return await accountRegions(aws, signal);
  } catch (err) {
    if (aws.region !== undefined || (err as { code?: string }).code !== 'E_NO_REGION') throw err;
    return accountRegions({ ...aws, region: 'us-east-1' }, signal);
  }
}

function asError(err: unknown): AmiFindError {
  return toAmiFindError(err);
}
