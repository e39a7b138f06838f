/**
 * XML entity decoding as @aws-sdk/xml-builder 3.972.43 `AwsXmlParser.decodeEntities` does it, quirks
 * included: unknown named entities become "", code points above U+FFFF are truncated to 16 bits.
 */
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z][a-zA-Z0-9]{0,30}));/g;
// A plain object, inherited members and all: the SDK turns `&constructor;` into Object's function text too.
const NAMED: Record<string, unknown> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the entity and character references in one run of XML text, as the SDK does. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, named: string) => {
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (dec) return String.fromCharCode(parseInt(dec, 10));
    return String(NAMED[named] ?? '');
  });
}
