/** A scripted ImagePageSource for unit tests: tokens are "T<offset>", pages honour MaxResults. */
import type { DescribeImagesCommandInput, Image, ImagePage, ImagePageSource } from '../../../src/types.js';

export interface FakeSource extends ImagePageSource {
  requests: DescribeImagesCommandInput[];
}

/** Images ami-00000000 .. ami-<n-1>, in a fixed order. */
export function fakeImages(n: number): Image[] {
  return Array.from({ length: n }, (_, i) => ({ ImageId: `ami-${String(i).padStart(8, '0')}`, Name: `img-${i}` }));
}

/** A source over `images` whose NextToken is "T<offset of the next item>"; `override` may replace any page. */
export function fakeSource(
  images: Image[],
  override?: (req: DescribeImagesCommandInput, call: number) => ImagePage | Error | undefined,
): FakeSource {
  const requests: DescribeImagesCommandInput[] = [];
  return {
    requests,
    async describeImagesPage(input) {
      requests.push({ ...input });
      const scripted = override?.(input, requests.length);
      if (scripted instanceof Error) throw scripted;
      if (scripted) return scripted;
      const offset = input.NextToken === undefined ? 0 : Number(input.NextToken.slice(1));
      const size = input.MaxResults ?? images.length;
      const end = Math.min(offset + size, images.length);
      return { Images: images.slice(offset, end), NextToken: end < images.length ? `T${end}` : undefined };
    },
  };
}
