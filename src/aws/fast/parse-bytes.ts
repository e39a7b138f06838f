/**
 * Parse a DescribeImages response body from its bytes. A page of valid UTF-8 read for a few
 * members (`fields`) is projected from its bytes: the WebAssembly module finds where each image's kept
 * members are (project.ts), and only their text is decoded and read, by the parser's own rules
 * (parse.ts memberReader). Any other page, and any page the module gives up on, is decoded as the
 * SDK decodes it and parsed by parse.ts, which decides the same page the same way; the
 * differential tests (test/unit/aws/fast) hold the two paths to the same output.
 *
 * Why: `--output ids` spent most of its own time decoding each ~1.3 MB page to text, finding each
 * image's end with a regular expression, and collecting that text afterwards (issue 6).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { attachImageJsonFromBytes, type JsonItem } from './json-lines.js';
import { memberReader, parseDescribeImagesXml, rootElement, type DescribeImagesBody, type FastParseResult } from './parse.js';
import { projectRecords, recordStride } from './project.js';
import { projectedResultShape, type MemberShape, type StructShape } from './shapes.js';

export interface ParseBodyOptions {
  /** Also give each image its whole JSON text (IMAGE_JSON); see ParseOptions.json. */
  json?: boolean;
}

/**
 * Parse `bytes`; `decodeUtf8` is the SDK's UTF-8 decoder, for pages that are not ASCII. With
 * `fields`, images carry only those members (parseDescribeImagesXml).
 */
export function parseDescribeImagesBody(bytes: Uint8Array, decodeUtf8: (bytes: Uint8Array) => string, fields?: Iterable<string>, opts: ParseBodyOptions = {}): FastParseResult {
  const names = fields === undefined ? undefined : [...fields];
  const encoding = encodingOf(bytes);
  const page = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (names !== undefined && encoding !== undefined) {
    const value = projectPage(page, projectedResultShape(names), opts.json === true, encoding);
    if (value !== undefined) return { ok: true, value };
  }
  const text = encoding === 'latin1' ? page.toString('latin1') : decodeUtf8(bytes);
  return parseDescribeImagesXml(text, names, { json: opts.json, utf8Bytes: opts.json === true && encoding !== undefined ? bytes : undefined });
}

/**
 * The page projected to `fields` from its bytes, as parseDescribeImagesXml would give it; undefined
 * when the page must be decoded and parsed instead (it is not valid UTF-8, or the WebAssembly
 * module gives up on it).
 */
export function projectDescribeImagesPage(bytes: Uint8Array, fields: Iterable<string>, json = false): DescribeImagesBody | undefined {
  const encoding = encodingOf(bytes);
  if (encoding === undefined) return undefined;
  return projectPage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), projectedResultShape(fields), json, encoding);
}

/** How the page's pieces are decoded: 'latin1' is the fast copy for pages of ASCII. */
type Encoding = 'latin1' | 'utf8';

/**
 * 'latin1' for ASCII (Latin-1 and UTF-8 decode it alike, and the Latin-1 copy is several times
 * faster; real pages are almost always ASCII), 'utf8' for other valid UTF-8, undefined for
 * invalid UTF-8. Why valid UTF-8 only for the projection: its pieces, cut at markup, decode to the
 * pieces of the whole text; and the transcoder reads only valid UTF-8.
 */
function encodingOf(bytes: Uint8Array): Encoding | undefined {
  if (isAscii(bytes)) return 'latin1';
  return isUtf8(bytes) ? 'utf8' : undefined;
}

/** What the module needs to know of a projected Image shape, made once per shape. */
interface Plan {
  image: StructShape;
  /** Per Image member: 0 when skipped, else 1 + its kept slot. */
  keep: Uint8Array;
  /** The kept members, and their indexes in the Image shape. */
  kept: MemberShape[];
  index: number[];
  nextToken: number;
  images: number;
}

const plans = new WeakMap<StructShape, Plan>();

