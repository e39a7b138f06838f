/** `--ssm`: the image a publisher's SSM parameter points at, in the chosen output format (src/ssm/answer.ts). */
import { EXIT } from '../errors.js';
import type { FanOutOptions } from '../fan-out/listing.js';
import { answerFromSsm } from '../ssm/answer.js';
import type { AwsClientOptions, Image } from '../types.js';
import { say, type CliIo } from './io.js';
import { createRenderer } from './render.js';
import type { ResolvedOptions } from './resolve.js';
import { StdoutSink } from './sink.js';

/** The pointer's image in one region (a deprecated one only with --include-deprecated, with a warning naming the region). */
export async function ssmImage(opts: ResolvedOptions, io: CliIo, aws: AwsClientOptions, signal: AbortSignal, where = ''): Promise<Image> {
  const parameter = opts.ssm!.parameter;
  const answer = await answerFromSsm(aws, parameter, { includeDeprecated: opts.query.includeDeprecated, now: opts.now, signal });
  if (answer.deprecated) say(io, `ami-find: warning: ${where}${answer.image.ImageId} (from ${parameter}) is deprecated since ${answer.image.DeprecationTime}`);
  opts.aws.debug?.(`ssm: ${where}${parameter} = ${answer.pointer.value} (version ${answer.pointer.version ?? '?'}, modified ${answer.pointer.lastModified?.toISOString() ?? '?'})`);
  return answer.image;
}

/** --ssm as the fan-out's per-unit task: one pointer lookup per (profile, region). */
export function ssmTask(opts: ResolvedOptions, io: CliIo): NonNullable<FanOutOptions['task']> {
  return async (unit, aws, signal) => [await ssmImage(opts, io, aws, signal, `${unit.profile ? `${unit.profile}/` : ''}${aws.region ?? ''}: `)];
}

/** Answer from the parameter of `opts.ssm`, in the resolved region or in every unit of the fan-out; resolves to the exit code. */
export async function runSsm(opts: ResolvedOptions, io: CliIo): Promise<number> {
  if (opts.fanOut) return (await import('./run-fan-out.js')).runFanOut(opts, opts.fanOut, io, { task: ssmTask(opts, io) });
  const controller = new AbortController();
  const off = io.onInterrupt(() => controller.abort(new Error('interrupted')));
  try {
    const image = await ssmImage(opts, io, opts.aws, controller.signal);
    const sink = new StdoutSink(io.stdout);
    const renderer = await createRenderer({ ...opts, selection: { desc: false } }, sink);
    await renderer.add([image]);
    await renderer.finish(undefined, true);
    sink.release();
    return EXIT.OK;
  } finally {
    off();
  }
}
