/** `ami-find ssm [path]`: the parameters under a path with their images, or without a path the well-known publishers' paths. */
import { EXIT, usageError } from '../errors.js';
import { formatSsmParameters } from '../output/ssm-parameters.js';
import type { SsmFormat } from '../query/vocabulary.js';
import { SSM_PATHS } from '../ssm/paths.js';
import { awsOptions } from './aws-options.js';
import { say, type CliIo } from './io.js';
import type { RawSsmOptions } from './options.js';

/** List the parameters under `path` (or the known paths); resolves to the exit code. */
export async function runSsmBrowse(path: string | undefined, raw: RawSsmOptions, io: CliIo): Promise<number> {
  if (path === undefined) {
    const width = Math.max(...SSM_PATHS.map((p) => p.path.length));
    io.stdout.write(SSM_PATHS.map((p) => `${p.path.padEnd(width)}  ${p.publishes}\n`).join(''));
    return EXIT.OK;
  }
  if (!path.startsWith('/')) throw usageError(`'${path}' is not a parameter path`, 'paths start with /, e.g. /aws/service/debian/release', 'E_SSM_BAD_PATH');
  const aws = awsOptions(raw, io);
  const format = (raw.output ?? (io.tty.stdout ? 'table' : 'tsv')) as SsmFormat;
  const controller = new AbortController();
  const off = io.onInterrupt(() => controller.abort(new Error('interrupted')));
  try {
    const { browseParameters } = await import('../ssm/browse.js');
    const rows = await browseParameters(aws, path.length > 1 ? path.replace(/\/+$/, '') : path, controller.signal);
    if (rows.length === 0) {
      say(io, `ami-find: no parameters under ${path} in this region`);
      return EXIT.NO_MATCH;
    }
    // As the listing: off a terminal the default tsv has no header.
    const header = raw.header && !(raw.output === undefined && !io.tty.stdout);
    io.stdout.write(formatSsmParameters(rows, format, { header, terminal: io.tty.stdout }));
    return EXIT.OK;
  } finally {
    off();
  }
}
