import { describe, expect, test } from '@jest/globals';
import { packer } from '../../../../src/output/iac/packer.js';
import type { IacInput } from '../../../../src/output/iac/types.js';
import { AmiFindError } from '../../../../src/errors.js';
import { HOSTILE, literal, parseHcl, presetInputs, type Json } from './support.js';

/**
 * One CSV record as Go's encoding/csv reads it with LazyQuotes and TrimLeadingSpace (packer-plugin-amazon's
 * filter values): fields split on commas, leading blanks dropped, a quoted field may hold commas, newlines and `""`.
 */
function goCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`unterminated quote in ${JSON.stringify(text)}`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== ',') throw new Error(`text after a quoted field in ${JSON.stringify(text)}`);
    } else {
      while (i < text.length && text[i] !== ',') {
        if (text[i] === '\n') throw new Error('a newline ends an unquoted record');
        field += text[i++];
      }
    }
    fields.push(field);
    if (i >= text.length) return fields;
    i++; // the comma
  }
}

function input(over: Partial<IacInput> = {}): IacInput {
  return { query: { owners: ['123456789012'] }, selection: { latest: 1 }, description: 'test images', label: 'test', command: 'ami-find x', ...over };
}

async function filterBlock(text: string): Promise<Json> {
  return ((await parseHcl(text)).source_ami_filter as Json[])[0];
}

/** Filters by name: a map has no order (hcl2json sorts its keys). */
const byName = <T extends { Name?: string }>(filters: readonly T[]) => [...filters].sort((a, b) => (a.Name! < b.Name! ? -1 : 1));
const decoded = (filters: Record<string, string>) =>
  byName(Object.entries(filters).map(([k, v]) => ({ Name: literal(k), Values: goCsvRecord(literal(v)) })));

function refusal(fn: () => unknown): AmiFindError {
  try { fn(); } catch (err) { if (err instanceof AmiFindError) return err; throw err; }
  throw new Error('expected a refusal');
}

describe('packer, the query', () => {
  test('when every preset is written with --latest then the parsed source_ami_filter holds its owners, filters and most_recent', async () => {
    for (const i of presetInputs(1)) {
      const body = await filterBlock(packer(i));
      expect(body.most_recent).toBe(true);
      expect(body.owners.map(literal)).toEqual(i.query.owners);
      expect(decoded(body.filters)).toEqual(byName(i.query.filters!));
    }
  });
  test('when values are hostile (but not empty or with a carriage return) then filters and owners round-trip', async () => {
    const safe = HOSTILE.filter((h) => !h.includes('\r'));
    const query = { owners: safe, includeDeprecated: true, filters: safe.map((h) => ({ Name: `tag:${h}`, Values: safe })) };
    const body = await filterBlock(packer(input({ query })));
    expect(body.owners.map(literal)).toEqual(safe);
    expect(body.include_deprecated).toBe(true);
    expect(decoded(body.filters)).toEqual(byName(query.filters));
  });
  test('when a filter has several values then a note says they are comma-separated', () => {
    expect(packer(input({ query: { owners: ['self'], filters: [{ Name: 'name', Values: ['a*', 'b*'] }] } })))
      .toContain('# Note: several values of one filter are written comma-separated');
  });
  test('when one image ID is asked for without --latest then the filter pins it without most_recent', async () => {
    const body = await filterBlock(packer(input({ query: { owners: ['self'], imageIds: ['ami-12345678'] }, selection: {} })));
    expect(body.most_recent).toBeUndefined();
    expect(decoded(body.filters)).toEqual([{ Name: 'image-id', Values: ['ami-12345678'] }]);
  });
});

describe('packer refusals', () => {
  test.each([
    ['--created-after', { selection: { latest: 1, createdAfter: new Date(0) } }],
    ['--include-disabled', { query: { owners: ['self'], includeDisabled: true } }],
    ['--name-regex', { selection: { latest: 1, nameRegex: 'x' } }],
    ['--executable-user', { query: { owners: ['self'], executableUsers: ['all'] } }],
    ['without --owner', { query: { filters: [{ Name: 'name', Values: ['x'] }] } }],
    ['--latest 2', { selection: { latest: 2 } }],
    ['a list', { selection: {} }],
    ['value', { query: { owners: ['self'], filters: [{ Name: 'name', Values: ['a\r\nb'] }] } }],
    ['value', { query: { owners: ['self'], filters: [{ Name: 'name', Values: [''] }] } }],
  ])('when the query has %s then it is refused with E_IAC_UNSUPPORTED', (what, over) => {
    const err = refusal(() => packer(input(over)));
    expect([err.code, err.exitCode]).toEqual(['E_IAC_UNSUPPORTED', 2]);
    expect(err.message).toContain(what);
  });
});

describe('packer --pin', () => {
  test('when one image is pinned then source_ami is its ID', async () => {
    const parsed = await parseHcl(packer(input({ pin: { images: [{ id: 'ami-0000000a', name: 'x"${y}' }], one: true } })));
    expect(parsed).toEqual({ source_ami: 'ami-0000000a' });
  });
  test('when images carry regions then a locals map keyed by region holds one ID each', async () => {
    const images = [{ id: 'ami-0000000a', region: 'us-east-1' }, { id: 'ami-0000000b', region: 'eu-west-1' }];
    const parsed = await parseHcl(packer(input({ label: 'base', pin: { images, one: true } })));
    expect(parsed.locals[0]).toEqual({ base_source_ami: { 'us-east-1': 'ami-0000000a', 'eu-west-1': 'ami-0000000b' } });
  });
  test('when several images are pinned in one region then it is refused', () => {
    const images = [{ id: 'ami-0000000a' }, { id: 'ami-0000000b' }];
    expect(refusal(() => packer(input({ pin: { images, one: false } }))).code).toBe('E_IAC_UNSUPPORTED');
  });
});
