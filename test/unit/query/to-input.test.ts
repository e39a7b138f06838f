import { describe, expect, test } from '@jest/globals';
import { queryToInput } from '../../../src/query/to-input.js';

describe('queryToInput', () => {
  test('when the query is empty then the input is empty', () => {
    expect(queryToInput({})).toEqual({});
  });
  test('when lists are empty then they are omitted', () => {
    expect(queryToInput({ owners: [], imageIds: [], executableUsers: [], filters: [] })).toEqual({});
  });
  test('when every field is set then each maps to its SDK member', () => {
    expect(queryToInput({
      owners: ['self'], imageIds: ['ami-0123abcd'], executableUsers: ['all'],
      filters: [{ Name: 'name', Values: ['x*'] }], includeDeprecated: true, includeDisabled: false, dryRun: true,
    })).toEqual({
      Owners: ['self'], ImageIds: ['ami-0123abcd'], ExecutableUsers: ['all'],
      Filters: [{ Name: 'name', Values: ['x*'] }], IncludeDeprecated: true, IncludeDisabled: false, DryRun: true,
    });
  });
  test('when the input is changed then the query is not', () => {
    const q = { owners: ['self'] };
    queryToInput(q).Owners!.push('amazon');
    expect(q.owners).toEqual(['self']);
  });
});
