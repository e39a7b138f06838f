/**
 * encodeResumeToken / decodeStartingToken against botocore's own TokenEncoder and
 * PageIterator._parse_starting_token, byte for byte, on awkward tokens.
 */
import { spawnSync } from 'node:child_process';
import { decodeStartingToken, encodeResumeToken, type ResumeToken } from '../../src/paginate/token.js';
import { requirePeer } from '../support/peers.js';

const CASES: ResumeToken[] = [
  { nextToken: null, truncateAmount: 3 },
  { nextToken: 'T5' },
  { nextToken: 'T5', truncateAmount: 0 },
  { nextToken: null },
  { nextToken: 'a"b\\c/d\n\t\u0001\u007f' },
  { nextToken: 'Ünïcödé 日本 🚀', truncateAmount: 12345 },
  { nextToken: 'eyJ2IjoiMiJ9+/=', truncateAmount: 1 },
];

const PYTHON = `
import json, sys
from botocore.paginate import TokenEncoder, PageIterator
cases = json.loads(sys.stdin.read())
enc = TokenEncoder()
out = {"encoded": [], "parsed": []}
for c in cases["encode"]:
    d = {"NextToken": c["nextToken"]}
    if "truncateAmount" in c:
        d["boto_truncate_amount"] = c["truncateAmount"]
    out["encoded"].append(enc.encode(d))
for s in cases["parse"]:
    it = PageIterator(None, ["NextToken"], ["NextToken"], None, ["Images"], [], "MaxResults", None, s, None, {})
    token, index = it._parse_starting_token()
    out["parsed"].append([token.get("NextToken"), index])
print(json.dumps(out))
`;

function botocore(encode: ResumeToken[], parse: string[]): { encoded: string[]; parsed: [string | null, number][] } {
  const r = spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify({ encode, parse }), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 botocore failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('resume tokens against botocore', () => {
  beforeAll(() => requirePeer('boto3'));

  test('when positions are encoded then the tokens equal botocore TokenEncoder output byte for byte', () => {
    expect(CASES.map(encodeResumeToken)).toEqual(botocore(CASES, []).encoded);
  });

  test('when tokens are parsed then NextToken and truncate amount equal botocore _parse_starting_token', () => {
    const inputs = [
      ...CASES.map(encodeResumeToken),
      'raw-ec2-token',
      'WzUsMCwxXQ.gEM3689KFPeDU-wiHt5b1J-6',
      Buffer.from('{"v":"2","c":"x"}').toString('base64').replace(/=+$/, ''),
      'T5___4',
      'a___b',
    ];
    const ref = botocore([], inputs).parsed;
    const got = inputs.map((s) => {
      const t = decodeStartingToken(s);
      return [t.nextToken, t.truncateAmount ?? 0];
    });
    expect(got).toEqual(ref);
  });
});
