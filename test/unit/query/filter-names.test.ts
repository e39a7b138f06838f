import { describe, expect, test } from '@jest/globals';
import { assertKnownFilterName, checkFilterValues } from '../../../src/query/filter-names.js';
import { AmiFindError } from '../../../src/errors.js';

function errorOf(fn: () => unknown): AmiFindError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AmiFindError) return err;
    throw err;
  }
  throw new Error('expected an AmiFindError');
}

describe('assertKnownFilterName', () => {
  test('when the name is a DescribeImages filter then it passes', () => {
    expect(() => assertKnownFilterName('public-ssm-parameter-name')).not.toThrow();
    expect(() => assertKnownFilterName('tag-key')).not.toThrow();
  });
  test('when the name is tag:<any key> then it passes', () => {
    expect(() => assertKnownFilterName('tag:aws:cloudformation:stack-name')).not.toThrow();
    expect(() => assertKnownFilterName('tag:Env Name')).not.toThrow();
  });
  test('when the name has a typo then E_UNKNOWN_FILTER exit 2 with a suggestion', () => {
    const err = errorOf(() => assertKnownFilterName('archtecture'));
    expect([err.code, err.exitCode]).toEqual(['E_UNKNOWN_FILTER', 2]);
    expect(err.message).toContain("did you mean 'architecture'");
  });
  test('when the name is tag: with no key then E_UNKNOWN_FILTER', () => {
    expect(errorOf(() => assertKnownFilterName('tag:')).code).toBe('E_UNKNOWN_FILTER');
  });
  test('when the tag prefix has the wrong case then the suggestion keeps the key', () => {
    const err = errorOf(() => assertKnownFilterName('Tag:Env'));
    expect(err.code).toBe('E_UNKNOWN_FILTER');
    expect(err.message).toContain("did you mean 'tag:Env'");
  });
  test('when tag-value (not a DescribeImages filter) is used then it is refused', () => {
    expect(errorOf(() => assertKnownFilterName('tag-value')).code).toBe('E_UNKNOWN_FILTER');
  });
});

describe('checkFilterValues', () => {
  test('when enumerated values are valid then no warning', () => {
    expect(checkFilterValues({ Name: 'architecture', Values: ['arm64', 'x86_64'] })).toEqual([]);
  });
  test('when a value has a wildcard then it is not checked', () => {
    expect(checkFilterValues({ Name: 'architecture', Values: ['arm*', 'x86_6?'] })).toEqual([]);
  });
  test('when amd64 is given then the warning suggests x86_64, not arm64', () => {
    const [w] = checkFilterValues({ Name: 'architecture', Values: ['amd64'] });
    expect(w).toContain("did you mean 'x86_64'");
  });
  test('when a boolean has the wrong case then the warning suggests the lower-case value', () => {
    const [w] = checkFilterValues({ Name: 'is-public', Values: ['True'] });
    expect(w).toContain("did you mean 'true'");
  });
  test('when the filter has no enumerated values then no warning', () => {
    expect(checkFilterValues({ Name: 'name', Values: ['anything'] })).toEqual([]);
    expect(checkFilterValues({ Name: 'tag:Env', Values: ['x'] })).toEqual([]);
  });
  test('when two values are unknown then one warning each', () => {
    expect(checkFilterValues({ Name: 'state', Values: ['availble', 'gone', 'pending'] })).toHaveLength(2);
  });
});

describe('checkFilterValues escapes', () => {
  test('when a value uses \\*, \\? or \\\\ then no warning', () => {
    expect(checkFilterValues({ Name: 'name', Values: ['\\*amazon\\?\\\\'] })).toEqual([]);
  });
  test('when a value uses an escape EC2 rejects such as \\d then a warning naming it', () => {
    const warnings = checkFilterValues({ Name: 'name', Values: ['ubuntu-\\d+'] });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("'\\d'");
  });
  test('when a value ends in a lone backslash then a warning', () => {
    expect(checkFilterValues({ Name: 'description', Values: ['x\\'] })).toHaveLength(1);
  });
});
