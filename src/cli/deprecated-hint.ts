/**
 * "No results" is often "only deprecated results": EC2 hides deprecated images by default
 * (test/ec2-local/README.md, Visibility), so one small extra request counts them for the notice.
 */
import { isDeprecated } from '../output/columns.js';
import { imagePredicate } from '../select/predicate.js';
import type { ImagePageSource } from '../types.js';
import { say, type CliIo } from './io.js';
import type { ResolvedOptions } from './resolve.js';

/** Images per request for the probe: one small page is enough to say "N (or more) exist". */
const PROBE_PAGE_SIZE = 50;
/** Empty pages that carry a token are legal (test/ec2-local/README.md, Order and pages): the probe stops after a few. */
const MAX_PROBE_PAGES = 3;

/** Say that no image matched, with the count of hidden deprecated ones that would (through the listing's `source`). */
export async function noMatchNotice(opts: ResolvedOptions, io: CliIo, source: ImagePageSource): Promise<void> {
  const q = opts.query;
  // Not with image IDs (they bypass the hiding) or a resume token.
  if (!q.includeDeprecated && !q.imageIds?.length && !opts.pagination.StartingToken) {
    try {
      const hidden = await countHiddenDeprecated(opts, source);
      if (hidden.count > 0) {
        const one = hidden.count === 1 && !hidden.more;
        const n = `${hidden.count}${hidden.more ? '+' : ''}`;
        say(io, `ami-find: no image matched; ${n} deprecated image${one ? ' matches' : 's match'}: use --include-deprecated`);
        return;
      }
    } catch {
      // The hint is a courtesy: a failure here must not change the outcome of the real query.
    }
  }
  say(io, 'ami-find: no image matched');
}

async function countHiddenDeprecated(opts: ResolvedOptions, source: ImagePageSource): Promise<{ count: number; more: boolean }> {
  const { findImages } = await import('../index.js');
  const keep = imagePredicate(opts.selection);
  const controller = new AbortController();
  const listing = findImages({ ...opts.query, includeDeprecated: true }, {
    pagination: { PageSize: PROBE_PAGE_SIZE, MaxItems: PROBE_PAGE_SIZE },
    aws: opts.aws,
    source,
    onPage: (p) => { if (p.pages >= MAX_PROBE_PAGES) controller.abort(); },
    signal: controller.signal,
  });
  let count = 0;
  try {
    for await (const image of listing) {
      if (isDeprecated(image, opts.now) && keep(image)) count++;
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  }
  return { count, more: listing.resumeToken() !== undefined };
}
