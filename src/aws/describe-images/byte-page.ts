/**
 * A DescribeImages page's bytes in a work buffer, with a read cursor over them and a write position
 * after them: the reading and copying json-text.ts is built on. Reads accept bare tags only; any
 * other markup throws Declined, and the page is parsed as objects instead.
 */

export const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const NL = 10;
const UNKNOWN_NAME = /^[A-Za-z_][\w.:-]*$/;
export const EMPTY = Buffer.alloc(0);

/** A work buffer; `generation` counts the pages it has held. */
export interface Work {
  buf: Buffer;
  generation: number;
}

/** The page is outside json-text.ts's subset: parse it as objects. */
export class Declined {}

/** `s` as bytes (ASCII). */
export function bytesOf(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}

/**
 * The page is `buf[0, end)`; output goes from `pos` on, in the same buffer, so every copy is a
 * copyWithin or a set() of a whole precomputed run: in Node 20's V8, a JavaScript loop moves
 * ~2 ns a byte, those calls ~20 ns whatever the length.
 */
export class BytePage {
  /** The work buffer: the page's bytes, then the output. */
  protected buf: Buffer = EMPTY;
  /** Where the page's bytes end. */
  protected end = 0;
  /** Where the next output byte goes. */
  protected pos = 0;
  /** Where the page is being read. */
  protected p = 0;
  /**
   * Pages are loaded into these in turn. Why two, reused: the CLI writes each page before it asks
   * for the next, and fresh memory for every page (page faults) took ~25% of the conversion.
   */
  private readonly works: Work[] = [{ buf: EMPTY, generation: 0 }, { buf: EMPTY, generation: 0 }];
  private loads = 0;
  private work: Work = this.works[0]!;
  /** The last page's output length, to size the next buffer. */
  private lastOutput = 1 << 20;

  /** Copy `page` into the next work buffer (the one the page before last was in) and read it from the start. */
  protected load(page: Buffer): void {
    this.work = this.works[this.loads++ % 2]!;
    this.work.generation++;
    const size = page.length + this.lastOutput + (this.lastOutput >> 2) + 4096;
    // allocUnsafeSlow: not zeroed, and not from the pool.
    if (this.work.buf.length < size) this.work.buf = Buffer.allocUnsafeSlow(size);
    this.buf = this.work.buf;
    this.buf.set(page, 0);
    this.end = this.pos = page.length;
    this.p = 0;
  }

  /** The work buffer holding the page just read and its output. */
  protected loaded(): Work {
    this.lastOutput = this.pos - this.end;
    this.work.buf = this.buf; // grown, perhaps
    return this.work;
  }

  /** Skip an element the schema does not know, when it is a leaf; anything nested is declined. */
  protected skipUnknown(name: string, selfClosing: boolean): void {
    if (!UNKNOWN_NAME.test(name)) throw new Declined();
    if (!selfClosing) this.leafEnd(bytesOf(`</${name}>`));
  }

  /** The raw text of a leaf up to `close`, moving past it. */
  protected leafRaw(close: Buffer): string {
    const from = this.p;
    return this.buf.toString('utf8', from, this.leafEnd(close));
  }

  /** Where a leaf's text ends (its `close` must follow); moves `this.p` past `close`. */
  protected leafEnd(close: Buffer): number {
    const end = this.find(LT, this.p);
    if (end === -1 || !this.at(close, end)) throw new Declined();
    this.p = end + close.length;
    return end;
  }

  /** The next tag's `<`, past text the SDK ignores between elements (none, or blank with a newline). */
  protected nextTag(): number {
    const { buf: b } = this;
    const from = this.p;
    if (b[from] === LT) return from;
    const lt = this.find(LT, from);
    if (lt === -1) throw new Declined();
    let newline = false;
    for (let i = from; i < lt; i++) {
      const c = b[i]!;
      if (c === NL) newline = true;
      else if (c !== 32 && c !== 9) throw new Declined();
    }
    if (!newline) throw new Declined();
    return lt;
  }

  /** A bare start tag at `lt`: its name, whether it closes itself, and where it ends. */
  protected tag(lt: number): { name: string; selfClosing: boolean; end: number } {
    const { buf: b } = this;
    const gt = this.find(GT, lt);
    if (gt === -1 || b[lt + 1] === SLASH) throw new Declined();
    const selfClosing = b[gt - 1] === SLASH;
    const name = b.toString('latin1', lt + 1, selfClosing ? gt - 1 : gt);
    if (!UNKNOWN_NAME.test(name)) throw new Declined();
    return { name, selfClosing, end: gt + 1 };
  }

  /** The first `byte` at or after `from`, or -1. Why a loop: most runs are short, and Buffer#indexOf's call costs more. */
  protected find(byte: number, from: number): number {
    const { buf: b } = this;
    const end = this.end;
    for (let i = from; i < end; i++) if (b[i] === byte) return i;
    return -1;
  }

  /** Whether `token` is at `at` in the page. */
  protected at(token: Buffer, at: number): boolean {
    const { buf: b } = this;
    if (at + token.length > this.end) return false;
    for (let i = 0; i < token.length; i++) if (b[at + i] !== token[i]) return false;
    return true;
  }

  /** Make room for `n` more output bytes. */
  protected room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  /** Copy page bytes `[from, to)` to the output (room made). */
  protected copy(from: number, to: number): void {
    const { buf: out } = this;
    if (to - from > 8) {
      out.copyWithin(this.pos, from, to);
      this.pos += to - from;
    } else {
      let p = this.pos;
      for (let i = from; i < to; i++) out[p++] = out[i]!;
      this.pos = p;
    }
  }

  protected putBytes(s: Buffer): void {
    this.room(s.length);
    this.buf.set(s, this.pos);
    this.pos += s.length;
  }
}
