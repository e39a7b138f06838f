import { colorLevel, makeColor } from '../../../src/ui/color.js';

describe('colour gate', () => {
  const tty = { flag: true, isTTY: true };
  test.each([
    ['a terminal and nothing set', tty, 1],
    ['no terminal', { flag: true, isTTY: false }, 0],
    ['--no-color on a terminal', { ...tty, flag: false }, 0],
    ['--no-color with FORCE_COLOR', { flag: false, isTTY: true, forceColor: '3' }, 0],
    ['NO_COLOR on a terminal', { ...tty, noColor: '1' }, 0],
    ['NO_COLOR empty (treated as unset, per no-color.org)', { ...tty, noColor: '' }, 1],
    ['NO_COLOR with FORCE_COLOR (NO_COLOR wins, as in commander)', { ...tty, noColor: '1', forceColor: '1' }, 0],
    ['FORCE_COLOR=1 without a terminal', { flag: true, isTTY: false, forceColor: '1' }, 1],
    ['FORCE_COLOR=3 without a terminal', { flag: true, isTTY: false, forceColor: '3' }, 3],
    ['FORCE_COLOR=0 on a terminal', { ...tty, forceColor: '0' }, 0],
    ['FORCE_COLOR=false on a terminal', { ...tty, forceColor: 'false' }, 0],
  ] as const)('when %s then the level is %i', (_what, inputs, level) => {
    expect(colorLevel(inputs)).toBe(level);
  });
  test('when the level is 0 then the chalk instance returns text unchanged', () => {
    expect(makeColor({ flag: true, isTTY: false }).red('x')).toBe('x');
  });
  test('when colour is forced then the chalk instance emits ANSI escapes', () => {
    expect(makeColor({ flag: true, isTTY: false, forceColor: '1' }).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
