/**
 * Writes each image's compact JSON straight from the page's UTF-8 bytes: the text JSON.stringify
 * gives for the image the parser would build (schema key order, booleans, numbers, timestamps as
 * ISO strings), with no object and no per-value string made on the way. Why: for `--output
 * ndjson`, building every member of every image and then serialising it cost as much as
 * everything else together (issue 6).
 *
 * It reads a strict subset of what the parser reads: known elements without attributes, gaps of
 * blank text with a newline, text with only the five named entities, the common spellings of
 * booleans and integers, plain UTC timestamps. On anything else it gives up on that image
 * (undefined) and the parser reads the image in full instead, so the subset only decides speed,
 * never output. test/unit/aws/fast checks the text against JSON.stringify of the SDK's own
 * output on every test page.
 *
 * The byte work runs in WebAssembly (wasm/transcode.ts, AssemblyScript): a JavaScript loop over
 * a typed array cost ~1.8 ns a byte here against ~0.7 ns (copy in included), and this loop reads
 * every byte of every page. This module lays out its memory: the schema from shapes.ts once,
 * then for each page the page's bytes, the images' offsets and the regions it writes into; the
 * lines are then copied out into a buffer of their own, since the next page overwrites the memory.
 */
import { IMAGE_SHAPE, type MemberKind, type StructShape } from './shapes.js';
import { scalarValue } from './scalar.js';
import { TRANSCODER_WASM } from './transcode-wasm.js';

/** Member kinds as the WebAssembly numbers them. */
const KINDS: readonly MemberKind[] = ['string', 'boolean', 'integer', 'timestamp', 'struct', 'list'];
const MEMBER_SIZE = 32;
const PAGE = 65536;

/** The constant byte strings, in the order wasm/transcode.ts indexes them. */
const CONSTANTS = [
  '</item>', '<item>', '<item/>', 'true', 'false', '{}', '""', 'u00', '[]',
  '&amp;', '&lt;', '&gt;', '&quot;', '&apos;',
  '&', '<', '>', '\\"', "'",
];

/** The part of WebAssembly used here (Node has it; the ES lib types do not describe it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
const Wasm = (globalThis as unknown as { WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
} }).WebAssembly;

interface Exports {
  memory: WasmMemory;
  /** The deepest structure nesting it reads: spans are kept for that many levels. */
  MAX_LEVEL: { readonly value: number };
  setup(tables: number, constants: number): void;
  transcode(
    image: number, page: number, pageLength: number, items: number, first: number, count: number,
    scratch: number, scratchLength: number, lines: number, linesLength: number,
    spans: number, maxMembers: number, stack: number, stackLength: number,
  ): number;
  linesUsed(lines: number): number;
  lineRoom(): number;
}

/** The instance with its schema written, and where things are in its memory. */
interface Transcoder {
  exports: Exports;
  memory: Uint8Array;
  /** The Image struct record. */
  image: number;
  /** Where per-page regions may start. */
  free: number;
  /** The most members any struct has (spans per nesting level). */
  maxMembers: number;
  /**
   * Scratch bytes an image may need per byte of its XML: a value's JSON is at most 6 bytes a byte
   * (a control character as \u00XX), and scratch holds it once more for every structure and list
   * around it below the image (Ebs in a BlockDeviceMappings item: the value, Ebs, the item, the list).
   */
  scratchPerByte: number;
}

let transcoder: Transcoder | undefined | null;

/** The transcoder, made on first use; null when WebAssembly is not there to run it. */
function instance(): Transcoder | null {
  if (transcoder !== undefined) return transcoder;
  try {
    const t = {} as Transcoder;
    const module = new Wasm.Module(Buffer.from(TRANSCODER_WASM, 'base64'));
    const wasm = new Wasm.Instance(module, { env: { scalar: (kind: number, start: number, length: number, out: number, room: number) => scalarJson(t, kind, start, length, out, room) } });
    t.exports = wasm.exports as unknown as Exports;
    t.memory = new Uint8Array(t.exports.memory.buffer);
    layOutSchema(t);
    transcoder = t;
  } catch {
    transcoder = null;
  }
  return transcoder;
}

