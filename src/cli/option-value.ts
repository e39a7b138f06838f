/**
 * What a flag value must look like, without commander: option-builder.ts turns a problem into
 * commander's InvalidArgumentError, and the help/version fast path (fast-path.ts) uses the same
 * checks to decide whether commander would reject an environment variable before showing help.
 */
import type { OptionSpec, ValueParser } from './options.js';

/** Why `value` is not a number of `kind` (commander's message wording), or undefined when it is. */
export function numberProblem(kind: ValueParser, value: string): string | undefined {
  const ok = kind === 'int' ? /^-?\d+$/ : /^\d+$/;
  const n = Number(value);
  if (!ok.test(value.trim()) || !Number.isSafeInteger(n)) {
    return kind === 'int' ? 'not a whole number.' : `not a ${kind === 'positive-int' ? 'positive' : 'non-negative'} whole number.`;
  }
  if (kind === 'positive-int' && n < 1) return 'must be 1 or more.';
  return undefined;
}

/**
 * Whether commander would surely accept `value` for `spec` when it comes from the spec's env
 * variable. Repeatable specs are never vouched for (their parser may reject an empty list).
 */
export function envValueAccepted(spec: OptionSpec, value: string): boolean {
  if (spec.repeatable) return false;
  if (spec.choices && !spec.choices.includes(value)) return false;
  if (spec.parse && numberProblem(spec.parse, value) !== undefined) return false;
  return true;
}
