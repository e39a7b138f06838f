/** How a leaf element's text becomes its value, as the SDK's FromStringShapeDeserializer does it. */
import type { MemberKind } from './shapes.js';

const UTC = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z$/;

/**
 * The value the SDK builds from a leaf's (entity-decoded) text; undefined for a timestamp outside
 * the plain UTC form, which the SDK's own parser must then judge.
 */
export function scalarValue(kind: MemberKind, text: string): unknown {
  switch (kind) {
    case 'string': return text;
    case 'boolean': return text.toLowerCase() === 'true';
    case 'integer': return Number(text);
    default: return parseUtcTimestamp(text);
  }
}

function inRange(s: string, lo: number, hi: number): boolean {
  const n = Number(s);
  return n >= lo && n <= hi;
}

/**
 * The Date the SDK makes of `2024-05-01T12:00:00.000Z`, or undefined outside that form. Mirrors
 * @smithy/core 3.41.1 schema-date-utils.js `_parseRfc3339DateTimeWithOffset`.
 */
export function parseUtcTimestamp(value: string): Date | undefined {
  const m = UTC.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms] = m as unknown as [string, string, string, string, string, string, string, string | undefined];
  if (!inRange(mo, 1, 12) || !inRange(d, 1, 31) || !inRange(h, 0, 23) || !inRange(mi, 0, 59) || !inRange(s, 0, 60)) return undefined;
  const millis = Number(ms) ? Math.round(parseFloat(`0.${ms}`) * 1000) : 0;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis));
  date.setUTCFullYear(Number(y));
  return date;
}
