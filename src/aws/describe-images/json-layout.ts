/**
 * What a JSON layout (AwsClientOptions.json: indent and depth) writes around values, precomputed
 * as bytes per structure and nesting level, as JSON.stringify with that indent would write it.
 */
import type { JsonLayout } from '../../types.js';
import { bytesOf } from './byte-page.js';
import type { StructShape } from './shapes.js';

/** A structure at one level, as bytes: each member's tags and `,\n    "Name": `, and its closing line. */
export interface StructText {
  readonly open: readonly Buffer[];
  readonly close: readonly Buffer[];
  readonly key: readonly Buffer[];
  readonly closeLine: Buffer;
}

/** A list at one level, as bytes: before its first item, before later ones, and its closing line. */
export interface ListText {
  readonly first: Buffer;
  readonly next: Buffer;
  readonly close: Buffer;
}

export class JsonLayoutText {
  private readonly structTexts = new Map<StructShape, StructText[]>();
  private readonly breaks: string[] = [];
  private readonly lists: ListText[] = [];
  private readonly colon: string;

  constructor(private readonly layout: JsonLayout) {
    this.colon = layout.indent === '' ? ':' : ': ';
  }

  /** A new line and the indentation of `level` (nothing in a compact layout). */
  lineBreak(level: number): string {
    const { indent, depth } = this.layout;
    return (this.breaks[level] ??= indent === '' ? '' : `\n${indent.repeat(depth + level)}`);
  }

  /** What a list whose brackets are at `level` writes before its first item, before later ones, and to close. */
  listTextOf(level: number): ListText {
    const inner = this.lineBreak(level + 1);
    return (this.lists[level] ??= { first: bytesOf(`[${inner}`), next: bytesOf(`,${inner}`), close: bytesOf(`${this.lineBreak(level)}]`) });
  }

  /** A structure whose braces are at `level`, as bytes; every key starts with a comma. */
  structTextOf(shape: StructShape, level: number): StructText {
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
