import { describe, expect, test } from '@jest/globals';
import { editDistance, suggest } from '../../../src/query/suggest.js';
import { FILTER_NAMES } from '../../../src/query/vocabulary.js';

describe('editDistance', () => {
  test('when two adjacent letters are swapped then the distance is 1', () => {
    expect(editDistance('achitecture', 'architecture')).toBe(1);
    expect(editDistance('nmae', 'name')).toBe(1);
  });
  test('when the strings are equal then the distance is 0', () => {
    expect(editDistance('state', 'state')).toBe(0);
  });
  test('when one string is empty then the distance is the other length', () => {
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('suggest', () => {
  test('when a filter name has a typo then the closest name is suggested', () => {
    expect(suggest('archtecture', FILTER_NAMES)).toBe('architecture');
    expect(suggest('owner_id', FILTER_NAMES)).toBe('owner-id');
    expect(suggest('virtualisation-type', FILTER_NAMES)).toBe('virtualization-type');
  });
  test('when only case differs then the real spelling is suggested', () => {
    expect(suggest('Name', FILTER_NAMES)).toBe('name');
  });
  test('when the word is a unique prefix then that candidate is suggested', () => {
    expect(suggest('public-ssm', FILTER_NAMES)).toBe('public-ssm-parameter-name');
  });
  test('when nothing is close then undefined', () => {
    expect(suggest('flavour-of-the-month', FILTER_NAMES)).toBeUndefined();
    expect(suggest('', FILTER_NAMES)).toBeUndefined();
  });
});
