/** `--name-regex` on RE2 (re2js, loaded on first use): linear time, so no pattern can hang a listing (docs/ARCHITECTURE.md). */
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import { usageError } from '../errors.js';

const HINT = 'a JavaScript regular expression, e.g. ^ubuntu/.*-24\\.04-arm64- (EC2 globs like * belong in --name)';

/** What RE2 refuses, for the error line. */
const NOT_LINEAR = 'backreferences (\\1, \\k<name>), lookahead or lookbehind ((?=, (?!, (?<=, (?<!) and counts above {1000}';

// JavaScript's \s, its complement and `.` (no line terminator), spelled for RE2 classes.
const SPACE = '\\t-\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
const NOT_SPACE = '\\x00-\\x08\\x{e}-\\x{1f}!-\\x{9f}\\x{a1}-\\x{167f}\\x{1681}-\\x{1fff}\\x{200b}-\\x{2027}\\x{202a}-\\x{202e}'
  + '\\x{2030}-\\x{205e}\\x{2060}-\\x{2fff}\\x{3001}-\\x{fefe}\\x{ff00}-\\x{10ffff}';
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/** A class escape (RE2 reads a `-` beside one as a range). */
const SET = /^\\[sSdDwW]/;

class NotLinear extends Error {}

/** RE2 for the escape at `src[i]` (read as JavaScript without the u flag), and the index after it. */
function escape(src: string, i: number, inClass: boolean, named: boolean): [string, number] {
  const rest = src.slice(i + 1);
  const c = rest[0] ?? '\\';
  if (/[1-9]/.test(c) || (c === 'k' && named)) throw new NotLinear();
  if (c === 's') return [inClass ? SPACE : `[${SPACE}]`, i + 2];
  if (c === 'S') return [inClass ? NOT_SPACE : `[^${SPACE}]`, i + 2];
  if (inClass && (c === 'b' || c === 'B')) return [c === 'b' ? '\\x08' : 'B', i + 2];
  if ('bBdDwWnrtfv'.includes(c)) return [`\\${c}`, i + 2];
  if (c === '0') return ['\\x00', i + 2];
  const code = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|c([a-zA-Z]))/.exec(rest);
  if (code) return [`\\x{${code[1] ?? code[2] ?? (code[3]!.charCodeAt(0) % 32).toString(16)}}`, i + 1 + code[0].length];
  if (c === 'c') return ['\\\\c', i + 2];
  const ch = String.fromCodePoint(rest.codePointAt(0) ?? 92);
  // Any other letter stands for itself in JavaScript (`\a` is `a`), where RE2 gives some a meaning (\a, \pL, \Q).
  return [/[\w\s]|[^\x00-\x7f]/.test(ch) ? ch : `\\${ch}`, i + 1 + ch.length];
}

/** `src`, a JavaScript pattern, as RE2 with the same meaning; throws NotLinear for backreferences and lookaround. */
export function toRe2(src: string): string {
  const named = /\(\?<[^=!]/.test(src);
  let out = '';
  let inClass = false;
  let afterSet = false;
  for (let i = 0; i < src.length;) {
    const c = src[i]!;
    const wasSet = afterSet;
    afterSet = c === '\\' && SET.test(src.slice(i));
    const empty = /^\[\^?\]/.exec(src.slice(i))?.[0];
    if (c === '\\') {
      const [text, next] = escape(src, i, inClass, named);
      out += text;
      i = next;
      continue;
    }
    if (inClass) {
      // A `[` in a class is a member in JavaScript (RE2 would read `[:alpha:]`), so is a `-` beside a class escape.
      const member = c === '[' || (c === '-' && (wasSet || SET.test(src.slice(i + 1))));
      out += member ? `\\${c}` : c;
      inClass = c !== ']';
    } else if (empty !== undefined) {
      // JavaScript's `[]` matches nothing and `[^]` anything; RE2 would read that `]` as a member.
      out += empty === '[]' ? '[^\\x00-\\x{10ffff}]' : '[\\x00-\\x{10ffff}]';
      i += empty.length;
      continue;
    } else if (c === '[') {
      inClass = true;
      out += src[i + 1] === '^' ? '[^' : '[';
      i += src[i + 1] === '^' ? 2 : 1;
      continue;
    } else if (/^\(\?<?[=!]/.test(src.slice(i))) {
      throw new NotLinear();
    } else if (src.startsWith('(?<', i)) {
      out += '(?P<';
      i += 3;
      continue;
    } else {
      out += c === '.' ? DOT : c;
    }
    i++;
  }
  return out;
}

let re2js: typeof RE2JS | undefined;

/**
 * The matcher for `--name-regex`, on RE2. Throws E_BAD_REGEX (exit 2) for an invalid pattern, and in one
 * line without a hint for one RE2 cannot run.
 */
export function nameRegex(source: string): { test(name: string): boolean } {
  try {
    new RegExp(source);
  } catch (err) {
    throw usageError(`invalid --name-regex '${source}': ${(err as Error).message}`, HINT, 'E_BAD_REGEX');
  }
  re2js ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS;
  try {
    return re2js.compile(toRe2(source));
  } catch {
    throw usageError(`--name-regex '${source}' cannot run in linear time: ${NOT_LINEAR} are not supported`, undefined, 'E_BAD_REGEX');
  }
}
