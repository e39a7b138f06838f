/** Client-side selection EC2 filters cannot express: name regex and creation-date bounds. */
import type { Image, ImageField } from '../types.js';
import { nameRegex } from './linear-regex.js';
import { timeOf } from './newest.js';

/** The client-side selection flags, already parsed (dates via parseDateOrAge). */
export interface SelectionCriteria {
  /** A JavaScript regular expression matched anywhere in Image.Name. */
  nameRegex?: string;
  /** Inclusive. */
  createdAfter?: Date;
  /** Exclusive, so after/before split time without overlap. */
  createdBefore?: Date;
}

/** The Image members the predicate for `c` reads. */
export function criteriaReads(c: SelectionCriteria): ImageField[] {
  const out: ImageField[] = [];
  if (c.nameRegex !== undefined) out.push('Name');
  if (c.createdAfter !== undefined || c.createdBefore !== undefined) out.push('CreationDate');
  return out;
}

/** A predicate for the criteria (images lacking a field do not match); throws E_BAD_REGEX (exit 2). */
export function imagePredicate(c: SelectionCriteria): (img: Image) => boolean {
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
