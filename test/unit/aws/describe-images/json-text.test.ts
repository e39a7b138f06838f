/**
 * The JSON text converter (json-text.ts) against JSON.stringify of the objects parse.ts builds
 * (themselves held to the SDK's by pages.test.ts and xml-variants.test.ts): for every page it
 * takes, each image's text must be exactly what `-o json` / `-o ndjson` would print of the object,
 * and the next token the same; it must decline every page parse.ts declines. And it must take the
 * pages real EC2, moto and ec2-local send, or it would make nothing faster.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import type { Image } from '@aws-sdk/client-ec2';
import { imagesOf } from '../../../../src/aws/describe-images/image-text.js';
import { JsonTextWriter } from '../../../../src/aws/describe-images/json-text.js';
import { parseDescribeImagesBody } from '../../../../src/aws/describe-images/parse.js';
import { IMAGE_JSON, type JsonLayout, type MaybeJsonImage } from '../../../../src/types.js';
import { generateCatalogue } from '../../../ec2-local/catalogue/index.js';
import { renderDescribeImagesXml } from '../../../ec2-local/server/index.js';
import { EVERY_FIELD, page } from './support.js';
import { MUTATION_BASE, mutations, XML_VARIANTS } from './variants.js';

const NDJSON: JsonLayout = { indent: '', depth: 0 };
const JSON_OUTPUT: JsonLayout = { indent: '    ', depth: 2 };
const LAYOUTS: [string, JsonLayout][] = [['ndjson', NDJSON], ['json', JSON_OUTPUT], ['a tab, one level deep', { indent: '\t', depth: 1 }]];

const decodeUtf8 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');

/** What JSON.stringify writes for `image` in `layout`: indented, then every line `depth` levels deeper. */
function stringified(image: unknown, { indent, depth }: JsonLayout): string {
  // Why a plain replace is sound: JSON text has no raw newline inside strings.
  return JSON.stringify(image, null, indent).replace(/\n/g, `\n${indent.repeat(depth)}`);
}

/**
 * Convert `body` in `layout` and hold the result to the object parse; returns whether the converter
 * took the page (undefined: it declined).
 */
