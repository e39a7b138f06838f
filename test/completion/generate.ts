/** Regenerates completions/ from the option table: `npm run completions` (after a build). */
import { fileURLToPath } from 'node:url';
import { writeCompletionFiles } from '../../src/completion/write.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
for (const path of await writeCompletionFiles(root)) process.stdout.write(`wrote ${path}\n`);
