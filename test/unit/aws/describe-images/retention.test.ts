/**
 * Values the parser gives must not keep their page's text alive: a slice of a string can be a
 * view of it (V8 sliced strings), and a page's text is ~1.3 MB, held outside the V8 heap once it
 * is over ~1 MB (Node makes such strings external). Measured with a real GC, not assumed.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from '@jest/globals';
import type { Image } from '@aws-sdk/client-ec2';
import { parseDescribeImagesXml } from '../../../../src/aws/describe-images/parse.js';
import { generateCatalogue } from '../../../ec2-local/catalogue/index.js';
import { renderDescribeImagesXml } from '../../../ec2-local/server/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const images: Image[] = generateCatalogue({ images: 1000, seed: 'retention' }).images
  .map(({ Region: _r, LaunchPermissionUserIds: _u, LaunchPermissionOrgShared: _o, PublicSsmParameterHistory: _h, ...img }) => img);

/** External memory (outside the V8 heap) after a full collection, in bytes. */
function external(): number {
  gc();
  gc();
  return process.memoryUsage().external;
}

const PAGES = 4;

/** Parse PAGES pages of ~1.3 MB (each its own external string), keep `keep` of each image, drop the pages. */
function keepFromPages(keep: (image: Image) => unknown): { kept: unknown[]; pageSize: number } {
  const kept: unknown[] = [];
  let pageSize = 0;
  for (let i = 0; i < PAGES; i++) {
    let text: string | undefined = Buffer.from(renderDescribeImagesXml(images, `next-${i}`, `req-${i}`)).toString('latin1');
    pageSize = text.length;
    const outcome = parseDescribeImagesXml(text);
    // eslint-disable-next-line no-useless-assignment -- the page text is garbage from here on
    text = undefined;
    if (!outcome.ok) throw new Error(outcome.reason);
    kept.push(...(outcome.value.Images ?? []).map(keep));
  }
  return { kept, pageSize };
}

describe('fast parser: values do not hold their page', () => {
  test.each([
    ['ImageIds (a library user collecting IDs)', (i: Image) => i.ImageId],
    ['names and descriptions', (i: Image) => [i.Name, i.Description, i.ImageLocation]],
    ['whole images (--sort keeps them all)', (i: Image) => i],
  ])('when %s are kept and the pages dropped then their text is freed', (_name, keep) => {
    const before = external();
    const { kept, pageSize } = keepFromPages(keep);
    expect(pageSize).toBeGreaterThan(1_100_000);
    const held = external() - before;
    expect(kept.length).toBe(PAGES * 1000);
    // At most one page may stay: the last text a regular expression read is kept by V8 until the next.
    expect(held).toBeLessThan(1.5 * pageSize);
  });
});
