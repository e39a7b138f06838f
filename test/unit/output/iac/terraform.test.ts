import { describe, expect, test } from '@jest/globals';
import { terraform } from '../../../../src/output/iac/terraform.js';
import type { IacInput } from '../../../../src/output/iac/types.js';
import { AmiFindError } from '../../../../src/errors.js';
import { HOSTILE, literal, parseHcl, presetInputs, type Json } from './support.js';

/** The parsed data source of `kind` (one block), its name and body. */
async function dataBlock(text: string, kind: string): Promise<[string, Json]> {
  const parsed = await parseHcl(text);
  const blocks = Object.entries(parsed.data[kind] as Record<string, Json[]>);
  expect(blocks).toHaveLength(1);
  return [blocks[0]![0], blocks[0]![1][0]!];
}

const filtersOf = (body: Json) =>
  (body.filter ?? []).map((f: { name: string; values: string[] }) => ({ Name: literal(f.name), Values: f.values.map(literal) }));

function input(over: Partial<IacInput> = {}): IacInput {
  return { query: { owners: ['123456789012'] }, selection: {}, description: 'test images', label: 'test', command: 'ami-find x', ...over };
}

function refusal(fn: () => unknown): AmiFindError {
  try { fn(); } catch (err) { if (err instanceof AmiFindError) return err; throw err; }
  throw new Error('expected a refusal');
}

