/**
 * Differential tests on XML shapes: escapes, entities, unicode, whitespace, element order,
 * namespaces, empty and missing members, scalar coercion, markup the fast parser leaves to the
 * SDK, malformed and error bodies. Each case states which takes it: the fast parser, the SDK's
 * (the fast parser gives up), or neither (the response check rejects it before either parser).
 */
import { describe, expect, test } from '@jest/globals';
import { NOT_EC2_ERROR, TRUNCATED_ERROR } from '../../../../src/aws/errors.js';
import { describeBothWays, expectSameOutcome, type Settled } from './support.js';
import { img, MUTATION_BASE, mutations, XML_VARIANTS } from './variants.js';

/** Whether the response check rejected the body (both ways fail with its error). */
const rejectedByCheck = (s: Settled) => !s.ok && [NOT_EC2_ERROR, TRUNCATED_ERROR].includes(String(s.error.name));

describe('fast DescribeImages parser on XML variants', () => {
  test.each(XML_VARIANTS)('when a page has %s then the outcome equals the SDK deserializer\'s', async (_name, body, taker) => {
    const { sdk, fast, fallbacks } = await describeBothWays({ body });
    expect(rejectedByCheck(sdk)).toBe(taker === 'check');
    expect(fallbacks.length > 0).toBe(taker === 'sdk');
    expectSameOutcome(fast, sdk);
  });

  test('when the 2xx body is empty then both fail alike: it was cut short', async () => {
    const { sdk, fast } = await describeBothWays({ body: '' });
    expect(sdk.ok ? undefined : sdk.error.name).toBe(TRUNCATED_ERROR);
    expectSameOutcome(fast, sdk);
  });

  test('when the requestId header is absent or spelled differently then $metadata matches the SDK', async () => {
    for (const headers of [{} as Record<string, string>, { 'x-amz-request-id': 'r2' }, { 'x-amzn-request-id': 'r3', 'x-amz-id-2': 'ext', 'x-amz-cf-id': 'cf' }]) {
      const { sdk, fast } = await describeBothWays({ body: img('<name>n</name>'), headers });
      expectSameOutcome(fast, sdk);
    }
  });

  test('when 400 single-character mutations of a rich page are parsed then every outcome equals the SDK\'s', async () => {
    let fastTaken = 0;
    for (const [i, body] of mutations(MUTATION_BASE, 400).entries()) {
      try {
        const { sdk, fast, fallbacks } = await describeBothWays({ body });
        if (fallbacks.length === 0 && !rejectedByCheck(sdk)) fastTaken++;
        expectSameOutcome(fast, sdk);
      } catch (e) {
        throw new Error(`mutation ${i} differs: ${JSON.stringify(body)}\n${String(e)}`, { cause: e });
      }
    }
    // The mutations must exercise the fast path too, not only the fallback.
    expect(fastTaken).toBeGreaterThan(50);
  }, 120_000);
});
