/** `--ssm`: the image a publisher's SSM parameter points at, in the chosen output format (src/ssm/answer.ts). */
import { EXIT } from '../errors.js';
import { answerFromSsm } from '../ssm/answer.js';
import { say, type CliIo } from './io.js';
import { createRenderer } from './render.js';
import type { ResolvedOptions } from './resolve.js';
import { StdoutSink } from './sink.js';

/** Answer from the parameter of `opts.ssm` in the resolved region; resolves to the exit code. */
export async function runSsm(opts: ResolvedOptions, io: CliIo): Promise<number> {
  const parameter = opts.ssm!.parameter;
  const controller = new AbortController();
  const off = io.onInterrupt(() => controller.abort(new Error('interrupted')));
  try {
    const answer = await answerFromSsm(opts.aws, parameter, {
      includeDeprecated: opts.query.includeDeprecated, now: opts.now, signal: controller.signal,
    });
    if (answer.deprecated) say(io, `ami-find: warning: ${answer.image.ImageId} (from ${parameter}) is deprecated since ${answer.image.DeprecationTime}`);
    opts.aws.debug?.(`ssm: ${parameter} = ${answer.pointer.value} (version ${answer.pointer.version ?? '?'}, modified ${answer.pointer.lastModified?.toISOString() ?? '?'})`);
    const sink = new StdoutSink(io.stdout);
    const renderer = await createRenderer({ ...opts, selection: { desc: false } }, sink);
    await renderer.add([answer.image]);
    await renderer.finish(undefined, true);
    sink.release();
    return EXIT.OK;
  } finally {
    off();
  }
}
