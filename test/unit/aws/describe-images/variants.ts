/**
 * XML shapes for the differential tests (xml-variants.test.ts, json-text.test.ts): escapes,
 * entities, unicode, whitespace, element order, namespaces, empty and missing members, scalar
 * coercion, markup the fast parser leaves to the SDK, malformed and error bodies. Each case states
 * which takes it: the fast parser, the SDK's (the fast parser gives up), or neither (the response
 * check rejects it before either parser).
 */
import { page } from './support.js';

export type Taker = 'fast' | 'sdk' | 'check';

export const item = (inner: string) => `<item>${inner}</item>`;
export const img = (inner: string) => page(item(`<imageId>ami-1</imageId>${inner}`));
const decl = '<?xml version="1.0" encoding="UTF-8"?>\n';

const [beforeBad, afterBad] = img('<name>a@b</name>').split('@') as [string, string];
const INVALID_UTF8 = Buffer.concat([Buffer.from(beforeBad), Buffer.from([0xff, 0xfe]), Buffer.from(afterBad)]);

/** [case, body, who takes it] */
export const XML_VARIANTS: [string, string | Buffer, Taker][] = [
  ['named and numeric entities', img('<name>&amp;&lt;&gt;&quot;&apos; &#38; &#x26; &#233; &#X41;</name>'), 'fast'],
  ['numeric references above U+FFFF (the SDK truncates them)', img('<name>&#x1F600; &#128512;</name>'), 'fast'],
  ['unknown named entities (the SDK drops them) and bare ampersands', img('<name>a &foo; b & c &amp d &#;</name>'), 'fast'],
  ['entities named like Object.prototype members (the SDK writes out the function)', img('<name>x&constructor;y&toString;z</name><description>&valueOf;</description>'), 'fast'],
  ['unicode text: accents, CJK, emoji, RTL', img('<name>ünïcødé 日本語 🚀 שלום</name><description>\u00a0nbsp\u00a0</description>'), 'fast'],
  ['a literal CR LF and lone CR in text (normalised to LF)', img('<description>a\r\nb\rc</description>'), 'fast'],
  ['an escaped CR (&#xD;) kept as CR', img('<description>a&#xD;b</description>'), 'fast'],
  ['blank values with and without a newline', img('<name>   </name><description>\n  </description><kernelId>&#10;</kernelId><ramdiskId>\t</ramdiskId>'), 'fast'],
  ['leading and trailing spaces kept', img('<name>  padded  </name>'), 'fast'],
  ['a backslash, a double quote and a tab in text (JSON escapes them)', img('<name>C:\\dir\\x "q"</name><description>a\tb</description>'), 'fast'],
  ['a value that looks like markup: > and ]]>', img('<name>a > b ]]> c</name>'), 'fast'],
  ['empty scalars, self-closing and open-close', img('<kernelId/><ramdiskId></ramdiskId><platform/>'), 'fast'],
  ['empty booleans and integers', page(item('<isPublic/><enaSupport></enaSupport><blockDeviceMapping><item><ebs><volumeSize/><iops></iops></ebs></item></blockDeviceMapping>')), 'fast'],
  ['boolean spellings', img('<isPublic>TRUE</isPublic><enaSupport>True</enaSupport><imageAllowed>yes</imageAllowed><freeTierEligible> true</freeTierEligible>'), 'fast'],
  ['integer spellings: leading zero, exponent, spaces, hex, junk', page(item('<blockDeviceMapping><item><ebs><volumeSize>08</volumeSize><iops>1e3</iops><throughput> 7 </throughput></ebs></item><item><ebs><volumeSize>0x10</volumeSize><iops>abc</iops><throughput>-0</throughput></ebs></item></blockDeviceMapping>')), 'fast'],
  ['strings that look like other types stay strings', img('<name>true</name><description>1e3</description><imageOwnerId>000000000001</imageOwnerId>'), 'fast'],
  ['empty lists in every form', img('<tagSet/><productCodes></productCodes><blockDeviceMapping>\n  </blockDeviceMapping><imageWatermarkSet/>'), 'fast'],
  ['empty structures', img('<stateReason/><scanResults></scanResults><instanceTypeSpecification>\n</instanceTypeSpecification>'), 'fast'],
  ['empty list items', img('<tagSet><item/><item></item><item>\n</item></tagSet>'), 'fast'],
  ['reversed element order', page(item('<platform>windows</platform><tagSet><item><value>v</value><key>k</key></item></tagSet><name>n</name><imageId>ami-9</imageId>')), 'fast'],
  ['pretty-printed like real EC2', `${decl}<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">\n    <requestId>59dbff89</requestId>\n    <imagesSet>\n        <item>\n            <imageId>ami-1</imageId>\n            <tagSet>\n                <item>\n                    <key>a</key>\n                    <value>b</value>\n                </item>\n            </tagSet>\n        </item>\n    </imagesSet>\n    <nextToken>t</nextToken>\n</DescribeImagesResponse>\n`, 'fast'],
  ['pretty-printed with CR LF and tabs', `${decl}<DescribeImagesResponse>\r\n\t<imagesSet>\r\n\t\t<item>\r\n\t\t\t<imageId>ami-1</imageId>\r\n\t\t</item>\r\n\t</imagesSet>\r\n</DescribeImagesResponse>`, 'fast'],
  ['no namespace', '<DescribeImagesResponse><imagesSet><item><imageId>ami-1</imageId></item></imagesSet></DescribeImagesResponse>', 'fast'],
  ['namespace without trailing slash, single quotes, prefixed declarations', `<DescribeImagesResponse xmlns='http://ec2.amazonaws.com/doc/2016-11-15' xmlns:x="urn:x"  ><imagesSet><item><imageId>ami-1</imageId></item></imagesSet></DescribeImagesResponse>`, 'fast'],
  ['another root name and no declaration', '<Whatever><nextToken>t</nextToken></Whatever>', 'check'],
  ['no imagesSet at all', page('').replace('<imagesSet></imagesSet>', ''), 'fast'],
  ['an empty nextToken', page('', '<nextToken></nextToken>'), 'fast'],
  ['a self-closing nextToken', page('', '<nextToken/>'), 'fast'],
  ['a nextToken with escapes', page('', '<nextToken>a+b/c=&amp;d</nextToken>'), 'fast'],
  ['nextToken before imagesSet', `<DescribeImagesResponse><nextToken>t</nextToken><imagesSet><item><imageId>ami-1</imageId></item></imagesSet></DescribeImagesResponse>`, 'fast'],
  ['unknown elements, nested and self-closing', img('<futureField>x</futureField><futureSet><item><a>1</a><b/></item></futureSet><future2/>'), 'fast'],
  ['a comment and a processing instruction before the root', `${decl}<!-- hi -->\n<?pi x?>\n${page(item('<imageId>ami-1</imageId>')).slice(decl.length)}`, 'check'],
  ['content after the root', `${page(item('<imageId>ami-1</imageId>'))}<junk>`, 'check'],
  ['a timestamp with an offset', img('<scanResults><findingScanDate>2025-01-01T10:00:00+02:00</findingScanDate></scanResults>'), 'sdk'],
  ['a timestamp with lower-case t and z', img('<scanResults><findingScanDate>2025-01-01t10:00:00z</findingScanDate></scanResults>'), 'sdk'],
  ['an invalid timestamp', img('<scanResults><findingScanDate>2025-13-01T10:00:00Z</findingScanDate></scanResults>'), 'sdk'],
  ['a timestamp that is not a date', img('<imageWatermarkSet><item><watermarkCreationTime>yesterday</watermarkCreationTime></item></imageWatermarkSet>'), 'sdk'],
  ['CDATA in a value', img('<name><![CDATA[a <b> & c]]></name>'), 'sdk'],
  ['a comment inside a value', img('<name>a<!-- x -->b</name>'), 'sdk'],
  ['a comment between elements', img('<!-- x --><name>n</name>'), 'sdk'],
  ['attributes on an item', page('<item id="1"><imageId>ami-1</imageId></item>'), 'sdk'],
  ['attributes on a value', img('<name lang="en">n</name>'), 'sdk'],
  ['a space inside a closing tag', img('<name>n</name >'), 'sdk'],
  ['text between elements on one line', page(item('<imageId>ami-1</imageId> <name>n</name>')), 'sdk'],
  ['text inside a structure', page(item('stray<imageId>ami-1</imageId>')), 'sdk'],
  ['a repeated scalar', img('<name>a</name><name>b</name>'), 'sdk'],
  ['a repeated list', img('<tagSet><item><key>a</key></item></tagSet><tagSet><item><key>b</key></item></tagSet>'), 'sdk'],
  ['a non-item element in a list', img('<tagSet><member><key>a</key></member></tagSet>'), 'sdk'],
  ['an element named #text', img('<x><#text>y</#text></x>'), 'sdk'],
  ['a DOCTYPE', `<!DOCTYPE r [<!ENTITY e "x">]>${page(item('<imageId>ami-1</imageId>'))}`, 'check'],
  ['a byte order mark', `\ufeff${page(item('<imageId>ami-1</imageId>'))}`, 'sdk'],
  ['a self-closing root', '<DescribeImagesResponse/>', 'check'],
  ['a root attribute other than xmlns', '<DescribeImagesResponse nextToken="x"><imagesSet/></DescribeImagesResponse>', 'sdk'],
  ['mismatched tags', img('<name>n</nam>'), 'sdk'],
  ['a truncated body', page(item('<imageId>ami-1</imageId>')).slice(0, 150), 'check'],
  ['a body that is not XML', 'Service Unavailable', 'check'],
  ['an EC2 error document with status 200', `${decl}<Response><Errors><Error><Code>X</Code><Message>m</Message></Error></Errors><RequestID>r</RequestID></Response>`, 'check'],
  ['invalid UTF-8 (the SDK\'s decoder replaces it)', INVALID_UTF8, 'fast'],
];

/** A rich page whose single-character mutations the differential tests parse. */
export const MUTATION_BASE = img('<name>a &amp; b</name><tagSet><item><key>k</key><value/></item></tagSet><isPublic>true</isPublic>'
  + '<blockDeviceMapping><item><ebs><volumeSize>8</volumeSize></ebs></item></blockDeviceMapping>'
  + '<scanResults><findingScanDate>2025-01-01T00:00:00Z</findingScanDate></scanResults>');

/** `count` single-character deletions, insertions and replacements of `base`, the same every run. */
export function mutations(base: string, count: number): string[] {
  const alphabet = '<>/&;#x "\'=\n abi!?[]-:';
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = rand(base.length);
    const op = rand(3);
    const ch = alphabet[rand(alphabet.length)]!;
    out.push(op === 0 ? base.slice(0, at) + base.slice(at + 1)
      : op === 1 ? base.slice(0, at) + ch + base.slice(at) : base.slice(0, at) + ch + base.slice(at + 1));
  }
  return out;
}
