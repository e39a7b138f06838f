/**
 * The styles table and wide output use, injected by the caller: formatters hold no colour state.
 * The CLI builds one from the chalk instance of its colour gate (src/ui/color.ts).
 */
import type { ChalkInstance } from 'chalk';

/** Text decorations the human formats apply. Each returns the decorated string. */
export interface OutputStyle {
  header(s: string): string;
  /** A whole row of a deprecated image. */
  deprecated(s: string): string;
  /** Secondary text, such as a relative age. */
  dim(s: string): string;
}

const identity = (s: string) => s;

/** No decoration at all: the default, and what machine formats always use. */
export const PLAIN_STYLE: OutputStyle = { header: identity, deprecated: identity, dim: identity };

/** Styles drawn from a chalk instance (at level 0 it returns strings unchanged). */
export function chalkStyle(chalk: ChalkInstance): OutputStyle {
  return {
    header: (s) => chalk.bold(s),
    deprecated: (s) => chalk.yellow(s),
    dim: (s) => chalk.dim(s),
  };
}
