/**
 * Reads a DescribeImages response's NextToken from its bytes before the page is parsed, so that
 * the next request can go out while this page is parsed (PageRequestOptions.onNextToken). Only a
 * hint: the listing compares it with the parsed NextToken, and a wrong one costs a wasted request,
 * never a wrong page.
 */
const OPEN = Buffer.from('<nextToken>');
const CLOSE = Buffer.from('</nextToken>');

/**
 * What a token read early may hold: printable ASCII without `&` (entities), `<` (CDATA or a
 * comment inside the element) and blanks (the parser's blank rules).
 */
const PLAIN_TOKEN = /^[!-%'-;=-~]+$/;

/**
 * The text of the last `<nextToken>` element in `body`, or undefined when there is none, or its
 * text is anything but plain (empty, blank, entities, non-ASCII: the parser's rules decide those,
 * and a hint need not). Why the last: EC2 and ec2-local put it after `<imagesSet>`, and text
 * inside an image cannot hold a raw `<`.
 */
export function peekNextToken(body: Uint8Array): string | undefined {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const start = bytes.lastIndexOf(OPEN);
  if (start === -1) return undefined;
  const end = bytes.indexOf(CLOSE, start + OPEN.length);
  if (end === -1) return undefined;
  const token = bytes.toString('latin1', start + OPEN.length, end);
  return PLAIN_TOKEN.test(token) ? token : undefined;
}