/** Write the tables, the constants and the Image schema into memory (from byte 1024 on). */
function layOutSchema(t: Transcoder): void {
  reserve(t, 4 * PAGE);
  const tables = 1024;
  const constants = tables + 512;
  let at = constants + 8 * CONSTANTS.length;
  const words: [number, number][] = [];
  const pool = (s: string): [number, number] => {
    const start = at;
    for (let i = 0; i < s.length; i++) t.memory[at++] = s.charCodeAt(i);
    return [start, s.length];
  };
  const bytes = (address: number, s: string): void => {
    const [start, length] = pool(s);
    words.push([address, start], [address + 4, length]);
  };
  CONSTANTS.forEach((s, i) => bytes(constants + 8 * i, s));
  t.maxMembers = 0;
  const records = new Map<StructShape, number>();
  const struct = (shape: StructShape): number => {
    const known = records.get(shape);
    if (known !== undefined) return known;
    const n = shape.members.length;
    t.maxMembers = Math.max(t.maxMembers, n);
    at = (at + 7) & ~7;
    const record = at;
    const members = record + 12;
    const follows = members + MEMBER_SIZE * n;
    at = follows + 2 * (n + 1);
    records.set(shape, record);
    words.push([record, n], [record + 4, members], [record + 8, follows]);
    new Int16Array(t.memory.buffer, follows, n + 1).fill(-1);
    shape.members.forEach((m, i) => {
      const member = members + MEMBER_SIZE * i;
      words.push([member, KINDS.indexOf(m.kind)]);
      bytes(member + 4, m.xmlName);
      bytes(member + 12, m.close);
      bytes(member + 20, `"${m.name}":`);
      words.push([member + 28, m.shape === undefined ? 0 : struct(m.shape)]);
    });
    return record;
  };
  t.image = struct(IMAGE_SHAPE);
  // How many structures and lists can enclose a value below the image (a list counts its items too).
  const enclosing = (shape: StructShape): number => Math.max(0, ...shape.members.map((m) => (m.shape === undefined ? 0 : (m.kind === 'list' ? 2 : 1) + enclosing(m.shape))));
  t.scratchPerByte = 6 * (1 + enclosing(IMAGE_SHAPE));
  const view = new DataView(t.memory.buffer);
  for (const [address, value] of words) view.setUint32(address, value, true);
  t.free = (at + 63) & ~63;
  t.exports.setup(tables, constants);
  if (t.free > t.memory.byteLength) throw new Error('transcoder schema does not fit its memory');
}

/** The JSON of a boolean, integer or timestamp the WebAssembly does not write itself (see scalarValue). */
function scalarJson(t: Transcoder, kind: number, startI32: number, lengthI32: number, outI32: number, roomI32: number): number {
  // Addresses come signed (i32): above 2 GiB of memory they would be negative.
  const [start, length, out, room] = [startI32 >>> 0, lengthI32 >>> 0, outI32 >>> 0, roomI32 >>> 0];
  const value = scalarValue(KINDS[kind]!, Buffer.from(t.memory.buffer, t.memory.byteOffset + start, length).toString('latin1'));
  if (value === undefined) return -1;
  const text = JSON.stringify(value);
  if (text.length > room) return -1;
  for (let i = 0; i < text.length; i++) t.memory[out + i] = text.charCodeAt(i); // ASCII: numbers, booleans, ISO dates
  return text.length;
}

/** Grow the memory to at least `size` bytes. */
function reserve(t: Transcoder, size: number): void {
  const have = t.exports.memory.buffer.byteLength;
  if (size > have) t.exports.memory.grow(Math.ceil((size - have) / PAGE));
  if (t.memory.buffer !== t.exports.memory.buffer) t.memory = new Uint8Array(t.exports.memory.buffer);
}

