/** `npm run completions`: writes the committed completion scripts (completions/) from the generators. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { completionScript } from '../src/completion/index.js';
import { SHELLS, type Shell } from '../src/query/vocabulary.js';

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
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, completionScript(shell));
    written.push(path);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  for (const path of await writeCompletionFiles(root)) process.stdout.write(`wrote ${path}\n`);
}
