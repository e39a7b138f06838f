/**
 * AssemblyScript, compiled to WebAssembly (npm run build:wasm writes ../transcode-wasm.ts): the
 * page reader behind two modules, each working on the page's UTF-8 bytes where they are.
 *   - `transcode` (for transcode.ts) writes each image's compact JSON.
 *   - `project` (for project.ts, at the end of this file) finds where each image's kept members
 *     are, so that a projected page is never decoded to text as a whole.
 * Why WebAssembly: a JavaScript loop over a typed array costs ~1.8 ns a byte here (a bounds check
 * and a tagged load per byte), and the transcoder was half of `--output ndjson`'s time; the same
 * loop here costs a third of that.
 *
 * `transcode` reads the subset transcode.ts documents and gives up on an image (bound -1) on
 * anything else; the parser then reads that image in full. No allocation: every region is handed
 * in by the caller, and the schema (members, names, keys) is written into memory by it too
 * (wasm-module.ts, from shapes.ts).
 *
 * Layout of a schema record, in bytes:
 *   struct: u32 member count, u32 members address, u32 follows address (i16 per member + 1)
 *   member (MEMBER_SIZE): u32 kind, then three byte strings as (u32 address, u32 length):
 *     the element name, `</name>` and `"Key":`; then u32 the nested struct's address (or 0)
 *   constants: byte strings, indexed as below.
 */

// Member kinds, as transcode.ts numbers them.
const STRING: u32 = 0;
const BOOLEAN: u32 = 1;
const INTEGER: u32 = 2;
const STRUCT: u32 = 4;
const LIST: u32 = 5;

const MEMBER_SIZE: usize = 32;
const NAME: usize = 4;
const CLOSE: usize = 12;
const KEY: usize = 20;
const SHAPE: usize = 28;

// Constant byte strings (at constants + 8 * index).
const ITEM_CLOSE: usize = 0;
const ITEM_OPEN: usize = 1;
const ITEM_EMPTY: usize = 2;
const TRUE: usize = 3;
const FALSE: usize = 4;
const EMPTY_OBJECT: usize = 5;
const EMPTY_STRING: usize = 6;
const UNICODE_ESCAPE: usize = 7;
const EMPTY_ARRAY: usize = 8;
/** Entity names at ENTITY + e, what each writes at ENTITY + ENTITIES + e. */
const ENTITY: usize = 9;
const ENTITIES: usize = 5;

const LT: u8 = 60;
const GT: u8 = 62;
const SLASH: u8 = 47;
const AMP: u8 = 38;
const QUOTE: u8 = 34;
const BACKSLASH: u8 = 92;
const NL: u8 = 10;
const SPACE: u8 = 32;
const TAB: u8 = 9;
const COMMA: u8 = 44;

/** Deepest structure nesting read (Image > BlockDeviceMappings item > Ebs is 3); exported: the caller sizes the spans by it. */
export const MAX_LEVEL: i32 = 8;

// How a member's JSON is held while its structure is read (spans: kind, start, end per member).
const ABSENT: u32 = 0;
const RAW: u32 = 1;
const WRITTEN: u32 = 2;

/** A boolean, integer or timestamp outside the plain forms: the caller writes its JSON at `out` (length, or -1 to give up). */
@external("env", "scalar")
declare function scalarJson(kind: u32, start: usize, length: usize, out: usize, room: usize): i32;

// Tables (filled by setup): SHORT_ESCAPES (32 bytes), HEX (16).
let shortEscapes: usize = 0;
let hex: usize = 0;
let constants: usize = 0;

// The page and the regions of one transcode() call.
let src: usize = 0;
let srcEnd: usize = 0;
let p: usize = 0;
let outStart: usize = 0;
let outEnd: usize = 0;
let o: usize = 0;
let linesEnd: usize = 0;
let l: usize = 0;
let spansBase: usize = 0;
let spansStride: usize = 0;
let stackEnd: usize = 0;
let sp: usize = 0;
/** The image is outside the subset (or a region is too small for it): it goes to the parser. */
let failed = false;
/** The lines region is full: the caller takes the lines so far and calls again from this image. */
let full = false;

