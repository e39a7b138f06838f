/** Candidate data owned by other modules: publishers and presets (src/query/presets.ts), columns (src/output/columns.ts). */
import { COLUMN_IDS, COLUMNS } from '../output/columns.js';
import { PRESETS, PUBLISHERS, type PublisherId } from '../query/presets.js';
import type { Candidate } from './model-types.js';

const PARTITION_NOTES: Record<string, string> = { aws: '', 'aws-us-gov': ', GovCloud', 'aws-cn': ', China' };

/** Well-known publisher accounts, with the publisher's name as the description. */
export const PUBLISHER_CANDIDATES: readonly Candidate[] = (Object.keys(PUBLISHERS) as PublisherId[]).map((id) => {
  const p = PUBLISHERS[id];
  return { value: id, description: `${p.name} (${p.products}${PARTITION_NOTES[p.partition] ?? ''})` };
});

/** Distro presets (the main command's positional argument). */
export const PRESET_CANDIDATES: readonly Candidate[] = PRESETS.map((p) => ({ value: p.name, description: p.title }));

/** Column names `--columns` accepts, described by their table header. */
export const COLUMN_CANDIDATES: readonly Candidate[] = COLUMN_IDS.map((id) => ({ value: id, description: COLUMNS[id].header }));
