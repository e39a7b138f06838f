/**
 * `-o terraform`: the query as a Terraform data source, or with --pin the resolved IDs as locals. Arguments as
 * the AWS provider documents them: aws_ami (owners, most_recent, filter, name_regex, include_deprecated,
 * executable_users, allow_unsafe_filter) and aws_ami_ids (the same without most_recent, plus sort_ascending,
 * newest first by default); see docs/IAC.md.
 */
import { toRe2 } from '../../select/linear-regex.js';
import { attributes, comments, hclIdentifier, hclList, hclString } from './hcl.js';
import { groupByRegion } from './pinned.js';
import { filtersOf, queryNotes, refuse, refuseCommon } from './semantics.js';
import type { IacInput } from './types.js';

/** Filters that pin who published an image, as aws_ami's most_recent safety check reads them. */
const PINNING = new Set(['owner-id', 'owner-alias', 'image-id']);

/** `--name-regex` for Go's RE2 (name_regex): unchanged when it reads the same there, else rewritten with a note. */
function nameRegexFor(pattern: string, notes: string[]): string {
  let re2: string;
  try {
    re2 = toRe2(pattern);
  } catch {
    refuse('terraform', `--name-regex '${pattern}': RE2 has no backreferences or lookaround`);
  }
  if (re2 !== pattern) {
    notes.push(`name_regex is --name-regex ${JSON.stringify(pattern)} rewritten for Go's RE2 with JavaScript's meaning`
      + ' (\\s, ., escapes; src/select/linear-regex.ts).');
  }
  return re2;
}

function header(input: IacInput, notes: readonly string[]): string {
  return comments([input.description, `Reproduce: ${input.command}`, ...notes.map((n) => `Note: ${n}`)]);
}

/** The Terraform snippet for `input` (throws E_IAC_UNSUPPORTED for what Terraform cannot express). */
export function terraform(input: IacInput): string {
  if (input.pin) return pinned(input);
  refuseCommon('terraform', input);
  const { latest, sort, desc, nameRegex } = input.selection;
  const q = input.query;
  const name = hclIdentifier(input.label);
  const filters = filtersOf(input);
  const notes = queryNotes(input, "Terraform's most_recent");
  const regex = nameRegex !== undefined ? nameRegexFor(nameRegex, notes) : undefined;
  const args: [string, string][] = [];
  const one = latest === 1;
  if (one) args.push(['most_recent', 'true']);
  if (q.owners?.length) args.push(['owners', hclList(q.owners)]);
  else if (!one) refuse('terraform', 'a list without --owner: aws_ami_ids requires owners', 'add --owner (or use a preset), or --latest');
  else if (!filters.some((f) => PINNING.has(f.Name ?? ''))) {
    args.push(['allow_unsafe_filter', 'true']);
    notes.push('allow_unsafe_filter: no owner is pinned (--allow-unsafe); anyone may publish the newest match.');
  }
  if (q.executableUsers?.length) args.push(['executable_users', hclList(q.executableUsers)]);
  if (regex !== undefined) args.push(['name_regex', hclString(regex)]);
  if (q.includeDeprecated) args.push(['include_deprecated', 'true']);
  if (!one) {
    if (sort !== undefined && sort !== 'creation-date') {
      refuse('terraform', `--sort ${sort}: aws_ami_ids orders by creation date only`, 'drop --sort, or add --pin');
    }
    if (sort === 'creation-date' && !desc && latest === undefined) args.push(['sort_ascending', 'true']);
    if (sort === undefined && latest === undefined) notes.push("aws_ami_ids lists newest first; ami-find lists in EC2's order unless --sort.");
  }
  const blocks = filters.map((f) => `\n  filter {\n${attributes([['name', hclString(f.Name ?? '')], ['values', hclList(f.Values ?? [])]], '    ')}  }\n`);
  const source = one ? 'aws_ami' : 'aws_ami_ids';
  let text = `${header(input, notes)}data "${source}" "${name}" {\n${attributes(args, '  ')}${blocks.join('')}}\n`;
  if (latest !== undefined && latest > 1) {
    // aws_ami_ids is newest first: the newest n are its first n, in ascending order when --sort creation-date asks.
    const ids = `data.aws_ami_ids.${name}.ids`;
    const newest = `slice(${ids}, 0, min(${latest}, length(${ids})))`;
    text += `\nlocals {\n  ${name}_latest = ${sort === 'creation-date' && !desc ? `reverse(${newest})` : newest}\n}\n`;
  }
  return text;
}

/** `--pin`: the resolved IDs as a local; a map keyed by region when the images span regions. */
function pinned(input: IacInput): string {
  const { one, images } = input.pin!;
  const groups = groupByRegion(images, input.region, one);
  const name = `${hclIdentifier(input.label)}_${one ? 'ami_id' : 'ami_ids'}`;
  const value = (ids: readonly string[]) => (one ? hclString(ids[0]!) : hclList(ids));
  const listed = images.map((i) => `${i.region ? `${i.region}: ` : ''}${i.id}${i.name !== undefined ? ` ${i.name}` : ''}`);
  const notes = ['pinned: these IDs stay as they are when a newer image is published; rerun the command to refresh.', ...listed];
  // Images carry a region only when the listing spans regions: then a map keyed by region.
  const body = images.some((i) => i.region !== undefined)
    ? `{\n${attributes([...groups].map(([r, g]) => [hclString(r ?? ''), value(g.map((i) => i.id))] as [string, string]), '    ')}  }`
    : value(images.map((i) => i.id));
  return `${header(input, notes)}locals {\n  ${name} = ${body}\n}\n`;
}