/** Fill the tables at `tables` (48 bytes) and note where the constant byte strings are. */
export function setup(tables: usize, constantsAt: usize): void {
  shortEscapes = tables;
  hex = tables + 32;
  memory.fill(shortEscapes, 0, 32);
  store<u8>(shortEscapes + 8, 98); // \b
  store<u8>(shortEscapes + 9, 116); // \t
  store<u8>(shortEscapes + 10, 110); // \n
  store<u8>(shortEscapes + 12, 102); // \f
  store<u8>(shortEscapes + 13, 114); // \r
  for (let i: usize = 0; i < 16; i++) store<u8>(hex + i, <u8>(i < 10 ? 48 + i : 87 + i));
  constants = constantsAt;
}

@inline function at(b: usize): usize {
  return <usize>load<u32>(b);
}

@inline function len(b: usize): usize {
  return <usize>load<u32>(b, 4);
}

@inline function constant(index: usize): usize {
  return constants + 8 * index;
}

function giveUp(): usize {
  failed = true;
  return 0;
}

@inline function isNameByte(c: u32): bool {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95;
}

/** True when byte string `b` occurs in the page at `pos`. */
function same(pos: usize, b: usize): bool {
  const n = len(b);
  if (pos + n > srcEnd) return false;
  const from = at(b);
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(pos + i) != load<u64>(from + i)) return false;
  for (; i < n; i++) if (load<u8>(pos + i) != load<u8>(from + i)) return false;
  return true;
}

/**
 * Where the plain text from `pos` ends: the first byte that is `<`, `&`, `"`, `\` or a control
 * character, 16 bytes at a time. Never past the page's end: the caller puts 16 zero bytes after
 * it, and a zero byte stops the search.
 */
function plainRun(pos: usize): usize {
  const lt = i8x16.splat(LT);
  const amp = i8x16.splat(AMP);
  const quote = i8x16.splat(QUOTE);
  const backslash = i8x16.splat(BACKSLASH);
  const space = i8x16.splat(SPACE);
  let q = pos;
  while (true) {
    const v = v128.load(q);
    const hit = v128.or(v128.or(i8x16.eq(v, lt), i8x16.eq(v, amp)), v128.or(v128.or(i8x16.eq(v, quote), i8x16.eq(v, backslash)), i8x16.lt_u(v, space)));
    const mask = i8x16.bitmask(hit);
    if (mask != 0) return q + <usize>ctz(mask);
    q += 16;
  }
}

/** Copy `n` bytes; short copies (most values and keys) without a call. The two must not overlap. */
@inline function copy(to: usize, from: usize, n: usize): void {
  if (n <= 16) {
    if (n >= 8) {
      const a = load<u64>(from);
      const b = load<u64>(from + n - 8);
      store<u64>(to, a);
      store<u64>(to + n - 8, b);
    } else if (n >= 4) {
      const a = load<u32>(from);
      const b = load<u32>(from + n - 4);
      store<u32>(to, a);
      store<u32>(to + n - 4, b);
    } else {
      for (let i: usize = 0; i < n; i++) store<u8>(to + i, load<u8>(from + i));
    }
  } else if (n <= 32) {
    const a = v128.load(from);
    const b = v128.load(from + n - 16);
    v128.store(to, a);
    v128.store(to + n - 16, b);
  } else {
    memory.copy(to, from, n);
  }
}

/** Write byte string `b` at `to`; returns the end. */
@inline function putAt(to: usize, b: usize): usize {
  const n = len(b);
  copy(to, at(b), n);
  return to + n;
}

/**
 * Transcode the images whose `<item>` contents are given as (start, end) byte offsets into the page
 * (i32 pairs at `items`, from item `first` on), writing each image's JSON and a newline into the
 * lines region. Each pair becomes the line's (start, end) offsets in that region, or (-1, -1) when
 * the image went to the parser. Returns the index of the first image not done: `count`, or an
 * earlier one when the lines region filled up (linesLength() says how much of it is used, and
 * lineRoom() how much room the image needed).
 */
