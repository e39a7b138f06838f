/**
 * The one exit point of the command: answer from the fast path, or hand over to run-command.ts,
 * which parses, dispatches and turns every failure into an exit code. bin/ami-find.js calls main()
 * and exits with what it returns. Heavy modules load lazily: plain
 * --help and --version are answered by the fast path (fast-path.ts) before commander or even the
 * process streams are loaded (issue 6), and nothing here loads the AWS SDK for help, version,
 * presets or completion. Everything past the fast path is run-command.ts, which the CLI bundle
 * keeps in one CommonJS module with a V8 code cache (src/build/cli-bundle.ts, load-run-command.ts).
 */
import { cliFastPathIo, fastAnswer, processFastPathIo } from './fast-path.js';
import type { CliIo } from './io.js';

/** Run ami-find with `argv` (without node and the script); resolves to the process exit code. `given` replaces the process's streams (tests). */
export async function main(argv: string[], given?: CliIo): Promise<number> {
  const fast = given ? cliFastPathIo(given) : processFastPathIo();
  const answer = await fastAnswer(argv, fast);
  if (answer !== undefined) {
    await fast.write(answer); // all of it, before bin/ami-find.js exits
    return 0; // EXIT.OK, as commander gives for help and version
  }
  return (await (await import('./load-run-command.js')).loadRunCommand()).runCommand(argv, fast.columns, given);
}
