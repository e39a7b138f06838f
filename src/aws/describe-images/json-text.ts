/**
 * A DescribeImages page's bytes straight to each image's JSON text, for `-o json` and `-o ndjson`:
 * the text `JSON.stringify` gives for the object parse.ts (and the SDK) builds, indented as asked,
 * without building the object. Why: building every member of every image only to serialise it made
 * garbage collection and JSON.stringify ~45% of a listing (docs/PERFORMANCE.md).
 *
 * It reads a narrower subset than parse.ts: valid UTF-8 without CR (text is copied as it is, so the
 * output is UTF-8 too), bare tags, unknown elements only as leaves. On anything else, or any value whose text it cannot vouch for, it returns
 * undefined and the page is parsed as objects, so the subset decides speed, never output
 * (json-text.test.ts holds every page of the differential corpus to JSON.stringify of parse.ts).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { leafText, rootElement, Unsupported } from './parse.js';
import { scalarValue } from './scalar.js';
import { IMAGE_JSON, type JsonLayout } from '../../types.js';
import { DESCRIBE_IMAGES_RESULT_SHAPE, type MemberShape, type StructShape } from './shapes.js';

/** A buffer pages are converted in; `generation` counts the pages it has held. */
interface Work {
  buf: Buffer;
  generation: number;
}

/**
 * A page as JSON text, in `work.buf` from `text` to `end`: image i is bytes `starts[i]` to
 * `ends[i]`, while `work.generation` is still `generation` (it holds the page after next then).
 */
export interface PageText {
  readonly work: Work;
  readonly generation: number;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly text: number;
  readonly end: number;
  readonly nextToken: string | undefined;
}

/** An image as its JSON text (IMAGE_JSON), decoded from its page's buffer when read; no members. */
class ImageText {
  readonly #page: PageText;
  readonly #start: number;
  readonly #end: number;
  readonly #encoding: 'latin1' | 'utf8';

  constructor(page: PageText, start: number, end: number, encoding: 'latin1' | 'utf8') {
    this.#page = page;
    this.#start = start;
    this.#end = end;
    this.#encoding = encoding;
  }

