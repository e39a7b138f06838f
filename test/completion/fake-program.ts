/** A stand-in `ami-find` on PATH that records being run: completion must never start it. */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Sandbox } from './support.js';

/** Put a fake `ami-find` first on the sandbox PATH. */
export function installFakeProgram(box: Sandbox): void {
  const bin = join(box.dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const path = join(bin, 'ami-find');
  writeFileSync(path, `#!/bin/sh\ntouch '${join(box.dir, 'ami-find-ran')}'\n`);
  chmodSync(path, 0o755);
  box.env.PATH = `${bin}${delimiter}${box.env.PATH ?? ''}`;
}

/** True when the fake `ami-find` was run. */
export function programRan(box: Sandbox): boolean {
  return existsSync(join(box.dir, 'ami-find-ran'));
}
