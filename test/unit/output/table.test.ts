import { describe, expect, test } from '@jest/globals';
import { createWriter } from '../../../src/output/formatters.js';
import { LAYOUT_ROWS, tableWriter } from '../../../src/output/formats/table.js';
import { safeText as printable } from '../../../src/output/safe-text.js';
import { TABLE_COLUMNS, WIDE_COLUMNS } from '../../../src/output/columns.js';
import type { Image } from '../../../src/types.js';
import type { ColumnId } from '../../../src/output/columns.js';
import type { FormatOptions } from '../../../src/output/formatter.js';
import { BARE, NOW, OLD, UBUNTU, rowText, run } from './fixtures.js';

/** The whole table laid out from every row at once ('' for none). */
const renderTable = (images: Image[], columns: readonly ColumnId[], opts: FormatOptions) =>
  run(tableWriter(columns, { ...opts, layoutRows: Infinity }), images);

const MARK = { header: (s: string) => `<h>${s}</h>`, deprecated: (s: string) => `<d>${s}</d>`, dim: (s: string) => s };

describe('table', () => {
  test('when rendered then a header line and one aligned line per image', () => {
    const lines = run(createWriter('table', { now: NOW }), [UBUNTU, OLD]).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^IMAGE ID\s+NAME\s+OWNER\s+ARCH\s+CREATED\s+DEPRECATED$/);
    expect(lines[1]!.indexOf('099720109477')).toBe(lines[2]!.indexOf('123456789012'));
  });
  test('when rendered then creation dates show a relative age', () => {
    expect(run(createWriter('table', { now: NOW }), [UBUNTU])).toContain('2025-01-15 (44d ago)');
  });
  test('when an image is deprecated then its row is marked in text and through the style', () => {
    const text = renderTable([UBUNTU, OLD], TABLE_COLUMNS, { now: NOW, style: MARK });
    const [, current, deprecated] = text.trimEnd().split('\n');
    expect(deprecated).toContain('<d>yes, 44d ago</d>');
    expect(deprecated).toContain('<d>ami-0aaaaaaa</d>');
    expect(current).not.toContain('<d>');
  });
  test('when a header style is given then header cells go through it', () => {
    expect(renderTable([UBUNTU], ['id'], { now: NOW, style: MARK }).split('\n')[0]).toBe('<h>IMAGE ID</h>');
  });
  test('when --no-header then only image lines', () => {
    expect(run(createWriter('table', { now: NOW, header: false, columns: ['id'] }), [UBUNTU, BARE])).toBe('ami-0123456789abcdef0\nami-0bbbbbbb\n');
  });
  test('when the plain style is used then no ANSI escapes appear', () => {
    expect(run(createWriter('table', { now: NOW }), [UBUNTU, OLD])).not.toContain('\u001b');
  });
  test('when there are no images then nothing is printed', () => {
    expect(run(createWriter('table', { now: NOW }), [])).toBe('');
  });
  test('when a name holds control characters then they are shown escaped', () => {
    expect(printable('evil\u001b[31mred\n')).toBe('evil\\x1b[31mred\\x0a');
    expect(run(createWriter('table', { now: NOW, columns: ['name'] }), [{ ImageId: 'ami-1', Name: 'a\u001bb' }])).not.toContain('\u001b');
  });
  test('when wide then more columns than table', () => {
    const header = run(createWriter('wide', { now: NOW }), [UBUNTU]).split('\n')[0]!;
    expect(header).toContain('STATE');
    expect(header).toContain('DESCRIPTION');
  });
  test('when lines are rendered then they carry no trailing blanks', () => {
    for (const line of run(createWriter('wide', { now: NOW }), [UBUNTU, BARE]).split('\n')) expect(line).toBe(line.trimEnd());
  });
});

