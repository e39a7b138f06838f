/**
 * The one colour gate. Every coloured byte ami-find writes goes through the chalk instance made here.
 * Precedence follows commander's `useColor` (lib/command.js): --no-color, then NO_COLOR
 * (https://no-color.org), then FORCE_COLOR (0/false off, 1-3 a level, anything else on), then the TTY.
 */
import { Chalk, type ChalkInstance } from 'chalk';

/** What the gate decides from. The CLI fills it at the boundary (src/cli/resolve.ts). */
export interface ColorInputs {
  /** false when --no-color was given. */
  flag: boolean;
  /** NO_COLOR from the environment. */
  noColor?: string;
  /** FORCE_COLOR from the environment. */
  forceColor?: string;
  /** Whether the stream the colours go to is a terminal. */
  isTTY: boolean;
}

/** Chalk colour level (0 = none, 1 = 16 colours, 2 = 256, 3 = truecolor) the inputs call for. */
export function colorLevel(inputs: ColorInputs): 0 | 1 | 2 | 3 {
  if (!inputs.flag) return 0;
  if (inputs.noColor !== undefined && inputs.noColor !== '') return 0;
  const force = inputs.forceColor;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  return inputs.isTTY ? 1 : 0;
}

/** A chalk instance at the level the gate allows (level 0 returns strings unchanged). */
export function makeColor(inputs: ColorInputs): ChalkInstance {
  return new Chalk({ level: colorLevel(inputs) });
}
