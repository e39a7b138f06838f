/** The CLI renderer writes streaming rows in chunks (per page, per 64 KiB), never one write per row. */
import { createRenderer } from '../../../src/cli/render.js';
import type { ResolvedOptions } from '../../../src/cli/resolve.js';
import type { StdoutSink } from '../../../src/cli/sink.js';
import type { Image } from '../../../src/types.js';
import { IMAGE_JSON } from '../../../src/image-json.js';

function fakeSink(): { sink: StdoutSink; writes: string[]; chunks: (string | Uint8Array)[] } {
  const writes: string[] = [];
  const chunks: (string | Uint8Array)[] = [];
  const write = async (chunk: string | Uint8Array) => {
    if (chunk.length === 0) return;
    chunks.push(chunk);
    writes.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  };
  return { sink: { closed: false, write } as unknown as StdoutSink, writes, chunks };
}

/** Images carrying their ndjson lines the way the transcoder hands them out: views, end to end, into one buffer. */
function withLines(list: readonly Image[]): { images: Image[]; buffer: ArrayBufferLike } {
  const text = list.map((i) => `${JSON.stringify(i)}\n`);
  const bytes = Buffer.from(text.join(''));
  const out = new Uint8Array(bytes);
  let at = 0;
  const images = list.map((i, n) => {
    const size = Buffer.byteLength(text[n]!);
    const line = out.subarray(at, at + size);
    at += size;
    return Object.assign({ ImageId: i.ImageId }, { [IMAGE_JSON]: line }) as Image;
  });
  return { images, buffer: out.buffer };
}

function options(format: ResolvedOptions['format'], selection: Partial<ResolvedOptions['selection']> = {}): ResolvedOptions {
  return { format, selection: { desc: false, ...selection }, header: true, color: 0, now: new Date('2025-01-01T00:00:00Z') } as unknown as ResolvedOptions;
}

const images: Image[] = Array.from({ length: 1000 }, (_, n) => ({ ImageId: `ami-${n.toString(16).padStart(17, '0')}`, CreationDate: '2024-01-01T00:00:00.000Z' }));

describe('createRenderer output batching', () => {
  test('when a page of ids is added then nothing is written until flush, which writes it as one chunk', async () => {
    const { sink, writes } = fakeSink();
    const r = await createRenderer(options('ids'), sink);
    await r.add(images);
    expect(writes).toHaveLength(0);
    await r.flush();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.split('\n')).toHaveLength(1001);
    await r.finish(undefined, true);
    expect(writes.join('')).toBe(images.map((i) => `${i.ImageId}\n`).join(''));
  });

  test('when buffered rows pass 64 KiB then they are written without waiting for the page to end', async () => {
    const { sink, writes } = fakeSink();
    const r = await createRenderer(options('ndjson'), sink);
    const big = images.map((i) => ({ ...i, Description: 'x'.repeat(200) }));
    await r.add(big);
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.every((w) => w.length >= 64 * 1024)).toBe(true);
    await r.finish(undefined, false);
    expect(writes.join('').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Image).ImageId)).toEqual(images.map((i) => i.ImageId));
  });

  test('when ndjson rows come as the parser\'s lines then a page goes out as views of its buffer, not copies or strings', async () => {
    const { sink, writes, chunks } = fakeSink();
    const r = await createRenderer(options('ndjson'), sink);
    const full = images.map((i) => ({ ...i, Name: `n\u00e9-${i.ImageId}` }));
    const { images: page, buffer } = withLines(full);
    await r.add(page);
    await r.finish(undefined, true);
    expect(writes.join('')).toBe(full.map((i) => `${JSON.stringify(i)}\n`).join(''));
    expect(chunks.length).toBeGreaterThan(1); // written per 64 KiB
    expect(chunks.every((c) => typeof c !== 'string' && c.buffer === buffer)).toBe(true);
  });

  test('when ndjson streams then it asks for JSON text and no member; with --latest it asks for whole images instead', async () => {
    const streaming = await createRenderer(options('ndjson'), fakeSink().sink);
    expect([streaming.json, streaming.fields]).toEqual([true, []]);
    // A kept image's text would hold its whole page's buffer, and the newest n may come from n pages.
    const latest = await createRenderer(options('ndjson', { latest: 3 }), fakeSink().sink);
    expect([latest.json, latest.fields]).toEqual([false, undefined]);
    const ids = await createRenderer(options('ids'), fakeSink().sink);
    expect([ids.json, ids.fields]).toEqual([false, ['ImageId']]);
  });

  test('when byte rows and text rows mix then the output keeps their order', async () => {
    const { sink, writes } = fakeSink();
    const r = await createRenderer(options('ndjson'), sink);
    const { images: lined } = withLines(images.slice(0, 4));
    // Images without a line (a page the SDK parsed) are serialised by the formatter.
    const mixed = [lined[0]!, images[10]!, lined[1]!, lined[3]!, images[11]!];
    await r.add(mixed);
    await r.finish(undefined, true);
    const expected = [images[0], images[10], images[1], images[3], images[11]].map((i) => `${JSON.stringify(i)}\n`).join('');
    expect(writes.join('')).toBe(expected);
  });

  test('when the listing stops early then finish still writes the rows already taken', async () => {
    const { sink, writes } = fakeSink();
    const r = await createRenderer(options('ids'), sink);
    await r.add(images.slice(0, 3));
    await r.finish('token', false);
    expect(writes.join('')).toBe(images.slice(0, 3).map((i) => `${i.ImageId}\n`).join(''));
  });

  test('when --latest selects then a stopped listing prints nothing (a partial answer would be wrong)', async () => {
    const { sink, writes } = fakeSink();
    const r = await createRenderer(options('ids', { latest: 1 }), sink);
    await r.add(images.slice(0, 3));
    await r.finish('token', false);
    expect(writes).toEqual([]);
  });
});