describe('table layout vs cli-table3', () => {
  test('when rendered then lines equal cli-table3 with empty borders, no padding and a two-space middle', async () => {
    const { default: Table } = await import('cli-table3');
    const { Chalk } = await import('chalk');
    const { chalkStyle } = await import('../../../src/output/style.js');
    const { COLUMNS } = await import('../../../src/output/columns.js');
    const style = chalkStyle(new Chalk({ level: 1 }));
    const wide = { ...UBUNTU, ImageId: 'ami-0ccccccc', Name: 'AlmaLinux OS 9 日本語 テスト', Description: 'é' };
    const images = [UBUNTU, OLD, BARE, wide];
    const columns = ['id', 'name', 'created', 'deprecated', 'description'] as const;
    const chars = { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
      'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' };
    const t = new Table({ chars, style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      head: columns.map((c) => style.header(COLUMNS[c].header)) });
    for (const image of images) {
      const dep = image === OLD;
      t.push(columns.map((c) => {
        const spec = COLUMNS[c];
        const text = printable(spec.human ? spec.human(image, NOW) : spec.value(image));
        return dep ? style.deprecated(text) : text;
      }));
    }
    const expected = t.toString().split('\n').map((l) => l.trimEnd()).join('\n') + '\n';
    expect(renderTable(images, columns, { now: NOW, style })).toBe(expected);
  });
  test('when there are many rows then rendering stays fast (linear)', () => {
    const many = Array.from({ length: 20000 }, (_, i) => ({ ...UBUNTU, ImageId: `ami-${String(i).padStart(8, '0')}` }));
    const t = performance.now();
    const text = renderTable(many, TABLE_COLUMNS, { now: NOW });
    expect(text.split('\n')).toHaveLength(20002);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe('table: laid out from its first rows, then streamed', () => {
  const images = (n: number, name = (i: number) => `img-${i}`) => Array.from({ length: n }, (_, i): Image => ({
    ...OLD, ImageId: `ami-${i.toString(16).padStart(8, '0')}`, Name: name(i),
  }));
  test('when more rows than the layout takes arrive then the table begins before the end, and later rows come out as they arrive', () => {
    for (const format of ['table', 'wide'] as const) {
      const w = createWriter(format, { now: NOW });
      const first = images(LAYOUT_ROWS);
      const out = first.slice(0, -1).map((i) => rowText(w, i));
      // Held until the layout is known, the rows held are never more than LAYOUT_ROWS.
      expect(out.every((t) => t === '')).toBe(true);
      const table = rowText(w, first.at(-1)!);
      expect(table.split('\n')).toHaveLength(LAYOUT_ROWS + 2); // header, rows, final newline
      const later = rowText(w, { ...OLD, ImageId: 'ami-later', Name: 'img-x' });
      expect([format, later.split('\n')]).toEqual([format, [expect.stringMatching(/^ami-later\s+img-x /), '']]);
      expect(w.end({})).toBe('');
    }
  });
  test('when a later cell is wider than its column then it wraps inside it and the columns stay aligned', () => {
    const w = createWriter('table', { now: NOW, layoutRows: 2 });
    const head = rowText(w, images(1)[0]!) + rowText(w, images(2)[1]!);
    const owner = head.split('\n')[0]!.indexOf('OWNER');
    const long = rowText(w, { ...OLD, ImageId: 'ami-long', Name: 'img-a-much-longer-name' });
    const lines = long.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.slice(owner).trim()).filter((s) => s !== '')).toEqual([expect.stringMatching(/^123456789012 /)]);
    expect(lines.map((l) => l.slice(0, owner).replace(/^ami-long|^ +/, '').trim()).join('')).toBe('img-a-much-longer-name');
  });
  test('when fewer rows than the layout takes arrive then they fit one layout, printed at the end, as a table laid out from every row at once', () => {
    const w = createWriter('wide', { now: NOW });
    const few = [UBUNTU, OLD, BARE];
    expect(few.map((i) => rowText(w, i)).join('')).toBe('');
    expect(w.end({})).toBe(renderTable(few, WIDE_COLUMNS, { now: NOW }));
  });
  test('when no row arrives then the table prints nothing, not even its header', () => {
    expect(run(createWriter('table', { now: NOW }), [])).toBe('');
  });
});
