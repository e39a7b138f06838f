/** `ami-find show <ami-id...>`: everything about the given images, or the raw API objects as JSON. */
import { EXIT } from '../errors.js';
import type { Image } from '../types.js';
import { awsOptions } from './aws-options.js';
import { say, type CliIo } from './io.js';
import type { RawShowOptions } from './options.js';

/** Fetch and print the images; resolves to the exit code. */
export async function runShow(imageIds: string[], raw: RawShowOptions, io: CliIo): Promise<number> {
  const ids = [...new Set(imageIds.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))];
  const [{ findImages }, { checkImageId }, { formatImageDetails }] = await Promise.all([import('../index.js'), import('../query/build-query.js'), import('../output/details.js')]);
  // A malformed ID is a usage error before any request, as with --image-id (exit 2; an unknown one is EC2's exit 4).
  ids.forEach(checkImageId);
  const regions = await import('./run-show-regions.js');
  if (regions.showSpansRegions(raw)) return regions.runShowRegions(ids, raw, io);
  const listing = findImages({ imageIds: ids, includeDisabled: raw.includeDisabled || undefined }, { aws: awsOptions(raw, io) });
  const images: Image[] = [];
  for await (const image of listing) images.push(image);
  // Print in the order asked for: EC2's order is undefined (test/ec2-local/README.md, Order and pages).
  images.sort((x, y) => ids.indexOf(x.ImageId ?? '') - ids.indexOf(y.ImageId ?? ''));
  if (raw.output === 'json') {
    io.stdout.write(`${JSON.stringify({ Images: images }, null, 4)}\n`);
  } else {
    const theme = await io.theme(raw.color, 'stdout');
    io.stdout.write(images.map((img) => formatImageDetails(img, io.now, theme)).map((s) => (s.endsWith('\n') ? s : `${s}\n`)).join('\n'));
  }
  const missing = ids.filter((id) => !images.some((img) => img.ImageId === id));
  if (missing.length > 0) {
    say(io, `ami-find: not found: ${missing.join(', ')}${raw.includeDisabled ? '' : ' (disabled images need --include-disabled)'}`);
    return EXIT.NO_MATCH;
  }
  return EXIT.OK;
}
