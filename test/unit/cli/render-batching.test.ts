/** The CLI renderer writes streaming rows in chunks (per page, per 64 KiB), never one write per row. */
import { createRenderer } from '../../../src/cli/render.js';
import type { ResolvedOptions } from '../../../src/cli/resolve.js';
import type { StdoutSink } from '../../../src/cli/sink.js';
import type { Image } from '../../../src/types.js';

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
