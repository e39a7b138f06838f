/**
 * What a flag value must look like, without commander: option-builder.ts turns a problem into
 * commander's InvalidArgumentError, and the help/version fast path (fast-path.ts) uses the same
 * checks to decide whether commander would reject an environment variable before showing help.
 */
import type { OptionSpec, ValueParser } from './options.js';

/** Why `value` is not a number of `kind` (commander's message wording), or undefined when it is. */
export function numberProblem(kind: ValueParser, value: string): string | undefined {
  if (kind === 'duration') return durationMs(value) === undefined ? 'not a duration above 0 (500ms, 10s, 2m or 1h; a bare number is seconds).' : undefined;
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

/** The longest duration a timer takes (Node's setTimeout limit, 2^31 - 1 ms, about 24 days). */
const MAX_DURATION_MS = 2 ** 31 - 1;
const DURATION_UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration flag value in whole milliseconds (`500ms`, `10s`, `1.5s`, `2m`, `1h`; a bare number is seconds), or undefined unless above 0 and within a timer's range. */
export function durationMs(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim());
  if (!m) return undefined;
  const ms = Math.round(Number(m[1]) * DURATION_UNIT_MS[(m[2] ?? 's').toLowerCase()]!);
  return ms >= 1 && ms <= MAX_DURATION_MS ? ms : undefined;
}