export function transcode(
  image: usize, page: usize, pageLength: usize, items: usize, first: u32, count: u32,
  scratch: usize, scratchLength: usize, lines: usize, linesLength: usize,
  spans: usize, maxMembers: usize, stack: usize, stackLength: usize,
): u32 {
  src = page;
  srcEnd = page + pageLength;
  outStart = scratch;
  outEnd = scratch + scratchLength;
  l = lines;
  linesEnd = lines + linesLength;
  spansBase = spans;
  spansStride = 12 * maxMembers;
  stackEnd = stack + stackLength;
  for (let i = first; i < count; i++) {
    const pair = items + 8 * <usize>i;
    const start = page + <usize>load<u32>(pair);
    const end = page + <usize>load<u32>(pair, 4);
    o = outStart;
    sp = stack;
    p = start;
    failed = false;
    full = false;
    const from = struct(image, constant(ITEM_CLOSE), 0);
    if (full) return i;
    if (failed || p != end) {
      if (!failed) l = from; // written, but it is not the image asked for: drop it
      store<i32>(pair, -1);
      store<i32>(pair, -1, 4);
    } else {
      store<u32>(pair, <u32>(from - lines));
      store<u32>(pair, <u32>(l - lines), 4);
    }
  }
  return count;
}

let needed: usize = 0;

/** How much of the lines region the last transcode() call used. */
export function linesUsed(lines: usize): usize {
  return l - lines;
}

/** How much room the image that did not fit needed. */
export function lineRoom(): usize {
  return needed;
}

/** Skip blank text up to the next `<` (empty, or blank with a newline); returns its position. */
function gap(): usize {
  let q = p;
  let newline = false;
  for (; q < srcEnd; q++) {
    const c = load<u8>(q);
    if (c == LT) break;
    if (c == NL) newline = true;
    else if (c != SPACE && c != TAB) return giveUp();
  }
  if (q >= srcEnd || (q > p && !newline)) return giveUp();
  return q;
}

/**
 * Read a structure's members up to `close` and write its JSON object, members in schema order;
 * returns where the object starts (it ends at `o`, or at `l` for the image itself).
 */
