/** `ami-find presets`: list the distro presets and what each expands to. */
import { formatPresetList, PRESETS } from '../query/presets.js';
import type { CliIo } from './io.js';

/** Print the preset list on stdout; resolves to the exit code. */
export async function runPresets(io: CliIo): Promise<number> {
  const t = await io.theme(true, 'stdout');
  io.stdout.write(formatPresetList(PRESETS, { name: t.title, dim: t.dim }));
  return 0;
}
