/** The test constructor of the IO object: captured streams, no terminal, empty environment, a fixed clock. */
import { Writable } from 'node:stream';
import { createIo, type CliIo, type IoParts, type StopSignal } from '../../../src/cli/io.js';

/** A writable that keeps what was written. */
export class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.text += chunk.toString();
    cb();
  }
}

/** What a test may set: which streams are terminals, the environment, the width, the clock. */
export interface TestIoOptions {
  tty?: Partial<IoParts['tty']>;
  env?: IoParts['env'];
  columns?: number;
  now?: Date;
}

/** A CliIo with captured stdout/stderr; `interrupt()` fires the stop-signal handlers (Ctrl-C unless told). */
export function testIo(over: TestIoOptions = {}): CliIo & { out: Capture; err: Capture; interrupt(signal?: StopSignal): void } {
  const out = new Capture();
  const err = new Capture();
  const handlers = new Set<(signal: StopSignal) => void>();
  const io = createIo({
    stdout: out,
    stderr: err,
    env: over.env ?? {},
    tty: { stdin: false, stdout: false, stderr: false, ...over.tty },
    now: over.now ?? new Date('2026-06-01T00:00:00Z'),
    columns: () => over.columns,
    onInterrupt(h) { handlers.add(h); return () => handlers.delete(h); },
  });
  return Object.assign(io, { out, err, interrupt(signal: StopSignal = 'SIGINT') { for (const h of handlers) h(signal); } });
}
