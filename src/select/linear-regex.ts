/**
 * `--name-regex` on a linear-time engine. Why: V8's usual engine backtracks, and a pattern such as
 * `(a+)+$` on a long name spins at 100% CPU for ever, deaf to Ctrl-C (the signal handler never gets
 * the thread; issue 15). V8 also has a non-backtracking engine, whose time is linear in the name's
 * length, behind the `l` flag, which it accepts only while `--enable-experimental-regexp-engine` is
 * set. The flag is set just to compile the pattern and then restored: a compiled `l` regexp keeps
 * running on that engine, and restoring the flag keeps V8's flag hash, so Node's code cache and
 * the SDK bundle's stay valid. Patterns that engine cannot run are refused: backreferences,
 * lookahead and lookbehind, and counted repetitions above 16 (`a{17}`, `a{0,99}`), which it
 * would have to unroll. If this V8 has no such engine, patterns run on the usual one.
 */
import { usageError } from '../errors.js';

const HINT = 'a JavaScript regular expression, e.g. ^ubuntu/.*-24\\.04-arm64- (EC2 globs like * belong in --name)';

/** What the linear engine refuses, for the error line. */
export const NOT_LINEAR = 'backreferences (\\1, \\k<name>), lookahead or lookbehind ((?=, (?!, (?<=, (?<!) and counts above {16}';

type V8 = typeof import('node:v8');

/** node:v8, when this Node can hand it over synchronously (getBuiltinModule, Node >= 20.16). */
function v8Module(): V8 | undefined {
  return process.getBuiltinModule?.('node:v8') as V8 | undefined;
}

/** Compile `source` with the `l` flag; undefined when this V8 has no linear engine. Throws V8's SyntaxError otherwise. */
export function compileLinear(source: string, v8: V8 | undefined = v8Module()): RegExp | undefined {
  if (v8 === undefined) return undefined;
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
  try {
    try {
      new RegExp('', 'l');
    } catch {
      return undefined; // the flag is unknown here: no linear engine
    }
    return new RegExp(source, 'l');
  } finally {
    v8.setFlagsFromString('--no-enable-experimental-regexp-engine');
  }
}

/**
 * The RegExp for `--name-regex`: on the linear engine when there is one. Throws E_BAD_REGEX (exit 2)
 * for an invalid pattern, and for one the linear engine cannot run (one line, no hint).
 */
export function nameRegex(source: string, v8?: V8): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source);
  } catch (err) {
    throw usageError(`invalid --name-regex '${source}': ${(err as Error).message}`, HINT, 'E_BAD_REGEX');
  }
  try {
    return compileLinear(source, v8 ?? v8Module()) ?? re;
  } catch {
    throw usageError(`--name-regex '${source}' cannot run in linear time: ${NOT_LINEAR} are not supported`, undefined, 'E_BAD_REGEX');
  }
}
