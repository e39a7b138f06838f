import { AmiFindError, EXIT, EXIT_DESCRIPTIONS, usageError } from '../../src/errors.js';

describe('errors', () => {
  test('when codes are listed then each has one description and no two share a number', () => {
    const codes = Object.values(EXIT);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(EXIT_DESCRIPTIONS).map(Number).sort((a, b) => a - b)).toEqual([...codes].sort((a, b) => a - b));
  });
  test('when a usage error is made then it carries exit 2 and its code', () => {
    const e = usageError('bad', undefined, 'E_BAD_FLAG');
    expect(e).toBeInstanceOf(AmiFindError);
    expect(e.exitCode).toBe(2);
    expect(e.code).toBe('E_BAD_FLAG');
  });
});
