/** `ami-find presets`: list the distro presets and what each expands to. */
import { formatPresetList, PRESETS } from '../query/presets.js';
import { makeColor } from '../ui/color.js';
import type { CliIo } from './io.js';

/** Print the preset list on stdout; resolves to the exit code. */
export function runPresets(io: CliIo): number {
  const b = io.boundary;
  const c = makeColor({ flag: true, noColor: b.env.NO_COLOR, forceColor: b.env.FORCE_COLOR, isTTY: b.stdoutTTY });
  io.stdout.write(formatPresetList(PRESETS, { name: (s) => c.bold(s), dim: (s) => c.dim(s) }));
  return 0;
}
