/** XML building blocks for EC2 responses: escaping and scalar elements (contract §2, §3.1). */

/** The XML declaration EC2 starts every body with, followed by a newline (contract §3.1). */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
/** Namespace of EC2 API version 2016-11-15, with the trailing slash real responses carry (contract §2.1). */
export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

// Characters XML 1.0 cannot carry even escaped: C0 controls except TAB/LF/CR, lone surrogates, U+FFFE/F.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"'\r]/g;
const ENTITY: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
  // Why: XML parsers normalise a literal CR to LF; the character reference keeps it.
  '\r': '&#xD;',
};

/** Escape a string for XML text content; characters XML cannot carry become U+FFFD. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(SPECIAL, (c) => ENTITY[c] ?? c);
}

/** `<name>escaped</name>`, or '' when the value is undefined or null. */
export function textEl(name: string, value: string | undefined | null): string {
  return value === undefined || value === null ? '' : `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<name>true|false</name>`, or '' when undefined (contract §2.2: booleans are true/false). */
export function boolEl(name: string, value: boolean | undefined | null): string {
  return value === undefined || value === null ? '' : `<${name}>${value ? 'true' : 'false'}</${name}>`;
}

/** `<name>n</name>` with a canonical decimal integer, or '' when undefined (contract §2.2 scalar rules). */
export function intEl(name: string, value: number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (!Number.isSafeInteger(value)) throw new Error(`catalogue value for ${name} is not an integer: ${value}`);
  return `<${name}>${String(value)}</${name}>`;
}

/** `<name>ISO 8601</name>` for a timestamp held as a Date or a string, or '' when undefined. */
export function timeEl(name: string, value: Date | string | undefined | null): string {
  if (value === undefined || value === null) return '';
  return textEl(name, value instanceof Date ? value.toISOString() : value);
}

/** `<name><item>…</item>…</name>` (`<name/>` when empty), or '' when the list is undefined. */
export function listEl<T>(name: string, items: T[] | undefined | null, render: (item: T) => string): string {
  if (items === undefined || items === null) return '';
  if (items.length === 0) return `<${name}/>`;
  return `<${name}>${items.map((item) => `<item>${render(item)}</item>`).join('')}</${name}>`;
}

/** The EC2 error body: Response/Errors/Error/{Code,Message} + RequestID (contract §3.1). */
export function renderErrorXml(code: string, message: string, requestId: string): string {
  return `${XML_DECLARATION}<Response><Errors><Error><Code>${escapeXml(code)}</Code>`
    + `<Message>${escapeXml(message)}</Message></Error></Errors>`
    + `<RequestID>${escapeXml(requestId)}</RequestID></Response>`;
}
