/** What both bundles of the build share: Node 20, bundled, with a metafile and the licences kept. */
import type { BuildOptions } from 'esbuild';

export const BUNDLE_BASE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
  legalComments: 'eof',
} as const satisfies BuildOptions;
