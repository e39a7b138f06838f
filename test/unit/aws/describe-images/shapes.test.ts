/** The fast parser's shape table must match the installed SDK's schema: names, element names, kinds and order. */
import { describe, expect, test } from '@jest/globals';
import { DescribeImagesResult$ } from '@aws-sdk/client-ec2';
// The SDK's own schema reader (a dependency of @aws-sdk/client-ec2), used here only to walk the schema.
import { NormalizedSchema } from '@smithy/core/schema';
import { DESCRIBE_IMAGES_RESULT_SHAPE, type StructShape } from '../../../../src/aws/describe-images/shapes.js';

interface Node { name: string; xmlName: string; kind: string; members?: Node[] }
type Tree = Node[];

function kindOf(ns: NormalizedSchema): string {
  if (ns.isStructSchema()) return 'struct';
  if (ns.isListSchema()) return 'list';
  if (ns.isTimestampSchema()) return 'timestamp';
  if (ns.isBooleanSchema()) return 'boolean';
  if (ns.isNumericSchema()) return 'integer';
  if (ns.isStringSchema()) return 'string';
  return `unsupported:${ns.getName(true)}`;
}

function fromSdk(schema: NormalizedSchema): Tree {
  return [...schema.structIterator()].map(([name, member]) => {
    const kind = kindOf(member);
    const xmlName = member.getMemberTraits().xmlName ?? name;
    if (kind === 'struct') return { name, xmlName, kind, members: fromSdk(member) };
    if (kind === 'list') {
      const item = member.getValueSchema();
      expect(item.getMergedTraits().xmlName).toBe('item');
      return { name, xmlName, kind, members: fromSdk(item) };
    }
    return { name, xmlName, kind };
  });
}

function fromTable(shape: StructShape): Tree {
  return shape.members.map((m) => ({ name: m.name, xmlName: m.xmlName, kind: m.kind, ...(m.shape ? { members: fromTable(m.shape) } : {}) }));
}

describe('fast parser shape table', () => {
  test('when compared with the SDK schema for DescribeImagesResult then every member, element name, kind and order matches', () => {
    expect(fromTable(DESCRIBE_IMAGES_RESULT_SHAPE)).toEqual(fromSdk(NormalizedSchema.of(DescribeImagesResult$)));
  });

  test('when a structure is built then its keys follow schema order and skip undefined', () => {
    const image = DESCRIBE_IMAGES_RESULT_SHAPE.members[1]!.shape!;
    const slots = image.members.map((m, i) => (i % 3 === 0 ? undefined : m.name));
    expect(Object.keys(image.build(slots))).toEqual(image.members.map((m) => m.name).filter((_n, i) => i % 3 !== 0));
  });
});
