/** Raw terminal input -> keys: a chunk may hold several (paste, tmux send-keys); a lone ESC is the Esc key. */

export type KeyName =
  | 'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'home' | 'end'
  | 'enter' | 'escape' | 'tab' | 'backtab' | 'backspace' | 'ctrl-c' | 'ctrl-u' | 'ctrl-r' | 'char';

/** A key; `ch` is the character typed, for `char`. */
export interface Key {
  name: KeyName;
  ch?: string;
}

const CSI_KEYS: Record<string, KeyName> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'backtab',
  '1~': 'home', '7~': 'home', '4~': 'end', '8~': 'end', '5~': 'pageup', '6~': 'pagedown',
};

const CONTROL_KEYS: Record<string, KeyName> = {
  '\r': 'enter', '\n': 'enter', '\t': 'tab', '\x7f': 'backspace', '\b': 'backspace',
  '\x03': 'ctrl-c', '\x15': 'ctrl-u', '\x12': 'ctrl-r', '\x10': 'up', '\x0e': 'down',
};

/** Split one chunk of raw terminal input into keys (unknown sequences are dropped). */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < data.length) {
    const c = data[i]!;
    if (c === '\x1b') {
      const next = data[i + 1];
      if (next === '[' || next === 'O') {
        let j = i + 2;
        while (j < data.length && !/[@-~]/.test(data[j]!)) j++;
        const body = data.slice(i + 2, j + 1).replace(/^1;\d+/, '');
        const name = CSI_KEYS[body];
        if (name) keys.push({ name });
        i = j + 1;
        continue;
      }
      keys.push({ name: 'escape' });
      i++;
      continue;
    }
    if (c === '\r' && data[i + 1] === '\n') i++;
    const control = CONTROL_KEYS[c];
    if (control) keys.push({ name: control });
    else if (c >= ' ') {
      const cp = data.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      keys.push({ name: 'char', ch });
      i += ch.length;
      continue;
    }
    i++;
  }
  return keys;
}