function struct(s: usize, close: usize, level: i32): usize {
  if (level >= MAX_LEVEL) return giveUp();
  const n = <usize>load<u32>(s);
  const members = <usize>load<u32>(s, 4);
  const follows = <usize>load<u32>(s, 8);
  const spans = spansBase + <usize>level * spansStride;
  for (let k: usize = 0; k < n; k++) store<u32>(spans + 12 * k, ABSENT);
  let size: usize = 2; // braces, then each member's comma, key and value
  let previous = n;
  while (true) {
    const lt = gap();
    if (failed) return 0;
    if (load<u8>(lt + 1) == SLASH) {
      if (!same(lt, close)) return giveUp();
      p = lt + len(close);
      break;
    }
    // The element that followed last time usually follows again: try its name before scanning one.
    let index = <i32>load<i16>(follows + 2 * previous);
    let q = lt + 1;
    let m: usize = members + MEMBER_SIZE * <usize>index;
    if (index >= 0 && same(q, m + NAME) && !isNameByte(load<u8>(q + len(m + NAME)))) {
      q += len(m + NAME);
    } else {
      while (q < srcEnd && isNameByte(load<u8>(q))) q++;
      index = find(n, members, lt + 1, q);
      if (index < 0) return giveUp();
      store<i16>(follows + 2 * previous, <i16>index);
      m = members + MEMBER_SIZE * <usize>index;
    }
    const c = load<u8>(q);
    const selfClosing = c == SLASH;
    if (selfClosing ? load<u8>(q + 1) != GT : c != GT) return giveUp();
    const span = spans + 12 * <usize>index;
    if (load<u32>(span) != ABSENT) return giveUp(); // a repeated member
    p = selfClosing ? q + 2 : q + 1;
    const kind = load<u32>(m);
    if (kind == STRING && !selfClosing) {
      // Most values: find the end of the text and whether it can be copied as it is.
      const start = p;
      let end = plainRun(start);
      let plain = true;
      if (end < srcEnd && load<u8>(end) != LT) {
        plain = false;
        for (; end < srcEnd; end++) if (load<u8>(end) == LT) break;
      }
      if (!same(end, m + CLOSE)) return giveUp();
      p = end + len(m + CLOSE);
      if (plain) {
        store<u32>(span, RAW);
        store<u32>(span, <u32>start, 4);
        store<u32>(span, <u32>end, 8);
        size += end - start + 2;
      } else {
        const from = string(start, end);
        if (failed) return 0;
        store<u32>(span, WRITTEN);
        store<u32>(span, <u32>from, 4);
        store<u32>(span, <u32>o, 8);
        size += o - from;
      }
    } else {
      const from = value(m, kind, selfClosing, level);
      if (failed) return 0;
      store<u32>(span, WRITTEN);
      store<u32>(span, <u32>from, 4);
      store<u32>(span, <u32>o, 8);
      size += o - from;
    }
    size += len(m + KEY) + 1;
    previous = <usize>index;
  }
  // The image itself is written straight into the lines region, as a line; nested objects into scratch.
  const top = level == 0;
  if (top && l + size + 1 > linesEnd) {
    full = true;
    needed = size + 1;
    return 0;
  }
  if (!top && o + size > outEnd) return giveUp();
  const from = top ? l : o;
  let out = from;
  store<u8>(out++, 123); // {
  for (let k: usize = 0; k < n; k++) {
    const span = spans + 12 * k;
    const kind = load<u32>(span);
    if (kind == ABSENT) continue;
    if (out != from + 1) store<u8>(out++, COMMA);
    out = putAt(out, members + MEMBER_SIZE * k + KEY);
    const start = <usize>load<u32>(span, 4);
    const length = <usize>load<u32>(span, 8) - start;
    if (kind == RAW) store<u8>(out++, QUOTE);
    copy(out, start, length);
    out += length;
    if (kind == RAW) store<u8>(out++, QUOTE);
  }
  store<u8>(out++, 125); // }
  if (top) {
    store<u8>(out++, NL);
    l = out;
  } else {
    o = out;
  }
  return from;
}

/** The member whose element name is the page's bytes [from, to); -1 when none is. */
function find(n: usize, members: usize, from: usize, to: usize): i32 {
  for (let i: usize = 0; i < n; i++) {
    const name = members + MEMBER_SIZE * i + NAME;
    if (len(name) == to - from && same(from, name)) return <i32>i;
  }
  return -1; // an element the schema does not know: the parser skips it, and has the last word
}

/** Write constant `index` into scratch; returns where it starts. */
function put(index: usize): usize {
  const b = constant(index);
  if (o + len(b) > outEnd) return giveUp();
  const from = o;
  o = putAt(o, b);
  return from;
}

/** Write a member's JSON value (`p` just past its start tag); returns where it starts. Not for a string with content. */
function value(m: usize, kind: u32, selfClosing: bool, level: i32): usize {
  if (kind == STRUCT) return selfClosing ? put(EMPTY_OBJECT) : struct(<usize>load<u32>(m, SHAPE), m + CLOSE, level + 1);
  if (kind == LIST) return selfClosing ? put(EMPTY_ARRAY) : list(<usize>load<u32>(m, SHAPE), m + CLOSE, level + 1);
  if (selfClosing) return scalarText(kind, p, p);
  const start = p;
  let end = start;
  while (end < srcEnd && load<u8>(end) != LT) end++;
  if (!same(end, m + CLOSE)) return giveUp();
  p = end + len(m + CLOSE);
  return scalarText(kind, start, end);
}

