/**
 * A single-pass scanner for DescribeImages response bodies that builds exactly the objects the
 * SDK's deserializer builds (contract §2.1-2.2), for the XML real EC2, moto and ec2-local send.
 * It accepts a strict subset of XML; on anything outside it (CDATA, comments or attributes inside
 * the document, mixed content, duplicate members, odd timestamps, malformed markup) it gives up
 * and reports why, and the caller lets the SDK parse the same bytes. Every rule below mirrors
 * @aws-sdk/xml-builder 3.972.43 `AwsXmlParser` + @aws-sdk/core 3.981.1 `XmlShapeDeserializer`.
 */
import type { DescribeImagesCommandOutput } from '@aws-sdk/client-ec2';
import { decodeEntities } from './entities.js';
import { DESCRIBE_IMAGES_RESULT_SHAPE, IMAGE_SHAPE, projectedResultShape, type MemberShape, type StructShape } from './shapes.js';
import { attachImageJson, type JsonItem } from './json-lines.js';
import { scalarValue } from './scalar.js';

/** The parsed body: DescribeImagesCommandOutput without $metadata, which the SDK adds. */
export type DescribeImagesBody = Omit<DescribeImagesCommandOutput, '$metadata'>;

export interface ParseOptions {
  /**
   * With `fields`: also give each image its whole compact JSON text (IMAGE_JSON), equal to
   * JSON.stringify of the image without projection. Ignored without `fields` (the image is then
   * whole) and on pages read in full.
   */
  json?: boolean;
  /**
   * The bytes `body` was decoded from, when they are valid UTF-8: the JSON text is then written
   * from them (transcode.ts). Without them, `body` is encoded again for that.
   */
  utf8Bytes?: Uint8Array;
}

/** Either the SDK-identical result, or why the page must go to the SDK's parser instead. */
export type FastParseResult = { ok: true; value: DescribeImagesBody } | { ok: false; reason: string };

const LT = 60; // <
const SLASH = 47; // /
const NL = 10;
const GT = 62; // >
const UNKNOWN_NAME = /^[A-Za-z_][\w.:-]*$/;

const ITEM_TAG = /<\/?item[>/ \t\n]/g;

/**
 * Where the `<item>` element whose content continues at `p` ends (just past its `</item>`),
 * counting the nested list items in between; -1 when unsure (an item tag with attributes), and
 * the caller then walks the members instead. Sound because every element between is complete
 * (well-formed XML) and text cannot hold `<` (pages with CDATA or comments are never projected).
 * Why test() and lastIndex: exec() would allocate a match array per item tag.
 */
function itemEnd(x: string, p: number): number {
  let depth = 0;
  ITEM_TAG.lastIndex = p;
  while (ITEM_TAG.test(x)) {
    const end = ITEM_TAG.lastIndex; // just past `<item>`, `</item>`, `<item/` or `<item ` (and the slash form)
    const last = x.charCodeAt(end - 1);
    const closing = x.charCodeAt(end - 6) === SLASH;
    if (last === GT) {
      if (!closing) depth++;
      else if (depth-- === 0) return end;
    } else if (last !== SLASH || closing || x.charCodeAt(end) !== GT) {
      return -1; // attributes, or a malformed tag: walk instead
    }
  }
  return -1;
}

/** Marks a skipped member's slot as seen (so a repeat is still caught). */
const SKIPPED = true;

class Unsupported {
  constructor(readonly reason: string) {}
}

function unsupported(reason: string): never {
  throw new Unsupported(reason);
}

/**
 * Parse a DescribeImages response body (already decoded from UTF-8 as the SDK does). With `fields`
 * (Image member names), each image carries only those members, as the SDK would have built them;
 * the content of the others is skipped by searching for their closing tag, which is sound because
 * text cannot hold `<` and no Image member nests an element of its own name (projection.test.ts),
 * and once all kept members are read the rest of the image is jumped over (itemEnd). What is
 * skipped is trusted to be well-formed rather than checked: the kept members are exact either way.
 * Pages with comments or CDATA, where a closing tag could hide, are read in full.
 */
