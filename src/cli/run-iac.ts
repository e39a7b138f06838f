/**
 * `-o terraform|packer|cloudformation`: build the generator's input from the resolved options, run the query
 * only when the snippet pins IDs (--pin, CloudFormation), and write the snippet on stdout (docs/IAC.md).
 */
import { EXIT, usageError } from '../errors.js';
import { alwaysPinned, describeQuery, generateIac, queryLabel, type IacImage, type IacInput } from '../output/iac/index.js';
import { commandLine } from '../output/iac/command-line.js';
import { LatestKeeper } from '../select/latest.js';
import { imagePredicate } from '../select/predicate.js';
import { sortImages } from '../select/sort.js';
import type { Image } from '../types.js';
import type { CliIo, StopSignal } from './io.js';
import { noMatchNotice } from './deprecated-hint.js';
import { ListingStopped } from './report-error.js';
import type { FanOutPlan, ResolvedOptions } from './resolve.js';

/** The generator's input for resolved options; `pin`: the images found, `command`: the line that reproduces it. */
export function iacInput(opts: ResolvedOptions, command: string, pin?: IacInput['pin']): IacInput {
  const base = { query: opts.query, selection: opts.selection };
  const p = opts.preset;
  return {
    ...base,
    description: p?.description ?? describeQuery(base),
    label: p ? `${p.name} ${p.arch ?? 'x86_64'}` : queryLabel(base),
    command,
    preset: p && { name: p.name, partition: p.partition },
    pin,
    knownSsmParameter: opts.ssm ? undefined : p?.ssmParameter, // with --ssm --pin the IDs already came from it
    region: opts.aws.region,
  };
}

/** Every image the query and selection keep, in the order the listing would print them. */
async function collect(opts: ResolvedOptions, io: CliIo): Promise<Image[] | undefined> {
  const { findImages, lazyEc2PageSource } = await import('../index.js');
  const controller = new AbortController();
  let stopped: StopSignal | undefined;
  const off = io.onInterrupt((signal) => { stopped ??= signal; controller.abort(new Error('interrupted')); });
  const source = lazyEc2PageSource(opts.aws);
  const { latest, sort, desc } = opts.selection;
  const keeper = latest !== undefined ? new LatestKeeper(latest) : undefined;
  const keep = imagePredicate(opts.selection);
  let images: Image[] = [];
  try {
    for await (const image of findImages(opts.query, { pagination: opts.pagination, aws: opts.aws, source, signal: controller.signal })) {
      if (!keep(image)) continue;
      if (keeper) keeper.push(image);
      else images.push(image);
    }
  } catch (err) {
    // A partial answer would pin the wrong images: nothing is written.
    throw stopped !== undefined ? new ListingStopped(stopped, undefined, undefined) : err;
  } finally {
    off();
  }
  if (keeper) images = keeper.result();
  if (sort !== undefined) images = sortImages(images, sort, desc);
  if (images.length > 0) return images;
  await noMatchNotice(opts, io, source);
  return undefined;
}