/** Read `<item>` structures up to `close` and write the JSON array; returns where it starts. */
function list(item: usize, close: usize, level: i32): usize {
  const base = sp;
  let size: usize = 2;
  while (true) {
    const lt = gap();
    if (failed) return 0;
    if (same(lt, close)) {
      p = lt + len(close);
      break;
    }
    let from: usize;
    if (same(lt, constant(ITEM_OPEN))) {
      p = lt + len(constant(ITEM_OPEN));
      from = struct(item, constant(ITEM_CLOSE), level);
    } else if (same(lt, constant(ITEM_EMPTY))) {
      p = lt + len(constant(ITEM_EMPTY));
      from = put(EMPTY_OBJECT);
    } else {
      return giveUp();
    }
    if (failed) return 0;
    if (sp + 8 > stackEnd) return giveUp();
    store<u32>(sp, <u32>from);
    store<u32>(sp, <u32>o, 4);
    sp += 8;
    size += o - from + 1;
  }
  if (o + size > outEnd) return giveUp();
  const from = o;
  let out = o;
  store<u8>(out++, 91); // [
  for (let i = base; i < sp; i += 8) {
    if (i > base) store<u8>(out++, COMMA);
    const start = <usize>load<u32>(i);
    const length = <usize>load<u32>(i, 4) - start;
    copy(out, start, length);
    out += length;
  }
  store<u8>(out++, 93); // ]
  o = out;
  sp = base;
  return from;
}

/** A string value: control characters, `"` and `\` escaped, the five named entities decoded; returns where it starts. */
function string(start: usize, end: usize): usize {
  // The parser's rule for blank text: with a newline it is "". Only ASCII blanks are judged
  // here; text that might be blank by Unicode's reckoning (non-ASCII spaces) goes to the parser.
  let newline = false;
  let blank = true;
  let ascii = true;
  for (let i = start; i < end; i++) {
    const c = load<u8>(i);
    if (c == NL) newline = true;
    else if (c > 127) ascii = false;
    else if (c != SPACE && (c < 9 || c > 13)) blank = false;
  }
  if (newline && blank) {
    if (!ascii) return giveUp();
    return put(EMPTY_STRING);
  }
  if (o + 6 * (end - start) + 2 > outEnd) return giveUp();
  const from = o;
  let out = o;
  store<u8>(out++, QUOTE);
  for (let i = start; i < end; i++) {
    const c = load<u8>(i);
    if (c == QUOTE || c == BACKSLASH) {
      store<u8>(out++, BACKSLASH);
      store<u8>(out++, c);
    } else if (c < SPACE) {
      // As JSON.stringify writes them: \b \t \n \f \r, else \u00XX with lower-case hex.
      store<u8>(out++, BACKSLASH);
      const short = load<u8>(shortEscapes + <usize>c);
      if (short != 0) {
        store<u8>(out++, short);
      } else {
        out = putAt(out, constant(UNICODE_ESCAPE));
        store<u8>(out++, load<u8>(hex + <usize>(c >> 4)));
        store<u8>(out++, load<u8>(hex + <usize>(c & 15)));
      }
    } else if (c == AMP) {
      let e: usize = 0;
      for (; e < ENTITIES; e++) {
        const name = constant(ENTITY + e);
        if (i + len(name) <= end && same(i, name)) break;
      }
      if (e == ENTITIES) return giveUp();
      out = putAt(out, constant(ENTITY + ENTITIES + e));
      i += len(constant(ENTITY + e)) - 1;
    } else {
      store<u8>(out++, c);
    }
  }
  store<u8>(out++, QUOTE);
  o = out;
  return from;
}

/**
 * A boolean, integer or timestamp (or an empty string), from the page's [start, end); plain
 * `true`, `false` and small integers are copied, the rest are written by the caller's rule
 * (scalarJson). Returns where it starts.
 */
