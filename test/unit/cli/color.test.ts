import { testIo } from './fake-io.js';

describe('colour gate', () => {
  test.each([
    ['a terminal and nothing set', true, true, {}, 1],
    ['no terminal', true, false, {}, 0],
    ['--no-color on a terminal', false, true, {}, 0],
    ['--no-color with FORCE_COLOR', false, true, { FORCE_COLOR: '3' }, 0],
    ['NO_COLOR on a terminal', true, true, { NO_COLOR: '1' }, 0],
    ['NO_COLOR empty (treated as unset, per no-color.org)', true, true, { NO_COLOR: '' }, 1],
    ['NO_COLOR with FORCE_COLOR (NO_COLOR wins, as in commander)', true, true, { NO_COLOR: '1', FORCE_COLOR: '1' }, 0],
    ['FORCE_COLOR=1 without a terminal', true, false, { FORCE_COLOR: '1' }, 1],
    ['FORCE_COLOR=2 without a terminal', true, false, { FORCE_COLOR: '2' }, 2],
    ['FORCE_COLOR=3 without a terminal', true, false, { FORCE_COLOR: '3' }, 3],
    ['FORCE_COLOR=0 on a terminal', true, true, { FORCE_COLOR: '0' }, 0],
    ['FORCE_COLOR=false on a terminal', true, true, { FORCE_COLOR: 'false' }, 0],
  ] as const)('when %s then the level is %i', (_what, flag, isTTY, env, level) => {
    expect(testIo({ tty: { stdout: isTTY }, env }).colorLevel(flag, 'stdout')).toBe(level);
  });
  test('when only stderr is a terminal then the gate opens for stderr, not stdout', () => {
    const io = testIo({ tty: { stderr: true } });
    expect([io.colorLevel(true, 'stdout'), io.colorLevel(true, 'stderr')]).toEqual([0, 1]);
  });
  test('when the level is 0 then the theme returns text unchanged', async () => {
    expect((await testIo().theme(true, 'stdout')).warn('x')).toBe('x');
  });
  test('when colour is forced then the theme emits ANSI escapes', async () => {
    expect((await testIo({ env: { FORCE_COLOR: '1' } }).theme(true, 'stdout')).warn('x')).toBe('\u001b[33mx\u001b[39m');
  });
});