/** Write the snippet for resolved options; resolves to the exit code (3 when a pinned query matched nothing). */
export async function runIac(opts: ResolvedOptions, io: CliIo, argv: readonly string[]): Promise<number> {
  const format = opts.iac!;
  const command = commandLine(argv);
  const plan = opts.fanOut;
  if (plan?.profiles.length && plan.profiles.length > 1) {
    throw usageError(`-o ${format} keys its images by region, not by account: give one --profile`, undefined, 'E_IAC_UNSUPPORTED');
  }
  if (opts.ssm && !opts.pin) {
    // Only CloudFormation can read the parameter itself (at deploy time, in the stack's region: the same text for every region).
    if (!format.startsWith('cloudformation')) {
      throw usageError(`-o ${format} cannot express --ssm: ami-find writes no SSM data source for it`,
        'use -o cloudformation (the parameter, resolved at deploy time), or add --pin to write the image IDs the parameter points at now', 'E_IAC_UNSUPPORTED');
    }
    io.stdout.write(generateIac(format, { ...iacInput(opts, command), ssmParameter: opts.ssm.parameter }));
    return EXIT.OK;
  }
  const pinning = opts.pin || alwaysPinned(format, undefined);
  if (!pinning) {
    const { MaxItems, StartingToken } = opts.pagination;
    if (MaxItems !== undefined || StartingToken !== undefined) {
      throw usageError(`-o ${format} cannot express ${MaxItems !== undefined ? '--max-items' : '--starting-token'}: it writes the whole query`,
        'add --pin to write the image IDs of this page instead', 'E_IAC_UNSUPPORTED');
    }
    io.stdout.write(generateIac(format, plan ? everyRegion(opts, plan, iacInput(opts, command)) : iacInput(opts, command)));
    return EXIT.OK;
  }
  // Refused before any request: Packer and CloudFormation take one image (per region).
  const oneImage = opts.ssm !== undefined || opts.selection.latest === 1 || opts.query.imageIds?.length === 1;
  if (format !== 'terraform' && !oneImage) {
    throw usageError(`-o ${format} cannot express a list: it takes one image${format === 'packer' ? '' : ' per region'}`,
      'add --latest', 'E_IAC_UNSUPPORTED');
  }
  if (plan) {
    // Every unit's images (selected per unit, as the listing does) keyed by region; a partial result writes nothing.
    const { runFanOut } = await import('./run-fan-out.js');
    const task = opts.ssm ? (await import('./run-ssm.js')).ssmTask(opts, io) : undefined;
    return runFanOut(opts, plan, io, {
      task,
      snippet: (rows) => {
        const pinned: IacImage[] = rows.map((i) => ({ id: i.ImageId ?? '', name: i.Name, region: i.Region }));
        const one = oneImage && new Set(pinned.map((i) => i.region)).size === pinned.length;
        return generateIac(format, iacInput(opts, command, { images: pinned, one }));
      },
    });
  }
  if (format.startsWith('cloudformation') && opts.aws.region === undefined) {
    throw usageError(`-o ${format} keys its map by region: pass --region (or set AWS_REGION)`, undefined, 'E_IAC_UNSUPPORTED');
  }
  const images = opts.ssm ? [await pointerImage(opts, io)] : await collect(opts, io);
  if (images === undefined) return EXIT.NO_MATCH;
  const pinned: IacImage[] = images.map((i) => ({ id: i.ImageId ?? '', name: i.Name }));
  io.stdout.write(generateIac(format, iacInput(opts, command, { images: pinned, one: oneImage && pinned.length === 1 })));
  return EXIT.OK;
}

/**
 * A query snippet for several regions: the query is the same in each, so it is written once, saying so.
 * A preset whose publisher differs by partition would need one query per partition: refused (--pin maps them).
 */
function everyRegion(opts: ResolvedOptions, plan: FanOutPlan, input: IacInput): IacInput {
  if (plan.regions === 'all') return { ...input, description: `${input.description}; the same query applies in each region` };
  const queries = new Set(plan.regions.map((r) => JSON.stringify(plan.queryFor?.(r) ?? opts.query)));
  if (queries.size > 1) {
    throw usageError(`-o ${opts.iac} cannot express one query for ${plan.regions.join(', ')}: the publisher differs by partition`,
      'list one partition at a time, or add --pin to write each region\'s image ID', 'E_IAC_UNSUPPORTED');
  }
  return { ...input, description: `${input.description}; the same query applies in each region (${plan.regions.join(', ')})` };
}

/** --ssm --pin in one region: the image the pointer names now. */
async function pointerImage(opts: ResolvedOptions, io: CliIo): Promise<Image> {
  const controller = new AbortController();
  const off = io.onInterrupt(() => controller.abort(new Error('interrupted')));
  try {
    return await (await import('./run-ssm.js')).ssmImage(opts, io, opts.aws, controller.signal);
  } finally {
    off();
  }
}

/** `-i -o terraform|packer|cloudformation`: the chosen image as a pinned snippet, with the command that pins it again. */
export function pickedSnippet(opts: ResolvedOptions, imageId: string): string {
  const region = opts.aws.region !== undefined ? ['--region', opts.aws.region] : [];
  const command = commandLine(['--image-id', imageId, ...region, '-o', opts.iac!, '--pin']);
  const input = iacInput({ ...opts, query: { imageIds: [imageId] }, selection: { desc: false } }, command, { images: [{ id: imageId }], one: true });
  return generateIac(opts.iac!, { ...input, label: imageId, description: `The image picked with ami-find -i (${imageId})` });
}
