/** Writes the committed completion scripts (completions/) from the generators. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHELLS, type Shell } from '../query/vocabulary.js';
import { completionScript } from './index.js';

/** Where each shell's script is committed, relative to the package root. */
export const COMPLETION_FILES: Record<Shell, string> = {
  bash: 'completions/ami-find.bash',
  zsh: 'completions/_ami-find',
  fish: 'completions/ami-find.fish',
};

/** Regenerate every committed completion script under `rootDir`; returns the paths written. */
export async function writeCompletionFiles(rootDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const shell of SHELLS) {
    const path = join(rootDir, COMPLETION_FILES[shell]);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, completionScript(shell));
    written.push(path);
  }
  return written;
}
