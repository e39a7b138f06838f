/** Local validation of filter names and enumerated filter values, with "did you mean". */
import type { Filter } from '../types.js';
import { usageError } from '../errors.js';
import { FILTER_NAMES, FILTER_VALUES, TAG_FILTER_PREFIX, isKnownFilterName, type FilterName } from './vocabulary.js';
import { didYouMean, meanText, suggest } from './suggest.js';

/** Throw E_UNKNOWN_FILTER (exit 2) unless `name` is a DescribeImages filter name (case-sensitive; any `tag:<key>`). */
export function assertKnownFilterName(name: string): void {
  if (isKnownFilterName(name)) return;
  if (name === TAG_FILTER_PREFIX) {
    throw usageError("filter 'tag:' has no tag key", 'write tag:<key>=<value>, or tag-key=<key> for any value', 'E_UNKNOWN_FILTER');
  }
  // `Tag:Env` -> `tag:Env`: keep the key's case, fix only the prefix.
  const lower = name.toLowerCase();
  const tagGuess = lower.startsWith(TAG_FILTER_PREFIX) && name.length > TAG_FILTER_PREFIX.length
    ? TAG_FILTER_PREFIX + name.slice(TAG_FILTER_PREFIX.length) : undefined;
  const hint = tagGuess !== undefined ? meanText(tagGuess) : didYouMean(name, FILTER_NAMES);
  throw usageError(`unknown filter name '${name}'${hint}`,
    'filter names are case-sensitive; see `ami-find --help` or https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeImages.html',
    'E_UNKNOWN_FILTER');
}

/** Other spellings of EC2's values, checked before edit distance (`amd64` is one edit from `arm64` but means x86_64). */
const VALUE_SYNONYMS: Record<string, string> = {
  amd64: 'x86_64', x64: 'x86_64', 'x86-64': 'x86_64', x86: 'i386', aarch64: 'arm64', arm: 'arm64',
  pv: 'paravirtual', yes: 'true', no: 'false',
};

/** Warnings (EC2's value sets grow, so not errors) for unknown enumerated values and for escapes EC2 rejects. */
export function checkFilterValues(filter: Filter): string[] {
  const warnings = (filter.Values ?? []).flatMap((v) => badEscape(filter.Name ?? '', v));
  const known = FILTER_VALUES[filter.Name as FilterName];
  if (known === undefined) return warnings;
  for (const value of filter.Values ?? []) {
    if (/[*?]/.test(value) || known.includes(value)) continue;
    const synonym = VALUE_SYNONYMS[value.toLowerCase()];
    const guess = synonym !== undefined && known.includes(synonym) ? synonym : suggest(value, known);
    warnings.push(`filter ${filter.Name}: '${value}' is not one of ${known.join(', ')}${meanText(guess)}; EC2 will likely match nothing`);
  }
  return warnings;
}

/** EC2 accepts only `\*`, `\?` and `\\` in values; others fail with InvalidParameterValue (hashicorp/packer#6572). */
function badEscape(name: string, value: string): string[] {
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '\\') continue;
    const next = value[i + 1];
    if (next === '*' || next === '?' || next === '\\') {
      i++;
      continue;
    }
    const seq = next === undefined ? '\\' : `\\${next}`;
    return [`filter ${name}: '${value}' has the escape '${seq}', which EC2 rejects (values are globs: only \\*, \\? and \\\\ escape)`];
  }
  return [];
}
