/** The picker's first two steps: what to search (presets, my images, a name glob) and which architecture. */
import { ARCHITECTURES } from '../../query/vocabulary.js';
import { PRESETS, publisherName, resolvePreset } from '../../query/presets.js';
import type { Filter, ImageQuery } from '../../types.js';
import type { SourceChoice } from './types.js';

/** A row of step 1: the choice, the text shown, and extra words type-to-filter finds it by (aliases). */
interface SourceRow {
  choice: SourceChoice;
  label: string;
  detail: string;
  keywords: string;
}

/** Step 1 rows: my images, a custom name glob, then every preset. */
const SOURCE_ROWS: readonly SourceRow[] = [
  { choice: { kind: 'self' }, label: 'My images', detail: '--owner self', keywords: 'self mine own' },
  { choice: { kind: 'custom' }, label: 'Custom query', detail: 'an image name glob, any owner', keywords: 'name glob' },
  ...PRESETS.map((preset): SourceRow => ({
    choice: { kind: 'preset', preset },
    label: preset.title,
    detail: `${preset.name.padEnd(16)} ${publisherName(preset.owners.aws) ?? ''}`.trimEnd(),
    keywords: (preset.aliases ?? []).join(' '),
  })),
];

/** Step 1 rows whose text contains every whitespace-separated term (case-insensitive). */
export function filterSources(filter: string): SourceRow[] {
  const terms = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return SOURCE_ROWS.filter((r) => {
    const text = `${r.label} ${r.detail} ${r.keywords}`.toLowerCase();
    return terms.every((t) => text.includes(t));
  });
}

const ANY_ARCH = 'any';

/** Step 2 choices for a source: a preset's published architectures, or any/every EC2 architecture. */
export function archChoices(source: SourceChoice): string[] {
  if (source.kind === 'preset') return Object.keys(source.preset.names);
  const common = ['x86_64', 'arm64'];
  return [ANY_ARCH, ...common, ...ARCHITECTURES.filter((a) => !common.includes(a))];
}

/** A typed name: used as a glob when it has `*` or `?`, otherwise matched as a substring (`*text*`). */
export function customNameGlob(text: string): string {
  const t = text.trim();
  return /[*?]/.test(t) ? t : `*${t}*`;
}

/** The glob in upper, lower and Title case where they differ: EC2 name globs are case-sensitive. */
export function otherCaseGlobs(glob: string): string[] {
  const lower = glob.toLowerCase();
  const title = lower.replace(/(^|[^a-z])([a-z])/g, (_m, before: string, c: string) => before + c.toUpperCase());
  return [...new Set([glob.toUpperCase(), lower, title])].filter((g) => g !== glob);
}

/** The EC2 name glob `glob` (`*`, `?`; case-sensitive, as EC2 matches) as a RegExp: compile once, test many names. */
export function globRegExp(glob: string): RegExp {
  const source = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 's');
}

/** The DescribeImages query for a source and architecture, on top of the carried-over flags. */
export function queryFor(source: SourceChoice, arch: string, custom: string, base: ImageQuery, region?: string): ImageQuery {
  const archFilter: Filter[] = arch === ANY_ARCH ? [] : [{ Name: 'architecture', Values: [arch] }];
  if (source.kind === 'preset') {
    const r = resolvePreset(source.preset.name, arch, region);
    return { ...base, owners: r.owners, filters: r.filters };
  }
  if (source.kind === 'self') return { ...base, owners: ['self'], filters: archFilter.length ? archFilter : undefined };
  return { ...base, filters: [{ Name: 'name', Values: [customNameGlob(custom)] }, ...archFilter] };
}

/** Breadcrumb text for a source and architecture. */
export function sourceLabel(source: SourceChoice, arch: string, custom: string): string {
  const what = source.kind === 'preset' ? source.preset.title
    : source.kind === 'self' ? 'My images' : `name ${customNameGlob(custom)}`;
  return arch === ANY_ARCH ? what : `${what} › ${arch}`;
}

/** A short description of a query given on the command line, for the breadcrumb. */
export function describeQuery(q: ImageQuery): string {
  const parts: string[] = [];
  if (q.owners?.length) parts.push(`owner ${q.owners.join(',')}`);
  if (q.imageIds?.length) parts.push(`id ${q.imageIds.join(',')}`);
  if (q.executableUsers?.length) parts.push(`executable by ${q.executableUsers.join(',')}`);
  for (const f of q.filters ?? []) parts.push(`${f.Name}=${(f.Values ?? []).join(',')}`);
  return parts.join('  ') || 'all images';
}
