/** The image list's data: entries kept newest first as pages stream in, and type-to-filter over them. */
import type { Image } from '../../types.js';
import { publisherName } from '../../query/presets.js';
import { statusMark } from './rows.js';
import type { Entry } from './types.js';
import { creationTime, newestFirst } from '../../select/newest.js';

/** Wrap an image with its sort time, filter text and status mark at `now`. */
function toEntry(image: Image, now: Date): Entry {
  const haystack = [image.ImageId, image.Name, image.Description, image.OwnerId, publisherName(image.OwnerId),
    image.ImageOwnerAlias, image.Architecture].filter(Boolean).join(' ').toLowerCase();
  return { image, t: creationTime(image), haystack, mark: statusMark(image, now) };
}

/** A new array: `sorted` (newest first) merged with a batch of new images. */
export function mergeNewest(sorted: readonly Entry[], images: readonly Image[], now: Date): Entry[] {
  const batch = images.map((i) => toEntry(i, now)).sort(newestFirst);
  const out: Entry[] = [];
  let i = 0;
  let j = 0;
  while (i < sorted.length || j < batch.length) {
    if (j >= batch.length || (i < sorted.length && newestFirst(sorted[i]!, batch[j]!) <= 0)) out.push(sorted[i++]!);
    else out.push(batch[j++]!);
  }
  return out;
}

/** Entries whose text contains every whitespace-separated term of `filter` (case-insensitive). */
export function filterEntries(entries: readonly Entry[], filter: string): Entry[] {
  const terms = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return [...entries];
  return entries.filter((e) => terms.every((t) => e.haystack.includes(t)));
}
