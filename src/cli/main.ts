/**
 * The one exit point of the command: parse, dispatch, and turn every failure into an exit code.
 * bin/ami-find.js calls main() and exits with what it returns. Heavy modules load lazily: plain
 * --help and --version are answered by the fast path (fast-path.ts) before commander or even the
 * process streams are loaded (issue 6), and nothing here loads the AWS SDK for help, version,
 * presets or completion.
 */
import { cliFastPathIo, fastAnswer, processFastPathIo } from './fast-path.js';
import type { CliIo } from './io.js';

/** Run ami-find with `argv` (without node and the script); resolves to the process exit code. `given` replaces the process's streams (tests). */
export async function main(argv: string[], given?: CliIo): Promise<number> {
  const fast = given ? cliFastPathIo(given) : processFastPathIo();
  const answer = await fastAnswer(argv, fast);
  if (answer !== undefined) {
    fast.write(answer);
    return 0; // EXIT.OK, as commander gives for help and version
  }
  const io = given ?? (await import('./io.js')).processIo();
  const debug = argv.includes('--debug');
  try {
    const { parseArgv } = await import('./program.js');
    const cmd = await parseArgv(argv, {
      writeOut: (s) => { io.stdout.write(s); },
      writeErr: (s) => { io.stderr.write(s); },
      helpWidth: fast.columns,
    });
    switch (cmd.kind) {
      case 'completion': {
        const { completionScript } = await import('../completion/index.js');
        io.stdout.write(completionScript(cmd.shell));
        return 0;
      }
      case 'presets':
        return (await import('./run-presets.js')).runPresets(io);
      case 'show':
        return await (await import('./run-show.js')).runShow(cmd.imageIds, cmd.options, io);
      case 'find':
        return await (await import('./run-find.js')).runFind(cmd.preset, cmd.options, io, argv.length === 0);
    }
  } catch (err) {
    const { reportError } = await import('./report-error.js');
    return reportError(err, io, debug);
  }
}
