/**
 * EC2 filter-value globs: `*` is any run of characters, `?` exactly one, and a backslash
 * escapes `*`, `?` and `\`; any other escape is rejected (contract §4.4, hashicorp/packer#6572).
 */
import { invalidEscape } from './errors.js';

/** A compiled filter value. */
export type Matcher = (value: string) => boolean;

// Syntax characters only: with the `u` flag, escaping anything else (like `-`) is an error.
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** Compile one filter value into a matcher; throws InvalidParameterValue on a bad escape. */
export function compileGlob(pattern: string): Matcher {
  let source = '';
  let literal = '';
  let wild = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '?' && next !== '\\') {
        // Why: EC2 reports the two-character sequence, e.g. '\d' (hashicorp/packer#6572).
        throw invalidEscape(next === undefined ? '\\' : `\\${String.fromCodePoint(pattern.codePointAt(i + 1) ?? 0)}`);
      }
      literal += next;
      source += next.replace(REGEX_SPECIAL, '\\$&');
      i += 1;
    } else if (c === '*') {
      wild = true;
      source += '.*';
    } else if (c === '?') {
      wild = true;
      source += '.';
    } else {
      literal += c;
      source += c.replace(REGEX_SPECIAL, '\\$&');
    }
  }
  if (!wild) return (value) => value === literal;
  if (/^\.\*$/.test(source)) return () => true;
  const re = new RegExp(`^${source}$`, 'su');
  return (value) => re.test(value);
}
