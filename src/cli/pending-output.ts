/**
 * Output waiting to be written: text, and rows as UTF-8 bytes (ndjson lines from the parser). Rows
 * lying end to end in one buffer, as a page's lines do, are joined into one view, not copied.
 */
export class PendingOutput {
  private chunks: (string | Uint8Array)[] = [];
  private text = '';
  /** The rows being joined: the first one's view, and where the last one ends (no view per row). */
  private run: Uint8Array | undefined;
  private runEnd = 0;
  /** Characters and bytes held (near enough to decide when to write). */
  size = 0;

  addText(s: string): void {
    if (this.run !== undefined) this.closeRun();
    this.text += s;
    this.size += s.length;
  }

  addBytes(b: Uint8Array): void {
    if (this.text.length > 0) {
      this.chunks.push(this.text);
      this.text = '';
    }
    if (this.run !== undefined && this.run.buffer === b.buffer && this.runEnd === b.byteOffset) {
      this.runEnd += b.byteLength;
    } else {
      if (this.run !== undefined) this.closeRun();
      this.run = b;
      this.runEnd = b.byteOffset + b.byteLength;
    }
    this.size += b.byteLength;
  }

  /** Put text in front of everything held. */
  prependText(s: string): void {
    if (this.chunks.length === 0 && this.run === undefined) this.text = s + this.text;
    else this.chunks.unshift(s);
    this.size += s.length;
  }

  /** Everything held, in order, emptying this. */
  take(): (string | Uint8Array)[] {
    if (this.run !== undefined) this.closeRun();
    const out = this.chunks;
    if (this.text.length > 0) out.push(this.text);
    this.chunks = [];
    this.text = '';
    this.size = 0;
    return out;
  }

  private closeRun(): void {
    const first = this.run!;
    this.chunks.push(first.byteOffset + first.byteLength === this.runEnd ? first : new Uint8Array(first.buffer, first.byteOffset, this.runEnd - first.byteOffset));
    this.run = undefined;
  }
}
