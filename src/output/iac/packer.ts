/**
 * `-o packer`: the query as the amazon builders' source_ami_filter block (filters, owners, most_recent,
 * include_deprecated), or with --pin a source_ami. Packer has no name regex, no executable users and no
 * date range, requires owners, and fails unless exactly one image matches or most_recent is set (docs/IAC.md).
 */
import { attributes, comments, hclIdentifier, hclList, hclString } from './hcl.js';
import { groupByRegion } from './pinned.js';
import { filtersOf, queryNotes, refuse, refuseCommon } from './semantics.js';
import type { IacInput } from './types.js';

/**
 * A filter's values as one map value: packer-plugin-amazon reads it as one CSV record (Go encoding/csv, lazy
 * quotes, leading spaces trimmed), so a value with a comma, a quote or a leading space is quoted, `"` doubled.
 */
export function csvValues(name: string, values: readonly string[]): string {
  return values.map((v) => {
    // encoding/csv drops \r before \n and ends a record at an unquoted newline; an empty record is no value at all.
    if (v === '' || v.includes('\r')) refuse('packer', `the ${name} value ${JSON.stringify(v)}: Packer's CSV reading would change it`);
    return /[",\n]|^\s/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

function header(input: IacInput, notes: readonly string[]): string {
  return comments([input.description, `Reproduce: ${input.command}`, ...notes.map((n) => `Note: ${n}`)]);
}

/** The Packer snippet for `input` (throws E_IAC_UNSUPPORTED for what Packer cannot express). */
export function packer(input: IacInput): string {
  if (input.pin) return pinned(input);
  refuseCommon('packer', input);
  const { latest, nameRegex } = input.selection;
  const q = input.query;
  if (nameRegex !== undefined) refuse('packer', '--name-regex: source_ami_filter has no name regex', 'use --name globs, or add --pin');
  if (q.executableUsers?.length) refuse('packer', '--executable-user: source_ami_filter has no executable users');
  if (!q.owners?.length) refuse('packer', 'a query without --owner: Packer requires owners', 'add --owner, or use a preset');
  if (latest !== undefined && latest > 1) refuse('packer', `--latest ${latest}: a build starts from one image`, 'use --latest (one image), or add --pin');
  const single = latest === undefined && q.imageIds?.length === 1;
  if (latest === undefined && !single) {
    refuse('packer', 'a list: source_ami_filter fails unless exactly one image matches', 'add --latest, or add --pin');
  }
  const filters = filtersOf(input);
  const notes = queryNotes(input, "Packer's most_recent");
  if (filters.some((f) => (f.Values?.length ?? 0) > 1)) {
    notes.push('several values of one filter are written comma-separated: packer-plugin-amazon versions that read filter values as CSV are needed.');
  }
  const args: [string, string][] = [];
  args.push(['owners', hclList(q.owners)]);
  if (latest === 1) args.push(['most_recent', 'true']);
  if (q.includeDeprecated) args.push(['include_deprecated', 'true']);
  const map = attributes(filters.map((f) => [hclString(f.Name ?? ''), hclString(csvValues(f.Name ?? '', f.Values ?? []))]), '    ');
  return `${header(input, [...notes, 'goes inside a source "amazon-ebs" (or other amazon builder) block.'])}`
    + `source_ami_filter {\n  filters = {\n${map}  }\n${attributes(args, '  ')}}\n`;
}

/** `--pin`: source_ami with the resolved ID; with several regions, a locals map to index by the build's region. */
function pinned(input: IacInput): string {
  const { one, images } = input.pin!;
  if (!one && images.length !== 1) refuse('packer', 'several pinned images: a build starts from one image', 'add --latest');
  const notes = ['pinned: this ID stays as it is when a newer image is published; rerun the command to refresh.',
    ...images.map((i) => `${i.region ? `${i.region}: ` : ''}${i.id}${i.name !== undefined ? ` ${i.name}` : ''}`)];
  if (!images.some((i) => i.region !== undefined)) {
    return `${header(input, notes)}source_ami = ${hclString(images[0]!.id)}\n`;
  }
  const name = `${hclIdentifier(input.label)}_source_ami`;
  const groups = groupByRegion(images, input.region, true);
  const map = attributes([...groups].map(([r, g]) => [hclString(r ?? ''), hclString(g[0]!.id)] as [string, string]), '    ');
  return `${header(input, [...notes, `use it as source_ami = local.${name}[var.region] in each regional source.`])}`
    + `locals {\n  ${name} = {\n${map}  }\n}\n`;
}
