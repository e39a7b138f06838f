/**
 * A DescribeImages page's bytes straight to each image's JSON text, for `-o json` and `-o ndjson`:
 * the text `JSON.stringify` gives for the object parse.ts (and the SDK) builds, indented as asked,
 * without building the object. Why: building every member of every image only to serialise it made
 * garbage collection and JSON.stringify ~45% of a listing (docs/PERFORMANCE.md).
 *
 * It reads a narrower subset than parse.ts: valid UTF-8 without CR (text is copied as it is, so the
 * output is UTF-8 too), bare tags, unknown elements only as leaves. On anything else it returns
 * undefined and the page is parsed as objects, so the subset decides speed, never output
 * (json-text.test.ts holds every page of the differential corpus to JSON.stringify of parse.ts).
 */
import { isUtf8 } from 'node:buffer';
import type { JsonLayout } from '../../types.js';
import { BytePage, bytesOf, Declined, EMPTY, LT } from './byte-page.js';
import type { PageText } from './image-text.js';
import { JsonLayoutText } from './json-layout.js';
import { leafText, rootElement, Unsupported } from './parse.js';
import { scalarValue } from './scalar.js';
import { DESCRIBE_IMAGES_RESULT_SHAPE, type MemberShape, type StructShape } from './shapes.js';

const QUOTE = 34;
const BACKSLASH = 92;
const AMP = 38; // &
const OPEN_BRACE = 123;
const CR = 13;
/** More than any structure of the DescribeImages output has (Image: 41). */
const MAX_MEMBERS = 64;
const EMPTY_OBJECT = bytesOf('{}');
const EMPTY_LIST = bytesOf('[]');
const TRUE = bytesOf('true');
const FALSE = bytesOf('false');
const ITEM_OPEN = bytesOf('<item>');
const ITEM_EMPTY = bytesOf('<item/>');
const ITEM_CLOSE = bytesOf('</item>');

/** Converts pages for one layout; each page is copied into a work buffer and its text written after it (byte-page.ts). */
export class JsonTextWriter extends BytePage {
  private readonly texts: JsonLayoutText;
  /** Per nesting level, where the members of the structure being read are (struct()). */
  private readonly elements: Int32Array[] = [];

  constructor(layout: JsonLayout) {
    super();
    this.texts = new JsonLayoutText(layout);
  }

  /** The page's images as JSON text, or undefined when the page must be parsed as objects. */
  page(body: Uint8Array): PageText | undefined {
    const page = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    if (!isUtf8(page) || page.includes(CR)) return undefined;
    this.load(page);
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
    let starts: number[] | undefined;
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
        if (starts !== undefined) throw new Declined();
        starts = selfClosing ? [] : this.images(m.shape!, bytesOf(m.close));
      } else {
        if (seenToken) throw new Declined();
        seenToken = true;
        nextToken = selfClosing ? '' : leafText(this.leafRaw(bytesOf(m.close)));
      }
    }
    // Why: without imagesSet the SDK leaves Images undefined, which the object path keeps.
    if (starts === undefined) throw new Declined();
    const work = this.loaded();
    return { work, generation: work.generation, starts, text: this.end, end: this.pos, nextToken };
  }

  /** The images of imagesSet, each at level 0; returns where each one's text starts (each ends where the next starts). */
  private images(image: StructShape, close: Buffer): number[] {
    const starts: number[] = [];
    for (;;) {
      const lt = this.nextTag();
      if (this.at(ITEM_OPEN, lt)) {
        this.p = lt + ITEM_OPEN.length;
        starts.push(this.pos);
        this.struct(image, ITEM_CLOSE, 0);
      } else if (this.at(ITEM_EMPTY, lt)) {
        this.p = lt + ITEM_EMPTY.length;
        starts.push(this.pos);
        this.putBytes(EMPTY_OBJECT);
      } else {
        if (!this.at(close, lt)) throw new Declined();
        this.p = lt + close.length;
        return starts;
      }
    }
  }

  /**
   * A structure's members up to `close`, its braces at `level`, in two passes: where each member's
   * element is, then the members in schema order, each converted where it lies. Why: written in
   * document order, the text had to be copied again into schema order (EC2 sends an Image's
   * members in another order).
   */
  private struct(shape: StructShape, close: Buffer, level: number): void {
    const { open, close: closes, key, closeLine } = this.texts.structTextOf(shape, level);
    const { members, follows } = shape;
    // [i]: where member i's content starts (-1: absent, -2: self-closing); [MAX_MEMBERS + i]: where its element ends.
    const at = (this.elements[level] ??= new Int32Array(2 * MAX_MEMBERS));
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
        if (this.at(close, lt)) {
          this.p = lt + close.length;
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
      const memberClose = closes[index]!;
      let end = content;
      if (!selfClosing) {
        // No member nests an element of its own name; the second pass checks the content ends here.
        end = m.kind === 'struct' || m.kind === 'list' ? this.buf.indexOf(memberClose, content) : this.find(LT, content);
        if (end === -1 || end >= this.end || !this.at(memberClose, end)) throw new Declined();
        end += memberClose.length;
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
      this.value(members[i]!, closes[i]!, content === -2, level + 1);
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
    const { first, next, close: closeLine } = this.texts.listTextOf(level);
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

}