function planFor(shape: StructShape): Plan {
  let plan = plans.get(shape);
  if (plan === undefined) {
    const images = shape.byXmlName.get('imagesSet')!;
    const image = shape.members[images]!.shape!;
    const index = image.members.flatMap((m, i) => (m.skip === true ? [] : [i]));
    const keep = new Uint8Array(image.members.length);
    index.forEach((i, slot) => {
      keep[i] = slot + 1;
    });
    plan = { image, keep, kept: index.map((i) => image.members[i]!), index, nextToken: shape.byXmlName.get('nextToken')!, images };
    plans.set(shape, plan);
  }
  return plan;
}

/** How much of the page the root start tag may take. */
const HEAD = 4096;

/** The page (valid UTF-8) projected from its bytes, or undefined when it must be decoded and parsed instead. */
function projectPage(page: Buffer, shape: StructShape, json: boolean, encoding: Encoding): DescribeImagesBody | undefined {
  // Why: the parser turns CR LF and lone CR into LF before anything else.
  if (page.indexOf(13) !== -1) return undefined;
  try {
    // The head in Latin-1: one character per byte, so its offsets are the page's. The root's name
    // and attributes are read as the parser reads them.
    const head = page.toString('latin1', 0, Math.min(HEAD, page.byteLength));
    const root = rootElement(head);
    // A comment before the root: the parser reads the page in full, unprojected.
    if (head.slice(0, root.end).includes('<!')) return undefined;
    const plan = planFor(shape);
    const records = projectRecords(page, plan.keep, plan.kept.length, root.end, `</${root.name}>`);
    return records === undefined ? undefined : build(page, encoding, shape, plan, records, json);
  } catch (e) {
    if (memberReader.isUnsupported(e)) return undefined;
    throw e;
  }
}

/** The objects the parser builds, from project.ts's records. */
function build(page: Buffer, encoding: Encoding, shape: StructShape, plan: Plan, records: Int32Array, json: boolean): DescribeImagesBody {
  const { image, kept, index } = plan;
  const stride = recordStride(kept.length);
  const items: JsonItem[] = [];
  let images: Record<string, unknown>[] | undefined;
  if (records[2] !== -1) {
    images = [];
    const slots: unknown[] = new Array(image.members.length);
    const count = records[3]!;
    for (let i = 0, at = 4; i < count; i++, at += stride) {
      const start = records[at]!;
      if (start < 0) {
        images.push({}); // <item/>
        continue;
      }
      for (let k = 0; k < kept.length; k++) {
        const from = records[at + 2 + 2 * k]!;
        if (from >= 0) slots[index[k]!] = memberValue(page, encoding, kept[k]!, from, records[at + 3 + 2 * k]!);
      }
      const value = image.build(slots);
      for (let k = 0; k < kept.length; k++) slots[index[k]!] = undefined;
      if (json) items.push({ image: value, start, end: records[at + 1]! });
      images.push(value);
    }
  }
  const top: unknown[] = new Array(shape.members.length);
  if (records[0]! >= 0) top[plan.nextToken] = memberValue(page, encoding, shape.members[plan.nextToken]!, records[0]!, records[1]!);
  top[plan.images] = images;
  const value = shape.build(top) as DescribeImagesBody;
  // An image the transcoder does not take is read in full from its own text: the parser reads it
  // from its start to its `</item>` the same way wherever the text around it begins.
  if (json) attachImageJsonFromBytes(items, page, (item) => memberReader.fullJson(page.toString(encoding, item.start, item.end), 0, item.end - item.start));
  return value;
}

/** A kept member's value from its bytes [from, to): its text, or for a struct or list its content (the closing tag follows). */
function memberValue(page: Buffer, encoding: Encoding, m: MemberShape, from: number, to: number): unknown {
  if (m.kind === 'struct' || m.kind === 'list') {
    if (from === to) return m.kind === 'struct' ? {} : [];
    return memberReader.nested(m, page.toString(encoding, from, to + m.close.length));
  }
  return memberReader.leaf(m, page.toString(encoding, from, to));
}