function scalarText(kind: u32, start: usize, end: usize): usize {
  const n = end - start;
  if (kind == BOOLEAN && n == 4 && same(start, constant(TRUE))) return put(TRUE);
  if (kind == BOOLEAN && n == 5 && same(start, constant(FALSE))) return put(FALSE);
  if (kind == INTEGER && n > 0 && n <= 15 && (load<u8>(start) != 48 || n == 1)) {
    let digits = true;
    for (let i = start; i < end && digits; i++) digits = load<u8>(i) >= 48 && load<u8>(i) <= 57;
    if (digits) {
      if (o + n > outEnd) return giveUp();
      const from = o;
      copy(o, start, n);
      o += n;
      return from;
    }
  }
  for (let i = start; i < end; i++) {
    const c = load<u8>(i);
    if (c < SPACE || c > 127 || c == AMP) return giveUp();
  }
  const written = scalarJson(kind, start, n, o, outEnd - o);
  if (written < 0) return giveUp();
  const from = o;
  o += <usize>written;
  return from;
}

// ---------------------------------------------------------------------------------------------
// Projection (project.ts): where each image's kept members are, read from the page's bytes, so
// that a listing that keeps a few members (`--output ids`, tables) never decodes the page to text.
// It walks what the parser's projection walks (parse.ts) and gives up on the page (-1) wherever
// the parser could do something else; project.ts then hands the page to the parser.
// ---------------------------------------------------------------------------------------------

const BANG: u8 = 33; // !
const QUESTION: u8 = 63; // ?

/** Per Image member: 0 when skipped, else 1 + its kept slot. */
let keepSlots: usize = 0;
/** Per Image member: seen in the current image. */
let seen: usize = 0;
let records: usize = 0;
let recordsEnd: usize = 0;
let r: usize = 0;
/** The records region is full: the caller gives a bigger one and calls again. */
let recordsFull = false;

/**
 * The first `<` at or after `pos`, 16 bytes at a time. The caller puts a `<` at the page's end,
 * so the search always stops there at the latest.
 */
function nextLt(pos: usize): usize {
  const lt = i8x16.splat(LT);
  let q = pos;
  while (true) {
    const mask = i8x16.bitmask(i8x16.eq(v128.load(q), lt));
    if (mask != 0) return q + <usize>ctz(mask);
    q += 16;
  }
}

/** A `<` at `q` that starts a comment, CDATA, a DOCTYPE or a processing instruction: the parser reads such pages in full. */
@inline function isDeclaration(q: usize): bool {
  const c = load<u8>(q + 1);
  return c == BANG || c == QUESTION;
}

/**
 * Where the first `close` at or after `pos` starts (the parser's indexOf), checking each `<` on
 * the way; gives up at the page's end.
 */
function findClose(pos: usize, close: usize): usize {
  let q = pos;
  while (true) {
    q = nextLt(q);
    if (q >= srcEnd || isDeclaration(q)) return giveUp();
    if (same(q, close)) return q;
    q++;
  }
}

/**
 * Just past the `</item>` that closes the image whose content continues at `pos`, counting the
 * list items nested in it (parse.ts itemEnd, whose regular expression it mirrors). Gives up where
 * itemEnd is unsure (an item tag with attributes, a malformed one).
 */
function imageEnd(pos: usize): usize {
  let depth = 0;
  let q = pos;
  while (true) {
    q = nextLt(q);
    if (q >= srcEnd || isDeclaration(q)) return giveUp();
    const closing = load<u8>(q + 1) == SLASH;
    const name = closing ? q + 2 : q + 1;
    // "item" as one little-endian word.
    if (name + 5 <= srcEnd && load<u32>(name) == 0x6d657469) {
      const c = load<u8>(name + 4);
      if (c == GT) {
        if (!closing) depth++;
        else if (depth-- == 0) return name + 5;
      } else if (c == SLASH) {
        if (closing || load<u8>(name + 5) != GT) return giveUp();
      } else if (c == SPACE || c == TAB || c == NL) {
        return giveUp();
      }
    }
    q++;
  }
}

/**
 * The element whose name starts at `from`: the member of struct `s` it names (-1: none), with `p`
 * just past its start tag and `selfClosing` set; gives up on a tag the parser would not take as a
 * known member (attributes, odd characters).
 */
