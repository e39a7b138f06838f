/**
 * Output waiting to be written: text, and rows that arrive as UTF-8 bytes (ndjson lines the
 * parser wrote). Rows that lie end to end in one buffer, as a page's lines do, are joined into a
 * single view instead of being copied: a page of ndjson goes out with no string and no copy made.
 */
export class PendingOutput {
  private chunks: (string | Uint8Array)[] = [];
  private text = '';
  /** Characters and bytes held (near enough to decide when to write). */
  size = 0;

  addText(s: string): void {
    this.text += s;
    this.size += s.length;
  }

  addBytes(b: Uint8Array): void {
    if (this.text.length > 0) {
      this.chunks.push(this.text);
      this.text = '';
    }
    const last = this.chunks[this.chunks.length - 1];
    if (last instanceof Uint8Array && last.buffer === b.buffer && last.byteOffset + last.byteLength === b.byteOffset) {
      this.chunks[this.chunks.length - 1] = new Uint8Array(b.buffer, last.byteOffset, last.byteLength + b.byteLength);
    } else {
      this.chunks.push(b);
    }
    this.size += b.byteLength;
  }

  /** Put text in front of everything held. */
  prependText(s: string): void {
    if (this.chunks.length === 0) this.text = s + this.text;
    else this.chunks.unshift(s);
    this.size += s.length;
  }

  /** Everything held, in order, emptying this. */
  take(): (string | Uint8Array)[] {
    const out = this.chunks;
    if (this.text.length > 0) out.push(this.text);
    this.chunks = [];
    this.text = '';
    this.size = 0;
    return out;
  }
}
