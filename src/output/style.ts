/** The styles human outputs use, injected by the caller: formatters hold no colour state. */
import type { ChalkInstance } from 'chalk';

/** Text decorations table and wide apply. Each returns the decorated string. */
export interface OutputStyle {
  header(s: string): string;
  /** A whole row of a deprecated image. */
  deprecated(s: string): string;
  /** Secondary text, such as a relative age. */
  dim(s: string): string;
}

/** Every style of the CLI: tables, `show`, `presets` and the picker. */
export interface Theme extends OutputStyle {
  title(s: string): string;
  label(s: string): string;
  warn(s: string): string;
  selected(s: string): string;
}

const identity = (s: string) => s;

/** No decoration at all: the default, and what machine formats always use. */
export const PLAIN_STYLE: OutputStyle = { header: identity, deprecated: identity, dim: identity };

/** The theme drawn from a chalk instance (at level 0 it returns strings unchanged). */
export function chalkStyle(chalk: ChalkInstance): Theme {
  return {
    header: (s) => chalk.bold(s),
    deprecated: (s) => chalk.yellow(s),
    dim: (s) => chalk.dim(s),
    title: (s) => chalk.bold(s),
    label: (s) => chalk.cyan(s),
    warn: (s) => chalk.yellow(s),
    selected: (s) => chalk.inverse(s),
  };
}

/** The theme at a colour level from the gate (CliIo.colorLevel); loads chalk. */
export async function theme(level: 0 | 1 | 2 | 3): Promise<Theme> {
  const { Chalk } = await import('chalk');
  return chalkStyle(new Chalk({ level }));
}
