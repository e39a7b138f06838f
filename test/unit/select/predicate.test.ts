import { describe, expect, test } from '@jest/globals';
import { imagePredicate } from '../../../src/select/predicate.js';
import { AmiFindError } from '../../../src/errors.js';
import type { Image } from '../../../src/types.js';

const a: Image = { ImageId: 'ami-1', Name: 'ubuntu-noble-24.04-arm64-server-20250115', CreationDate: '2025-01-15T10:00:00.000Z' };
const b: Image = { ImageId: 'ami-2', Name: 'ubuntu-jammy-22.04-amd64-server-20240101', CreationDate: '2024-01-01T00:00:00.000Z' };
const nameless: Image = { ImageId: 'ami-3', CreationDate: '2025-01-15T10:00:00.000Z' };
const undated: Image = { ImageId: 'ami-4', Name: 'ubuntu-noble-24.04-arm64-server-x' };

describe('imagePredicate', () => {
  test('when no criteria then every image matches', () => {
    const p = imagePredicate({});
    expect([a, b, nameless, undated].every(p)).toBe(true);
  });
  test('when a name regex is given then only matching names pass, nameless images fail', () => {
    const p = imagePredicate({ nameRegex: '-24\\.04-arm64-' });
    expect([a, b, nameless, undated].map(p)).toEqual([true, false, false, true]);
  });
  test('when the regex is invalid then E_BAD_REGEX exit 2', () => {
    let err: unknown;
    try { imagePredicate({ nameRegex: 'ubuntu-(' }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AmiFindError);
    expect([(err as AmiFindError).code, (err as AmiFindError).exitCode]).toEqual(['E_BAD_REGEX', 2]);
  });
  test('when created-after is given then the bound is inclusive and undated images fail', () => {
    const p = imagePredicate({ createdAfter: new Date('2025-01-15T10:00:00.000Z') });
    expect([a, b, undated].map(p)).toEqual([true, false, false]);
  });
  test('when created-before is given then the bound is exclusive', () => {
    const p = imagePredicate({ createdBefore: new Date('2025-01-15T10:00:00.000Z') });
    expect([a, b].map(p)).toEqual([false, true]);
  });
  test('when both bounds and a regex are given then all must hold', () => {
    const p = imagePredicate({ nameRegex: '^ubuntu', createdAfter: new Date('2023-06-01'), createdBefore: new Date('2024-06-01') });
    expect([a, b].map(p)).toEqual([false, true]);
  });
});