let selfClosing = false;
let nameEnd: usize = 0;
function element(s: usize, previous: usize, from: usize): i32 {
  const n = <usize>load<u32>(s);
  const members = <usize>load<u32>(s, 4);
  const follows = <usize>load<u32>(s, 8);
  let index = <i32>load<i16>(follows + 2 * previous);
  let q = from;
  if (index >= 0 && same(q, members + MEMBER_SIZE * <usize>index + NAME) && !isNameByte(load<u8>(q + len(members + MEMBER_SIZE * <usize>index + NAME)))) {
    q += len(members + MEMBER_SIZE * <usize>index + NAME);
  } else {
    while (q < srcEnd && isNameByte(load<u8>(q))) q++;
    index = find(n, members, from, q);
    if (index >= 0) store<i16>(follows + 2 * previous, <i16>index);
  }
  nameEnd = q;
  const c = load<u8>(q);
  selfClosing = c == SLASH;
  if (selfClosing ? load<u8>(q + 1) != GT : c != GT) {
    giveUp();
    return -1;
  }
  p = selfClosing ? q + 2 : q + 1;
  return index;
}

/**
 * Where the content of member `m` ends (its closing tag starts), with `p` just past its start tag;
 * `p` is then moved past its closing tag. `text`: the first `<` must be that closing tag, as the
 * parser reads a leaf; else the first closing tag of that name is searched for, as the parser skips
 * a member (no Image member nests an element of its own name). A self-closing element ends where
 * it starts.
 */
function contentEnd(m: usize, text: bool): usize {
  if (selfClosing) return p;
  let end: usize;
  if (text) {
    end = nextLt(p);
    if (end >= srcEnd || !same(end, m + CLOSE)) return giveUp();
  } else {
    end = findClose(p, m + CLOSE);
    if (failed) return 0;
  }
  p = end + len(m + CLOSE);
  return end;
}

/** Write the pair (start, end) at `at`, as offsets into the page. */
@inline function span(at: usize, start: usize, end: usize): void {
  store<i32>(at, <i32>(start - src));
  store<i32>(at, <i32>(end - src), 4);
}

/** Room for one image's record, filled with -1; 0 (and recordsFull) when the region is full. */
function newRecord(kept: u32): usize {
  const record = r;
  r += 8 + 8 * <usize>kept;
  if (r > recordsEnd) {
    recordsFull = true;
    return giveUp();
  }
  memory.fill(record, 0xff, 8 + 8 * <usize>kept);
  return record;
}

/** Read one image (`p` just past `<item>`): its record is (content start, end past `</item>`, then per kept slot (start, end) or (-1, -1)). */
function projectImage(image: usize, kept: u32): void {
  const n = <usize>load<u32>(image);
  const members = <usize>load<u32>(image, 4);
  const record = newRecord(kept);
  if (failed) return;
  const start = p;
  memory.fill(seen, 0, n);
  let left = kept;
  let previous = n;
  while (true) {
    if (left == 0) {
      // Every kept member read: jump past the rest of the image, as the parser does.
      p = imageEnd(p);
      if (failed) return;
      break;
    }
    const lt = gap();
    if (failed) return;
    if (isDeclaration(lt)) {
      giveUp();
      return;
    }
    if (load<u8>(lt + 1) == SLASH) {
      if (!same(lt, constant(ITEM_CLOSE))) {
        giveUp();
        return;
      }
      p = lt + len(constant(ITEM_CLOSE));
      break;
    }
    const index = element(image, previous, lt + 1);
    if (failed) return;
    // An element the schema does not know: the parser checks and skips it; leave the page to it.
    if (index < 0 || load<u8>(seen + <usize>index) != 0) {
      giveUp();
      return;
    }
    store<u8>(seen + <usize>index, 1);
    const m = members + MEMBER_SIZE * <usize>index;
    const slot = <usize>load<u8>(keepSlots + <usize>index);
    const kind = load<u32>(m);
    // A kept struct or list is found by its closing tag too: the parser then reads it from its text.
    const from = p;
    const end = contentEnd(m, slot != 0 && kind != STRUCT && kind != LIST);
    if (failed) return;
    if (slot != 0) {
      span(record + 8 * slot, from, end); // slot is 1-based: (start, end) pairs follow the image's two words
      left--;
    }
    previous = <usize>index;
  }
  span(record, start, p);
}

