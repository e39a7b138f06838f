/**
 * Projection: with `fields`, the fast parser builds only those Image members and skips the rest
 * unread. Each projected image must equal the full parse with the other members removed, and pages
 * where skipping could be fooled (comments, CDATA) are read in full.
 */
import { describe, expect, test } from '@jest/globals';
import type { Image } from '@aws-sdk/client-ec2';
import { parseDescribeImagesXml as parseFull } from '../../../../src/aws/describe-images/parse.js';
import { DESCRIBE_IMAGES_RESULT_SHAPE, projectedResultShape, type StructShape } from '../../../../src/aws/describe-images/shapes.js';
import { generateCatalogue } from '../../../ec2-local/catalogue/index.js';
import { renderDescribeImagesXml } from '../../../ec2-local/server/index.js';
import { EVERY_FIELD, page } from './support.js';

const IMAGE_SHAPE = DESCRIBE_IMAGES_RESULT_SHAPE.members.find((m) => m.name === 'Images')!.shape!;
const parseDescribeImagesXml = (xml: string, fields?: string[]) =>
  parseFull(xml, fields === undefined ? undefined : projectedResultShape(fields));
const catalogue = generateCatalogue({ images: 1500, seed: 'projection' });
const images: Image[] = catalogue.images.map(
  ({ Region: _r, LaunchPermissionUserIds: _u, LaunchPermissionOrgShared: _o, PublicSsmParameterHistory: _h, ...img }) => img,
);
const catalogueXml = renderDescribeImagesXml(images, 'token-1', 'req-1');
const everyFieldXml = page(EVERY_FIELD + EVERY_FIELD.replace('ami-0123456789abcdef0', 'ami-2'), '<nextToken>n</nextToken>');

function parsed(xml: string, fields?: string[]): { Images?: Record<string, unknown>[]; NextToken?: string } {
  const out = parseDescribeImagesXml(xml, fields);
  if (!out.ok) throw new Error(`fast parser refused the page: ${out.reason}`);
  return out.value as { Images?: Record<string, unknown>[]; NextToken?: string };
}

function pick(image: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(image).filter(([k]) => fields.includes(k)));
}

/** A deterministic spread of field sets: each member alone, the CLI's own sets, and pseudo-random mixes. */
function fieldSets(): string[][] {
  const names = IMAGE_SHAPE.members.map((m) => m.name);
  const sets: string[][] = names.map((n) => [n]);
  sets.push(['ImageId'], ['ImageId', 'Name', 'OwnerId', 'Architecture', 'CreationDate', 'DeprecationTime'], [], [...names]);
  let seed = 7;
  for (let k = 0; k < 20; k++) sets.push(names.filter(() => ((seed = (seed * 1103515245 + 12345) % 2147483648) & 1024) !== 0));
  return sets;
}

describe('fast parser projection', () => {
  test.each([['the generated catalogue', catalogueXml], ['every Image member filled in', everyFieldXml]])(
    'when %s is parsed with a field set then each image is the full parse cut to those fields, in the same key order',
    (_name, xml) => {
      const full = parsed(xml);
      expect(full.Images!.length).toBeGreaterThan(1);
      for (const fields of fieldSets()) {
        const cut = parsed(xml, fields);
        expect(cut.NextToken).toBe(full.NextToken);
        expect(cut.Images!.length).toBe(full.Images!.length);
        cut.Images!.forEach((image, i) => {
          const expected = pick(full.Images![i]!, fields);
          expect(image).toEqual(expected);
          expect(Object.keys(image)).toEqual(Object.keys(expected));
        });
      }
    },
  );

  test('when only ImageId is asked for then the other members are not built at all', () => {
    const cut = parsed(everyFieldXml, ['ImageId']);
    expect(cut.Images).toEqual([{ ImageId: 'ami-0123456789abcdef0' }, { ImageId: 'ami-2' }]);
  });

  test('when a skipped member holds a comment or CDATA then the page is read in full, not cut short', () => {
    const tricky = page('<item><imageId>ami-1</imageId><description><![CDATA[not </description> really]]></description>'
      + '<name>n<!-- </name> --></name><tagSet><item><key>k</key><value>v</value></item></tagSet></item>');
    const full = parseDescribeImagesXml(tricky);
    const cut = parseDescribeImagesXml(tricky, ['ImageId']);
    expect(cut).toEqual(full);
  });

  test('when a skipped member repeats before the kept ones are all read then the page is refused, as without projection', () => {
    const twice = page('<item><name>a</name><name>b</name><imageId>ami-1</imageId></item>');
    expect(parseDescribeImagesXml(twice).ok).toBe(false);
    expect(parseDescribeImagesXml(twice, ['ImageId']).ok).toBe(false);
  });

  test('when a skipped member is never closed while members are still walked then the page is refused', () => {
    const open = page('<item><tagSet><item><key>k</key></item><imageId>ami-1</imageId></item>');
    expect(parseDescribeImagesXml(open, ['ImageId']).ok).toBe(false);
  });

  test('when every kept member is read then the rest of the image is jumped over unvalidated (what is skipped is trusted)', () => {
    const rest = page('<item><imageId>ami-1</imageId><name>a</name><name>b</name><tagSet><item><key>k</key></item></tagSet></item>'
      + '<item><imageId>ami-2</imageId></item>');
    expect(parseDescribeImagesXml(rest).ok).toBe(false);
    expect(parseDescribeImagesXml(rest, ['ImageId'])).toEqual({ ok: true, value: { Images: [{ ImageId: 'ami-1' }, { ImageId: 'ami-2' }] } });
  });

  test('when an item tag carries attributes after the kept members then the image is walked member by member instead', () => {
    const attrs = page('<item><imageId>ami-1</imageId><tagSet><item a="1"><key>k</key></item></tagSet></item><item><imageId>ami-2</imageId></item>');
    const cut = parseDescribeImagesXml(attrs, ['ImageId']);
    // The walk skips tagSet by its closing tag (a jump that missed the attributed item would end the image early).
    expect(cut).toEqual({ ok: true, value: { Images: [{ ImageId: 'ami-1' }, { ImageId: 'ami-2' }] } });
    expect(parseDescribeImagesXml(attrs).ok).toBe(false);
  });

  test('when the schema is walked then no Image member nests an element of its own name (skipping to the closing tag is sound)', () => {
    const descendants = (shape: StructShape | undefined, into: Set<string>): Set<string> => {
      for (const m of shape?.members ?? []) {
        into.add(m.xmlName);
        if (m.kind === 'list') into.add('item');
        descendants(m.shape, into);
      }
      return into;
    };
    const offenders = IMAGE_SHAPE.members.filter((m) => descendants(m.shape, new Set()).has(m.xmlName)).map((m) => m.xmlName);
    expect(IMAGE_SHAPE.members.length).toBeGreaterThan(30);
    expect(offenders).toEqual([]);
  });
});
