/**
 * Loads run-command (everything past the fast path). From a built CLI bundle that is
 * run-command.cjs next to this module, run with its V8 code cache (src/build/cli-bundle.ts,
 * warm-cli.ts); from the tsc output (dist/src, or the sources under ts-jest) it is the module itself.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../code-cache.js';
import type * as RunCommand from './run-command.js';

export async function loadRunCommand(): Promise<typeof RunCommand> {
  // As loadAwsSdk() does for the SDK bundle (src/aws/sdk.ts).
  const bundle = fileURLToPath(new URL('./run-command.cjs', import.meta.url));
  if (existsSync(bundle)) return loadBundle(bundle).exports as typeof RunCommand;
  return import('./run-command.js');
}
