/**
 * Differential tests on whole pages: what ec2-local renders from the generated catalogue, what
 * moto sends, every Image field, huge and empty pages. Each must take the fast path (no fallback)
 * and give exactly the SDK deserializer's output.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import type { Image } from '@aws-sdk/client-ec2';
import { generateCatalogue } from '../../../ec2-local/catalogue/index.js';
import { renderDescribeImagesXml } from '../../../ec2-local/server/index.js';
import { EVERY_FIELD, describeBothWays, expectSameOutcome, page } from './support.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const catalogue = generateCatalogue({ images: 2500, seed: 'fast-parser' });
const images: Image[] = catalogue.images.map(
  ({ Region: _r, LaunchPermissionUserIds: _u, LaunchPermissionOrgShared: _o, PublicSsmParameterHistory: _h, ...img }) => img,
);

describe('fast DescribeImages parser on whole pages', () => {
  test.each([
    ['a 1000-image page with a next token', 0, 1000, 'tok-1'],
    ['a 1000-image last page', 1000, 2000, undefined],
    ['a 1-image page', 2000, 2001, 'tok-2'],
    ['a 499-image page', 2001, 2500, undefined],
  ])('when ec2-local renders %s then the fast path gives the SDK output', async (_name, from, to, token) => {
    const { sdk, fast, fallbacks } = await describeBothWays({ body: renderDescribeImagesXml(images.slice(from, to), token, `req-${from}`) });
    expect(fallbacks).toEqual([]);
    expect(sdk.ok && (sdk.value.Images as unknown[]).length).toBe(to - from);
    expect(sdk.ok && sdk.value.NextToken).toBe(token);
    expectSameOutcome(fast, sdk);
  });

  test('when ec2-local renders an empty page (with or without a token) then both give Images [] and the token', async () => {
    for (const token of ['tok', undefined, '']) {
      const { sdk, fast, fallbacks } = await describeBothWays({ body: renderDescribeImagesXml([], token, 'req-e') });
      expect(fallbacks).toEqual([]);
      expect(sdk.ok && sdk.value.Images).toEqual([]);
      expectSameOutcome(fast, sdk);
    }
  });

  test('when a page is huge (the whole 2,500-image catalogue, ~3 MB) then the fast path gives the SDK output', async () => {
    const { sdk, fast, fallbacks } = await describeBothWays({ body: renderDescribeImagesXml(images, 'big', 'req-big') });
    expect(fallbacks).toEqual([]);
    expect(sdk.ok && (sdk.value.Images as unknown[]).length).toBe(images.length);
    expectSameOutcome(fast, sdk);
  }, 120_000);

  test('when an image carries every field, timestamps included, then the fast path gives the SDK output with Dates', async () => {
    const { sdk, fast, fallbacks } = await describeBothWays({ body: page(EVERY_FIELD + EVERY_FIELD.replace('ami-0123456789abcdef0', 'ami-2'), '<nextToken>n</nextToken>') });
    expect(fallbacks).toEqual([]);
    const first = (sdk.ok ? sdk.value.Images as Image[] : [])[0];
    expect(first?.ImageWatermarks?.[0]?.SourceImageCreationTime).toBeInstanceOf(Date);
    expect(first?.CreationDate).toBe('2024-02-29T23:59:59.123Z');
    expect(first?.BlockDeviceMappings?.[0]?.Ebs?.EbsCardIndex).toBe(0);
    expectSameOutcome(fast, sdk);
  });

  test.each(['moto-public-40.xml', 'moto-self.xml', 'moto-empty-page.xml'])(
    'when moto sends %s then the fast path gives the SDK output', async (file) => {
      const body = readFileSync(join(fixtures, file));
      const { sdk, fast, fallbacks } = await describeBothWays({ body, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'moto-req' } });
      expect(fallbacks).toEqual([]);
      expect(sdk.ok).toBe(true);
      expectSameOutcome(fast, sdk);
    });

  test('when moto answers 400 then both raise the same EC2ServiceException', async () => {
    const body = readFileSync(join(fixtures, 'moto-error-400.xml'));
    const { sdk, fast } = await describeBothWays({ status: 400, body, headers: { 'x-amzn-requestid': 'moto-req' } });
    expect(sdk.ok ? undefined : sdk.error.name).toBe('InvalidAMIID.NotFound');
    expectSameOutcome(fast, sdk);
  });
});
