/**
 * "No results" is often "only deprecated results": EC2 hides deprecated images by default
 * (contract 4.5; packer-plugin-amazon PR #404 proposed saying so). One small extra request counts them.
 */
import { isDeprecated } from '../output/columns.js';
import type { ImagePageSource } from '../types.js';
import type { ResolvedOptions } from './resolve.js';

/** Images per request for the extra query: one small page is enough to say "N (or more) exist". */
export const DEPRECATED_PROBE_PAGE_SIZE = 50;
const MAX_PROBE_PAGES = 3;

/** Count deprecated images matching the query (with the client-side selection) in one small page, through the listing's `source`. */
export async function countHiddenDeprecated(opts: ResolvedOptions, source?: ImagePageSource): Promise<{ count: number; more: boolean }> {
  const [{ findImages }, { imagePredicate }] = await Promise.all([import('../index.js'), import('../select/predicate.js')]);
  const keep = imagePredicate(opts.selection);
  const controller = new AbortController();
  const listing = findImages({ ...opts.query, includeDeprecated: true }, {
    pagination: { PageSize: DEPRECATED_PROBE_PAGE_SIZE, MaxItems: DEPRECATED_PROBE_PAGE_SIZE },
    aws: opts.aws,
    source,
    // Empty pages that carry a token are legal (contract 4.2): cap the probe at a few requests.
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
