import { describe, expect, test } from '@jest/globals';
import { parse as parseYaml } from 'yaml';
import { cloudformation, SSM_IMAGE_TYPE } from '../../../../src/output/iac/cloudformation.js';
import type { IacInput } from '../../../../src/output/iac/types.js';
import { AmiFindError } from '../../../../src/errors.js';
import { HOSTILE, presetInputs } from './support.js';

function input(over: Partial<IacInput> = {}): IacInput {
  return { query: { owners: ['123456789012'] }, selection: { latest: 1 }, description: 'test images', label: 'web', command: 'ami-find x', ...over };
}

const both = (i: IacInput) => [parseYaml(cloudformation(i, 'yaml')), JSON.parse(cloudformation(i, 'json'))];

function refusal(fn: () => unknown): AmiFindError {
  try { fn(); } catch (err) { if (err instanceof AmiFindError) return err; throw err; }
  throw new Error('expected a refusal');
}

describe('cloudformation with the SSM parameter', () => {
  test('when every preset with an SSM parameter is written then YAML and JSON parse to a parameter defaulting to it', () => {
    const withSsm = presetInputs(1).filter((i) => i.ssmParameter !== undefined);
    expect(withSsm.length).toBeGreaterThan(10);
    for (const i of withSsm) {
      for (const doc of both(i)) {
        const params = Object.entries(doc.Parameters as Record<string, { Type: string; Default: string; Description: string }>);
        expect(params).toHaveLength(1);
        const [id, p] = params[0]!;
        expect(id).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        expect([p.Type, p.Default, p.Description]).toEqual([SSM_IMAGE_TYPE, i.ssmParameter, i.description]);
      }
    }
  });
  test('when the parameter name and description are hostile then both syntaxes round-trip them', () => {
    for (const h of HOSTILE) {
      for (const doc of both(input({ ssmParameter: `/x/${h}`, description: h, label: h }))) {
        const [[id, p]] = Object.entries(doc.Parameters as Record<string, { Default: string; Description: string }>);
        expect(id).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        expect([p!.Default, p!.Description]).toEqual([`/x/${h}`, h]);
      }
    }
  });
});

describe('cloudformation, pinned', () => {
  test('when one image in the current region is pinned then Mappings holds it under the region', () => {
    for (const doc of both(input({ region: 'eu-west-1', pin: { images: [{ id: 'ami-0000000a', name: 'n' }], one: true } }))) {
      expect(doc.Mappings).toEqual({ WebAmi: { 'eu-west-1': { ImageId: 'ami-0000000a' } } });
    }
  });
  test('when images carry regions then each region has its image', () => {
    const images = [{ id: 'ami-0000000a', region: 'us-east-1', name: HOSTILE.join('|') }, { id: 'ami-0000000b', region: 'eu-west-1' }];
    for (const doc of both(input({ pin: { images, one: true } }))) {
      expect(doc.Mappings.WebAmi).toEqual({ 'us-east-1': { ImageId: 'ami-0000000a' }, 'eu-west-1': { ImageId: 'ami-0000000b' } });
    }
  });
  test('when the JSON is written then its notes and command are in Metadata', () => {
    const doc = JSON.parse(cloudformation(input({ region: 'eu-west-1', pin: { images: [{ id: 'ami-0000000a' }], one: true } }), 'json'));
    expect(doc.Metadata.AmiFind.Reproduce).toBe('ami-find x');
    expect(doc.Metadata.AmiFind.Notes.join('\n')).toContain('!FindInMap [WebAmi, !Ref "AWS::Region", ImageId]');
  });
});

test('when the publisher\'s SSM parameter is known but not written then the pinned map says it exists', () => {
  const text = cloudformation(input({ region: 'eu-west-1', knownSsmParameter: '/aws/service/x', pin: { images: [{ id: 'ami-0000000a' }], one: true } }));
  expect(parseYaml(text).Parameters).toBeUndefined();
  expect(text).toContain("# Note: the publisher's SSM parameter /aws/service/x follows new releases");
});

describe('cloudformation refusals', () => {
  test.each([
    ['a query', {}],
    ['a list', { region: 'eu-west-1', pin: { images: [{ id: 'ami-0000000a' }, { id: 'ami-0000000b' }], one: false } }],
    ['without a region', { pin: { images: [{ id: 'ami-0000000a' }], one: true } }],
  ])('when given %s then it is refused with E_IAC_UNSUPPORTED', (_what, over) => {
    const err = refusal(() => cloudformation(input(over)));
    expect([err.code, err.exitCode]).toEqual(['E_IAC_UNSUPPORTED', 2]);
  });
});
