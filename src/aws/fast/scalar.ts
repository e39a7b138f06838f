/** How a leaf element's text becomes its value, shared by the parser and the JSON transcoder. */
import type { MemberKind } from './shapes.js';
import { parseUtcTimestamp } from './timestamp.js';

/**
 * The value the SDK builds from a leaf's (entity-decoded) text; undefined for a timestamp outside
 * the plain UTC form, which the SDK's own parser must then judge.
 * Why: FromStringShapeDeserializer reads booleans as `data.toLowerCase() === "true"` and numbers with Number().
 */
export function scalarValue(kind: MemberKind, text: string): unknown {
  switch (kind) {
    case 'string': return text;
    case 'boolean': return text.toLowerCase() === 'true';
    case 'integer': return Number(text);
    default: return parseUtcTimestamp(text);
  }
}
