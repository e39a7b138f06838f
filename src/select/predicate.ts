/** Client-side selection that EC2 filters cannot express: name regex and creation-date bounds. */
import type { Image, ImageField } from '../types.js';
import { nameRegex } from './linear-regex.js';
import { timeOf } from './image-time.js';

/** The client-side selection flags, already parsed (dates via parseDateOrAge). */
export interface SelectionCriteria {
  /** A JavaScript regular expression matched anywhere in Image.Name (use ^...$ to anchor); run in linear time (linear-regex.ts). */
  nameRegex?: string;
  /** Keep images created at or after this instant. */
  createdAfter?: Date;
  /** Keep images created strictly before this instant (so after/before split time without overlap). */
  createdBefore?: Date;
}

/** The Image members the predicate for `c` reads. */
export function criteriaReads(c: SelectionCriteria): ImageField[] {
  const out: ImageField[] = [];
  if (c.nameRegex !== undefined) out.push('Name');
  if (c.createdAfter !== undefined || c.createdBefore !== undefined) out.push('CreationDate');
  return out;
}

/**
 * A predicate for the criteria; images lacking the field a criterion needs do not match.
 * Throws E_BAD_REGEX (exit 2) for an invalid regular expression, or one that cannot run in linear time.
 */
export function imagePredicate(c: SelectionCriteria): (img: Image) => boolean {
  // On a linear-time engine: a backtracking pattern cannot hang the listing (linear-regex.ts).
  const re = c.nameRegex === undefined ? undefined : nameRegex(c.nameRegex);
  const after = c.createdAfter?.getTime();
  const before = c.createdBefore?.getTime();
  return (img) => {
    if (re !== undefined && (img.Name === undefined || !re.test(img.Name))) return false;
    if (after === undefined && before === undefined) return true;
    const t = timeOf(img.CreationDate);
    if (t === undefined) return false;
    return (after === undefined || t >= after) && (before === undefined || t < before);
  };
}
