/** Times on an Image (ISO 8601 strings in the API) as epoch milliseconds. */

/** Milliseconds since the epoch, or undefined when the field is absent or not a date. */
export function timeOf(value: string | Date | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
