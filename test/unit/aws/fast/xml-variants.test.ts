/**
 * Differential tests on XML shapes: escapes, entities, unicode, whitespace, element order,
 * namespaces, empty and missing members, scalar coercion, markup the fast parser leaves to the
 * SDK, malformed and error bodies. Each case states whether the fast path must take it.
 */
import { describe, expect, test } from '@jest/globals';
import { describeBothWays, expectSameOutcome, page } from './support.js';

const item = (inner: string) => `<item>${inner}</item>`;
const img = (inner: string) => page(item(`<imageId>ami-1</imageId>${inner}`));
const decl = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** [case, body, taken by the fast path?] */
const CASES: [string, string, boolean][] = [
  ['named and numeric entities', img('<name>&amp;&lt;&gt;&quot;&apos; &#38; &#x26; &#233; &#X41;</name>'), true],
  ['numeric references above U+FFFF (the SDK truncates them)', img('<name>&#x1F600; &#128512;</name>'), true],
  ['unknown named entities (the SDK drops them) and bare ampersands', img('<name>a &foo; b & c &amp d &#;</name>'), true],
  ['entities named like Object.prototype members (the SDK writes out the function)', img('<name>x&constructor;y&toString;z</name><description>&valueOf;</description>'), true],
  ['unicode text: accents, CJK, emoji, RTL', img('<name>ünïcødé 日本語 🚀 שלום</name><description>\u00a0nbsp\u00a0</description>'), true],
  ['a literal CR LF and lone CR in text (normalised to LF)', img('<description>a\r\nb\rc</description>'), true],
  ['an escaped CR (&#xD;) kept as CR', img('<description>a&#xD;b</description>'), true],
  ['blank values with and without a newline', img('<name>   </name><description>\n  </description><kernelId>&#10;</kernelId><ramdiskId>\t</ramdiskId>'), true],
  ['leading and trailing spaces kept', img('<name>  padded  </name>'), true],
  ['a value that looks like markup: > and ]]>', img('<name>a > b ]]> c</name>'), true],
  ['empty scalars, self-closing and open-close', img('<kernelId/><ramdiskId></ramdiskId><platform/>'), true],
  ['empty booleans and integers', page(item('<isPublic/><enaSupport></enaSupport><blockDeviceMapping><item><ebs><volumeSize/><iops></iops></ebs></item></blockDeviceMapping>')), true],
  ['boolean spellings', img('<isPublic>TRUE</isPublic><enaSupport>True</enaSupport><imageAllowed>yes</imageAllowed><freeTierEligible> true</freeTierEligible>'), true],
  ['integer spellings: leading zero, exponent, spaces, hex, junk', page(item('<blockDeviceMapping><item><ebs><volumeSize>08</volumeSize><iops>1e3</iops><throughput> 7 </throughput></ebs></item><item><ebs><volumeSize>0x10</volumeSize><iops>abc</iops><throughput>-0</throughput></ebs></item></blockDeviceMapping>')), true],
  ['strings that look like other types stay strings', img('<name>true</name><description>1e3</description><imageOwnerId>000000000001</imageOwnerId>'), true],
  ['empty lists in every form', img('<tagSet/><productCodes></productCodes><blockDeviceMapping>\n  </blockDeviceMapping><imageWatermarkSet/>'), true],
  ['empty structures', img('<stateReason/><scanResults></scanResults><instanceTypeSpecification>\n</instanceTypeSpecification>'), true],
  ['empty list items', img('<tagSet><item/><item></item><item>\n</item></tagSet>'), true],
  ['reversed element order', page(item('<platform>windows</platform><tagSet><item><value>v</value><key>k</key></item></tagSet><name>n</name><imageId>ami-9</imageId>')), true],
  ['pretty-printed like real EC2', `${decl}<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">\n    <requestId>59dbff89</requestId>\n    <imagesSet>\n        <item>\n            <imageId>ami-1</imageId>\n            <tagSet>\n                <item>\n                    <key>a</key>\n                    <value>b</value>\n                </item>\n            </tagSet>\n        </item>\n    </imagesSet>\n    <nextToken>t</nextToken>\n</DescribeImagesResponse>\n`, true],
  ['pretty-printed with CR LF and tabs', `${decl}<DescribeImagesResponse>\r\n\t<imagesSet>\r\n\t\t<item>\r\n\t\t\t<imageId>ami-1</imageId>\r\n\t\t</item>\r\n\t</imagesSet>\r\n</DescribeImagesResponse>`, true],
  ['no namespace', '<DescribeImagesResponse><imagesSet><item><imageId>ami-1</imageId></item></imagesSet></DescribeImagesResponse>', true],
  ['namespace without trailing slash, single quotes, prefixed declarations', `<DescribeImagesResponse xmlns='http://ec2.amazonaws.com/doc/2016-11-15' xmlns:x="urn:x"  ><imagesSet><item><imageId>ami-1</imageId></item></imagesSet></DescribeImagesResponse>`, true],
  ['another root name and no declaration', '<Whatever><nextToken>t</nextToken></Whatever>', true],
  ['no imagesSet at all', page('').replace('<imagesSet></imagesSet>', ''), true],
  ['an empty nextToken', page('', '<nextToken></nextToken>'), true],
  ['a self-closing nextToken', page('', '<nextToken/>'), true],
  ['a nextToken with escapes', page('', '<nextToken>a+b/c=&amp;d</nextToken>'), true],
  ['nextToken before imagesSet', `<R><nextToken>t</nextToken><imagesSet><item><imageId>ami-1</imageId></item></imagesSet></R>`, true],
  ['unknown elements, nested and self-closing', img('<futureField>x</futureField><futureSet><item><a>1</a><b/></item></futureSet><future2/>'), true],
  ['a comment and a processing instruction before the root', `${decl}<!-- hi -->\n<?pi x?>\n${page(item('<imageId>ami-1</imageId>')).slice(decl.length)}`, true],
  ['content after the root (the SDK ignores it)', `${page(item('<imageId>ami-1</imageId>'))}<junk>`, true],
  ['a timestamp with an offset', img('<scanResults><findingScanDate>2025-01-01T10:00:00+02:00</findingScanDate></scanResults>'), false],
  ['a timestamp with lower-case t and z', img('<scanResults><findingScanDate>2025-01-01t10:00:00z</findingScanDate></scanResults>'), false],
  ['an invalid timestamp', img('<scanResults><findingScanDate>2025-13-01T10:00:00Z</findingScanDate></scanResults>'), false],
  ['a timestamp that is not a date', img('<imageWatermarkSet><item><watermarkCreationTime>yesterday</watermarkCreationTime></item></imageWatermarkSet>'), false],
  ['CDATA in a value', img('<name><![CDATA[a <b> & c]]></name>'), false],
  ['a comment inside a value', img('<name>a<!-- x -->b</name>'), false],
  ['a comment between elements', img('<!-- x --><name>n</name>'), false],
  ['attributes on an item', page('<item id="1"><imageId>ami-1</imageId></item>'), false],
  ['attributes on a value', img('<name lang="en">n</name>'), false],
  ['a space inside a closing tag', img('<name>n</name >'), false],
  ['text between elements on one line', page(item('<imageId>ami-1</imageId> <name>n</name>')), false],
  ['text inside a structure', page(item('stray<imageId>ami-1</imageId>')), false],
  ['a repeated scalar', img('<name>a</name><name>b</name>'), false],
  ['a repeated list', img('<tagSet><item><key>a</key></item></tagSet><tagSet><item><key>b</key></item></tagSet>'), false],
  ['a non-item element in a list', img('<tagSet><member><key>a</key></member></tagSet>'), false],
  ['an element named #text', img('<x><#text>y</#text></x>'), false],
  ['a DOCTYPE', `<!DOCTYPE r [<!ENTITY e "x">]>${page(item('<imageId>ami-1</imageId>'))}`, false],
  ['a byte order mark', `\ufeff${page(item('<imageId>ami-1</imageId>'))}`, false],
  ['a self-closing root', '<DescribeImagesResponse/>', false],
  ['a root attribute other than xmlns', '<DescribeImagesResponse nextToken="x"><imagesSet/></DescribeImagesResponse>', false],
  ['mismatched tags', img('<name>n</nam>'), false],
  ['a truncated body', page(item('<imageId>ami-1</imageId>')).slice(0, 150), false],
  ['a body that is not XML', 'Service Unavailable', false],
  ['an EC2 error document with status 200', `${decl}<Response><Errors><Error><Code>X</Code><Message>m</Message></Error></Errors><RequestID>r</RequestID></Response>`, true],
];

