/**
 * The one exit point of the command: parse, dispatch, and turn every failure into an exit code.
 * bin/ami-find.js calls main() and exits with what it returns. Heavy modules load lazily so that
 * --help, --version and completion never touch the AWS SDK.
 */
import { parseArgv } from './program.js';
import { processIo, type CliIo } from './io.js';
import { reportError } from './report-error.js';

/** Run ami-find with `argv` (without node and the script); resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const cmd = await parseArgv(argv, {
      writeOut: (s) => { io.stdout.write(s); },
      writeErr: (s) => { io.stderr.write(s); },
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
    return reportError(err, io, debug);
  }
}