export function parseDescribeImagesXml(body: string, fields?: Iterable<string>, opts: ParseOptions = {}): FastParseResult {
  // Why: the SDK's parser normalises CR LF and lone CR to LF before anything else.
  const xml = body.indexOf('\r') === -1 ? body : body.replace(/\r\n?/g, '\n');
  const shape = fields === undefined || hasMarkupDeclaration(xml) ? DESCRIBE_IMAGES_RESULT_SHAPE : projectedResultShape(fields);
  const json = opts.json === true && shape !== DESCRIBE_IMAGES_RESULT_SHAPE
    ? { image: shape.members[shape.byXmlName.get('imagesSet')!]!.shape!, items: [] }
    : undefined;
  try {
    const scanner = new Scanner(xml, json);
    const value = scanner.document(shape) as DescribeImagesBody;
    if (json !== undefined) {
      // The transcoder reads the bytes `xml` was decoded from: there are none when CRs were rewritten.
      const bytes = xml !== body ? undefined : opts.utf8Bytes ?? utf8BytesOf(xml);
      attachImageJson(json.items, xml, bytes, (item) => scanner.fullJson(item.start, item.end));
    }
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, reason: e.reason };
    return { ok: false, reason: `scanner error: ${String(e)}` };
  }
}

/** For JSON text: `image` is the (projected) Image shape whose items get it, `items` those met. */
interface JsonOutput {
  image: StructShape;
  items: JsonItem[];
}

/** `x` as UTF-8 bytes that decode back to `x` (not so when it holds lone surrogates), else undefined. */
function utf8BytesOf(x: string): Uint8Array | undefined {
  const bytes = Buffer.from(x, 'utf8');
  return bytes.toString('utf8') === x ? bytes : undefined;
}

/**
 * True when `x` has `<!` (a comment, CDATA or DOCTYPE). Why search for `!` first: it is rare in
 * these pages while `<` starts every tag, so this is several times faster than includes('<!').
 */
function hasMarkupDeclaration(x: string): boolean {
  for (let i = x.indexOf('!'); i !== -1; i = x.indexOf('!', i + 1)) if (x.charCodeAt(i - 1) === LT) return true;
  return false;
}

/** True when text between child elements is skipped by the SDK: empty, or blank with a newline. */
function isIgnorableGap(x: string, from: number, to: number): boolean {
  let newline = false;
  for (let i = from; i < to; i++) {
    const c = x.charCodeAt(i);
    if (c === NL) newline = true;
    else if (c !== 32 && c !== 9) return false;
  }
  return newline;
}

/**
 * `s` as a string of its own, not a view of the page text. Why: V8 makes a slice of 13 or more
 * characters a view that keeps its whole parent alive, so every value kept from a page kept the
 * page's ~1.3 MB of text: a library user collecting 100k ImageIds held 125 MB of page text, and
 * a streaming listing's peak RSS rose by ~10 MB. Flattening a concatenation copies just the
 * characters (~0.15 us).
 */
