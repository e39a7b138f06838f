import { findImages } from '../../../src/index.js';
import { AmiFindError } from '../../../src/errors.js';
import { fakeImages, fakeSource } from './fake-source.js';

describe('findImages with an injected page source', () => {
  test('when a query is given then the source receives it as DescribeImages input with MaxResults', async () => {
    const source = fakeSource(fakeImages(3));
    const listing = findImages(
      { owners: ['self'], filters: [{ Name: 'architecture', Values: ['arm64'] }], includeDeprecated: true },
      { source, pagination: { PageSize: 7 } },
    );
    const ids: string[] = [];
    for await (const image of listing) ids.push(image.ImageId!);
    expect(ids).toHaveLength(3);
    expect(source.requests).toEqual([
      { Owners: ['self'], Filters: [{ Name: 'architecture', Values: ['arm64'] }], IncludeDeprecated: true, MaxResults: 7 },
    ]);
  });

  test('when the source throws an SDK-shaped error then it surfaces as the mapped AmiFindError', async () => {
    const throttled = Object.assign(new Error('Request limit exceeded.'), {
      name: 'RequestLimitExceeded', $metadata: { httpStatusCode: 503, attempts: 3 },
    });
    const listing = findImages({}, { source: fakeSource(fakeImages(3), () => throttled) });
    let error: unknown;
    try {
      for await (const _ of listing) void _;
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmiFindError);
    expect([(error as AmiFindError).code, (error as AmiFindError).exitCode]).toEqual(['E_THROTTLED', 7]);
    expect((error as AmiFindError).message).toContain('after 3 attempts');
  });

  test('when nothing is iterated then nothing is requested', () => {
    const source = fakeSource(fakeImages(3));
    const listing = findImages({}, { source });
    expect(listing.pages).toBe(0);
    expect(source.requests).toHaveLength(0);
  });
});
