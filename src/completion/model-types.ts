/** The shell-neutral description of what ami-find completes, from which each shell's script is generated. */
import type { CompletionKind, PositionalKind } from '../cli/options.js';
import type { ParsedFlags } from './flags.js';

/** One thing a shell may offer, with a description where the shell shows them ('' for none). */
export interface Candidate {
  readonly value: string;
  readonly description: string;
}

/** One flag of one command. */
export interface FlagModel extends ParsedFlags {
  readonly description: string;
  readonly kind: CompletionKind;
  /** Static candidates for the value (empty for switches, free text, filters and profiles). */
  readonly values: readonly Candidate[];
  /** May be given more than once. */
  readonly repeatable: boolean;
  /** The value is a comma-separated list: complete the part after the last comma. */
  readonly commaList: boolean;
}

export interface CommandModel {
  /** '' for the main command. */
  readonly name: string;
  readonly description: string;
  readonly flags: readonly FlagModel[];
  /** What its first positional argument completes to. */
  readonly positional: PositionalKind | 'none';
}

export interface CompletionModel {
  readonly program: string;
  /** The main command first, then each subcommand. */
  readonly commands: readonly CommandModel[];
  readonly subcommands: readonly Candidate[];
  readonly presets: readonly Candidate[];
  readonly shells: readonly Candidate[];
  /** Every DescribeImages filter name, without the `tag:` family. */
  readonly filterNames: readonly string[];
  /** `tag:`: offered after `--filter` as a prefix with free text after it. */
  readonly tagPrefix: string;
  /** Filters with enumerated values, in FILTER_NAMES order. */
  readonly filterValues: readonly { readonly name: string; readonly values: readonly string[] }[];
}
