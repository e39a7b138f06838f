import { PassThrough } from 'node:stream';
import { runPicker } from '../../../src/ui/picker/driver.js';
import type { Image, ImageQuery } from '../../../src/types.js';
import { KEY, NOW, ubuntu } from './fixtures.js';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** Poll until `ok()` holds (at most 3 s), so the tests do not depend on machine speed. */
async function until(ok: () => boolean): Promise<void> {
  const end = Date.now() + 3000;
  while (!ok() && Date.now() < end) await tick(10);
}

function terminal() {
  const input = new PassThrough() as unknown as NodeJS.ReadStream;
  const output = new PassThrough() as unknown as NodeJS.WriteStream & { rows: number; columns: number };
  output.rows = 12;
  output.columns = 110;
  let screen = '';
  (output as unknown as PassThrough).on('data', (d: Buffer) => { screen += d.toString(); });
  return { input, output, screen: () => screen, send: (s: string) => (input as unknown as PassThrough).write(s) };
}

describe('runPicker (in-process driver)', () => {
  test('when pages stream in and Enter is pressed then the newest image is chosen and the screen restored', async () => {
    const t = terminal();
    const queries: ImageQuery[] = [];
    async function* search(q: ImageQuery): AsyncIterable<Image> {
      queries.push(q);
      yield ubuntu(1, 30);
      await tick(20);
      yield ubuntu(2, 3);
    }
    const done = runPicker({ initial: { query: { owners: ['099720109477'] } }, search, input: t.input, output: t.output, now: NOW });
    await until(() => t.screen().includes('2 images'));
    expect(t.screen()).toContain('2 images');
    t.send(KEY.enter);
    await expect(done).resolves.toEqual({ imageId: ubuntu(2, 3).ImageId });
    expect(queries).toEqual([{ owners: ['099720109477'] }]);
    expect(t.screen().startsWith('\x1b[?1049h')).toBe(true);
    expect(t.screen().endsWith('\x1b[?25h\x1b[?1049l')).toBe(true);
  });

  test('when Esc leaves a running search then its signal aborts', async () => {
    const t = terminal();
    let aborted = false;
    async function* search(_q: ImageQuery, signal: AbortSignal): AsyncIterable<Image> {
      signal.addEventListener('abort', () => { aborted = true; });
      yield ubuntu(1, 1);
      await new Promise((r) => signal.addEventListener('abort', r));
    }
    const done = runPicker({ initial: { query: { owners: ['self'] } }, search, input: t.input, output: t.output, now: NOW });
    await until(() => t.screen().includes('1 image'));
    t.send(KEY.esc);
    await until(() => aborted);
    expect(aborted).toBe(true);
    t.send(KEY.esc);
    await expect(done).resolves.toEqual({ cancelled: true });
  });

  test('when the search throws then the error shows and Ctrl-C still leaves with interrupted', async () => {
    const t = terminal();
    // eslint-disable-next-line require-yield
    async function* search(): AsyncIterable<Image> { throw new Error('EC2 said no'); }
    const done = runPicker({ initial: { query: { owners: ['self'] } }, search, input: t.input, output: t.output, now: NOW });
    await until(() => t.screen().includes('error: EC2 said no'));
    expect(t.screen()).toContain('error: EC2 said no');
    t.send(KEY.ctrlC);
    await expect(done).resolves.toEqual({ interrupted: true });
  });
});
