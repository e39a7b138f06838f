/** POSIX shell quoting for printed command lines. */

const SAFE = /^[A-Za-z0-9_\-.,:/=@%+]+$/;

/** Quote one word for sh/bash/zsh: bare when safe, else single quotes (`'` written as `'\''`). */
export function shellQuote(word: string): string {
  if (SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Join words into one command line, each quoted as needed. */
export function shellJoin(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