  get [IMAGE_JSON](): string {
    const { work, generation } = this.#page;
    if (work.generation !== generation) throw new Error('ami-find: an image\'s JSON text was read after the page after next arrived (AwsClientOptions.json)');
    return work.buf.toString(this.#encoding, this.#start, this.#end);
  }
}

/** The page's images as text-carrying images (AwsClientOptions.json). */
export function imagesOf(page: PageText): object[] {
  const { starts, ends } = page;
  // Why: an ASCII text decodes faster as Latin-1, to the same string.
  const encoding = isAscii(page.work.buf.subarray(page.text, page.end)) ? 'latin1' : 'utf8';
  return starts.map((start, i) => new ImageText(page, start, ends[i]!, encoding));
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const QUOTE = 34;
const BACKSLASH = 92;
const AMP = 38; // &
const OPEN_BRACE = 123;
const NL = 10;
const CR = 13;
/** More than any structure of the DescribeImages output has (Image: 41). */
const MAX_MEMBERS = 64;
const EMPTY_OBJECT = bytesOf('{}');
const EMPTY_LIST = bytesOf('[]');
const UNKNOWN_NAME = /^[A-Za-z_][\w.:-]*$/;
const TRUE = bytesOf('true');
const FALSE = bytesOf('false');
const EMPTY = Buffer.alloc(0);
const ITEM_OPEN = bytesOf('<item>');
const ITEM_EMPTY = bytesOf('<item/>');
const ITEM_CLOSE = bytesOf('</item>');

/** The page is outside this module's subset: parse it as objects. */
class Declined {}

function bytesOf(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}

/** A structure at one level, as bytes: each member's tags and `,\n    "Name": `, and its closing line. */
interface StructText {
  readonly open: readonly Buffer[];
  readonly close: readonly Buffer[];
  readonly key: readonly Buffer[];
  readonly closeLine: Buffer;
}

/**
 * Converts pages for one layout. Each page is copied to the start of a work buffer and its text
 * written after it, so that every copy is a copyWithin or a set() of a whole key: in this V8, a
 * JavaScript loop moves ~2 ns a byte, those calls ~20 ns whatever the length.
 */
export class JsonTextWriter {
  /** The work buffer being written: the page's bytes, then its text. */
  private buf: Buffer = EMPTY;
  /** Where the page's bytes end. */
  private end = 0;
  /** Where the next output byte goes. */
  private pos = 0;
  /** Where the page is being read. */
  private p = 0;
  /** The last page's text length, to size the next buffer. */
  private lastText = 1 << 20;
  /**
   * Pages are converted in these in turn. Why two, reused: the CLI writes each page before it asks
   * for the next, and fresh memory for every page (page faults) took a third of the conversion.
   */
  private readonly works: Work[] = [{ buf: EMPTY, generation: 0 }, { buf: EMPTY, generation: 0 }];
  private pages = 0;
  private work: Work = this.works[0]!;
  private readonly structTexts = new Map<StructShape, StructText[]>();
  private readonly breaks: string[] = [];
  private readonly lists: { first: Buffer; next: Buffer; close: Buffer }[] = [];
  private readonly colon: string;
  /**
   * Per nesting level, where member i's pair starts ([i], -1: absent) and ends ([MAX_MEMBERS + i]) in
   * the structure being read; valid while [2 * MAX_MEMBERS] is that structure's number.
   */
  private readonly pairs: Int32Array[] = [];
  private structures = 0;

  constructor(private readonly layout: JsonLayout) {
    this.colon = layout.indent === '' ? ':' : ': ';
  }

  /** The page's images as JSON text, or undefined when the page must be parsed as objects. */
  page(body: Uint8Array): PageText | undefined {
    const page = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    if (!isUtf8(page) || page.includes(CR)) return undefined;
    const size = page.length + this.lastText + (this.lastText >> 2) + 4096;
    this.work = this.works[this.pages++ % 2]!;
    this.work.generation++;
    // allocUnsafeSlow: not zeroed, and not from the pool.
    if (this.work.buf.length < size) this.work.buf = Buffer.allocUnsafeSlow(size);
    this.buf = this.work.buf;
    this.buf.set(page, 0);
    this.end = this.pos = page.length;
    try {
      return this.document();
    } catch (e) {
      if (e instanceof Declined || e instanceof Unsupported) return undefined;
      throw e;
    } finally {
      this.buf = EMPTY;
    }
  }

  private document(): PageText {
    const { buf: b } = this;
    const root = rootElement(b.toString('latin1', 0, Math.min(this.end, 4096)));
    const rootClose = bytesOf(`</${root.name}>`);
    const result = DESCRIBE_IMAGES_RESULT_SHAPE;
    let images: { starts: number[]; ends: number[] } | undefined;
    let nextToken: string | undefined;
    let seenToken = false;
    this.p = root.end;
    for (;;) {
      const lt = this.nextTag();
      if (this.at(rootClose, lt)) break;
      const { name, selfClosing, end } = this.tag(lt);
      const index = result.byXmlName.get(name);
      this.p = end;
      const m = index === undefined ? undefined : result.members[index]!;
      if (m === undefined) this.skipUnknown(name, selfClosing);
      else if (m.kind === 'list') {
        if (images !== undefined) throw new Declined();
        images = selfClosing ? { starts: [], ends: [] } : this.images(m.shape!, bytesOf(m.close));
      } else {
        if (seenToken) throw new Declined();
        seenToken = true;
        nextToken = selfClosing ? '' : leafText(this.leafRaw(bytesOf(m.close)));
      }
    }
    // Why: without imagesSet the SDK leaves Images undefined, which the object path keeps.
    if (images === undefined) throw new Declined();
    this.lastText = this.pos - this.end;
    this.work.buf = this.buf; // grown, perhaps
    return { work: this.work, generation: this.work.generation, ...images, text: this.end, end: this.pos, nextToken };
  }

  /** The images of imagesSet, each at level 0; returns where each one's text starts. */
  private images(image: StructShape, close: Buffer): { starts: number[]; ends: number[] } {
    const starts: number[] = [];
    const ends: number[] = [];
    for (;;) {
      const lt = this.nextTag();
      if (this.at(ITEM_OPEN, lt)) {
        this.p = lt + ITEM_OPEN.length;
        starts.push(this.pos);
        this.image(image);
      } else if (this.at(ITEM_EMPTY, lt)) {
        this.p = lt + ITEM_EMPTY.length;
        starts.push(this.pos);
        this.putBytes(EMPTY_OBJECT);
      } else {
        if (!this.at(close, lt)) throw new Declined();
        this.p = lt + close.length;
        return { starts, ends };
      }
      ends.push(this.pos);
    }
  }

  /** A structure's members up to `close`, its braces at `level`, members in schema order. */
  /**
   * An Image, in two passes: where each member's element is, then the members in schema order,
   * each converted where it lies. Why: written in document order, an Image's text had to be
   * copied again into schema order (EC2 sends its members in another order).
   */
  private image(shape: StructShape): void {
    const { open, close: closes, key, closeLine } = this.structTextOf(shape, 0);
    const { members, follows } = shape;
    // [i]: where member i's content starts (-1: absent, -2: self-closing); [MAX_MEMBERS + i]: where its element ends.
    const at = (this.pairs[0] ??= new Int32Array(2 * MAX_MEMBERS + 1));
    at.fill(-1, 0, members.length);
    let previous = members.length;
    for (;;) {
      const lt = this.nextTag();
      let index = follows[previous]!;
      let content: number;
      let selfClosing = false;
      if (index >= 0 && this.at(open[index]!, lt)) {
        content = lt + open[index]!.length;
      } else {
        if (this.at(ITEM_CLOSE, lt)) {
          this.p = lt + ITEM_CLOSE.length;
          break;
        }
        const t = this.tag(lt);
        this.p = content = t.end;
        selfClosing = t.selfClosing;
        const found = shape.byXmlName.get(t.name);
        if (found === undefined) {
          this.skipUnknown(t.name, selfClosing);
          continue;
        }
        index = found;
        follows[previous] = index;
      }
      if (at[index] !== -1) throw new Declined(); // a repeated member: parse.ts refuses it
      const m = members[index]!;
      const close = closes[index]!;
      let end = content;
      if (!selfClosing) {
        // Sound: no Image member nests an element of its own name; the second pass checks the content.
        end = m.kind === 'struct' || m.kind === 'list' ? this.buf.indexOf(close, content) : this.find(LT, content);
        if (end === -1 || end >= this.end || !this.at(close, end)) throw new Declined();
        end += close.length;
      }
      at[index] = selfClosing ? -2 : content;
      at[MAX_MEMBERS + index] = end;
      this.p = end;
      previous = index;
    }
    const after = this.p;
    const start = this.pos;
    for (let i = 0; i < members.length; i++) {
      const content = at[i]!;
      if (content === -1) continue;
      this.putBytes(key[i]!);
      this.p = content;
      this.value(members[i]!, closes[i]!, content === -2, 1);
      if (content !== -2 && this.p !== at[MAX_MEMBERS + i]) throw new Declined();
    }
    this.p = after;
    if (this.pos === start) {
      this.putBytes(EMPTY_OBJECT);
      return;
    }
    this.buf[start] = OPEN_BRACE; // every key starts with a comma
    this.putBytes(closeLine);
  }

  /** A structure inside an Image, up to `close`, its braces at `level`, members in schema order. */
  private struct(shape: StructShape, close: Buffer, level: number): void {
    const { open, close: closes, key, closeLine } = this.structTextOf(shape, level);
    const at = (this.pairs[level] ??= new Int32Array(2 * MAX_MEMBERS + 1));
    const stamp = ++this.structures;
    const start = this.pos;
    let previous = shape.members.length;
    let last = -1; // the member written last, -2 once they come out of schema order
    for (;;) {
      const lt = this.nextTag();
      let index = shape.follows[previous]!;
      let selfClosing = false;
      if (index >= 0 && this.at(open[index]!, lt)) {
        this.p = lt + open[index]!.length;
      } else {
        if (this.at(close, lt)) {
          this.p = lt + close.length;
          break;
        }
        const t = this.tag(lt);
        this.p = t.end;
        selfClosing = t.selfClosing;
        const found = shape.byXmlName.get(t.name);
        if (found === undefined) {
          this.skipUnknown(t.name, selfClosing);
          continue;
        }
        index = found;
        shape.follows[previous] = index;
      }
      const seen = 2 * MAX_MEMBERS;
      if (at[seen] !== stamp) {
        at[seen] = stamp;
        at.fill(-1, 0, shape.members.length);
      }
      if (at[index] !== -1) throw new Declined(); // a repeated member: parse.ts refuses it
      at[index] = this.pos;
      last = last === -2 || index < last ? -2 : index;
      this.putBytes(key[index]!);
      this.value(shape.members[index]!, closes[index]!, selfClosing, level + 1);
      at[MAX_MEMBERS + index] = this.pos;
      previous = index;
    }
    if (last === -1) {
      this.putBytes(EMPTY_OBJECT);
      return;
    }
    if (last === -2) this.reorder(at, shape.members.length, start);
    this.buf[start] = OPEN_BRACE; // every pair starts with a comma
    this.putBytes(closeLine);
  }

  /** Rewrite the pairs written since `start` in schema order (member i's is at `at[i]` to `at[MAX_MEMBERS + i]`). */
  private reorder(at: Int32Array, members: number, start: number): void {
    const n = this.pos - start;
    this.room(n);
    const { buf } = this;
    // The pairs are written again past the end of the text, in order, then moved back. Members
    // adjacent in both orders move together.
    let p = this.pos;
    let runFrom = -1;
    let runTo = -1;
    for (let i = 0; i <= members; i++) {
      const from = i < members ? at[i]! : -2;
      if (from === -1) continue;
      if (from !== runTo) {
        if (runTo !== -1) {
          buf.copyWithin(p, runFrom, runTo);
          p += runTo - runFrom;
        }
        runFrom = from;
      }
      if (i < members) runTo = at[MAX_MEMBERS + i]!;
    }
    buf.copyWithin(start, this.pos, p);
  }

  /** A member's value, its own brackets at `level`; `this.p` is just past its start tag. */
  private value(m: MemberShape, close: Buffer, selfClosing: boolean, level: number): void {
    if (m.kind === 'struct') {
      if (selfClosing) this.putBytes(EMPTY_OBJECT);
      else this.struct(m.shape!, close, level);
    } else if (m.kind === 'list') {
      if (selfClosing) this.putBytes(EMPTY_LIST);
      else this.list(m.shape!, close, level);
    } else if (selfClosing) {
      this.scalar(m, '');
    } else {
      const from = this.p;
      const to = this.leafEnd(close);
      if (!this.plain(m, from, to)) this.scalar(m, to === from ? '' : leafText(this.buf.toString('utf8', from, to)));
    }
  }

  /** A list of `<item>` structures up to `close`, its brackets at `level`. */
  private list(item: StructShape, close: Buffer, level: number): void {
    const { first, next, close: closeLine } = this.listTextOf(level);
    let count = 0;
    for (;;) {
      const lt = this.nextTag();
      const whole = this.at(ITEM_OPEN, lt);
      if (whole || this.at(ITEM_EMPTY, lt)) {
        this.putBytes(count++ === 0 ? first : next);
        if (whole) {
          this.p = lt + ITEM_OPEN.length;
          this.struct(item, ITEM_CLOSE, level + 1);
        } else {
          this.p = lt + ITEM_EMPTY.length;
          this.putBytes(EMPTY_OBJECT);
        }
      } else {
        if (!this.at(close, lt)) throw new Declined();
        this.p = lt + close.length;
        this.putBytes(count === 0 ? EMPTY_LIST : closeLine);
        return;
      }
    }
  }

  /**
   * Copy a leaf's text as its JSON when that needs no work: a string with no escape, entity or
   * control character; an integer in canonical form; `true` or `false`. False: nothing written.
   */
  private plain(m: MemberShape, from: number, to: number): boolean {
    const { buf: b } = this;
    if (m.kind === 'string') {
      for (let i = from; i < to; i++) {
        const c = b[i]!;
        if (c < 32 || c === QUOTE || c === BACKSLASH || c === AMP) return false;
      }
      this.room(to - from + 2);
      this.buf[this.pos++] = QUOTE;
      this.copy(from, to);
      this.buf[this.pos++] = QUOTE;
      return true;
    }
    if (m.kind === 'boolean') {
      const value = this.at(TRUE, from) && to - from === 4 ? true : this.at(FALSE, from) && to - from === 5 ? false : undefined;
      if (value === undefined) return false;
      this.putBytes(value ? TRUE : FALSE);
      return true;
    }
    if (m.kind === 'integer') {
      const n = to - from;
      if (n === 0 || n > 15 || (b[from] === 48 && n > 1)) return false;
      for (let i = from; i < to; i++) if (b[i]! < 48 || b[i]! > 57) return false;
      this.room(n);
      this.copy(from, to);
      return true;
    }
    return false;
  }

  /** Write a scalar as JSON.stringify writes the value parse.ts builds from `text`. */
  private scalar(m: MemberShape, text: string): void {
    const value = scalarValue(m.kind, text);
    if (value === undefined) throw new Declined(); // a timestamp the SDK's own parser must judge
    const json = JSON.stringify(value);
    this.room(3 * json.length);
    this.pos += this.buf.write(json, this.pos, 'utf8');
  }

  /** Skip an element the schema does not know, when it is a leaf; anything nested is declined. */
  private skipUnknown(name: string, selfClosing: boolean): void {
    if (!UNKNOWN_NAME.test(name)) throw new Declined();
    if (!selfClosing) this.leafEnd(bytesOf(`</${name}>`));
  }

  /** The raw text of a leaf up to `close`, moving past it. */
  private leafRaw(close: Buffer): string {
    const from = this.p;
    return this.buf.toString('utf8', from, this.leafEnd(close));
  }

  /** Where a leaf's text ends (its `close` must follow); moves `this.p` past `close`. */
  private leafEnd(close: Buffer): number {
    const end = this.find(LT, this.p);
    if (end === -1 || !this.at(close, end)) throw new Declined();
    this.p = end + close.length;
    return end;
  }

  /** The next tag's `<`, past text the SDK ignores between elements (none, or blank with a newline). */
  private nextTag(): number {
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
  private tag(lt: number): { name: string; selfClosing: boolean; end: number } {
    const { buf: b } = this;
    const gt = this.find(GT, lt);
    if (gt === -1 || b[lt + 1] === SLASH) throw new Declined();
    const selfClosing = b[gt - 1] === SLASH;
    const name = b.toString('latin1', lt + 1, selfClosing ? gt - 1 : gt);
    if (!UNKNOWN_NAME.test(name)) throw new Declined();
    return { name, selfClosing, end: gt + 1 };
  }

  /** The first `byte` at or after `from`, or -1. Why a loop: most runs are short, and Buffer#indexOf's call costs more. */
  private find(byte: number, from: number): number {
    const { buf: b } = this;
    const end = this.end;
    for (let i = from; i < end; i++) if (b[i] === byte) return i;
    return -1;
  }

  /** Whether `token` is at `at` in the page. */
  private at(token: Buffer, at: number): boolean {
    const { buf: b } = this;
    if (at + token.length > this.end) return false;
    for (let i = 0; i < token.length; i++) if (b[at + i] !== token[i]) return false;
    return true;
  }

  /** Make room for `n` more output bytes. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  /** Copy page bytes `[from, to)` to the output (room made). */
  private copy(from: number, to: number): void {
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

  private putBytes(s: Buffer): void {
    this.room(s.length);
    this.buf.set(s, this.pos);
    this.pos += s.length;
  }

  private lineBreak(level: number): string {
    const { indent, depth } = this.layout;
    return (this.breaks[level] ??= indent === '' ? '' : `\n${indent.repeat(depth + level)}`);
  }

  /** What a list whose brackets are at `level` writes before its first item, before later ones, and to close. */
  private listTextOf(level: number): { first: Buffer; next: Buffer; close: Buffer } {
    const inner = this.lineBreak(level + 1);
    return (this.lists[level] ??= { first: bytesOf(`[${inner}`), next: bytesOf(`,${inner}`), close: bytesOf(`${this.lineBreak(level)}]`) });
  }

  /** A structure whose braces are at `level`, as bytes; every key starts with a comma. */
  private structTextOf(shape: StructShape, level: number): StructText {
    let byLevel = this.structTexts.get(shape);
    if (byLevel === undefined) this.structTexts.set(shape, (byLevel = []));
    return (byLevel[level] ??= {
      open: shape.members.map((m) => bytesOf(m.open)),
      close: shape.members.map((m) => bytesOf(m.close)),
      key: shape.members.map((m) => bytesOf(`,${this.lineBreak(level + 1)}${JSON.stringify(m.name)}${this.colon}`)),
      closeLine: bytesOf(`${this.lineBreak(level)}}`),
    });
  }
}
