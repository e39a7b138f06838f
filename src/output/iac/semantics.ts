/**
 * What ami-find does that a target cannot say: refusals (a usage error naming the flag) and notes (comment
 * lines saying what differs). Shared by the generators; docs/IAC.md lists each case per target.
 */
import { usageError } from '../../errors.js';
import type { Filter } from '../../types.js';
import type { IacInput } from './types.js';

/** The hint of most refusals: a pinned snippet holds exactly what ami-find resolved. */
export const PIN_HINT = 'add --pin to write the image IDs ami-find resolves instead of the query';

/** Refuse: `-o <target>` cannot express `what` (E_IAC_UNSUPPORTED, exit 2). */
export function refuse(target: string, what: string, hint: string = PIN_HINT): never {
  throw usageError(`-o ${target} cannot express ${what}`, hint, 'E_IAC_UNSUPPORTED');
}

/** Refusals every query-writing target shares: creation-date bounds and disabled images. */
export function refuseCommon(target: string, input: IacInput): void {
  const { createdAfter, createdBefore } = input.selection;
  if (createdAfter !== undefined || createdBefore !== undefined) {
    refuse(target, `${createdAfter !== undefined ? '--created-after' : '--created-before'}: it has no creation-date range`,
      `${PIN_HINT}, or use --filter creation-date=<glob> (EC2 matches the timestamp text, e.g. 2025-01-*)`);
  }
  if (input.query.includeDisabled) refuse(target, '--include-disabled: it has no IncludeDisabled');
}

/** The query's filters, with --image-id as an image-id filter (neither target has an ImageIds argument). */
export function filtersOf(input: IacInput): Filter[] {
  const ids = input.query.imageIds ?? [];
  const filters = [...(input.query.filters ?? [])];
  if (ids.length > 0) filters.push({ Name: 'image-id', Values: [...ids] });
  return filters;
}

/** Comment lines on meaning that the target keeps only approximately. */
export function queryNotes(input: IacInput, mostRecent: string): string[] {
  const notes: string[] = [];
  if (input.selection.latest !== undefined) {
    notes.push(`${mostRecent} compares CreationDate only; ami-find breaks a tie by version-aware name, then image ID`
      + ' (src/select/newest.ts), so images created the same second may resolve differently.');
  }
  if (input.query.imageIds?.length) {
    notes.push('--image-id is written as an image-id filter: an unknown ID matches nothing instead of failing.');
  }
  if (input.preset !== undefined) {
    notes.push(`owners pin the ${input.preset.name} publisher of the ${input.preset.partition ?? 'aws'} partition; other partitions use another account.`);
  }
  return notes;
}
