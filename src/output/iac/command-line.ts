/** The ami-find command line that reproduces a snippet, quoted for a POSIX shell and safe inside a one-line comment. */

const BARE = /^[\w@%+=:,./-]+$/;
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** One argument for sh: bare when safe, '...' otherwise, $'...' (bash, zsh) when it holds controls or invisible characters. */
export function shellQuote(arg: string): string {
  if (BARE.test(arg)) return arg;
  if (!UNSAFE.test(arg)) return `'${arg.replace(/'/g, `'\\''`)}'`;
  const body = [...arg].map((c) => {
    if (c === '\\' || c === "'") return `\\${c}`;
    if (!UNSAFE.test(c)) return c;
    const cp = c.codePointAt(0)!;
    return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
  }).join('');
  return `$'${body}'`;
}

/** `ami-find` and its arguments as one shell line. */
export function commandLine(argv: readonly string[]): string {
  return ['ami-find', ...argv.map(shellQuote)].join(' ');
}
