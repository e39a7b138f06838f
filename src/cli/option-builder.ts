/** Turns an option-table entry (src/cli/options.ts) into a commander Option. */
import { InvalidArgumentError, Option } from 'commander';
import type { OptionSpec, ValueParser } from './options.js';

/** Why `value` is not a number of `kind` (commander's message wording), or undefined when it is. */
function numberProblem(kind: ValueParser, value: string): string | undefined {
  if (kind === 'duration') return durationMs(value) === undefined ? 'not a duration above 0 (500ms, 10s, 2m or 1h; a bare number is seconds).' : undefined;
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) return 'not a positive whole number.';
  return Number(value) < 1 ? 'must be 1 or more.' : undefined;
}

/** The longest duration a timer takes (Node's setTimeout limit, 2^31 - 1 ms, about 24 days). */
const MAX_DURATION_MS = 2 ** 31 - 1;
const DURATION_UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration in whole milliseconds (`500ms`, `1.5s`, `2m`, `1h`; a bare number is seconds), or undefined unless above 0 and within a timer's range. */
function durationMs(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim());
  if (!m) return undefined;
  const ms = Math.round(Number(m[1]) * DURATION_UNIT_MS[(m[2] ?? 's').toLowerCase()]!);
  return ms >= 1 && ms <= MAX_DURATION_MS ? ms : undefined;
}

/** Parse a whole decimal number (a duration: its milliseconds) for `kind`, or throw commander's InvalidArgumentError. */
function parseNumber(kind: ValueParser, value: string): number {
  const problem = numberProblem(kind, value);
  if (problem !== undefined) throw new InvalidArgumentError(problem);
  return kind === 'duration' ? durationMs(value)! : Number(value);
}

/** Split one flag value on commas, trimming and dropping empty parts (`--owner a,b`). */
function splitCommas(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A commander Option built from one spec: choices, env, parser, collecting repeatables, conflicts, help group. */
export function buildOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description).helpGroup(`${spec.group}:`);
  if (spec.choices) option.choices(spec.choices);
  if (spec.env) option.env(spec.env);
  if (spec.conflicts) option.conflicts([...spec.conflicts]);
  if (spec.default !== undefined && !spec.flags.includes('--no-')) option.default(spec.default);
  const parse = spec.parse;
  if (parse && !spec.repeatable) option.argParser((v: string) => parseNumber(parse, v));
  if (spec.repeatable) {
    option.argParser((v: string, previous: string[] | undefined) => {
      const values = spec.splitCommas ? splitCommas(v) : [v];
      if (values.length === 0) throw new InvalidArgumentError('empty value.');
      // A default array would be shared between parses: always build a fresh one.
      return [...(previous ?? []), ...values];
    });
  }
  return option;
}