describe('fast DescribeImages parser on XML variants', () => {
  test.each(CASES)('when a page has %s then the outcome equals the SDK deserializer\'s', async (_name, body, takesFastPath) => {
    const { sdk, fast, fallbacks } = await describeBothWays({ body });
    expect(fallbacks.length === 0).toBe(takesFastPath);
    expectSameOutcome(fast, sdk);
  });

  test('when the 2xx body is empty then both give only $metadata', async () => {
    const { sdk, fast, fallbacks } = await describeBothWays({ body: '' });
    expect(fallbacks).toEqual([]);
    expect(sdk.ok && Object.keys(sdk.value)).toEqual(['$metadata']);
    expectSameOutcome(fast, sdk);
  });

  test('when the requestId header is absent or spelled differently then $metadata matches the SDK', async () => {
    for (const headers of [{} as Record<string, string>, { 'x-amz-request-id': 'r2' }, { 'x-amzn-request-id': 'r3', 'x-amz-id-2': 'ext', 'x-amz-cf-id': 'cf' }]) {
      const { sdk, fast } = await describeBothWays({ body: img('<name>n</name>'), headers });
      expectSameOutcome(fast, sdk);
    }
  });

  test('when 400 single-character mutations of a rich page are parsed then every outcome equals the SDK\'s', async () => {
    const base = img('<name>a &amp; b</name><tagSet><item><key>k</key><value/></item></tagSet><isPublic>true</isPublic>'
      + '<blockDeviceMapping><item><ebs><volumeSize>8</volumeSize></ebs></item></blockDeviceMapping>'
      + '<scanResults><findingScanDate>2025-01-01T00:00:00Z</findingScanDate></scanResults>');
    const alphabet = '<>/&;#x "\'=\n abi!?[]-:';
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    let fastTaken = 0;
    let projectedTaken = 0;
    for (let i = 0; i < 400; i++) {
      const at = rand(base.length);
      const op = rand(3);
      const ch = alphabet[rand(alphabet.length)]!;
      const body = op === 0 ? base.slice(0, at) + base.slice(at + 1)
        : op === 1 ? base.slice(0, at) + ch + base.slice(at) : base.slice(0, at) + ch + base.slice(at + 1);
      try {
        const { sdk, fast, fallbacks, projected } = await describeBothWays({ body });
        if (fallbacks.length === 0) fastTaken++;
        if (projected > 0) projectedTaken++;
        expectSameOutcome(fast, sdk);
      } catch (e) {
        throw new Error(`mutation ${i} differs: ${JSON.stringify(body)}\n${String(e)}`);
      }
    }
    // The mutations must exercise the fast path and the projection from bytes too, not only the fallback.
    expect(fastTaken).toBeGreaterThan(50);
    expect(projectedTaken).toBeGreaterThan(50);
  }, 120_000);
});
