/**
 * `ami-find -i`: the interactive finder on the terminal (stderr), the chosen image ID alone on
 * stdout, so `AMI=$(ami-find -i)` works.
 */
import { EXIT, usageError } from '../errors.js';
import { say, type CliIo } from './io.js';
import type { ResolvedOptions } from './resolve.js';
import { debugLogger } from './run-listing.js';

/** Open the picker; resolves to the exit code (0 with an ID on stdout; 130 on Esc or Ctrl-C, as fzf does). */
export async function runInteractive(opts: ResolvedOptions, io: CliIo): Promise<number> {
  if (!io.stdinTTY || !io.stderrTTY) throw usageError('-i/--interactive needs a terminal (stdin and stderr)', undefined, 'E_NO_TTY');
  const [{ runPicker }, { findImages }] = await Promise.all([import('../ui/picker/index.js'), import('../index.js')]);
  const c = opts.color;
  const result = await runPicker({
    initial: { query: opts.query, presetName: opts.preset?.name, arch: opts.preset?.arch },
    search: (query, signal) => findImages(query, {
      pagination: { PageSize: query.imageIds?.length ? undefined : opts.pagination.PageSize },
      aws: { ...opts.aws, debug: debugLogger(opts, io) },
      signal,
    }),
    input: io.stdinTTY,
    output: io.stderrTTY,
    now: opts.now,
    region: opts.aws.region,
    style: { title: (s) => c.bold(s), selected: (s) => c.inverse(s), dim: (s) => c.dim(s), warn: (s) => c.yellow(s) },
  });
  if ('imageId' in result) {
    io.stdout.write(`${result.imageId}\n`);
    return EXIT.OK;
  }
  if ('interrupted' in result) say(io, 'ami-find: interrupted');
  return EXIT.INTERRUPTED;
}
