/**
 * The one exit point: parse, run the command, and turn every failure into an exit code.
 * bin/ami-find.js exits with what main() returns. Run functions and error reporting load on demand.
 */
import { drainedAll, processIo, type CliIo } from './io.js';
import { parseArgv, shownHelpOrVersion } from './program.js';

/** Run ami-find with `argv` (without node and the script); resolves to the exit code. `given` replaces the process's streams (tests). */
export async function main(argv: string[], given?: CliIo): Promise<number> {
  const io = given ?? processIo();
  try {
    return await run(argv, io);
  } finally {
    // Every byte reaches a slow reader before the bin calls process.exit.
    await drainedAll(io);
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    const { command, args, options } = await parseArgv(argv, {
      writeOut: (s) => { io.stdout.write(s); },
      writeErr: (s) => { io.stderr.write(s); },
      helpWidth: io.columns,
    });
    return (await command.run({ args, options, io, argv })) ?? 0;
  } catch (err) {
    if (shownHelpOrVersion(err)) return 0; // what reportError returns for it, without loading it
    const { reportError } = await import('./report-error.js');
    return reportError(err, io, argv.includes('--debug'));
  }
}
