/**
 * `--filter` arguments to EC2 Filters: `name=v1,v2` (`\,` a literal comma), the AWS CLI shorthand
 * `Name=name,Values=v1,v2` and its JSON form; escapes other than `\,` pass through (docs/ARCHITECTURE.md).
 */
import type { Filter } from '../types.js';
import { usageError } from '../errors.js';

const FORMS_HINT = 'use NAME=VALUE[,VALUE...] (\\, for a literal comma), Name=NAME,Values=VALUE,... or JSON {"Name": ..., "Values": [...]}';

/** Parse one `--filter` argument that describes exactly one filter. */
export function parseFilterArg(arg: string): Filter {
  const filters = parseFilterArgs(arg);
  if (filters.length !== 1) throw badFilter(arg, `expected one filter, got ${filters.length}`);
  return filters[0]!;
}

/** Parse one `--filter` argument; a JSON list may describe several filters. */
export function parseFilterArgs(arg: string): Filter[] {
  const s = arg.trim();
  if (s.startsWith('{') || s.startsWith('[')) return parseJsonFilters(arg, s);
  if (/^(Name|Values)=/.test(s)) return [parseShorthand(arg, s)];
  return [parseShortForm(arg)];
}

function parseShortForm(arg: string): Filter {
  const eq = findUnescaped(arg, '=');
  if (eq < 0) throw badFilter(arg, "no '=' between the filter name and its values");
  const name = arg.slice(0, eq).replace(/\\=/g, '=');
  if (name === '') throw badFilter(arg, 'the filter name is empty');
  return { Name: name, Values: splitValues(arg.slice(eq + 1), false).map(unescapeComma) };
}

function parseShorthand(arg: string, s: string): Filter {
  let name: string | undefined;
  let values: string[] | undefined;
  let current: 'Name' | 'Values' | undefined;
  for (const segment of splitValues(s, true)) {
    const key = /^(Name|Values)=/.exec(segment)?.[1] as 'Name' | 'Values' | undefined;
    let raw = segment;
    if (key !== undefined) {
      if ((key === 'Name' && name !== undefined) || (key === 'Values' && values !== undefined)) {
        throw badFilter(arg, `${key} is given twice`);
      }
      current = key;
      raw = segment.slice(key.length + 1);
      if (key === 'Values') values = [];
    }
    if (current === 'Name') {
      if (name !== undefined) throw badFilter(arg, 'Name takes one value (quote it if it contains a comma)');
      name = unquote(raw);
    } else {
      values!.push(raw);
    }
  }
  if (name === undefined || name === '') throw badFilter(arg, 'Name is missing');
  return { Name: name, Values: stripBrackets(values ?? []).map(unquote) };
}

/** `Values=[a,b]`: the brackets wrap the whole list. */
function stripBrackets(values: string[]): string[] {
  if (values.length === 0 || !values[0]!.startsWith('[') || !values[values.length - 1]!.endsWith(']')) return values;
  const out = [...values];
  out[0] = out[0]!.slice(1);
  out[out.length - 1] = out[out.length - 1]!.slice(0, -1);
  return out.length === 1 && out[0] === '' ? [] : out;
}

function unquote(raw: string): string {
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q)) {
    return raw.slice(1, -1).split(`\\${q}`).join(q);
  }
  return unescapeComma(raw);
}

function unescapeComma(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '\\' && i + 1 < v.length) {
      out += v[i + 1] === ',' ? ',' : v[i]! + v[i + 1]!;
      i++;
    } else {
      out += v[i];
    }
  }
  return out;
}

/** Split on commas that are not backslash-escaped (nor, with `quotes`, inside a quoted value). Escapes are kept. */
function splitValues(s: string, quotes: boolean): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1]!;
      i++;
    } else if (quote !== undefined) {
      cur += c;
      if (c === quote) quote = undefined;
    } else if (quotes && (c === '"' || c === "'") && (cur === '' || /^(Name|Values)=\[?$/.test(cur))) {
      quote = c;
      cur += c;
    } else if (c === ',') {
      parts.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  parts.push(cur);
  return parts;
}

function findUnescaped(s: string, ch: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

function parseJsonFilters(arg: string, s: string): Filter[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(s);
  } catch (err) {
    throw badFilter(arg, `invalid JSON (${(err as Error).message})`);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((item) => {
    const o = item as { Name?: unknown; Values?: unknown } | null;
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throw badFilter(arg, 'each filter must be a JSON object');
    const extra = Object.keys(o).filter((k) => k !== 'Name' && k !== 'Values');
    if (extra.length > 0) throw badFilter(arg, `unknown key ${extra.map((k) => `"${k}"`).join(', ')} (keys are "Name" and "Values")`);
    if (typeof o.Name !== 'string' || o.Name === '') throw badFilter(arg, '"Name" must be a non-empty string');
    if (o.Values !== undefined && (!Array.isArray(o.Values) || o.Values.some((v) => typeof v !== 'string'))) {
      throw badFilter(arg, '"Values" must be a list of strings');
    }
    return { Name: o.Name, Values: [...((o.Values as string[] | undefined) ?? [])] };
  });
}

function badFilter(arg: string, why: string) {
  return usageError(`invalid --filter '${arg}': ${why}`, FORMS_HINT, 'E_BAD_FILTER');
}
