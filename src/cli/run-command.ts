/**
 * The command past the fast path (main.ts): parse with commander, dispatch, and turn every failure
 * into an exit code. A module of its own so that the CLI bundle can load all of it at once
 * (src/build/cli-bundle.ts) while --help and --version load only the fast path.
 */
import type { CliIo } from './io.js';

/** Run ami-find with `argv` (without node and the script); resolves to the process exit code. `columns`: the terminal's width for help, when known; `given` replaces the process's streams (tests). */
export async function runCommand(argv: string[], columns: () => number | undefined, given?: CliIo): Promise<number> {
  const { processIo, drainedAll } = await import('./io.js');
  const io = given ?? processIo();
  try {
    return await dispatch(argv, columns, io);
  } finally {
    // Every byte reaches a slow reader before the process exits (bin/ami-find.js calls process.exit).
    await drainedAll(io);
  }
}

async function dispatch(argv: string[], columns: () => number | undefined, io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { parseArgv } = await import('./program.js');
    const cmd = await parseArgv(argv, {
      writeOut: (s) => { io.stdout.write(s); },
      writeErr: (s) => { io.stderr.write(s); },
      helpWidth: columns,
    });
    switch (cmd.kind) {
      case 'completion': {
        const { completionScript } = await import('../completion/index.js');
        io.stdout.write(completionScript(cmd.shell));
        return 0;
      }
      case 'presets':
        return await (await import('./run-presets.js')).runPresets(io);
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
