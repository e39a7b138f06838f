import { describe, expect, test } from '@jest/globals';
import { parseDateOrAge } from '../../../src/select/dates.js';
import { AmiFindError } from '../../../src/errors.js';
import { OPTIONS } from '../../../src/cli/options.js';

const NOW = new Date('2025-03-31T12:00:00.000Z');
const iso = (s: string) => parseDateOrAge(s, NOW).toISOString();

function errorOf(s: string): AmiFindError {
  try {
    parseDateOrAge(s, NOW);
  } catch (err) {
    if (err instanceof AmiFindError) return err;
    throw err;
  }
  throw new Error(`expected '${s}' to be refused`);
}

describe('parseDateOrAge', () => {
  test('when YYYY-MM-DD then midnight UTC', () => {
    expect(iso('2025-01-31')).toBe('2025-01-31T00:00:00.000Z');
  });
  test('when a full ISO timestamp with Z or an offset then that instant', () => {
    expect(iso('2025-01-31T12:34:56.789Z')).toBe('2025-01-31T12:34:56.000Z');
    expect(iso('2025-01-31T12:00:00+02:00')).toBe('2025-01-31T10:00:00.000Z');
  });
  test('when an ISO timestamp has no zone then it is read as UTC', () => {
    expect(iso('2025-01-31T08:15')).toBe('2025-01-31T08:15:00.000Z');
  });
  test('when an age in days, hours, weeks or minutes then that long before now', () => {
    expect(iso('30d')).toBe('2025-03-01T12:00:00.000Z');
    expect(iso('12h')).toBe('2025-03-31T00:00:00.000Z');
    expect(iso('2w')).toBe('2025-03-17T12:00:00.000Z');
    expect(iso('90min')).toBe('2025-03-31T10:30:00.000Z');
  });
  test('when an age in months or years then calendar arithmetic in UTC', () => {
    expect(iso('2mo')).toBe('2025-01-31T12:00:00.000Z');
    expect(iso('1y')).toBe('2024-03-31T12:00:00.000Z');
  });
  test('when the unit is upper-case then it is accepted', () => {
    expect(iso('30D')).toBe('2025-03-01T12:00:00.000Z');
  });
  test('when the age uses a bare m then E_BAD_DATE exit 2 (minutes or months?)', () => {
    const err = errorOf('90m');
    expect([err.code, err.exitCode]).toEqual(['E_BAD_DATE', 2]);
    expect(err.hint).toContain('90min');
  });
  test('when a number has no unit then E_BAD_DATE suggesting days', () => {
    const err = errorOf('30');
    expect(err.code).toBe('E_BAD_DATE');
    expect(err.hint).toContain('30d');
  });
  test('when the day does not exist then E_BAD_DATE', () => {
    expect(errorOf('2025-02-30').code).toBe('E_BAD_DATE');
    expect(errorOf('2025-13-01T00:00:00Z').code).toBe('E_BAD_DATE');
  });
  test('when an age reaches past the range of a date then E_BAD_DATE says out of range', () => {
    for (const s of ['99999999999d', '999999y', '9999999999999w']) {
      const err = errorOf(s);
      expect([err.code, err.exitCode]).toEqual(['E_BAD_DATE', 2]);
      expect(err.message).toMatch(/out of range/);
    }
    expect(iso('99000000d').startsWith('-')).toBe(true); // far, but still a date
  });
  test('when the text is neither date nor age then E_BAD_DATE', () => {
    for (const s of ['yesterday', '', '2025/01/31', '-5d']) expect(errorOf(s).code).toBe('E_BAD_DATE');
  });
});

describe('the age units in help', () => {
  // Every spelling a user might try; the parser accepts some of them.
  const CANDIDATES = ['s', 'sec', 'min', 'mins', 'm', 'h', 'hr', 'hours', 'd', 'day', 'days', 'w', 'wk', 'weeks', 'mo', 'mon', 'months', 'y', 'yr', 'years'];
  const accepted = CANDIDATES.filter((u) => { try { parseDateOrAge(`3${u}`, NOW); return true; } catch { return false; } });
  const help = (key: string) => OPTIONS.find((o) => o.key === key)!.description;

  test('when the parser accepts a unit then --created-after help shows it', () => {
    expect(accepted.length).toBeGreaterThan(0);
    const shown = [...help('createdAfter').matchAll(/\b\d+([a-z]+)\b/g)].map((m) => m[1]);
    expect([...shown].sort()).toEqual([...accepted].sort());
  });

  test('when an age has no unit then the hint names every accepted unit', () => {
    const hint = errorOf('30').hint ?? '';
    for (const u of accepted) expect(hint).toMatch(new RegExp(`\\d${u}\\b`));
  });
});
