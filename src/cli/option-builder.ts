/** Turns an option-table entry (src/cli/options.ts) into a commander Option. */
import { InvalidArgumentError, Option } from 'commander';
import { groupHeading } from './help.js';
import { durationMs, numberProblem } from './option-value.js';
import type { OptionSpec, ValueParser } from './options.js';

/** Parse a whole decimal number (a duration: its milliseconds) for `kind`, or throw commander's InvalidArgumentError. */
export function parseNumber(kind: ValueParser, value: string): number {
  const problem = numberProblem(kind, value);
  if (problem !== undefined) throw new InvalidArgumentError(problem);
  return kind === 'duration' ? durationMs(value)! : Number(value);
}

/** Split one flag value on commas, trimming and dropping empty parts (`--owner a,b`). */
export function splitCommas(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A commander Option built from one spec: choices, env, parser, collecting repeatables, conflicts, help group. */
export function buildOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description).helpGroup(groupHeading(spec.group));
  if (spec.choices) option.choices(spec.choices);
  if (spec.env) option.env(spec.env);
  if (spec.conflicts) option.conflicts([...spec.conflicts]);
  if (spec.hidden) option.hideHelp();
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
