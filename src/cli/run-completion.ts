/** `ami-find completion <shell>`: print the committed script (completions/, written by `npm run completions`). */
import { readFile } from 'node:fs/promises';
import type { Shell } from '../query/vocabulary.js';
import type { CliIo } from './io.js';

/** Where each shell's script lives, relative to the package root. */
export const COMPLETION_FILES: Record<Shell, string> = {
  bash: 'completions/ami-find.bash',
  zsh: 'completions/_ami-find',
  fish: 'completions/ami-find.fish',
};

/** The script for `shell`: the package root is two levels above src/cli, three above dist/src/cli. */
export async function completionScript(shell: Shell): Promise<string> {
  for (const up of ['../../', '../../../']) {
    try {
      return await readFile(new URL(up + COMPLETION_FILES[shell], import.meta.url), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new Error(`${COMPLETION_FILES[shell]} is missing from the package`);
}

export async function runCompletion(shell: Shell, io: CliIo): Promise<void> {
  io.stdout.write(await completionScript(shell));
}
