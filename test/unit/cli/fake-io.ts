/** An in-memory CliIo for running main() in-process. */
import { Writable } from 'node:stream';
import type { Boundary } from '../../../src/cli/boundary.js';
import type { CliIo, StopSignal } from '../../../src/cli/io.js';

/** A writable that keeps what was written. */
export class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.text += chunk.toString();
    cb();
  }
}

/** Boundary facts for a test: no TTY, empty environment, a fixed clock, unless overridden. */
export function boundary(over: Partial<Boundary> = {}): Boundary {
  return { env: {}, stdinTTY: false, stdoutTTY: false, stderrTTY: false, now: new Date('2026-06-01T00:00:00Z'), ...over };
}

/** A fake io with captured stdout/stderr; `interrupt()` fires the Ctrl-C handlers (or another stop signal's). */
export function fakeIo(over: Partial<Boundary> = {}): CliIo & { out: Capture; err: Capture; interrupt(signal?: StopSignal): void } {
  const out = new Capture();
  const err = new Capture();
  const handlers = new Set<(signal: StopSignal) => void>();
  return {
    stdout: out, stderr: err, out, err, boundary: boundary(over),
    onInterrupt(h) { handlers.add(h); return () => handlers.delete(h); },
    interrupt(signal = 'SIGINT') { for (const h of handlers) h(signal); },
  };
}
