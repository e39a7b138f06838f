/**
 * Parses the form-encoded EC2 Query body into an unordered map and reads the flattened
 * lists `Name.N` and `Filter.N.Name` / `Filter.N.Value.M` (contract §1.1, §1.2, §6.1-2).
 */
import { Ec2Error, invalidParameterValue, missingParameter, unknownParameter } from './errors.js';

/** Parameter map of one request (keys are unique; the order on the wire does not matter). */
export type Params = Map<string, string>;

/** A filter as sent: name plus values in index order. */
export interface WireFilter {
  Name: string;
  Values: string[];
}

/** Limits applied while parsing. */
export interface FormLimits {
  maxValueLength: number;
  maxListEntries: number;
}

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new Ec2Error('MalformedQueryString', `The request contains an invalid percent-encoding: ${part.slice(0, 100)}`, 400);
  }
}

/** Decode an `application/x-www-form-urlencoded` body strictly (bad %-escapes and repeated keys are errors). */
export function parseForm(body: string, limits: FormLimits): Params {
  const params: Params = new Map();
  if (body.length === 0) return params;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodePart(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodePart(pair.slice(eq + 1));
    if (key === '') throw new Ec2Error('MalformedQueryString', 'The request contains an empty parameter name', 400);
    if (params.has(key)) throw invalidParameterValue(`The parameter ${key} is specified more than once`);
    if (value.length > limits.maxValueLength) {
      throw invalidParameterValue(`The value for parameter ${key} exceeds the maximum length of ${limits.maxValueLength}`);
    }
    params.set(key, value);
  }
  return params;
}

/** Entries `prefix.N` sorted by N (EC2 lists are 1-based; gaps are tolerated). */
export function readList(params: Params, prefix: string, limits: FormLimits): string[] {
  const entries: Array<[number, string]> = [];
  for (const [key, value] of params) {
    if (!key.startsWith(`${prefix}.`)) continue;
    const index = key.slice(prefix.length + 1);
    if (!/^[1-9][0-9]{0,8}$/.test(index)) throw unknownParameter(key);
    entries.push([Number(index), value]);
  }
  if (entries.length > limits.maxListEntries) {
    throw invalidParameterValue(`The parameter ${prefix} has more than ${limits.maxListEntries} entries`);
  }
  return entries.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** The `Filter.N.Name` / `Filter.N.Value.M` list, in index order. */
export function readFilters(params: Params, limits: FormLimits): WireFilter[] {
  const byIndex = new Map<number, { name?: string; values: Array<[number, string]> }>();
  for (const [key, value] of params) {
    if (!key.startsWith('Filter.')) continue;
    const m = /^Filter\.([1-9][0-9]{0,8})\.(?:(Name)|Value\.([1-9][0-9]{0,8}))$/.exec(key);
    if (m === null) throw unknownParameter(key);
    const index = Number(m[1]);
    const slot = byIndex.get(index) ?? { values: [] };
    byIndex.set(index, slot);
    if (m[2] !== undefined) slot.name = value;
    else slot.values.push([Number(m[3]), value]);
    if (slot.values.length > limits.maxListEntries) {
      throw invalidParameterValue(`The filter Filter.${index} has more than ${limits.maxListEntries} values`);
    }
  }
  if (byIndex.size > limits.maxListEntries) {
    throw invalidParameterValue(`The parameter Filter has more than ${limits.maxListEntries} entries`);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([index, slot]) => {
    if (slot.name === undefined) throw missingParameter(`Filter.${index}.Name`);
    return { Name: slot.name, Values: slot.values.sort((a, b) => a[0] - b[0]).map(([, v]) => v) };
  });
}

/** A `true`/`false` parameter; undefined when absent (contract §1.2: booleans are lower-case). */
export function readBoolean(params: Params, key: string): boolean | undefined {
  const value = params.get(key);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidParameterValue(`Value (${value}) for parameter ${key} is invalid. Expected: 'true' or 'false'.`);
}

/** Reject keys that are not `allowed` exactly nor start with one of `listPrefixes` + '.'. */
export function assertKnownParams(params: Params, allowed: readonly string[], listPrefixes: readonly string[]): void {
  for (const key of params.keys()) {
    if (allowed.includes(key)) continue;
    if (listPrefixes.some((p) => key.startsWith(`${p}.`))) continue;
    throw unknownParameter(key);
  }
}
