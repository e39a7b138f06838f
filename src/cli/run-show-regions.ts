/**
 * `ami-find show <ami-id> --all-regions` (or `--region a,b`): the image where it lives, then the
 * same image (same owner and name) in every other region, the way people check that a copy reached
 * everywhere. Regions that failed get one stderr line each and exit 9; where it is missing is listed.
 */
import { EXIT } from '../errors.js';
import type { FanOutListing } from '../fan-out/listing.js';
import type { UnitFailure } from '../fan-out/failure.js';
import { compareUnits, unitLabel, type OriginImage, type Unit } from '../fan-out/units.js';
import type { ImageQuery } from '../types.js';
import { awsOptions, fanOutTargets } from './aws-options.js';
import { say, type CliIo } from './io.js';
import type { RawShowOptions } from './options.js';

/** A name as an EC2 filter value that matches only itself: `*`, `?` and `\` escaped (docs/ARCHITECTURE.md, filters). */
function literalGlob(name: string): string {
  return name.replace(/[\\*?]/g, (c) => `\\${c}`);
}

/** Whether `show` spans regions or profiles. */
export function showSpansRegions(raw: RawShowOptions): boolean {
  const { regions, profiles } = fanOutTargets(raw);
  return raw.allRegions === true || regions.length > 1 || profiles.length > 1;
}

/** Find each ID in any unit, then its copies in every unit; print them; resolves to the exit code. */
export async function runShowRegions(ids: string[], raw: RawShowOptions, io: CliIo): Promise<number> {
  const { fanOut, failureLine } = await import('../index.js');
  const { formatImageDetails } = await import('../output/details.js');
  const { regions, profiles } = fanOutTargets(raw);
  const where = { regions: raw.allRegions ? 'all' as const : regions, profiles, concurrency: raw.concurrency, aws: awsOptions(raw, io) };
  const run = async (query: ImageQuery) => {
    const listing = fanOut(query, where);
    const images: OriginImage[] = [];
    for await (const batch of listing.batches()) images.push(...batch.images);
    return { listing, images };
  };
  const include = { includeDeprecated: true, includeDisabled: raw.includeDisabled || undefined };
  const failed = (l: FanOutListing) => l.failures.filter((f) => f.error.code !== 'E_IMAGE_NOT_FOUND');
  const problems: UnitFailure[] = [];
  const out: { original: OriginImage; copies: OriginImage[] }[] = [];
  let units: readonly Unit[] = [];
  let first: FanOutListing | undefined;
  for (const id of ids) {
    // One ID per request: EC2 refuses a whole request when one of its IDs is not in that region (InvalidAMIID.NotFound).
    const found = await run({ imageIds: [id], ...include });
    first ??= found.listing;
    units = found.listing.units;
    problems.push(...failed(found.listing));
    const original = found.images[0];
    if (original === undefined) continue;
    const copies = original.Name === undefined ? found
      : await run({ owners: [original.OwnerId ?? 'self'], filters: [{ Name: 'name', Values: [literalGlob(original.Name)] }], ...include });
    if (copies !== found) problems.push(...failed(copies.listing));
    out.push({ original, copies: copies.images.filter((c) => c.Name === original.Name).sort((a, b) => compareUnits(origin(a), origin(b))) });
  }
  if (raw.output === 'json') {
    io.stdout.write(`${JSON.stringify({ Images: out.flatMap((o) => o.copies) }, null, 4)}\n`);
  } else {
    const theme = await io.theme(raw.color, 'stdout');
    const listed = units.map(unitLabel);
    const failedHere = new Set(problems.map((f) => unitLabel(f.unit))); // unknown there, not missing
    io.stdout.write(out.map(({ original, copies }) => {
      const details = formatImageDetails(original, io.now, theme);
      const have = copies.map((c) => unitLabel(origin(c)));
      const rows = copies.map((c) => `  ${unitLabel(origin(c)).padEnd(Math.max(...have.map((h) => h.length)))}  ${c.ImageId}  ${c.State ?? ''}  ${c.CreationDate ?? ''}${c.ImageId === original.ImageId ? '  (this ID)' : ''}`);
      const missing = listed.filter((l) => !have.includes(l) && !failedHere.has(l));
      return `${details.endsWith('\n') ? details : `${details}\n`}\nSame owner and name in ${copies.length} of ${listed.length} regions:\n${rows.join('\n')}\n`
        + (missing.length > 0 ? `Missing from: ${missing.join(', ')}\n` : '');
    }).join('\n'));
  }
  for (const notice of first?.notices ?? []) say(io, `ami-find: notice: ${notice}`);
  // One line per unit, though it may have failed both the lookup and the search for copies.
  const seen = new Set<string>();
  for (const f of problems.filter((p) => !seen.has(unitLabel(p.unit)) && seen.add(unitLabel(p.unit)))) say(io, `ami-find: ${failureLine(f, first?.profilesWorked.has(f.unit.profile) ?? false)}`);
  const missing = ids.filter((id) => !out.some((o) => o.original.ImageId === id));
  if (missing.length > 0) say(io, `ami-find: not found in any region listed: ${missing.join(', ')}`);
  if (problems.length > 0) return EXIT.PARTIAL;
  return missing.length > 0 ? EXIT.NO_MATCH : EXIT.OK;
}

function origin(image: OriginImage): { region: string; profile?: string } {
  return { region: image.Region, profile: image.Profile };
}
