/** Filter shortcuts: `--name`, `--arch`, `--tag` expand to plain EC2 filters. */
import type { Filter } from '../types.js';
import { usageError } from '../errors.js';
import { TAG_FILTER_PREFIX } from './vocabulary.js';

/** The shortcut flags as the CLI resolved them. */
export interface ShortcutFlags {
  /** `--name <glob>` (repeatable): one `name` filter whose values OR. */
  name?: readonly string[];
  /** `--arch <arch>`: an `architecture` filter. */
  arch?: string;
  /** `--tag k=v` -> `tag:k` = v; `--tag k` -> `tag-key` = k (repeatable). */
  tag?: readonly string[];
}

/** Expand the shortcut flags to filters, in flag order: name, architecture, tags. */
export function shortcutFilters(flags: ShortcutFlags): Filter[] {
  const filters: Filter[] = [];
  if (flags.name !== undefined && flags.name.length > 0) filters.push({ Name: 'name', Values: [...flags.name] });
  if (flags.arch !== undefined) filters.push({ Name: 'architecture', Values: [flags.arch] });
  for (const tag of flags.tag ?? []) filters.push(tagFilter(tag));
  return filters;
}

/** `--tag Env=prod` -> `tag:Env` = prod; `--tag Env` -> `tag-key` = Env. Splits at the first `=`. */
export function tagFilter(arg: string): Filter {
  const eq = arg.indexOf('=');
  const key = eq < 0 ? arg : arg.slice(0, eq);
  if (key === '') {
    throw usageError(`invalid --tag '${arg}': the tag key is empty`, 'use --tag KEY=VALUE or --tag KEY', 'E_BAD_TAG');
  }
  if (eq < 0) return { Name: 'tag-key', Values: [key] };
  return { Name: TAG_FILTER_PREFIX + key, Values: [arg.slice(eq + 1)] };
}
