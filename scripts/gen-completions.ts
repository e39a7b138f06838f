/** `npm run completions`: writes the committed completion scripts (completions/) from the generators. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMPLETION_FILES } from '../src/cli/run-completion.js';
import { SHELLS } from '../src/query/vocabulary.js';
import { completionScript } from './completion/index.js';

export { COMPLETION_FILES };

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
