/** Shell completion scripts for ami-find, generated from the option table (src/cli/options.ts). */
import type { Shell } from '../../src/query/vocabulary.js';
import { bashScript } from './bash.js';
import { zshScript } from './zsh.js';
import { fishScript } from './fish.js';
import { buildCompletionModel, type CompletionModel } from './model.js';

export { buildCompletionModel } from './model.js';
export type { Candidate, CompletionModel } from './model.js';

const GENERATORS: Record<Shell, (model: CompletionModel) => string> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
};

/** The completion script for `shell`, as `ami-find completion <shell>` prints it. */
export function completionScript(shell: Shell): string {
  return GENERATORS[shell](buildCompletionModel());
}
