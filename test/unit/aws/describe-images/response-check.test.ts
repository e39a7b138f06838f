import { NOT_EC2_ERROR, TRUNCATED_ERROR } from '../../../../src/aws/errors.js';
import { describeImagesBodyProblem, bodyProblemError } from '../../../../src/aws/describe-images/response-check.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const WHOLE = '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
  + `<requestId>r-1</requestId><imagesSet>${'<item><imageId>ami-12345678</imageId></item>'.repeat(40)}</imagesSet></DescribeImagesResponse>`;

describe('describeImagesBodyProblem', () => {
  test.each([
    ['a whole page', WHOLE],
    ['a page with a trailing newline', `${WHOLE}\n`],
    ['a page with a BOM and no XML declaration', `\u{FEFF}${WHOLE.slice(WHOLE.indexOf('<Describe'))}`],
    ['a root with nothing in it', '<?xml version="1.0"?><DescribeImagesResponse></DescribeImagesResponse>'],
  ])('when the body is %s then it is whole', (_what, body) => {
    expect(describeImagesBodyProblem(bytes(body))).toBeUndefined();
  });

  test.each([
    ['an HTML page', '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>portal</body></html>'],
    ['JSON', '{"Images": []}'],
    ['another XML document', '<?xml version="1.0"?><Response><Errors/></Response>'],
    ['a root whose name only starts the same', '<DescribeImagesResponseX></DescribeImagesResponseX>'],
    ['plain text', 'OK'],
  ])('when the body is %s then it is not EC2', (_what, body) => {
    expect(describeImagesBodyProblem(bytes(body))).toBe('not-ec2');
  });

  test.each([
    ['empty', ''],
    ['cut inside the declaration', '<?xml versi'],
    ['cut inside the root tag name', '<?xml version="1.0"?><DescribeIma'],
    ['cut in the middle', WHOLE.slice(0, WHOLE.length >> 1)],
    ['cut inside the closing tag', WHOLE.slice(0, -3)],
  ])('when the body is %s then it is truncated', (_what, body) => {
    expect(describeImagesBodyProblem(bytes(body))).toBe('truncated');
  });
});

describe('bodyProblemError', () => {
  test('when truncated then the error is marked retryable for the SDK', () => {
    const e = bodyProblemError('truncated', '127.0.0.1:8', undefined, 100) as Error & { $retryable?: object };
    expect(e.name).toBe(TRUNCATED_ERROR);
    expect(e.$retryable).toEqual({});
    expect(e.message).toMatch(/127\.0\.0\.1:8 was cut short \(100 bytes/);
  });
  test('when not EC2 then the error names the content type, made printable, and is not retryable', () => {
    const e = bodyProblemError('not-ec2', 'h', 'text/html\u001b]0;x\u0007', 10) as Error & { $retryable?: object };
    expect(e.name).toBe(NOT_EC2_ERROR);
    expect(e.$retryable).toBeUndefined();
    expect(e.message).toBe("h answered HTTP 200 (text/html?]0;x?) with something that is not EC2's XML");
  });
});
