import { describe, expect, test } from '@jest/globals';
import { shortcutFilters, tagFilter } from '../../../src/query/shortcuts.js';
import { AmiFindError } from '../../../src/errors.js';

describe('shortcutFilters', () => {
  test('when --name is repeated then one name filter holds every glob', () => {
    expect(shortcutFilters({ name: ['a*', 'b*'] })).toEqual([{ Name: 'name', Values: ['a*', 'b*'] }]);
  });
  test('when --arch is given then an architecture filter', () => {
    expect(shortcutFilters({ arch: 'arm64' })).toEqual([{ Name: 'architecture', Values: ['arm64'] }]);
  });
  test('when no shortcut is given then no filters', () => {
    expect(shortcutFilters({})).toEqual([]);
    expect(shortcutFilters({ name: [] })).toEqual([]);
  });
  test('when all are given then name, architecture, tags in that order', () => {
    expect(shortcutFilters({ tag: ['Env=prod'], arch: 'x86_64', name: ['n'] }).map((f) => f.Name))
      .toEqual(['name', 'architecture', 'tag:Env']);
  });
});

describe('tagFilter', () => {
  test('when KEY=VALUE then tag:KEY with VALUE', () => {
    expect(tagFilter('Env=prod')).toEqual({ Name: 'tag:Env', Values: ['prod'] });
  });
  test('when KEY alone then tag-key with KEY', () => {
    expect(tagFilter('Env')).toEqual({ Name: 'tag-key', Values: ['Env'] });
  });
  test('when the value contains = then only the first = splits', () => {
    expect(tagFilter('Expr=a=b')).toEqual({ Name: 'tag:Expr', Values: ['a=b'] });
  });
  test('when KEY= then the tag value is empty', () => {
    expect(tagFilter('Env=')).toEqual({ Name: 'tag:Env', Values: [''] });
  });
  test('when the key is empty then E_BAD_TAG exit 2', () => {
    let err: unknown;
    try { tagFilter('=prod'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AmiFindError);
    expect([(err as AmiFindError).code, (err as AmiFindError).exitCode]).toEqual(['E_BAD_TAG', 2]);
  });
});
