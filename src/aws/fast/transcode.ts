/**
 * Writes one image's compact JSON straight from the page's UTF-8 bytes: the text
 * JSON.stringify gives for the image the parser would build (schema key order, booleans,
 * numbers, timestamps as ISO strings), with no object and no per-value string made on the way.
 * Why: for `--output ndjson`, building every member of every image and then serialising it cost
 * as much as everything else together (issue 6).
 *
 * It reads a strict subset of what the parser reads: known elements without attributes, gaps of
 * blank text with a newline, text with only the five named entities, the common spellings of
 * booleans and integers, plain UTC timestamps. On anything else it gives up on that image
 * (undefined) and the parser reads the image in full instead, so the subset only decides speed,
 * never output. test/unit/aws/fast checks the text against JSON.stringify of the SDK's own
 * output on every test page.
 *
 * Why DataView words: byte-at-a-time loops over typed arrays cost ~3.5 ns a byte here, 4-byte
 * reads and writes about a third of that per byte; tags are compared and values copied in words.
 */
import { IMAGE_SHAPE, type MemberShape, type StructShape } from './shapes.js';
import { scalarValue } from './scalar.js';

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const AMP = 38; // &
const QUOTE = 34; // "
const BACKSLASH = 92; // \
const NL = 10;
const SPACE = 32;
const TAB = 9;
const COMMA = 44;

/** Deepest structure nesting read (Image > BlockDeviceMappings item > Ebs is 3). */
const MAX_LEVEL = 8;

/** A constant byte string: `len` bytes at `at` in POOL. */
interface Bytes {
  readonly at: number;
  readonly len: number;
}

const poolParts: string[] = [];
let poolSize = 0;
/** Intern an ASCII constant into the pool (built once at load, below). */
function bytes(s: string): Bytes {
  poolParts.push(s);
  poolSize += s.length;
  return { at: poolSize - s.length, len: s.length };
}

/** A member with the byte strings the transcoder compares and writes. */
interface ByteMember {
  readonly kind: MemberShape['kind'];
  readonly name: Bytes;
  /** `</xmlName>` */
  readonly close: Bytes;
  /** `"Name":` */
  readonly key: Bytes;
  readonly shape?: ByteStruct;
}

interface ByteStruct {
  readonly members: readonly ByteMember[];
  /** Which member followed member i last time (slot members.length: the first one); -1: no guess. */
  readonly follows: Int16Array;
}

function byteStruct(shape: StructShape): ByteStruct {
  const members = shape.members.map((m): ByteMember => ({
    kind: m.kind,
    name: bytes(m.xmlName),
    close: bytes(m.close),
    key: bytes(`"${m.name}":`),
    shape: m.shape === undefined ? undefined : byteStruct(m.shape),
  }));
  return { members, follows: new Int16Array(members.length + 1).fill(-1) };
}

const IMAGE = byteStruct(IMAGE_SHAPE);
const ITEM_CLOSE = bytes('</item>');
const ITEM_OPEN = bytes('<item>');
const ITEM_EMPTY = bytes('<item/>');
const TRUE = bytes('true');
const FALSE = bytes('false');
const EMPTY_OBJECT = bytes('{}');
const EMPTY_STRING = bytes('""');
/** `u00` of a `\u00XX` escape. */
const UNICODE_ESCAPE = bytes('u00');
const EMPTY_ARRAY = bytes('[]');

/** The five named entities and what each writes inside a JSON string. */
const ENTITIES: readonly (readonly [Bytes, Bytes])[] = [
  [bytes('&amp;'), bytes('&')],
  [bytes('&lt;'), bytes('<')],
  [bytes('&gt;'), bytes('>')],
  [bytes('&quot;'), bytes('\\"')],
  [bytes('&apos;'), bytes("'")],
];

const POOL = Uint8Array.from(poolParts.join(''), (c) => c.charCodeAt(0));
const POOL_VIEW = new DataView(POOL.buffer);

/**
 * What each byte means inside a value (one table load per byte, not four compares): 0, copied as
 * it is (UTF-8 included: JSON.stringify leaves non-ASCII characters alone).
 */
