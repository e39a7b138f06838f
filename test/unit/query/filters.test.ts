import { describe, expect, test } from '@jest/globals';
import { parseFilterArg, parseFilterArgs } from '../../../src/query/filters.js';
import { AmiFindError } from '../../../src/errors.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AmiFindError ? `${err.code}/${err.exitCode}` : 'not-AmiFindError';
  }
  return undefined;
}

describe('parseFilterArg short form', () => {
  test('when name=v1,v2 then one filter with two values', () => {
    expect(parseFilterArg('name=ubuntu*,debian-12-*')).toEqual({ Name: 'name', Values: ['ubuntu*', 'debian-12-*'] });
  });
  test('when a value has \\, then it holds a literal comma', () => {
    expect(parseFilterArg('description=a\\,b,c')).toEqual({ Name: 'description', Values: ['a,b', 'c'] });
  });
  test('when EC2 escapes \\* \\? \\\\ are given then they pass through untouched', () => {
    expect(parseFilterArg('name=\\*amazon\\?\\\\')).toEqual({ Name: 'name', Values: ['\\*amazon\\?\\\\'] });
  });
  test('when \\\\ precedes a comma then the comma still separates values', () => {
    expect(parseFilterArg('name=a\\\\,b')).toEqual({ Name: 'name', Values: ['a\\\\', 'b'] });
  });
  test('when the value contains = then only the first = splits name from values', () => {
    expect(parseFilterArg('tag:Expr=a=b')).toEqual({ Name: 'tag:Expr', Values: ['a=b'] });
  });
  test('when the tag key contains \\= then it is a literal = in the name', () => {
    expect(parseFilterArg('tag:a\\=b=c')).toEqual({ Name: 'tag:a=b', Values: ['c'] });
  });
  test('when quotes appear in a short-form value then they are kept literally', () => {
    expect(parseFilterArg("name='a,b'")).toEqual({ Name: 'name', Values: ["'a", "b'"] });
  });
  test('when lower-case name= is given then it is the name filter, not the shorthand', () => {
    expect(parseFilterArg('name=Name=x')).toEqual({ Name: 'name', Values: ['Name=x'] });
  });
  test('when there is no = then E_BAD_FILTER exit 2', () => {
    expect(codeOf(() => parseFilterArg('architecture'))).toBe('E_BAD_FILTER/2');
  });
  test('when the name is empty then E_BAD_FILTER', () => {
    expect(codeOf(() => parseFilterArg('=x'))).toBe('E_BAD_FILTER/2');
  });
  test('when the value is empty then the filter has one empty value', () => {
    expect(parseFilterArg('tag:Env=')).toEqual({ Name: 'tag:Env', Values: [''] });
  });
});

describe('parseFilterArg AWS CLI shorthand', () => {
  test('when Name=...,Values=a,b then one filter with both values', () => {
    expect(parseFilterArg('Name=name,Values=al2023-*,amzn2-*')).toEqual({ Name: 'name', Values: ['al2023-*', 'amzn2-*'] });
  });
  test('when Values come before Name then the order does not matter', () => {
    expect(parseFilterArg('Values=arm64,x86_64,Name=architecture')).toEqual({ Name: 'architecture', Values: ['arm64', 'x86_64'] });
  });
  test('when Values=[a,b] then the brackets are stripped', () => {
    expect(parseFilterArg('Name=state,Values=[available,pending]')).toEqual({ Name: 'state', Values: ['available', 'pending'] });
  });
  test('when a value is double-quoted then commas inside it are literal', () => {
    expect(parseFilterArg('Name=description,Values="a, b",c')).toEqual({ Name: 'description', Values: ['a, b', 'c'] });
  });
  test('when a value has \\, then it holds a literal comma', () => {
    expect(parseFilterArg('Name=description,Values=a\\,b')).toEqual({ Name: 'description', Values: ['a,b'] });
  });
  test('when Name is missing then E_BAD_FILTER', () => {
    expect(codeOf(() => parseFilterArg('Values=a'))).toBe('E_BAD_FILTER/2');
  });
  test('when Name is given twice then E_BAD_FILTER', () => {
    expect(codeOf(() => parseFilterArg('Name=a,Name=b,Values=c'))).toBe('E_BAD_FILTER/2');
  });
  test('when Name has two comma-separated values then E_BAD_FILTER', () => {
    expect(codeOf(() => parseFilterArg('Name=a,b,Values=c'))).toBe('E_BAD_FILTER/2');
  });
  test('when there is no Values then the filter has no values', () => {
    expect(parseFilterArg('Name=tag-key')).toEqual({ Name: 'tag-key', Values: [] });
  });
});

describe('parseFilterArg JSON form', () => {
  test('when a JSON object is given then it is the filter', () => {
    expect(parseFilterArg('{"Name": "name", "Values": ["a,b", "c"]}')).toEqual({ Name: 'name', Values: ['a,b', 'c'] });
  });
  test('when a JSON list is given then parseFilterArgs returns every filter', () => {
    expect(parseFilterArgs('[{"Name":"a","Values":["1"]},{"Name":"b","Values":["2"]}]')).toHaveLength(2);
  });
  test('when a JSON list of two goes to parseFilterArg then E_BAD_FILTER', () => {
    expect(codeOf(() => parseFilterArg('[{"Name":"a","Values":["1"]},{"Name":"b"}]'))).toBe('E_BAD_FILTER/2');
  });
  test('when the JSON is malformed then E_BAD_FILTER', () => {
    expect(codeOf(() => parseFilterArg('{"Name": '))).toBe('E_BAD_FILTER/2');
  });
  test('when Values holds a number then E_BAD_FILTER', () => {
    expect(codeOf(() => parseFilterArg('{"Name": "a", "Values": [1]}'))).toBe('E_BAD_FILTER/2');
  });
  test('when an unknown key is present then E_BAD_FILTER naming it', () => {
    let err: unknown;
    try { parseFilterArg('{"Name": "a", "Value": ["x"]}'); } catch (e) { err = e; }
    expect((err as AmiFindError).code).toBe('E_BAD_FILTER');
    expect((err as AmiFindError).message).toContain('"Value"');
  });
});
