import { describe, expect, test } from '@jest/globals';
import { COLUMNS, COLUMN_IDS, TABLE_COLUMNS, WIDE_COLUMNS, isDeprecated, parseColumns } from '../../../src/output/columns.js';
import { relativeAge } from '../../../src/output/age.js';
import { AmiFindError } from '../../../src/errors.js';
import { BARE, NOW, OLD, UBUNTU } from './fixtures.js';

function errorOf(fn: () => unknown): AmiFindError {
  try { fn(); } catch (err) { if (err instanceof AmiFindError) return err; throw err; }
  throw new Error('expected an AmiFindError');
}

describe('columns', () => {
  test('when the spec is read then every column id has a header and a value', () => {
    expect(Object.keys(COLUMNS).sort()).toEqual([...COLUMN_IDS].sort());
  });
  test('when table and wide columns are read then they are known ids and wide includes table', () => {
    for (const c of TABLE_COLUMNS) expect(WIDE_COLUMNS).toContain(c);
  });
  test('when an image lacks a field then its value is empty', () => {
    for (const id of COLUMN_IDS) expect(COLUMNS[id].value(BARE)).toBe(id === 'id' ? 'ami-0bbbbbbb' : '');
  });
  test('when booleans are read then they print as true/false', () => {
    expect(COLUMNS.public.value(UBUNTU)).toBe('true');
  });
});

describe('parseColumns', () => {
  test('when known ids are given then they come back in order', () => {
    expect(parseColumns('name, id,created')).toEqual(['name', 'id', 'created']);
  });
  test('when an id is misspelt then E_BAD_COLUMN exit 2 with a suggestion', () => {
    const err = errorOf(() => parseColumns('id,nmae'));
    expect([err.code, err.exitCode]).toEqual(['E_BAD_COLUMN', 2]);
    expect(err.message).toContain("did you mean 'name'");
  });
  test('when the list is empty then E_BAD_COLUMN', () => {
    expect(errorOf(() => parseColumns(' , ')).code).toBe('E_BAD_COLUMN');
  });
});

describe('isDeprecated and relativeAge', () => {
  test('when the deprecation time has passed then deprecated', () => {
    expect([isDeprecated(OLD, NOW), isDeprecated(UBUNTU, NOW), isDeprecated(BARE, NOW)]).toEqual([true, false, false]);
  });
  test('when times are past or future then "ago" or "in"', () => {
    const now = NOW.getTime();
    expect(relativeAge(now - 30_000, now)).toBe('just now');
    expect(relativeAge(now - 5 * 60_000, now)).toBe('5m ago');
    expect(relativeAge(now - 5 * 3_600_000, now)).toBe('5h ago');
    expect(relativeAge(now - 10 * 86_400_000, now)).toBe('10d ago');
    expect(relativeAge(now - 100 * 86_400_000, now)).toBe('3mo ago');
    expect(relativeAge(now - 800 * 86_400_000, now)).toBe('2y ago');
    expect(relativeAge(now + 20 * 86_400_000, now)).toBe('in 20d');
  });
});
