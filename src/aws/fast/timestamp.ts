/**
 * The SDK's RFC 3339 timestamp parsing for the plain UTC form (`2024-05-01T12:00:00.000Z`);
 * anything else returns undefined so that the caller hands the page to the SDK, which then
 * parses (or rejects) it itself. Source: @smithy/core 3.41.1
 * dist-es/submodules/serde/schema-serde-lib/schema-date-utils.js `_parseRfc3339DateTimeWithOffset`.
 */
const UTC = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z$/;

function inRange(s: string, lo: number, hi: number): boolean {
  const n = Number(s);
  return n >= lo && n <= hi;
}

/** A Date equal to what the SDK makes of `value`, or undefined when the value is outside the plain UTC form. */
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