function check(body: string | Buffer, layout: JsonLayout): boolean {
  const bytes = Buffer.from(body);
  const objects = parseDescribeImagesBody(bytes, decodeUtf8);
  const text = new JsonTextWriter(layout).page(bytes);
  if (text === undefined) return false;
  if (!objects.ok) throw new Error(`the converter took a page parse.ts declines (${objects.reason})`);
  expect(text.nextToken).toBe(objects.value.NextToken);
  const images = imagesOf(text) as MaybeJsonImage[];
  expect(images.map((i) => i[IMAGE_JSON])).toEqual((objects.value.Images ?? []).map((i) => stringified(i, layout)));
  return true;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const catalogue = generateCatalogue({ images: 1200, seed: 'json-text' });
const images: Image[] = catalogue.images.map(
  ({ Region: _r, LaunchPermissionUserIds: _u, LaunchPermissionOrgShared: _o, PublicSsmParameterHistory: _h, ...img }) => img,
);

/** Pages the converter must take: what real EC2 (every field), moto and ec2-local send. */
const USUAL_PAGES: [string, string | Buffer][] = [
  ['ec2-local, 1000 images and a next token', renderDescribeImagesXml(images.slice(0, 1000), 'tok-1', 'req-1')],
  ['ec2-local, the last 200 images', renderDescribeImagesXml(images.slice(1000), undefined, 'req-2')],
  ['ec2-local, an empty page', renderDescribeImagesXml([], 'tok-e', 'req-e')],
  ['every Image field as real EC2 orders them', page(EVERY_FIELD, '<nextToken>n&amp;t</nextToken>')],
  ['non-ASCII text (copied as UTF-8) and entities', page('<item><imageId>ami-1</imageId><name>sécurité 日本 🚀</name><description>a &amp; &#233; &lt;b&gt;</description></item>')],
  ['moto: self-owned images', readFileSync(join(fixtures, 'moto-self.xml'))],
  ['moto: 40 public images', readFileSync(join(fixtures, 'moto-public-40.xml'))],
  ['moto: an empty page', readFileSync(join(fixtures, 'moto-empty-page.xml'))],
];

describe('JSON text of DescribeImages pages', () => {
  test.each(LAYOUTS)('when the usual pages are converted for %s then each is taken and every image is JSON.stringify of its object', (_name, layout) => {
    for (const [name, body] of USUAL_PAGES) {
      let taken: boolean;
      try {
        taken = check(body, layout);
      } catch (e) {
        throw new Error(`${name}: ${String(e)}`, { cause: e });
      }
      expect([name, taken]).toEqual([name, true]);
    }
  });

  test.each(LAYOUTS)('when every XML variant is converted for %s then the text equals JSON.stringify, or the page is declined', (_name, layout) => {
    let taken = 0;
    for (const [name, body] of XML_VARIANTS) {
      try {
        if (check(body, layout)) taken++;
      } catch (e) {
        throw new Error(`${name}: ${String(e)}`, { cause: e });
      }
    }
    // Entities, empty members, odd booleans and integers, reordered and unknown leaves are all taken.
    expect(taken).toBeGreaterThanOrEqual(20);
  });

  test('when 400 single-character mutations of a rich page are converted then each equals JSON.stringify, or is declined', () => {
    let taken = 0;
    for (const [i, body] of mutations(MUTATION_BASE, 400).entries()) {
      try {
        if (check(body, JSON_OUTPUT)) taken++;
      } catch (e) {
        throw new Error(`mutation ${i}: ${JSON.stringify(body)}\n${String(e)}`, { cause: e });
      }
    }
    expect(taken).toBeGreaterThan(50);
  });

  test.each([
    ['a CR (the SDK normalises line ends first)', page('<item><imageId>ami-1</imageId><description>a\r\nb</description></item>')],
    ['invalid UTF-8', Buffer.concat([Buffer.from(page('<item><name>a')), Buffer.from([0xff]), Buffer.from('</name></item>')])],
    ['an unknown element with children', page('<item><imageId>ami-1</imageId><future><a>1</a></future></item>')],
    ['a timestamp outside the plain UTC form', page('<item><scanResults><findingScanDate>2025-01-01T10:00:00+02:00</findingScanDate></scanResults></item>')],
    ['no imagesSet', page('').replace('<imagesSet></imagesSet>', '')],
  ])('when a page has %s then the converter declines it (the objects path reads it)', (_name, body) => {
    expect(new JsonTextWriter(NDJSON).page(Buffer.from(body))).toBeUndefined();
  });

  test('when a page\'s texts are read after the page after next was converted then reading throws (its buffer holds that page)', () => {
    const writer = new JsonTextWriter(NDJSON);
    const [first, second, third] = [0, 1, 2].map((k) => imagesOf(writer.page(Buffer.from(renderDescribeImagesXml(images.slice(k, k + 1), undefined, 'r')))!) as MaybeJsonImage[]);
    expect(() => first![0]![IMAGE_JSON]).toThrow(/read after the page after next arrived/);
    expect(second![0]![IMAGE_JSON]).toContain('"ImageId"');
    expect(third![0]![IMAGE_JSON]).toContain('"ImageId"');
  });

  test('when one writer converts two pages then each keeps its own text', () => {
    const writer = new JsonTextWriter(NDJSON);
    const bodies = [renderDescribeImagesXml(images.slice(0, 3), 'a', 'r1'), renderDescribeImagesXml(images.slice(3, 6), undefined, 'r2')].map((b) => Buffer.from(b));
    const pages = bodies.map((b) => writer.page(b)!);
    pages.forEach((p, k) => {
      const objects = parseDescribeImagesBody(bodies[k]!, decodeUtf8);
      expect((imagesOf(p) as MaybeJsonImage[]).map((i) => i[IMAGE_JSON])).toEqual(objects.ok ? objects.value.Images!.map((i) => JSON.stringify(i)) : []);
    });
  });
});