describe('terraform, the query', () => {
  test('when every preset is written with --latest then the parsed aws_ami block holds its owners, filters and most_recent', async () => {
    for (const i of presetInputs(1)) {
      const [name, body] = await dataBlock(terraform(i), 'aws_ami');
      expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(body.most_recent).toBe(true);
      expect(body.owners.map(literal)).toEqual(i.query.owners);
      expect(filtersOf(body)).toEqual(i.query.filters);
      expect(body.allow_unsafe_filter).toBeUndefined();
    }
  });
  test('when every preset is written without --latest then an aws_ami_ids block lists them', async () => {
    for (const i of presetInputs(undefined)) {
      const [, body] = await dataBlock(terraform(i), 'aws_ami_ids');
      expect(body.most_recent).toBeUndefined();
      expect(filtersOf(body)).toEqual(i.query.filters);
    }
  });
  test('when values are hostile then owners, filter names, values and executable users round-trip exactly', async () => {
    const query = {
      owners: HOSTILE, executableUsers: HOSTILE, includeDeprecated: true,
      filters: HOSTILE.map((h) => ({ Name: `tag:${h}`, Values: HOSTILE })),
    };
    const [, body] = await dataBlock(terraform(input({ query, selection: { latest: 1 }, description: 'x\ny "${z}"', command: 'ami-find $\'\\n\'' })), 'aws_ami');
    expect(body.owners.map(literal)).toEqual(HOSTILE);
    expect(body.executable_users.map(literal)).toEqual(HOSTILE);
    expect(body.include_deprecated).toBe(true);
    expect(filtersOf(body)).toEqual(query.filters);
  });
  test('when the description holds a newline then it stays inside one comment line', () => {
    const text = terraform(input({ description: 'evil\ndata "aws_ami" "x" {}' }));
    expect(text.split('\n').filter((l) => l.startsWith('data '))).toHaveLength(1);
  });
  test('when --name-regex reads the same in RE2 then name_regex is the pattern itself', async () => {
    const [, body] = await dataBlock(terraform(input({ selection: { latest: 1, nameRegex: '^ubuntu-[0-9]+\\.04$' } })), 'aws_ami');
    expect(literal(body.name_regex)).toBe('^ubuntu-[0-9]+\\.04$');
  });
  test('when --name-regex uses JavaScript meanings then name_regex is the RE2 rewrite, with a note', async () => {
    const text = terraform(input({ selection: { latest: 1, nameRegex: 'a.b\\sc' } }));
    const [, body] = await dataBlock(text, 'aws_ami');
    expect(literal(body.name_regex)).not.toBe('a.b\\sc');
    expect(literal(body.name_regex)).toContain('\\x{2028}');
    expect(text).toMatch(/# Note: name_regex is --name-regex "a\.b\\\\sc" rewritten/);
  });
  test('when --latest is written then a note says the tie-break differs', () => {
    expect(terraform(input({ selection: { latest: 1 } }))).toContain('# Note: Terraform\'s most_recent compares CreationDate only');
  });
  test('when --latest 3 is written then a local slices the newest three of aws_ami_ids', async () => {
    const parsed = await parseHcl(terraform(input({ label: 'my images', selection: { latest: 3 } })));
    expect(parsed.locals[0].my_images_latest).toBe('${slice(data.aws_ami_ids.my_images.ids, 0, min(3, length(data.aws_ami_ids.my_images.ids)))}');
  });
  test('when --latest 2 is sorted by creation date ascending then the slice is reversed, and no order note is written', async () => {
    const text = terraform(input({ label: 'x', selection: { latest: 2, sort: 'creation-date' } }));
    expect((await parseHcl(text)).locals[0].x_latest).toBe('${reverse(slice(data.aws_ami_ids.x.ids, 0, min(2, length(data.aws_ami_ids.x.ids))))}');
    expect(text).not.toContain('newest first');
  });
  test('when a list has no --sort then a note says aws_ami_ids is newest first', () => {
    expect(terraform(input())).toContain("# Note: aws_ami_ids lists newest first; ami-find lists in EC2's order unless --sort.");
  });
  test('when --sort creation-date ascends then sort_ascending is set', async () => {
    const [, body] = await dataBlock(terraform(input({ selection: { sort: 'creation-date' } })), 'aws_ami_ids');
    expect(body.sort_ascending).toBe(true);
  });
  test('when --image-id is given then it becomes an image-id filter', async () => {
    const [, body] = await dataBlock(terraform(input({ query: { owners: ['self'], imageIds: ['ami-12345678'] } })), 'aws_ami_ids');
    expect(filtersOf(body)).toEqual([{ Name: 'image-id', Values: ['ami-12345678'] }]);
  });
  test('when --latest has no owner (--allow-unsafe) then allow_unsafe_filter is set and said', async () => {
    const text = terraform(input({ query: { filters: [{ Name: 'name', Values: ['x*'] }] }, selection: { latest: 1 } }));
    const [, body] = await dataBlock(text, 'aws_ami');
    expect(body.allow_unsafe_filter).toBe(true);
    expect(text).toContain('# Note: allow_unsafe_filter');
  });
});

describe('terraform refusals', () => {
  test.each([
    ['--created-after', { selection: { createdAfter: new Date(0) } }],
    ['--created-before', { selection: { createdBefore: new Date(0) } }],
    ['--include-disabled', { query: { owners: ['self'], includeDisabled: true } }],
    ['--sort name', { selection: { sort: 'name' as const } }],
    ['--name-regex', { selection: { latest: 1, nameRegex: '(a)\\1' } }],
    ['without --owner', { query: {} }],
  ])('when the query has %s then it is refused with E_IAC_UNSUPPORTED', (flag, over) => {
    const err = refusal(() => terraform(input(over)));
    expect([err.code, err.exitCode]).toEqual(['E_IAC_UNSUPPORTED', 2]);
    expect(err.message).toContain(flag.split(' ')[0] === 'without' ? 'without --owner' : flag);
  });
});

describe('terraform --pin', () => {
  const images = [{ id: 'ami-0123456789abcdef0', name: 'a "name"\n${x}' }];
  test('when one image is pinned in one region then a local holds its ID', async () => {
    const parsed = await parseHcl(terraform(input({ label: 'web', pin: { images, one: true }, region: 'eu-west-1' })));
    expect(parsed.locals[0]).toEqual({ web_ami_id: 'ami-0123456789abcdef0' });
  });
  test('when several images are pinned then a local lists them in order', async () => {
    const two = [...images, { id: 'ami-00000000000000001' }];
    const parsed = await parseHcl(terraform(input({ label: 'web', pin: { images: two, one: false } })));
    expect(parsed.locals[0]).toEqual({ web_ami_ids: ['ami-0123456789abcdef0', 'ami-00000000000000001'] });
  });
  test('when images carry regions then the local is a map keyed by region', async () => {
    const regional = [{ id: 'ami-0000000a', region: 'us-east-1' }, { id: 'ami-0000000b', region: 'eu-west-1' }];
    const parsed = await parseHcl(terraform(input({ label: 'web', pin: { images: regional, one: true } })));
    expect(parsed.locals[0]).toEqual({ web_ami_id: { 'us-east-1': 'ami-0000000a', 'eu-west-1': 'ami-0000000b' } });
  });
  test('when images carry regions and lists are pinned then each region holds its list', async () => {
    const regional = [{ id: 'ami-0000000a', region: 'us-east-1' }, { id: 'ami-0000000c', region: 'us-east-1' }, { id: 'ami-0000000b', region: 'eu-west-1' }];
    const parsed = await parseHcl(terraform(input({ label: 'web', pin: { images: regional, one: false } })));
    expect(parsed.locals[0]).toEqual({ web_ami_ids: { 'us-east-1': ['ami-0000000a', 'ami-0000000c'], 'eu-west-1': ['ami-0000000b'] } });
  });
  test('when pinned then --created-after is no obstacle (the IDs already hold it)', () => {
    expect(() => terraform(input({ selection: { createdAfter: new Date(0) }, pin: { images, one: true } }))).not.toThrow();
  });
});