/**
 * Project a DescribeImages page: `from` is just past the root's start tag, `rootClose` its closing
 * tag (as a byte string record), `result` the DescribeImagesResult struct record (NextToken,
 * Images), `keep` the per-member kept slots of its Image struct. Writes at `out`: NextToken
 * (start, end) or (-1, -1), Images -1 (absent) or 0, the image count, then one record per image
 * (an `<item/>` has start -1). Returns the image count, -1 when the parser must read the page,
 * or -2 when the records did not fit `outLength`.
 * The page must be followed by a `<` and 15 more bytes.
 */
export function project(
  result: usize, keep: usize, kept: u32, seenAt: usize, page: usize, pageLength: usize, from: usize, rootClose: usize,
  out: usize, outLength: usize,
): i32 {
  src = page;
  srcEnd = page + pageLength;
  p = page + from;
  failed = false;
  recordsFull = false;
  keepSlots = keep;
  seen = seenAt;
  records = out;
  recordsEnd = out + outLength;
  if (recordsEnd < records + 16) return -2;
  store<i32>(records, -1);
  store<i32>(records, -1, 4);
  store<i32>(records, -1, 8);
  store<i32>(records, 0, 12);
  r = records + 16;
  const n = <usize>load<u32>(result);
  const members = <usize>load<u32>(result, 4);
  let count: i32 = 0;
  let previous = n;
  while (true) {
    const lt = gap();
    if (failed || isDeclaration(lt)) return -1;
    if (load<u8>(lt + 1) == SLASH) {
      if (!same(lt, rootClose)) return -1;
      p = lt + len(rootClose);
      break;
    }
    const c = load<u8>(lt + 1);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95)) return -1;
    const index = element(result, previous, lt + 1);
    if (failed) return -1;
    if (index < 0) {
      // An element the result does not know (requestId): skipped when it holds only text.
      if (!selfClosing) {
        const end = nextLt(p);
        const nameLength = nameEnd - (lt + 1);
        if (end + 2 + nameLength >= srcEnd || load<u8>(end + 1) != SLASH || load<u8>(end + 2 + nameLength) != GT) return -1;
        for (let i: usize = 0; i < nameLength; i++) if (load<u8>(end + 2 + i) != load<u8>(lt + 1 + i)) return -1;
        p = end + 3 + nameLength;
      }
      previous = n;
      continue;
    }
    const m = members + MEMBER_SIZE * <usize>index;
    const kind = load<u32>(m);
    if (kind == LIST) {
      if (load<i32>(records, 8) != -1) return -1; // repeated
      store<i32>(records, 0, 8);
      const image = <usize>load<u32>(m, SHAPE);
      if (!selfClosing) {
        while (true) {
          const at = gap();
          if (failed || isDeclaration(at)) return -1;
          if (same(at, m + CLOSE)) {
            p = at + len(m + CLOSE);
            break;
          }
          if (same(at, constant(ITEM_OPEN))) {
            p = at + len(constant(ITEM_OPEN));
            projectImage(image, kept);
            if (failed) return recordsFull ? -2 : -1;
          } else if (same(at, constant(ITEM_EMPTY))) {
            p = at + len(constant(ITEM_EMPTY));
            newRecord(kept); // (-1, -1) and no members
            if (failed) return -2;
          } else {
            return -1;
          }
          count++;
        }
      }
    } else if (kind == STRING) {
      if (load<i32>(records) != -1) return -1; // repeated
      const from = p;
      const end = contentEnd(m, true);
      if (failed) return -1;
      span(records, from, end); // an empty token is (start, start), an absent one (-1, -1)
    } else {
      return -1;
    }
    previous = <usize>index;
  }
  // After the root: the parser reads a page with a comment or CDATA anywhere in full.
  for (let q = nextLt(p); q < srcEnd; q = nextLt(q + 1)) if (isDeclaration(q)) return -1;
  store<i32>(records, count, 12);
  return count;
}
