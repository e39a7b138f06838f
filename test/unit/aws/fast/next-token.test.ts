/** peekNextToken: the NextToken read from a response's bytes before parsing (a hint for reading ahead). */
import { peekNextToken } from '../../../../src/aws/fast/next-token.js';

const page = (inner: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId>${inner}</DescribeImagesResponse>`);
const IMAGES = '<imagesSet><item><imageId>ami-1</imageId><name>a &amp; b</name></item></imagesSet>';

describe('peekNextToken', () => {
  test.each([
    ['after the images (EC2, ec2-local)', `${IMAGES}<nextToken>eyJ2IjoiMiJ9+/=_-.</nextToken>`, 'eyJ2IjoiMiJ9+/=_-.'],
    ['before the images', `<nextToken>p00042</nextToken>${IMAGES}`, 'p00042'],
    ['absent (the last page)', IMAGES, undefined],
    ['empty', `${IMAGES}<nextToken></nextToken>`, undefined],
    ['self-closing', `${IMAGES}<nextToken/>`, undefined],
    ['with an entity (the parser decodes it)', `${IMAGES}<nextToken>a&amp;b</nextToken>`, undefined],
    ['blank with a newline (the parser makes it "")', `${IMAGES}<nextToken>\n  </nextToken>`, undefined],
    ['with a space', `${IMAGES}<nextToken>a b</nextToken>`, undefined],
    ['non-ASCII', `${IMAGES}<nextToken>tök</nextToken>`, undefined],
    ['unterminated', `${IMAGES}<nextToken>abc`, undefined],
    ['CDATA (the parser gives its content)', `${IMAGES}<nextToken><![CDATA[abc]]></nextToken>`, undefined],
    ['with a comment inside (the parser drops it)', `${IMAGES}<nextToken>ab<!--c--></nextToken>`, undefined],
  ])('when the token is %s then the hint is right or none', (_name, inner, expected) => {
    expect(peekNextToken(page(inner))).toBe(expected);
  });

  test('when the body is a view into a larger buffer then only the view is read', () => {
    const whole = Buffer.concat([page(`${IMAGES}<nextToken>inside</nextToken>`), Buffer.from('<nextToken>outside</nextToken>')]);
    const body = new Uint8Array(whole.buffer, whole.byteOffset, whole.length - '<nextToken>outside</nextToken>'.length);
    expect(peekNextToken(body)).toBe('inside');
  });
});
