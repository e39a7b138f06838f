import { describe, expect, test } from '@jest/globals';
import { createWriter } from '../../../src/output/formatters.js';
import { csvField } from '../../../src/output/formats/csv.js';
import { tsvField } from '../../../src/output/formats/tsv.js';
import { NOW, OLD, UBUNTU, run } from './fixtures.js';

describe('csv', () => {
  test('when a field has a comma, quote, CR or LF then it is quoted with quotes doubled (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('x\ry')).toBe('"x\ry"');
  });
  test('when a field is plain then it is left bare', () => {
    expect(csvField('ami-0aaaaaaa')).toBe('ami-0aaaaaaa');
    expect(csvField('')).toBe('');
  });
  test('when written then a header of column ids, then raw API values', () => {
    const text = run(createWriter('csv', { now: NOW, columns: ['id', 'created', 'description'] }), [UBUNTU, OLD]);
    expect(text).toBe('id,created,description\nami-0123456789abcdef0,2025-01-15T10:00:00.000Z,\n'
      + 'ami-0aaaaaaa,2023-01-15T10:00:00.000Z,"has, ""quotes""\tand tab\nand newline \\ backslash"\n');
  });
  test('when --no-header then no header line', () => {
    expect(run(createWriter('csv', { now: NOW, header: false, columns: ['id'] }), [UBUNTU])).toBe('ami-0123456789abcdef0\n');
  });
  test('when no columns are chosen then the table columns are used', () => {
    expect(run(createWriter('csv', { now: NOW }), []).trimEnd()).toBe('id,name,owner,arch,created,deprecated');
  });
});

describe('tsv', () => {
  test('when a field has tab, LF, CR or backslash then they are escaped', () => {
    expect(tsvField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
  });
  test('when written then every line has one field per column', () => {
    const lines = run(createWriter('tsv', { now: NOW, columns: ['id', 'description', 'arch'] }), [UBUNTU, OLD]).trimEnd().split('\n');
    expect(lines.map((l) => l.split('\t').length)).toEqual([3, 3, 3]);
    expect(lines[2]).toBe('ami-0aaaaaaa\thas, "quotes"\\tand tab\\nand newline \\\\ backslash\tx86_64');
  });
  test('when --no-header then the first line is data', () => {
    expect(run(createWriter('tsv', { now: NOW, header: false, columns: ['id', 'arch'] }), [UBUNTU])).toBe('ami-0123456789abcdef0\tarm64\n');
  });
});

describe('csv formula injection (OWASP)', () => {
  test('when a field starts with = + - @ tab or CR then it gets a leading quote mark and is quoted', () => {
    expect(csvField('@SUM(1)')).toBe(`"'@SUM(1)"`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(csvField('-2')).toBe(`"'-2"`);
    expect(csvField('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
  });
  test('when those characters appear later in a field then it is left as it was', () => {
    expect(csvField('al2023-ami-2023.4+x@y=z')).toBe('al2023-ami-2023.4+x@y=z');
    expect(csvField('2025-01-15T10:00:00.000Z')).toBe('2025-01-15T10:00:00.000Z');
  });
  test('when a row is written then only the hostile cell changes', () => {
    const text = run(createWriter('csv', { now: NOW, header: false, columns: ['id', 'name'] }), [{ ...UBUNTU, Name: '=1+1' }]);
    expect(text).toBe(`ami-0123456789abcdef0,"'=1+1"\n`);
  });
});

describe('csv and tsv at a terminal', () => {
  const HOSTILE = { ...UBUNTU, Name: 'x\x1b]0;pwned\x07\u009b2J\u202Eexe.txt\u200B\tz\\' };
  test('when stdout is a terminal then control, bidi and invisible characters are escaped', () => {
    const tsvText = run(createWriter('tsv', { now: NOW, header: false, columns: ['name'], terminal: true }), [HOSTILE]);
    expect(tsvText).toBe('x\\x1b]0;pwned\\x07\\x9b2J\\u202eexe.txt\\u200b\\tz\\\\\n');
    const csvText = run(createWriter('csv', { now: NOW, header: false, columns: ['name'], terminal: true }), [HOSTILE]);
    expect(csvText).toBe('x\\x1b]0;pwned\\x07\\x9b2J\\u202eexe.txt\\u200b\\x09z\\\n');
  });
  test('when piped then the text is written as it is (tsv still escapes only \\t \\n \\r \\\\)', () => {
    const tsvText = run(createWriter('tsv', { now: NOW, header: false, columns: ['name'] }), [HOSTILE]);
    expect(tsvText).toBe('x\x1b]0;pwned\x07\u009b2J\u202Eexe.txt\u200B\\tz\\\\\n');
    const csvText = run(createWriter('csv', { now: NOW, header: false, columns: ['name'] }), [HOSTILE]);
    expect(csvText).toBe('x\x1b]0;pwned\x07\u009b2J\u202Eexe.txt\u200B\tz\\\n');
  });
});
