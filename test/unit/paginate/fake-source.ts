/** A scripted ImagePageSource for unit tests: tokens are "T<offset>", pages honour MaxResults. */
import type { DescribeImagesCommandInput, Image, ImagePage, ImagePageSource } from '../../../src/types.js';

export interface FakeSource extends ImagePageSource {
  requests: DescribeImagesCommandInput[];
  /** The abort signal each request was sent with, in request order. */
  signals: (AbortSignal | undefined)[];
}

export interface FakeSourceOptions {
  /** Answer only once this resolves (per call); an abort of the request's signal rejects at once. */
  delay?: (call: number) => Promise<void>;
}

/** Images ami-00000000 .. ami-<n-1>, in a fixed order. */
export function fakeImages(n: number): Image[] {
  return Array.from({ length: n }, (_, i) => ({ ImageId: `ami-${String(i).padStart(8, '0')}`, Name: `img-${i}` }));
}

/** A source over `images` whose NextToken is "T<offset of the next item>"; `override` may replace any page. */
export function fakeSource(
  images: Image[],
  override?: (req: DescribeImagesCommandInput, call: number) => ImagePage | Error | undefined,
  opts: FakeSourceOptions = {},
): FakeSource {
  const requests: DescribeImagesCommandInput[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  return {
    requests,
    signals,
    async describeImagesPage(input, signal) {
      requests.push({ ...input });
      signals.push(signal);
      const call = requests.length;
      const scripted = override?.(input, call);
      let page: ImagePage | Error;
      if (scripted) {
        page = scripted;
      } else {
        const offset = input.NextToken === undefined ? 0 : Number(input.NextToken.slice(1));
        const size = input.MaxResults ?? images.length;
        const end = Math.min(offset + size, images.length);
        page = { Images: images.slice(offset, end), NextToken: end < images.length ? `T${end}` : undefined };
      }
      if (opts.delay) await abortable(opts.delay(call), signal);
      if (page instanceof Error) throw page;
      return page;
    },
  };
}

/** `p`, or a rejection as soon as `signal` aborts. */
function abortable(p: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return p;
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    p.then(resolve, reject);
  });
}
