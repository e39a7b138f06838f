/**
 * A single-pass scanner for DescribeImages bodies that builds exactly the objects the SDK's
 * deserializer builds, for the XML real EC2, moto and ec2-local send. It accepts a strict subset of
 * XML; on anything else (CDATA, comments or attributes inside the document, mixed content, repeated
 * members, odd timestamps) it gives up with a reason and the SDK parses the same bytes. Its rules
 * mirror @aws-sdk/xml-builder 3.972.43 `AwsXmlParser` and @aws-sdk/core 3.981.1 `XmlShapeDeserializer`.
 */
import { isAscii } from 'node:buffer';
import type { DescribeImagesCommandOutput } from '@aws-sdk/client-ec2';
import { decodeEntities } from './entities.js';
import { DESCRIBE_IMAGES_RESULT_SHAPE, type MemberShape, type StructShape } from './shapes.js';
import { scalarValue } from './scalar.js';

/** The parsed body: DescribeImagesCommandOutput without $metadata, which the SDK adds. */
export type DescribeImagesBody = Omit<DescribeImagesCommandOutput, '$metadata'>;

/** Either the SDK-identical result, or why the page must go to the SDK's parser instead. */
export type FastParseResult = { ok: true; value: DescribeImagesBody } | { ok: false; reason: string };

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const NL = 10;
const UNKNOWN_NAME = /^[A-Za-z_][\w.:-]*$/;

export class Unsupported {
  constructor(readonly reason: string) {}
}

function unsupported(reason: string): never {
  throw new Unsupported(reason);
}

/** Parse a body from its bytes; `decodeUtf8` is the SDK's decoder (Latin-1 decodes ASCII pages alike, faster). */
export function parseDescribeImagesBody(bytes: Uint8Array, decodeUtf8: (bytes: Uint8Array) => string, shape?: StructShape): FastParseResult {
  const text = isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : decodeUtf8(bytes);
  return parseDescribeImagesXml(text, shape);
}

/**
 * Parse a body already decoded from UTF-8 as the SDK decodes it. With a projected `shape`
 * (projectedResultShape) each image carries only its kept members, as the SDK builds them; the
 * others are skipped by searching for their closing tag, sound because text cannot hold `<` and no
 * Image member nests an element of its own name (projection.test.ts). Skipped content is trusted
 * to be well formed. Pages with comments or CDATA, where a closing tag could hide, are read in full.
 */
export function parseDescribeImagesXml(body: string, shape = DESCRIBE_IMAGES_RESULT_SHAPE): FastParseResult {
  // Why: the SDK's parser normalises CR LF and lone CR to LF before anything else.
  const xml = body.indexOf('\r') === -1 ? body : body.replace(/\r\n?/g, '\n');
  try {
    const full = shape === DESCRIBE_IMAGES_RESULT_SHAPE || hasMarkupDeclaration(xml);
    return { ok: true, value: new Scanner(xml).document(full ? DESCRIBE_IMAGES_RESULT_SHAPE : shape) as DescribeImagesBody };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, reason: e.reason };
    return { ok: false, reason: `scanner error: ${String(e)}` };
  }
}

function hasMarkupDeclaration(x: string): boolean {
  for (let i = x.indexOf('!'); i !== -1; i = x.indexOf('!', i + 1)) if (x.charCodeAt(i - 1) === LT) return true;
  return false;
}

const ITEM_TAG = /<\/?item[>/ \t\n]/g;

/**
 * Where the `<item>` whose content continues at `p` ends (just past its `</item>`), counting nested
 * items; -1 when unsure (an item tag with attributes), and the caller walks the members instead.
 * Why test() and lastIndex: exec() would allocate a match array per item tag.
 */
function itemEnd(x: string, p: number): number {
  let depth = 0;
  ITEM_TAG.lastIndex = p;
  while (ITEM_TAG.test(x)) {
    const end = ITEM_TAG.lastIndex;
    const last = x.charCodeAt(end - 1);
    const closing = x.charCodeAt(end - 6) === SLASH;
    if (last === GT) {
      if (!closing) depth++;
      else if (depth-- === 0) return end;
    } else if (last !== SLASH || closing || x.charCodeAt(end) !== GT) {
      return -1;
    }
  }
  return -1;
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

/** `s` as a string of its own: a V8 slice of 13+ characters would keep its ~1.3 MB page alive (retention.test.ts). */
function ownString(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** A leaf element's text as the SDK keeps it: entities decoded; blank text containing a newline becomes "". */
export function leafText(raw: string): string {
  const text = raw.indexOf('&') === -1 ? ownString(raw) : decodeEntities(raw);
  if (text.length === 0) return text;
  const c = text.charCodeAt(0);
  // Only text starting with whitespace (String.prototype.trim's set) can be blank.
  if ((c <= 32 || c >= 0xa0) && text.trim() === '' && text.includes('\n')) return '';
  return text;
}

function scalar(m: MemberShape, text: string): unknown {
  return scalarValue(m.kind, text) ?? unsupported(`timestamp ${JSON.stringify(text)} in <${m.xmlName}>`);
}

/** The root element's name and where its start tag ends; its attributes may only be xmlns declarations. */
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

class Scanner {
  private pos = 0;

  constructor(private readonly x: string) {}

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
        // Every kept member read: jump past the rest of the image when that is safe, else walk it.
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
      // Fast path: elements usually come in the same order as on the previous image.
      if (index >= 0 && x.startsWith(members[index]!.open, lt)) {
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
        const end = selfClosing ? gt : x.indexOf(m.close, gt + 1);
        if (end === -1) unsupported(`unterminated <${m.xmlName}>`);
        slots[index] = true; // seen, so a repeat is still caught; the builder never reads it
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

  private member(m: MemberShape, selfClosing: boolean): unknown {
    // Why: an empty element is "" to the SDK, which reads it as {} for structures and [] for lists.
    if (m.kind === 'struct') return selfClosing ? {} : this.structContent(m.shape!, m.close);
    if (m.kind === 'list') return selfClosing ? [] : this.listContent(m.shape!, m.close);
    if (selfClosing) return scalar(m, '');
    const x = this.x;
    const start = this.pos;
    const end = x.indexOf('<', start);
    if (end === -1 || !x.startsWith(m.close, end)) unsupported(`content of <${m.xmlName}>`);
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
      if (x.startsWith('<item>', lt)) {
        this.pos = lt + 6;
        out.push(this.structContent(item, '</item>'));
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
