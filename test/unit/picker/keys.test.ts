import { parseKeys } from '../../../src/ui/picker/keys.js';

describe('parseKeys', () => {
  test('when arrows, Enter, Tab and Backspace arrive then each becomes its key', () => {
    expect(parseKeys('\x1b[A\x1b[B\x1bOC\x1b[D\r\t\x7f').map((k) => k.name))
      .toEqual(['up', 'down', 'right', 'left', 'enter', 'tab', 'backspace']);
  });
  test('when a lone ESC arrives (also before another sequence) then it is the Esc key', () => {
    expect(parseKeys('\x1b').map((k) => k.name)).toEqual(['escape']);
    expect(parseKeys('\x1b\x1b[B').map((k) => k.name)).toEqual(['escape', 'down']);
  });
  test('when text is pasted then every character is a char key, including non-ASCII', () => {
    expect(parseKeys('nöble 🙂').map((k) => k.ch)).toEqual(['n', 'ö', 'b', 'l', 'e', ' ', '🙂']);
  });
  test('when Ctrl-C, Ctrl-U, PageUp/PageDown/Home/End arrive then they are named', () => {
    expect(parseKeys('\x03\x15\x1b[5~\x1b[6~\x1b[H\x1b[4~').map((k) => k.name))
      .toEqual(['ctrl-c', 'ctrl-u', 'pageup', 'pagedown', 'home', 'end']);
  });
  test('when an unknown escape sequence arrives then it is dropped, not typed', () => {
    expect(parseKeys('\x1b[15~x')).toEqual([{ name: 'char', ch: 'x' }]);
  });
});
