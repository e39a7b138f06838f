/** Turns an option-table entry (src/cli/options.ts) into a commander Option. */
import { InvalidArgumentError, Option } from 'commander';
import type { OptionSpec, ValueParser } from './options.js';

/** Parse a whole decimal number for `kind`, or throw commander's InvalidArgumentError. */
export function parseNumber(kind: ValueParser, value: string): number {
  const ok = kind === 'int' ? /^-?\d+$/ : /^\d+$/;
  const n = Number(value);
  if (!ok.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError(kind === 'int' ? 'not a whole number.' : `not a ${kind === 'positive-int' ? 'positive' : 'non-negative'} whole number.`);
  }
  if (kind === 'positive-int' && n < 1) throw new InvalidArgumentError('must be 1 or more.');
  return n;
}

/** Split one flag value on commas, trimming and dropping empty parts (`--owner a,b`). */
export function splitCommas(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Help heading of an option group. */
export function groupHeading(group: string): string {
  return `${group}:`;
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
