import { describe, expect, test } from '@jest/globals';
import { buildQuery, mergeFilters } from '../../../src/query/build-query.js';
import { AmiFindError } from '../../../src/errors.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AmiFindError ? `${err.code}/${err.exitCode}` : 'not-AmiFindError';
  }
  return undefined;
}

const UBUNTU = { owners: ['099720109477'], filters: [
  { Name: 'name', Values: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*'] },
  { Name: 'architecture', Values: ['x86_64'] },
] };

describe('buildQuery', () => {
  test('when nothing is given then an empty query and no warnings', () => {
    expect(buildQuery({})).toEqual({ query: {}, warnings: [] });
  });
  test('when --filter and --name name the same filter then one filter with both values', () => {
    const { query } = buildQuery({ filters: ['name=a*'], name: ['b*'] });
    expect(query.filters).toEqual([{ Name: 'name', Values: ['a*', 'b*'] }]);
  });
  test('when --tag repeats a key then the values OR in one tag filter', () => {
    const { query } = buildQuery({ tag: ['Env=a', 'Env=b', 'Team'] });
    expect(query.filters).toEqual([{ Name: 'tag:Env', Values: ['a', 'b'] }, { Name: 'tag-key', Values: ['Team'] }]);
  });
  test('when a preset is given then its owners and filters are used', () => {
    const { query } = buildQuery({}, UBUNTU);
    expect(query.owners).toEqual(['099720109477']);
    expect(query.filters).toEqual(UBUNTU.filters);
  });
  test('when a user filter has the preset filter name then the user filter replaces it', () => {
    const { query } = buildQuery({ arch: 'arm64' }, UBUNTU);
    expect(query.filters?.filter((f) => f.Name === 'architecture')).toEqual([{ Name: 'architecture', Values: ['arm64'] }]);
    expect(query.filters?.some((f) => f.Name === 'name')).toBe(true);
  });
  test('when --owner is given with a preset then the user owners replace the preset owners', () => {
    expect(buildQuery({ owners: ['513442679011'] }, UBUNTU).query.owners).toEqual(['513442679011']);
  });
  test('when owners have spaces, duplicates and empty pieces then they are cleaned', () => {
    expect(buildQuery({ owners: [' self', 'self', '', 'amazon'] }).query.owners).toEqual(['self', 'amazon']);
  });
  test('when an owner is neither 12 digits nor an alias then E_BAD_OWNER exit 2', () => {
    expect(codeOf(() => buildQuery({ owners: ['12345'] }))).toBe('E_BAD_OWNER/2');
    expect(codeOf(() => buildQuery({ owners: ['canonical'] }))).toBe('E_BAD_OWNER/2');
  });
  test('when an owner alias is misspelt then the message suggests the alias', () => {
    let msg = '';
    try { buildQuery({ owners: ['amazn'] }); } catch (e) { msg = (e as Error).message; }
    expect(msg).toContain("did you mean 'amazon'");
  });
  test('when image IDs have 8 or 17 hex digits then they pass', () => {
    expect(buildQuery({ imageIds: ['ami-0123abcd', 'ami-0123456789abcdef0'] }).query.imageIds).toHaveLength(2);
    // Kernel and ramdisk images, which DescribeImages lists too, have aki- and ari- IDs.
    expect(buildQuery({ imageIds: ['aki-0123abcd', 'ari-0123456789abcdef0'] }).query.imageIds).toHaveLength(2);
  });
  test('when an image ID is malformed then E_BAD_IMAGE_ID exit 2', () => {
    for (const bad of ['ami-123', 'ami-0123456789ABCDEF0', 'snap-0123abcd', 'ami-0123abcdx', 'axi-0123abcd']) {
      expect(codeOf(() => buildQuery({ imageIds: [bad] }))).toBe('E_BAD_IMAGE_ID/2');
    }
  });
  test('when executable users are all, self or an account then they pass', () => {
    expect(buildQuery({ executableUsers: ['all', 'self', '123456789012'] }).query.executableUsers).toHaveLength(3);
  });
  test('when an executable user is invalid then E_BAD_EXECUTABLE_USER exit 2', () => {
    expect(codeOf(() => buildQuery({ executableUsers: ['everyone'] }))).toBe('E_BAD_EXECUTABLE_USER/2');
  });
  test('when a filter name is unknown then E_UNKNOWN_FILTER exit 2', () => {
    expect(codeOf(() => buildQuery({ filters: ['nmae=x'] }))).toBe('E_UNKNOWN_FILTER/2');
  });
  test('when an enumerated value is unknown then a warning, not an error', () => {
    const { query, warnings } = buildQuery({ filters: ['virtualization-type=pv'] });
    expect(query.filters).toEqual([{ Name: 'virtualization-type', Values: ['pv'] }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("did you mean 'paravirtual'");
  });
  test('when only available images are wanted (--latest) then state=available is added, unless a filter names state', () => {
    expect(buildQuery({ owners: ['self'], availableOnly: true }).query.filters).toEqual([{ Name: 'state', Values: ['available'] }]);
    expect(buildQuery({ owners: ['self'], filters: ['state=pending'], availableOnly: true }).query.filters).toEqual([{ Name: 'state', Values: ['pending'] }]);
    expect(buildQuery({ owners: ['self'] }).query.filters).toBeUndefined();
  });
  test('when boolean flags are false or absent then they are left unset', () => {
    expect(buildQuery({ includeDeprecated: false, dryRun: undefined }).query).toEqual({});
  });
  test('when boolean flags are true then they are set', () => {
    expect(buildQuery({ includeDeprecated: true, includeDisabled: true, dryRun: true }).query)
      .toEqual({ includeDeprecated: true, includeDisabled: true, dryRun: true });
  });
});

describe('mergeFilters', () => {
  test('when names repeat then values merge in order without duplicates', () => {
    expect(mergeFilters([
      { Name: 'a', Values: ['1', '2'] }, { Name: 'b', Values: ['x'] }, { Name: 'a', Values: ['2', '3'] },
    ])).toEqual([{ Name: 'a', Values: ['1', '2', '3'] }, { Name: 'b', Values: ['x'] }]);
  });
});