function ownString(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** A leaf element's text as the SDK keeps it: entities decoded; blank text containing a newline becomes "". */
function leafText(raw: string): string {
  return blankAsEmpty(raw.indexOf('&') === -1 ? ownString(raw) : decodeEntities(raw));
}

function blankAsEmpty(text: string): string {
  if (text.length === 0) return text;
  const c = text.charCodeAt(0);
  // Only text starting with whitespace (String.prototype.trim's set) can be blank.
  if ((c <= 32 || c >= 0xa0) && text.trim() === '' && text.includes('\n')) return '';
  return text;
}

function scalar(m: MemberShape, text: string): unknown {
  return scalarValue(m.kind, text) ?? unsupported(`timestamp ${JSON.stringify(text)} in <${m.xmlName}>`);
}

/**
 * True when `s` occurs in `x` at `at`. Why startsWith: measured 24 ns a call against 41 ns for a
 * charCodeAt loop and 66 ns for a slice compare, which also allocates (Node 20, short tags).
 */
function matchAt(x: string, at: number, s: string): boolean {
  return x.startsWith(s, at);
}

/**
 * The document's root element: its name, and where its start tag ends. Before it: blanks, the XML
 * declaration, comments. Its attributes: only namespace declarations, which the SDK ignores.
 */
export function rootElement(x: string): { name: string; end: number } {
  let p = 0;
  const after = (token: string, from: number): number => {
    const i = x.indexOf(token, from);
    if (i === -1) unsupported(`unterminated ${token}`);
    return i + token.length;
  };
  for (;;) {
    while (p < x.length && ' \t\n'.includes(x[p]!)) p++;
    if (x.startsWith('<?', p)) p = after('?>', p + 2);
    else if (x.startsWith('<!--', p)) p = after('-->', p + 4);
    else if (x.charCodeAt(p) === LT) break;
    else unsupported('no root element');
  }
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(x.slice(p, p + 200))?.[1] ?? unsupported('root element name');
  // Why [ \t\n] and not \s: the SDK's parser only treats these as separators (CR is already gone).
  const attr = /[ \t\n]+(xmlns(?::[\w.-]+)?)[ \t\n]*=[ \t\n]*(?:"[^"<]*"|'[^'<]*')|[ \t\n]*>/y;
  p += 1 + name.length;
  for (;;) {
    attr.lastIndex = p;
    const m = attr.exec(x) ?? unsupported('root attributes');
    p = attr.lastIndex;
    if (m[1] === undefined) return { name, end: p };
  }
}

/**
 * For the bytes path (parse-bytes.ts), which finds the members in the page's bytes and decodes
 * only them. Each reads what Scanner.member reads, and throws what it throws.
 */
export const memberReader = {
  /** A leaf member's value from its text (`raw`: a string of its own, not a view of a page). */
  leaf(m: MemberShape, raw: string): unknown {
    return scalar(m, blankAsEmpty(raw.indexOf('&') === -1 ? raw : decodeEntities(raw)));
  },
  /** A struct or list member's value from `text`: its content followed by its closing tag. */
  nested(m: MemberShape, text: string): unknown {
    const scanner = new Scanner(text);
    const value = scanner.memberAt(m);
    if (scanner.at() !== text.length) unsupported(`<${m.xmlName}> ends elsewhere`);
    return value;
  },
  /** JSON.stringify of the image whose content is x[start, end), read in full (Scanner.fullJson). */
  fullJson(x: string, start: number, end: number): string {
    return new Scanner(x).fullJson(start, end);
  },
  /** True when `e` is the parser giving up (the page then goes to the SDK's parser). */
  isUnsupported(e: unknown): e is { reason: string } {
    return e instanceof Unsupported;
  },
};

class Scanner {
  private pos = 0;

  constructor(private readonly x: string, private readonly json?: JsonOutput) {}

  document(shape: StructShape): Record<string, unknown> {
    const root = rootElement(this.x);
    this.pos = root.end;
    return this.structContent(shape, `</${root.name}>`);
  }

  /** Read a structure's children up to `close`; `this.pos` is just past its start tag. */
  private structContent(shape: StructShape, close: string): Record<string, unknown> {
    const x = this.x;
    const { members, follows } = shape;
    const slots: unknown[] = new Array(members.length);
    let kept = shape.kept ?? -1;
    let p = this.pos;
    let previous = members.length;
    for (;;) {
      if (kept === 0) {
        // Every kept member read (or none to read: ndjson takes its text from the transcoder): the
        // rest of the image is skipped in one jump when that is safe, else walked.
        const end = itemEnd(x, p);
        if (end !== -1) {
          this.pos = end;
          return shape.build(slots);
        }
        kept = -1;
      }
      // Compact XML has the next tag right here; skip the search then.
      const lt = x.charCodeAt(p) === LT ? p : x.indexOf('<', p);
      if (lt === -1) unsupported('unexpected end');
      if (lt > p && !isIgnorableGap(x, p, lt)) unsupported('text between elements');
      let index = follows[previous]!;
      let gt: number;
      let selfClosing = false;
      if (index >= 0 && matchAt(x, lt, members[index]!.open)) {
        // Fast path: elements usually come in the same order as on the previous image.
        gt = lt + members[index]!.open.length - 1;
      } else {
        if (x.charCodeAt(lt + 1) === SLASH) {
          if (!x.startsWith(close, lt)) unsupported(`closing tag at ${lt}`);
          this.pos = lt + close.length;
          return shape.build(slots);
        }
        gt = x.indexOf('>', lt);
        if (gt === -1) unsupported('unterminated tag');
        selfClosing = x.charCodeAt(gt - 1) === SLASH;
        const name = x.slice(lt + 1, selfClosing ? gt - 1 : gt);
        const found = shape.byXmlName.get(name);
        if (found === undefined) {
          p = this.skipUnknown(name, selfClosing, gt + 1);
          continue;
        }
        index = found;
        follows[previous] = index;
      }
      const m = members[index]!;
      // Why: the SDK turns a repeated element into an array, which it then mis-reads or rejects.
      if (slots[index] !== undefined) unsupported(`repeated <${m.xmlName}>`);
      if (m.skip) {
        // Left out of the projection: jump past the content (the builder never reads this slot).
        const end = selfClosing ? gt : x.indexOf(m.close, gt + 1);
        if (end === -1) unsupported(`unterminated <${m.xmlName}>`);
        slots[index] = SKIPPED;
        p = selfClosing ? gt + 1 : end + m.close.length;
      } else {
        this.pos = gt + 1;
        slots[index] = this.member(m, selfClosing);
        p = this.pos;
        if (kept > 0) kept--;
      }
      previous = index;
    }
  }

  /** Member `m` whose content starts at the beginning of the text. */
  memberAt(m: MemberShape): unknown {
    this.pos = 0;
    return this.member(m, false);
  }

  at(): number {
    return this.pos;
  }

  private member(m: MemberShape, selfClosing: boolean): unknown {
    // Why: an empty element is "" to the SDK, which reads it as {} for structures and [] for lists.
    if (m.kind === 'struct') return selfClosing ? {} : this.structContent(m.shape!, m.close);
    if (m.kind === 'list') return selfClosing ? [] : this.listContent(m.shape!, m.close);
    if (selfClosing) return scalar(m, '');
    const x = this.x;
    const start = this.pos;
    const end = x.indexOf('<', start);
    if (end === -1 || !matchAt(x, end, m.close)) unsupported(`content of <${m.xmlName}>`);
    this.pos = end + m.close.length;
    return scalar(m, end === start ? '' : leafText(x.slice(start, end)));
  }

  /** Read `<item>` structures up to `close`. */
  private listContent(item: StructShape, close: string): unknown[] {
    const x = this.x;
    const out: unknown[] = [];
    let p = this.pos;
    for (;;) {
      const lt = x.charCodeAt(p) === LT ? p : x.indexOf('<', p);
      if (lt === -1) unsupported('unexpected end');
      if (lt > p && !isIgnorableGap(x, p, lt)) unsupported('text between list items');
      if (matchAt(x, lt, '<item>')) {
        this.pos = lt + 6;
        const value = this.structContent(item, '</item>');
        if (item === this.json?.image) this.json.items.push({ image: value, start: lt + 6, end: this.pos });
        out.push(value);
        p = this.pos;
      } else if (x.startsWith('<item/>', lt)) {
        out.push({});
        p = lt + 7;
      } else if (x.startsWith(close, lt)) {
        this.pos = lt + close.length;
        return out;
      } else {
        unsupported(`list content at ${lt}`);
      }
    }
  }

  /**
   * JSON.stringify of the image whose content is x[start, end) (just past `</item>`), read in full
   * as without projection: for an image the transcoder does not take. Throws Unsupported as the
   * full parse would.
   */
  fullJson(start: number, end: number): string {
    const pos = this.pos;
    this.pos = start;
    const image = this.structContent(IMAGE_SHAPE, '</item>');
    if (this.pos !== end) unsupported('image read in full ends elsewhere');
    this.pos = pos;
    return JSON.stringify(image);
  }

  /** Skip an element the schema does not know (requestId, newer EC2 fields), checking it is well formed. */
  private skipUnknown(name: string, selfClosing: boolean, p: number): number {
    // Why the name check: `#text` and names carrying attributes or markup change what the SDK builds.
    if (!UNKNOWN_NAME.test(name)) unsupported(`element <${name.slice(0, 40)}>`);
    if (selfClosing) return p;
    const x = this.x;
    const open = [name];
    while (open.length > 0) {
      const lt = x.indexOf('<', p);
      if (lt === -1) unsupported('unexpected end');
      const gt = x.indexOf('>', lt);
      if (gt === -1) unsupported('unterminated tag');
      if (x.charCodeAt(lt + 1) === SLASH) {
        if (x.slice(lt + 2, gt) !== open.pop()) unsupported('mismatched closing tag');
      } else {
        const self = x.charCodeAt(gt - 1) === SLASH;
        const inner = x.slice(lt + 1, self ? gt - 1 : gt);
        if (!UNKNOWN_NAME.test(inner)) unsupported(`element <${inner.slice(0, 40)}>`);
        if (!self) open.push(inner);
      }
      p = gt + 1;
    }
    return p;
  }
}
