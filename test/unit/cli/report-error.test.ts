import { usageError } from '../../../src/errors.js';
import { ListingStopped, reportError } from '../../../src/cli/report-error.js';
import { testIo } from './fake-io.js';

describe('reportError', () => {
  test('when a listing is stopped by SIGTERM then the line, the resume hint and 143', async () => {
    const io = testIo();
    expect(await reportError(new ListingStopped('SIGTERM', undefined, 'tok'), io, false)).toBe(143);
    expect(io.err.text).toBe('ami-find: interrupted (SIGTERM)\nhint: resume with: --starting-token tok\n');
  });
  test('when a listing fails then the error, its hint, then the resume hint, with the error\'s exit code', async () => {
    const io = testIo();
    const failure = usageError('bad thing', 'do better');
    expect(await reportError(new ListingStopped(undefined, failure, 'tok'), io, false)).toBe(2);
    expect(io.err.text).toBe('ami-find: bad thing\nhint: do better\nhint: resume with: --starting-token tok\n');
  });
  test('when a listing stops without a token then no resume hint', async () => {
    const io = testIo();
    expect(await reportError(new ListingStopped('SIGINT', undefined, undefined), io, false)).toBe(130);
    expect(io.err.text).toBe('ami-find: interrupted\n');
  });
});
