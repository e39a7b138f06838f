/**
 * The projection from bytes (parse-bytes.ts, project.ts, wasm/transcode.ts `project`): which pages
 * it takes and which it leaves to the parser, and that what it takes equals the parser's
 * projection of the decoded text. The differential harness (support.ts) checks the same equality
 * on every page of pages.test.ts and xml-variants.test.ts.
 */
import { describe, expect, test } from '@jest/globals';
import { parseDescribeImagesXml } from '../../../../src/aws/fast/parse.js';
import { parseDescribeImagesBody, projectDescribeImagesPage } from '../../../../src/aws/fast/parse-bytes.js';
import { IMAGE_JSON, imageJson } from '../../../../src/image-json.js';
import { EVERY_FIELD, page } from './support.js';

const decodeUtf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function viaText(body: Buffer, fields: string[], json = false): unknown {
  const out = parseDescribeImagesXml(decodeUtf8(body), fields, { json, utf8Bytes: body });
  if (!out.ok) throw new Error(`parser refused the page: ${out.reason}`);
  return out.value;
}

/** The page taken from its bytes, checked against the parser's projection of its text. */
function taken(xml: string | Buffer, fields: string[], json = false): { Images?: Record<PropertyKey, unknown>[]; NextToken?: string } {
  const body = Buffer.from(xml);
  const value = projectDescribeImagesPage(body, fields, json);
  expect(value).toBeDefined();
  expect(JSON.stringify(value)).toBe(JSON.stringify(viaText(body, fields, json)));
  return value as { Images?: Record<PropertyKey, unknown>[]; NextToken?: string };
}

/** The page left to the parser, which then gives parseDescribeImagesBody's answer. */
function declined(xml: string | Buffer, fields: string[]): void {
  const body = Buffer.from(xml);
  expect(projectDescribeImagesPage(body, fields)).toBeUndefined();
  const expected = parseDescribeImagesXml(decodeUtf8(body), fields);
  expect(parseDescribeImagesBody(body, decodeUtf8, fields)).toEqual(expected);
}

const image = (id: string, inner = '') => `<item><imageId>${id}</imageId>${inner}</item>`;

describe('projection from bytes', () => {
  test('when only ImageId is kept then each image is built with it alone, and the token is read', () => {
    const value = taken(page(image('ami-1', '<name>a</name>') + image('ami-2'), '<nextToken>t&amp;u</nextToken>'), ['ImageId']);
    expect(value).toEqual({ NextToken: 't&u', Images: [{ ImageId: 'ami-1' }, { ImageId: 'ami-2' }] });
  });

  test('when nested members are kept then they are read by the parser\'s rules, with Dates and numbers', () => {
    const value = taken(page(EVERY_FIELD), ['BlockDeviceMappings', 'ImageWatermarks', 'Tags', 'Public']);
    const first = value.Images![0]!;
    expect(first.Public).toBe(true);
    expect((first.ImageWatermarks as { SourceImageCreationTime: unknown }[])[0]!.SourceImageCreationTime).toBeInstanceOf(Date);
    expect((first.BlockDeviceMappings as { Ebs?: { Iops: number } }[])[0]!.Ebs!.Iops).toBe(3000);
    expect(first.Tags).toEqual([{ Key: 'Name', Value: 'n' }, { Key: 'empty', Value: '' }]);
  });

  test('when kept members are empty, self-closing or absent then they are what the parser makes of them', () => {
    const value = taken(page(image('ami-1', '<name/><tagSet/><stateReason></stateReason><description>\n </description>') + '<item/>'), ['ImageId', 'Name', 'Tags', 'StateReason', 'Description', 'Platform']);
    expect(value.Images).toEqual([{ Name: '', Description: '', StateReason: {}, Tags: [], ImageId: 'ami-1' }, {}]);
  });

  test('when the page holds UTF-8 text then its pieces are decoded as UTF-8', () => {
    const value = taken(page(image('ami-1', '<name>ünïcødé 日本語 🚀</name>')), ['ImageId', 'Name']);
    expect(value.Images![0]!.Name).toBe('ünïcødé 日本語 🚀');
  });

  test('when JSON text is asked for then each image gets the JSON of the whole image, also where the transcoder gives up', () => {
    // The second image carries an element the schema does not know after the kept member, where
    // the projection jumps to the image's end: the transcoder leaves that image to the parser.
    const value = taken(page(image('ami-1', '<name>a</name>') + image('ami-2', '<futureField>x</futureField>')), ['ImageId'], true);
    expect(value.Images!.map((i) => IMAGE_JSON in i && imageJson(i))).toEqual(['{"Name":"a","ImageId":"ami-1"}', '{"ImageId":"ami-2"}']);
    expect(value.Images![0]![IMAGE_JSON]).toBeInstanceOf(Uint8Array);
    expect(typeof value.Images![1]![IMAGE_JSON]).toBe('string');
  });

  test('when a page has thousands of tiny images then the records grow to hold them', () => {
    const value = taken(page('<item/>'.repeat(3000) + image('ami-1')), ['ImageId']);
    expect(value.Images).toHaveLength(3001);
    expect(value.Images![3000]).toEqual({ ImageId: 'ami-1' });
  });

  test.each([
    ['a CR anywhere (the parser normalises line ends first)', page(image('ami-1', '<name>a\r\nb</name>'))],
    ['a comment before the root', `<!-- c -->${page(image('ami-1'))}`],
    ['a comment in a skipped member', page(image('ami-1', '<description>a<!-- </description> -->b</description>'))],
    ['a comment after the root', `${page(image('ami-1'))}<!-- c -->`],
    ['CDATA in an image', page(image('ami-1', '<name><![CDATA[x]]></name>'))],
    ['an element the schema does not know, before the kept members are read', page(`<item><futureField>x</futureField><imageId>ami-1</imageId></item>`)],
    ['an item tag with attributes after the kept members', page(image('ami-1', '<tagSet><item k="v"><key>a</key></item></tagSet>'))],
    ['a nested unknown element under the root', page(image('ami-1'), '<future><a>1</a></future>')],
    // The parser reads a leaf's text up to the first `<`, which must be its closing tag.
    ['an element inside a kept value', page(image('ami-1', '<name>a<b>c</b></name>')), ['Name']],
    ['a member repeated while members are still walked', page(`<item><imageId>ami-1</imageId><imageId>ami-2</imageId></item>`), ['Name', 'ImageId']],
    ['a second imagesSet', page(image('ami-1'), '<imagesSet></imagesSet>')],
    // The closing tag is read against the opening one's name, which here runs far past the page.
    ['an unknown element under the root whose long name is not closed', `<DescribeImagesResponse><${'a'.repeat(3_000_000)}>x</b></DescribeImagesResponse>`],
    ['invalid UTF-8', Buffer.concat([Buffer.from(page(image('ami-1', '<name>'))), Buffer.from([0xff, 0xfe]), Buffer.from('</name></item></imagesSet></DescribeImagesResponse>')])],
  ] as [string, string | Buffer, string[]?][])('when a page has %s then it is left to the parser', (_name, xml, fields = ['ImageId']) => {
    declined(xml, fields);
  });

  test('when a page is left to the parser then parseDescribeImagesBody still gives the parser\'s projection', () => {
    const xml = page(image('ami-1', '<name>a\r\nb</name>'));
    const out = parseDescribeImagesBody(Buffer.from(xml), decodeUtf8, ['Name']);
    expect(out).toEqual({ ok: true, value: { Images: [{ Name: 'a\nb' }] } });
  });
});