const END_OF_TEXT = 1;
/** Needs escaping or decoding: `"`, `\`, `&`, control characters. */
const NOT_PLAIN = 2;
const TEXT_CLASS = new Uint8Array(256).map((_, c) => {
  if (c === LT) return END_OF_TEXT;
  return c < SPACE || c === QUOTE || c === BACKSLASH || c === AMP ? NOT_PLAIN : 0;
});

/** The letter after `\\` for the control characters JSON.stringify escapes by name (0: as \u00XX). */
const SHORT_ESCAPES = new Uint8Array(32);
for (const [c, letter] of [[8, 'b'], [9, 't'], [10, 'n'], [12, 'f'], [13, 'r']] as const) SHORT_ESCAPES[c] = letter.charCodeAt(0);
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * A new byte array left unfilled. Why: a page's line buffer is as big as the page, and filling it
 * with zeros first cost ~10% of `--output ndjson` (11 alternating runs: median 2.0 s against
 * 2.3 s). Only bytes written are ever handed out (views end at the last line written).
 */
function freshBytes(size: number): Uint8Array {
  // A plain Uint8Array over the buffer, not the Buffer itself: one map for every byte array here.
  return new Uint8Array(Buffer.allocUnsafeSlow(size).buffer, 0, size);
}

class GiveUp {}
const GIVE_UP = new GiveUp();

function giveUp(): never {
  throw GIVE_UP;
}

function isNameByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** True when `b` occurs in `src` at `at`. */
function same(src: Uint8Array, view: DataView, at: number, b: Bytes): boolean {
  const n = b.len;
  if (at + n > src.length) return false;
  let i = 0;
  for (; i + 4 <= n; i += 4) if (view.getInt32(at + i, true) !== POOL_VIEW.getInt32(b.at + i, true)) return false;
  for (; i < n; i++) if (src[at + i] !== POOL[b.at + i]) return false;
  return true;
}

/** Copy `from`'s [start, end) to `to` at `at`; returns the end. `to` must have room; a copy within one array must move data down. */
function copy(to: Uint8Array, toView: DataView, at: number, from: Uint8Array, fromView: DataView, start: number, end: number): number {
  let i = start;
  for (; i + 4 <= end; i += 4, at += 4) toView.setInt32(at, fromView.getInt32(i, true), true);
  for (; i < end; i++) to[at++] = from[i]!;
  return at;
}

/** How a member's JSON is held while its structure is read (kinds in the spans). */
const ABSENT = 0;
/** A plain string value: its text is src[start, end), quoted when the object is written. */
const RAW = 1;
/** JSON already written: out[start, end). */
const WRITTEN = 2;

/**
 * Transcodes the images of one page, given by their byte offsets in `bytes` (valid UTF-8: the
 * bytes the parser's text was decoded from). Lines go into buffers that are never reused, so the
 * views handed out stay valid.
 */
export class ImageJsonTranscoder {
  private readonly src: Uint8Array;
  private readonly srcView: DataView;
  /** Scratch for one image: values that needed rewriting, then each finished object and list. */
  private out = new Uint8Array(1 << 16);
  private outView = new DataView(this.out.buffer);
  private o = 0;
  private p = 0;
  /** Per nesting level, three numbers per member: kind, start, end. */
  private readonly spans: Int32Array[] = [];
  /** Finished lines (an image's JSON and a newline); a full buffer is replaced, never reused. */
  private lines: Uint8Array;
  private linesView: DataView;
  private l = 0;

  constructor(bytes: Uint8Array, linesSize = bytes.byteLength) {
    // Why a plain Uint8Array view: Buffer has another map, and mixing them makes every byte access polymorphic.
    this.src = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.srcView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.lines = freshBytes(Math.max(1 << 12, linesSize));
    this.linesView = new DataView(this.lines.buffer);
  }

