/**
 * The WebAssembly transcoder itself: the committed module is what its AssemblyScript source
 * compiles to, and pages whose JSON outgrows the room first given for it are still written whole.
 * (Every other test page checks its JSON against the SDK's in pages.test.ts and xml-variants.test.ts.)
 */
import { describe, expect, test } from '@jest/globals';
import { compileTranscoder } from '../../../../src/build/wasm.js';
import { TRANSCODER_WASM } from '../../../../src/aws/fast/transcode-wasm.js';
import { transcodeImages } from '../../../../src/aws/fast/transcode.js';
import { describeBothWays, expectSameOutcome, page } from './support.js';

describe('JSON transcoder (WebAssembly)', () => {
  test('when src/aws/fast/wasm/transcode.ts is compiled then it gives exactly the committed module (else: npm run build:wasm)', async () => {
    const compiled = await compileTranscoder();
    expect(Buffer.from(compiled).toString('base64')).toBe(TRANSCODER_WASM);
  }, 60_000);

  test('when a page\'s JSON is more than its XML plus the room given (tabs written as \\t) then every image is still transcoded and equals the SDK\'s JSON', async () => {
    const tabs = 'a' + '\t'.repeat(12_000) + 'b';
    const items = Array.from({ length: 30 }, (_, i) => `<item><imageId>ami-${i}</imageId><description>${tabs}</description></item>`).join('');
    const body = page(items);
    const { sdk, fast, fallbacks, transcoded } = await describeBothWays({ body });
    expect(fallbacks).toEqual([]);
    expect(transcoded).toBe(30);
    expectSameOutcome(fast, sdk);
    // The case is the one meant: the lines (two bytes a tab) need more than the page's size and 64 KiB.
    const json = (sdk.ok ? (sdk.value.Images ?? []) as unknown[] : []).map((image) => JSON.stringify(image).length + 1);
    expect(json.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(Buffer.byteLength(body) + 65536);
  });

  test('when a value deep in an image is all control characters (6 bytes of JSON a byte, held again at each enclosing level) then the image is still transcoded', () => {
    const value = '\u0001'.repeat(20_000);
    const xml = `<x><item><blockDeviceMapping><item><ebs><snapshotId>${value}</snapshotId></ebs></item></blockDeviceMapping></item>`;
    const bytes = Buffer.from(xml);
    const lines = transcodeImages(new Uint8Array(bytes), Int32Array.of(9), Int32Array.of(bytes.byteLength));
    expect(Buffer.from(lines![0]!).toString()).toBe(`${JSON.stringify({ BlockDeviceMappings: [{ Ebs: { SnapshotId: value } }] })}\n`);
  });

  test('when images are given by byte offsets then each line is that image\'s JSON, and an image outside the subset is undefined', () => {
    const bytes = Buffer.from('<x><item><imageId>ami-1</imageId></item><item><imageId a="1">ami-2</imageId></item><item><isPublic>true</isPublic></item>');
    const spans = [[9, 40], [46, 83], [89, 121]] as const;
    for (const [, e] of spans) expect(bytes.subarray(e - 7, e).toString()).toBe('</item>');
    const lines = transcodeImages(new Uint8Array(bytes), Int32Array.from(spans.map(([s]) => s)), Int32Array.from(spans.map(([, e]) => e)));
    expect(lines?.map((l) => (l === undefined ? l : Buffer.from(l).toString()))).toEqual(['{"ImageId":"ami-1"}\n', undefined, '{"Public":true}\n']);
  });
});