/**
 * A new byte array left unfilled. Why: a page's lines are as big as the page, and filling them
 * with zeros first cost ~10% of `--output ndjson` (11 alternating runs: median 2.0 s against
 * 2.3 s). A plain Uint8Array over the buffer, not the Buffer itself: one map for every byte array.
 */
function freshBytes(size: number): Uint8Array {
  return new Uint8Array(Buffer.allocUnsafeSlow(size).buffer, 0, size);
}

const align = (n: number): number => (n + 7) & ~7;

/**
 * The JSON lines of the images whose `<item>` contents are `bytes`[starts[i], ends[i]) (`bytes`:
 * valid UTF-8, the bytes the parser's text was decoded from): for each, its JSON followed by a
 * newline (a view into a buffer of that page's lines), or undefined when the parser must read it.
 * Undefined as a whole when the transcoder cannot run (no WebAssembly, or no memory for the page).
 */
export function transcodeImages(bytes: Uint8Array, starts: Int32Array, ends: Int32Array): (Uint8Array | undefined)[] | undefined {
  const t = instance();
  if (t === null) return undefined;
  const count = starts.length;
  let maxImage = 0;
  for (let i = 0; i < count; i++) maxImage = Math.max(maxImage, ends[i]! - starts[i]!);
  // Regions, each sized for the worst case it can meet (an image's JSON is at most 6 bytes a byte of
  // its XML: a control character as \u00XX), so that only a page of lines can fill up; an image
  // that still does not fit its scratch goes to the parser.
  const page = t.free;
  const items = align(page + bytes.byteLength + 16); // 16 zero bytes after the page: reads just past its end see no markup
  const spans = align(items + 8 * count);
  const stack = align(spans + 12 * t.exports.MAX_LEVEL.value * t.maxMembers);
  const stackLength = 2 * maxImage + 1024;
  const scratch = align(stack + stackLength);
  const scratchLength = t.scratchPerByte * maxImage + PAGE;
  const lines = align(scratch + scratchLength);
  let linesLength = Math.max(bytes.byteLength, 6 * maxImage) + PAGE;
  try {
    reserve(t, lines + linesLength);
  } catch {
    return undefined; // no memory for this page: the parser writes its JSON
  }
  t.memory.set(bytes, page);
  t.memory.fill(0, page + bytes.byteLength, page + bytes.byteLength + 16);
  const pairs = new Int32Array(t.memory.buffer, items, 2 * count);
  for (let i = 0; i < count; i++) {
    pairs[2 * i] = starts[i]!;
    pairs[2 * i + 1] = ends[i]!;
  }
  const out: (Uint8Array | undefined)[] = new Array(count);
  for (let first = 0; first < count;) {
    const done = t.exports.transcode(
      t.image, page, bytes.byteLength, items, first, count,
      scratch, scratchLength, lines, linesLength, spans, t.maxMembers, stack, stackLength,
    );
    const used = t.exports.linesUsed(lines) >>> 0; // why >>> 0: i32 results come to JavaScript signed
    const chunk = freshBytes(used);
    chunk.set(t.memory.subarray(lines, lines + used));
    const bounds = new Int32Array(t.memory.buffer, items, 2 * count);
    // Why not subarray(): it looks up the array's species constructor, several times slower.
    for (let i = first; i < done; i++) out[i] = bounds[2 * i]! < 0 ? undefined : new Uint8Array(chunk.buffer, bounds[2 * i]!, bounds[2 * i + 1]! - bounds[2 * i]!);
    if (done === first) {
      // The image did not fit an empty lines region (cannot happen with the sizes above): make room
      // for what it said it needs, once; else it and the rest go to the parser.
      const needed = t.exports.lineRoom() >>> 0;
      let grown = needed > linesLength;
      if (grown) {
        linesLength = needed + PAGE;
        try {
          reserve(t, lines + linesLength);
        } catch {
          grown = false;
        }
      }
      if (!grown) {
        for (let i = done; i < count; i++) out[i] = undefined;
        break;
      }
    }
    first = done;
  }
  return out;
}
