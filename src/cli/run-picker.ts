/**
 * `ami-find -i`: the interactive finder on the terminal (stderr), the chosen image ID alone on
 * stdout, so `AMI=$(ami-find -i)` works.
 */
import { EXIT, usageError } from '../errors.js';
import type { Image } from '../types.js';
import { say, type CliIo } from './io.js';
import type { ResolvedOptions } from './resolve.js';

/** Open the picker; resolves to the exit code (0 with an ID on stdout; 130 on Esc or Ctrl-C, as fzf does). */
export async function runInteractive(opts: ResolvedOptions, io: CliIo): Promise<number> {
  if (!io.stdinTTY || !io.stderrTTY) throw usageError('-i/--interactive needs a terminal (stdin and stderr)', undefined, 'E_NO_TTY');
  if (opts.iac?.startsWith('cloudformation') && opts.aws.region === undefined) {
    throw usageError(`-o ${opts.iac} keys its map by region: pass --region (or set AWS_REGION)`, undefined, 'E_IAC_UNSUPPORTED');
  }
  const [{ runPicker }, { findImages, lazyEc2PageSource }, { imagePredicate }, { theme }] = await Promise.all([
    import('../ui/picker/index.js'), import('../index.js'), import('../select/predicate.js'), import('../output/style.js'),
  ]);
  // One client per region for every search the picker runs there (each step and each new query).
  const sources = new Map<string, ReturnType<typeof lazyEc2PageSource>>();
  const sourceIn = (region: string | undefined) => {
    const key = region ?? '';
    if (!sources.has(key)) sources.set(key, lazyEc2PageSource({ ...opts.aws, region: region ?? opts.aws.region }));
    return sources.get(key)!;
  };
  const keep = imagePredicate(opts.selection);
  const result = await runPicker({
    initial: { query: opts.query, presetName: opts.preset?.name, arch: opts.preset?.arch },
    // The selection flags (--name-regex, --created-after/--created-before) apply in the picker too.
    search: (query, signal, region) => selected(findImages(query, {
      pagination: { PageSize: query.imageIds?.length ? undefined : opts.pagination.PageSize },
      aws: { ...opts.aws, region: region ?? opts.aws.region },
      source: sourceIn(region),
      signal,
    }), keep),
    input: io.stdinTTY,
    output: io.stderrTTY,
    now: opts.now,
    region: opts.aws.region,
    regions: opts.fanOut && opts.fanOut.regions !== 'all' ? opts.fanOut.regions : [],
    style: await theme(opts.color),
  });
  if ('imageId' in result) {
    io.stdout.write(opts.iac !== undefined ? (await import('./run-iac.js')).pickedSnippet(opts, result.imageId) : `${result.imageId}\n`);
    return EXIT.OK;
  }
  if ('interrupted' in result) say(io, 'ami-find: interrupted');
  return EXIT.INTERRUPTED;
}

/** The images of `listing` that `keep` accepts, as they stream in; keeps the listing's page count for the picker's progress line. */
type PagedImages = AsyncIterable<Image> & { readonly pages: number };

function selected(listing: PagedImages, keep: (image: Image) => boolean): PagedImages {
  return {
    get pages() { return listing.pages; },
    async *[Symbol.asyncIterator]() {
      for await (const image of listing) if (keep(image)) yield image;
    },
  };
}
