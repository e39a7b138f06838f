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
 * every byte of every page. wasm-module.ts writes the schema into the module's memory once; this
 * module lays out, for each page, the page's bytes, the images' offsets and the regions it writes
 * into; the lines are then copied out into a buffer of their own, since the next page overwrites
 * the memory.
 */
import { align, instance, isTrap, PAGE, placePage, reserve, type Transcoder } from './wasm-module.js';

/**
 * A new byte array left unfilled. Why: a page's lines are as big as the page, and filling them
 * with zeros first cost ~10% of `--output ndjson` (11 alternating runs: median 2.0 s against
 * 2.3 s). A plain Uint8Array over the buffer, not the Buffer itself: one map for every byte array.
 */
function freshBytes(size: number): Uint8Array {
  return new Uint8Array(Buffer.allocUnsafeSlow(size).buffer, 0, size);
}

/**
 * The JSON lines of the images whose `<item>` contents are `bytes`[starts[i], ends[i]) (`bytes`:
 * valid UTF-8, the bytes the parser's text was decoded from): for each, its JSON followed by a
 * newline (a view into a buffer of that page's lines), or undefined when the parser must read it.
 * Undefined as a whole when the transcoder cannot run (no WebAssembly, no memory for the page, a trap).
 */
export function transcodeImages(bytes: Uint8Array, starts: Int32Array, ends: Int32Array): (Uint8Array | undefined)[] | undefined {
  const t = instance();
  if (t === null) return undefined;
  try {
    return transcodeIn(t, bytes, starts, ends);
  } catch (e) {
    // No memory for this page, or a trap: the parser writes its JSON.
    if (e instanceof RangeError || isTrap(e)) return undefined;
    throw e;
  }
}

function transcodeIn(t: Transcoder, bytes: Uint8Array, starts: Int32Array, ends: Int32Array): (Uint8Array | undefined)[] {
  const count = starts.length;
  let maxImage = 0;
  for (let i = 0; i < count; i++) maxImage = Math.max(maxImage, ends[i]! - starts[i]!);
  // Regions, each sized for the worst case it can meet (an image's JSON is at most 6 bytes a byte of
  // its XML: a control character as \u00XX), so that only a page of lines can fill up; an image
  // that still does not fit its scratch goes to the parser.
  const page = t.free;
  const items = placePage(t, bytes);
  const spans = align(items + 8 * count);
  const stack = align(spans + 12 * t.exports.MAX_LEVEL.value * t.maxMembers);
  const stackLength = 2 * maxImage + 1024;
  const scratch = align(stack + stackLength);
  const scratchLength = t.scratchPerByte * maxImage + PAGE;
  const lines = align(scratch + scratchLength);
  let linesLength = Math.max(bytes.byteLength, 6 * maxImage) + PAGE;
  reserve(t, lines + linesLength);
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