  /**
   * The JSON of the image whose `<item>` content starts at byte `start` and whose `</item>` ends
   * just before byte `end`, as UTF-8 bytes followed by a newline (a view into a lines buffer);
   * undefined when the image is outside the subset or does not end at `end`.
   */
  line(start: number, end: number): Uint8Array | undefined {
    this.o = 0;
    this.p = start;
    let from = -1;
    try {
      from = this.struct(IMAGE, ITEM_CLOSE, 0);
    } catch (e) {
      if (e !== GIVE_UP) throw e;
    }
    if (from === -1 || this.p !== end) {
      if (from !== -1) this.l = from; // written, but it is not the image asked for: drop it
      return undefined;
    }
    return this.lines.subarray(from, this.l);
  }

  /** Make room for `n` more bytes in `out`. */
  private ensure(n: number): void {
    if (this.o + n <= this.out.length) return;
    const grown = new Uint8Array(Math.max(this.out.length * 2, this.o + n + 8));
    grown.set(this.out.subarray(0, this.o));
    this.out = grown;
    this.outView = new DataView(grown.buffer);
  }

  /** Write constant `b`; returns where it starts. */
  private put(b: Bytes): number {
    this.ensure(b.len + 4);
    const from = this.o;
    this.o = copy(this.out, this.outView, from, POOL, POOL_VIEW, b.at, b.at + b.len);
    return from;
  }

  /** Skip blank text up to the next `<` (the parser's rule: empty, or blank with a newline); returns its position. */
  private gap(): number {
    const src = this.src;
    let p = this.p;
    let newline = false;
    for (; p < src.length; p++) {
      const c = src[p]!;
      if (c === LT) break;
      if (c === NL) newline = true;
      else if (c !== SPACE && c !== TAB) giveUp();
    }
    if (p >= src.length || (p > this.p && !newline)) giveUp();
    return p;
  }

  /**
   * Read a structure's members up to `close` and write its JSON object, members in schema order;
   * returns where the object starts (it ends at `this.o`).
   */
  private struct(s: ByteStruct, close: Bytes, level: number): number {
    if (level >= MAX_LEVEL) giveUp();
    const src = this.src;
    const view = this.srcView;
    const { members, follows } = s;
    const n = members.length;
    let spans = this.spans[level];
    if (spans === undefined || spans.length < 3 * n) spans = this.spans[level] = new Int32Array(3 * Math.max(n, 48));
    for (let k = 0; k < 3 * n; k += 3) spans[k] = ABSENT;
    let size = 2; // what the object will take: braces, then each member's comma, key and value
    let previous = n;
    for (;;) {
      const lt = this.gap();
      if (src[lt + 1] === SLASH) {
        if (!same(src, view, lt, close)) giveUp();
        this.p = lt + close.len;
        break;
      }
      // The element that followed last time usually follows again: try its name before scanning one.
      let index = follows[previous]!;
      let q = lt + 1;
      if (index >= 0 && same(src, view, q, members[index]!.name) && !isNameByte(src[q + members[index]!.name.len]!)) {
        q += members[index]!.name.len;
      } else {
        while (q < src.length && isNameByte(src[q]!)) q++;
        index = this.find(s, lt + 1, q);
        follows[previous] = index;
      }
      const selfClosing = src[q] === SLASH;
      if (selfClosing ? src[q + 1] !== GT : src[q] !== GT) giveUp();
      const k = 3 * index;
      if (spans[k] !== ABSENT) giveUp(); // a repeated member
      const m = members[index]!;
      this.p = selfClosing ? q + 2 : q + 1;
      if (m.kind === 'string' && !selfClosing) {
        // Most values: find the end of the text and whether it can be copied as it is.
        const start = this.p;
        let end = start;
        let plain = true;
        for (; end < src.length; end++) {
          const t = TEXT_CLASS[src[end]!]!;
          if (t === 0) continue;
          if (t === END_OF_TEXT) break;
          plain = false;
        }
        if (!same(src, view, end, m.close)) giveUp();
        this.p = end + m.close.len;
        if (plain) {
          spans[k] = RAW;
          spans[k + 1] = start;
          spans[k + 2] = end;
          size += end - start + 2;
        } else {
          spans[k] = WRITTEN;
          spans[k + 1] = this.string(start, end);
          spans[k + 2] = this.o;
          size += this.o - spans[k + 1]!;
        }
      } else {
        spans[k] = WRITTEN;
        spans[k + 1] = this.value(m, selfClosing, level);
        spans[k + 2] = this.o;
        size += this.o - spans[k + 1]!;
      }
      size += m.key.len + 1;
      previous = index;
    }
    // The image itself is written straight into `lines`, as a line; nested objects into `out`.
    const top = level === 0;
    if (top && this.l + size + 1 > this.lines.length) {
      this.lines = freshBytes(Math.max(this.lines.length, 2 * size + 2));
      this.linesView = new DataView(this.lines.buffer);
      this.l = 0;
    }
    if (!top) this.ensure(size);
    const out = top ? this.lines : this.out;
    const outView = top ? this.linesView : this.outView;
    const from = top ? this.l : this.o;
    let o = from;
    out[o++] = 123; // {
    for (let k = 0; k < 3 * n; k += 3) {
      const kind = spans[k];
      if (kind === ABSENT) continue;
      if (o !== from + 1) out[o++] = COMMA;
      const key = members[k / 3]!.key;
      o = copy(out, outView, o, POOL, POOL_VIEW, key.at, key.at + key.len);
      if (kind === RAW) {
        out[o++] = QUOTE;
        o = copy(out, outView, o, src, view, spans[k + 1]!, spans[k + 2]!);
        out[o++] = QUOTE;
      } else {
        o = copy(out, outView, o, this.out, this.outView, spans[k + 1]!, spans[k + 2]!);
      }
    }
    out[o++] = 125; // }
    if (top) {
      out[o++] = NL;
      this.l = o;
    } else {
      this.o = o;
    }
    return from;
  }

