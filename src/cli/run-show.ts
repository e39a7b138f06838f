/** `ami-find show <ami-id...>`: everything about the given images, or the raw API objects as JSON. */
import { EXIT } from '../errors.js';
import type { Image } from '../types.js';
import { makeColor } from '../ui/color.js';
import { say, type CliIo } from './io.js';
import type { RawShowOptions } from './options.js';
import { reportError } from './report-error.js';
import { awsOptions } from './aws-options.js';

/** Fetch and print the images; resolves to the exit code. */
export async function runShow(imageIds: string[], raw: RawShowOptions, io: CliIo): Promise<number> {
  const b = io.boundary;
  const ids = [...new Set(imageIds.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))];
  const debug = raw.debug === true;
  const [{ findImages }, { checkImageId }, { formatImageDetails }] = await Promise.all([import('../index.js'), import('../query/build-query.js'), import('../output/details.js')]);
  const images: Image[] = [];
  try {
    // A malformed ID is a usage error before any request, as with --image-id (exit 2; an unknown one is EC2's exit 4).
    ids.forEach(checkImageId);
    const listing = findImages({ imageIds: ids, includeDisabled: raw.includeDisabled || undefined }, {
      aws: { ...awsOptions(raw, b.env), debug: debug ? (line) => say(io, `ami-find: debug: ${line}`) : undefined },
    });
    for await (const image of listing) images.push(image);
  } catch (err) {
    return reportError(err, io, debug);
  }
  // Print in the order asked for: EC2's order is undefined (contract 4.3).
  images.sort((x, y) => ids.indexOf(x.ImageId ?? '') - ids.indexOf(y.ImageId ?? ''));
  if (raw.output === 'json') {
    io.stdout.write(`${JSON.stringify({ Images: images }, null, 4)}\n`);
  } else {
    const c = makeColor({ flag: raw.color, noColor: b.env.NO_COLOR, forceColor: b.env.FORCE_COLOR, isTTY: b.stdoutTTY });
    const style = { title: (s: string) => c.bold(s), label: (s: string) => c.cyan(s), dim: (s: string) => c.dim(s), warn: (s: string) => c.yellow(s) };
    io.stdout.write(images.map((img) => formatImageDetails(img, b.now, style)).map((s) => (s.endsWith('\n') ? s : `${s}\n`)).join('\n'));
  }
  const missing = ids.filter((id) => !images.some((img) => img.ImageId === id));
  if (missing.length > 0) {
    say(io, `ami-find: not found: ${missing.join(', ')}${raw.includeDisabled ? '' : ' (disabled images need --include-disabled)'}`);
    return EXIT.NO_MATCH;
  }
  return EXIT.OK;
}
