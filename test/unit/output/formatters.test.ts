import { describe, expect, test } from '@jest/globals';
import { FORMATTERS, createWriter } from '../../../src/output/formatters.js';
import { OUTPUT_FORMATS } from '../../../src/query/vocabulary.js';
import type { Image } from '../../../src/types.js';
import { generateCatalogue } from '../../ec2-local/catalogue/index.js';
import { BARE, NOW, OLD, UBUNTU, rowText, run } from './fixtures.js';

describe('FORMATTERS', () => {
  test('when the table is read then it has exactly one entry per OUTPUT_FORMATS value', () => {
    expect(Object.keys(FORMATTERS).sort()).toEqual([...OUTPUT_FORMATS].sort());
  });
  test('when a format is streaming then its first row is emitted before end', () => {
    for (const format of OUTPUT_FORMATS) {
      // table and wide lay out their first rows before streaming: one row here.
      const w = createWriter(format, { now: NOW, layoutRows: 1 });
      const first = w.begin() + rowText(w, UBUNTU);
      expect([format, first.includes('ami-0123456789abcdef0')]).toEqual([format, FORMATTERS[format].streaming]);
    }
  });
  test('when only json carries the token then the others leave it to the CLI', () => {
    expect(OUTPUT_FORMATS.filter((f) => FORMATTERS[f].carriesNextToken)).toEqual(['json']);
  });
  test('when a machine format runs then no ANSI escape is produced even with a colouring style', () => {
    const style = { header: (s: string) => `\u001b[1m${s}`, deprecated: (s: string) => `\u001b[33m${s}`, dim: (s: string) => s };
    for (const format of ['json', 'ndjson', 'ids', 'csv', 'tsv'] as const) {
      expect(run(createWriter(format, { now: NOW, style }), [UBUNTU, OLD])).not.toContain('\u001b');
    }
  });
});

describe('json', () => {
  const parse = (images = [UBUNTU, OLD], token?: string) => JSON.parse(run(createWriter('json', { now: NOW }), images, token));
  test('when images stream through then the whole output is the AWS CLI {"Images": [...]} document', () => {
    expect(parse()).toEqual({ Images: [UBUNTU, OLD] });
  });
  test('when the listing was cut then NextToken follows Images', () => {
    const doc = parse([UBUNTU], 'eyJOZXh0VG9rZW4iOiAiVDUifQ==');
    expect(doc.NextToken).toBe('eyJOZXh0VG9rZW4iOiAiVDUifQ==');
    expect(Object.keys(doc)).toEqual(['Images', 'NextToken']);
  });
  test('when no image matches then Images is an empty list', () => {
    expect(parse([])).toEqual({ Images: [] });
  });
  test('when printed then it uses the AWS CLI 4-space indent', () => {
    const text = run(createWriter('json', { now: NOW }), [BARE]);
    expect(text).toBe('{\n    "Images": [\n        {\n            "ImageId": "ami-0bbbbbbb"\n        }\n    ]\n}\n');
  });
  test('when rich images are printed then the text is byte for byte JSON.stringify of the document with a 4-space indent', () => {
    const rich: Image[] = [
      ...generateCatalogue({ images: 700, seed: 'json-layout' }).images.map(({ Region: _r, LaunchPermissionUserIds: _u, LaunchPermissionOrgShared: _o, ...img }) => img),
      { ...UBUNTU, Tags: [], BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: {} }], StateReason: {} },
      { ...OLD, ImageWatermarks: [{ SourceImageCreationTime: new Date('2024-01-02T03:04:05.000Z') }] },
    ];
    for (const token of [undefined, 'tok"en']) {
      const doc = token === undefined ? { Images: rich } : { Images: rich, NextToken: token };
      expect(run(createWriter('json', { now: NOW }), rich, token)).toBe(`${JSON.stringify(doc, null, 4)}\n`);
    }
  });
});

describe('ndjson and ids', () => {
  test('when ndjson then one parseable image per line', () => {
    const lines = run(createWriter('ndjson', { now: NOW }), [UBUNTU, OLD], 'tok').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([UBUNTU, OLD]);
  });
  test('when ids then one image ID per line and nothing else', () => {
    expect(run(createWriter('ids', { now: NOW, header: true }), [UBUNTU, OLD], 'tok')).toBe('ami-0123456789abcdef0\nami-0aaaaaaa\n');
  });
});