  /** The member whose element name is src[from, to). */
  private find(s: ByteStruct, from: number, to: number): number {
    for (let i = 0; i < s.members.length; i++) {
      const name = s.members[i]!.name;
      if (name.len === to - from && same(this.src, this.srcView, from, name)) return i;
    }
    return giveUp(); // an element the schema does not know: the parser skips it, and has the last word
  }

  /**
   * Write a member's JSON value (`this.p` just past its start tag); returns where it starts. Not
   * for a string with content: struct() reads those itself, most of them without a copy.
   */
  private value(m: ByteMember, selfClosing: boolean, level: number): number {
    if (m.kind === 'struct') return selfClosing ? this.put(EMPTY_OBJECT) : this.struct(m.shape!, m.close, level + 1);
    if (m.kind === 'list') return selfClosing ? this.put(EMPTY_ARRAY) : this.list(m.shape!, m.close, level + 1);
    if (selfClosing) return this.scalarText(m, this.p, this.p);
    const src = this.src;
    const start = this.p;
    let end = start;
    while (end < src.length && src[end] !== LT) end++;
    if (!same(src, this.srcView, end, m.close)) giveUp();
    this.p = end + m.close.len;
    return this.scalarText(m, start, end);
  }

  /** Read `<item>` structures up to `close` and write the JSON array; returns where it starts. */
  private list(item: ByteStruct, close: Bytes, level: number): number {
    const src = this.src;
    const view = this.srcView;
    const items: number[] = [];
    let size = 2;
    for (;;) {
      const lt = this.gap();
      if (same(src, view, lt, close)) {
        this.p = lt + close.len;
        break;
      }
      let from: number;
      if (same(src, view, lt, ITEM_OPEN)) {
        this.p = lt + ITEM_OPEN.len;
        from = this.struct(item, ITEM_CLOSE, level);
      } else if (same(src, view, lt, ITEM_EMPTY)) {
        this.p = lt + ITEM_EMPTY.len;
        from = this.put(EMPTY_OBJECT);
      } else {
        return giveUp();
      }
      items.push(from, this.o);
      size += this.o - from + 1;
    }
    this.ensure(size + 4);
    const out = this.out;
    const outView = this.outView;
    const from = this.o;
    let o = from;
    out[o++] = 91; // [
    for (let i = 0; i < items.length; i += 2) {
      if (i > 0) out[o++] = COMMA;
      o = copy(out, outView, o, out, outView, items[i]!, items[i + 1]!);
    }
    out[o++] = 93; // ]
    this.o = o;
    return from;
  }

