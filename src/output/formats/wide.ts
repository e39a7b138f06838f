/** `--output wide`: the table with more columns (state, virtualization, platform, description, ...). */
import { WIDE_COLUMNS } from '../columns.js';
import type { FormatterSpec } from '../formatter.js';
import { tableWriter } from './table.js';

export const wide: FormatterSpec = {
  streaming: true,
  carriesNextToken: false,
  usesColumns: true,
  create: (opts) => tableWriter(WIDE_COLUMNS, opts),
};
