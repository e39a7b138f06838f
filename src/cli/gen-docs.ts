/**
 * Script: rewrite README.md's generated sections (options, exit-codes) in place.
 * Run `npm run build && node dist/src/cli/gen-docs.js [README.md]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { updateGeneratedSections } from './readme-sections.js';

/** Update the README at `path`; returns true when it changed. */
export function generateReadme(path: string): boolean {
  const before = readFileSync(path, 'utf8');
  const after = updateGeneratedSections(before);
  if (after !== before) writeFileSync(path, after);
  return after !== before;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = process.argv[2] ?? 'README.md';
  process.stdout.write(`${generateReadme(path) ? 'updated' : 'unchanged'} ${path}\n`);
}
