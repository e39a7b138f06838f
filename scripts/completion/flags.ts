/** Reads commander flag strings (`-o, --output <format>`) into the parts completion needs. */

/** Whether a flag takes a value: none (a switch), required (`<x>`) or optional (`[x]`). */
export type FlagArity = 'none' | 'required' | 'optional';

export interface ParsedFlags {
  /** `--output`; every flag in the table has one. */
  readonly long: string;
  /** `-o`, when the flag has a short form. */
  readonly short?: string;
  readonly arity: FlagArity;
  /** What the value is called in the flags string (`format` for `<format>`), when it takes one. */
  readonly placeholder?: string;
}

/** Split a commander flags string into long name, short name and arity. */
export function parseFlags(flags: string): ParsedFlags {
  const match = /^(?:(-[A-Za-z]),\s*)?(--[a-z][a-z0-9-]*)(?:\s+([<[])(.*)[>\]])?$/.exec(flags.trim());
  if (!match) throw new Error(`unreadable flags in the option table: ${flags}`);
  const [, short, long, bracket, placeholder] = match;
  const arity: FlagArity = bracket === '<' ? 'required' : bracket === '[' ? 'optional' : 'none';
  return {
    long: long!, arity, ...(short ? { short } : {}), ...(placeholder ? { placeholder } : {}),
  };
}
