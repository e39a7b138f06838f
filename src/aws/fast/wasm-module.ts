/**
 * The WebAssembly module that reads DescribeImages pages as bytes (wasm/transcode.ts,
 * AssemblyScript, committed as transcode-wasm.ts): made once, with the DescribeImagesResult and
 * Image schema from shapes.ts written into its memory. transcode.ts (each image's JSON) and
 * project.ts (where each image's kept members are) lay out their per-page regions after it.
 */
import { DESCRIBE_IMAGES_RESULT_SHAPE, IMAGE_SHAPE, type MemberKind, type StructShape } from './shapes.js';
import { scalarValue } from './scalar.js';
import { TRANSCODER_WASM } from './transcode-wasm.js';

/** Member kinds as the WebAssembly numbers them. */
const KINDS: readonly MemberKind[] = ['string', 'boolean', 'integer', 'timestamp', 'struct', 'list'];
const MEMBER_SIZE = 32;
export const PAGE = 65536;

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
  RuntimeError: new () => Error;
} }).WebAssembly;

/**
 * True for a trap in the module (a read outside its memory): a bug in it, never the page's fault,
 * so its callers leave the page to the parser, which decides then.
 */
export function isTrap(e: unknown): boolean {
  return e instanceof Wasm.RuntimeError;
}

export interface Exports {
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
  project(
    result: number, keep: number, kept: number, seen: number, page: number, pageLength: number, from: number, rootClose: number,
    out: number, outLength: number,
  ): number;
}

/** The instance with its schema written, and where things are in its memory. */
export interface Transcoder {
  exports: Exports;
  memory: Uint8Array;
  /** The Image struct record. */
  image: number;
  /** The DescribeImagesResult struct record (its Images member points at `image`). */
  result: number;
  /** Where the page is laid out (placePage); the per-page regions follow it. */
  free: number;
  /** The bytes last laid out at `free`: the same view is not copied again. */
  placed?: Uint8Array;
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
export function instance(): Transcoder | null {
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
  t.result = struct(DESCRIBE_IMAGES_RESULT_SHAPE);
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
export function reserve(t: Transcoder, size: number): void {
  const have = t.exports.memory.buffer.byteLength;
  if (size > have) t.exports.memory.grow(Math.ceil((size - have) / PAGE));
  if (t.memory.buffer !== t.exports.memory.buffer) t.memory = new Uint8Array(t.exports.memory.buffer);
}

export const align = (n: number): number => (n + 7) & ~7;

/**
 * Lay the page `bytes` out at `free`, followed by a `<` and 15 zero bytes: the module's searches
 * stop there, and its reads just past the page stay in memory. Returns where the caller's regions
 * may start. Why the same view is not copied again: for `--output ndjson` the projection and then
 * the transcoder read the same page (parse-bytes.ts), and nothing else writes there. Throws when
 * the memory cannot grow.
 */
export function placePage(t: Transcoder, bytes: Uint8Array): number {
  const end = t.free + bytes.byteLength;
  if (t.placed !== bytes) {
    t.placed = undefined;
    reserve(t, end + 16);
    t.memory.set(bytes, t.free);
    t.memory[end] = 60; // <
    t.memory.fill(0, end + 1, end + 16);
    t.placed = bytes;
  }
  return align(end + 16);
}