  /** A string value: UTF-8, control characters, `"` and `\` escaped, the five named entities decoded; returns where it starts. */
  private string(start: number, end: number): number {
    const src = this.src;
    // The parser's rule for blank text: with a newline it is "". Only ASCII blanks are judged
    // here; text that might be blank by Unicode's reckoning (non-ASCII spaces) goes to the parser.
    let newline = false;
    let blank = true;
    let ascii = true;
    for (let i = start; i < end; i++) {
      const c = src[i]!;
      if (c === NL) newline = true;
      else if (c > 127) ascii = false;
      else if (c !== SPACE && (c < 9 || c > 13)) blank = false;
    }
    if (newline && blank) {
      if (!ascii) giveUp();
      return this.put(EMPTY_STRING);
    }
    this.ensure(6 * (end - start) + 2);
    const out = this.out;
    const from = this.o;
    let o = from;
    out[o++] = QUOTE;
    for (let i = start; i < end; i++) {
      const c = src[i]!;
      if (c === QUOTE || c === BACKSLASH) {
        out[o++] = BACKSLASH;
        out[o++] = c;
      } else if (c < SPACE) {
        // As JSON.stringify writes them: \b \t \n \f \r, else \u00XX with lower-case hex.
        out[o++] = BACKSLASH;
        const short = SHORT_ESCAPES[c]!;
        if (short !== 0) {
          out[o++] = short;
        } else {
          o = copy(out, this.outView, o, POOL, POOL_VIEW, UNICODE_ESCAPE.at, UNICODE_ESCAPE.at + UNICODE_ESCAPE.len);
          out[o++] = HEX[c >> 4]!;
          out[o++] = HEX[c & 15]!;
        }
      } else if (c === AMP) {
        const entity = ENTITIES.find(([name]) => i + name.len <= end && same(src, this.srcView, i, name)) ?? giveUp();
        for (let j = 0; j < entity[1].len; j++) out[o++] = POOL[entity[1].at + j]!;
        i += entity[0].len - 1;
      } else {
        out[o++] = c;
      }
    }
    out[o++] = QUOTE;
    this.o = o;
    return from;
  }

  /**
   * A boolean, integer or timestamp (or an empty string), from src[start, end); plain `true`,
   * `false` and small integers are copied, the rest go through the parser's rule. Returns where it starts.
   */
  private scalarText(m: ByteMember, start: number, end: number): number {
    const src = this.src;
    const n = end - start;
    if (m.kind === 'boolean' && n === 4 && same(src, this.srcView, start, TRUE)) return this.put(TRUE);
    if (m.kind === 'boolean' && n === 5 && same(src, this.srcView, start, FALSE)) return this.put(FALSE);
    if (m.kind === 'integer' && n > 0 && n <= 15 && (src[start] !== 48 || n === 1)) {
      let digits = true;
      for (let i = start; i < end && digits; i++) digits = src[i]! >= 48 && src[i]! <= 57;
      if (digits) {
        this.ensure(n + 4);
        const from = this.o;
        this.o = copy(this.out, this.outView, from, src, this.srcView, start, end);
        return from;
      }
    }
    for (let i = start; i < end; i++) if (src[i]! < SPACE || src[i]! > 127 || src[i] === AMP) giveUp();
    const value = scalarValue(m.kind, Buffer.from(src.buffer, src.byteOffset + start, n).toString('latin1'));
    if (value === undefined) giveUp();
    const text = JSON.stringify(value);
    this.ensure(text.length);
    const from = this.o;
    for (let i = 0; i < text.length; i++) this.out[this.o++] = text.charCodeAt(i); // ASCII: numbers, booleans, ISO dates
    return from;
  }
}
