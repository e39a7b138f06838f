/** Quoting of generated text for each shell, so static data can never become code. */

const SAFE_WORD = /^[A-Za-z0-9_.:/@%+-]+$/;

/** A POSIX shell word (bash, zsh) that stands for `s` literally: bare when harmless, else single-quoted. */
export function shWord(s: string): string {
  return SAFE_WORD.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A fish word that stands for `s` literally: fish single quotes escape only `\` and `'`. */
export function fishWord(s: string): string {
  return SAFE_WORD.test(s) ? s : `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** Escape text for a zsh `_arguments`/`_describe` field: `\`, `:`, `[` and `]` are syntax there. */
export function zshSpecText(s: string): string {
  return s.replace(/[\\:[\]]/g, (c) => `\\${c}`);
}

/** The generated-file header for `shell`, in that shell's comment syntax. */
export function generatedHeader(shell: string): string {
  return [
    `# ${shell} completion for ami-find.`,
    '# Generated from src/cli/options.ts by scripts/completion (`npm run completions`): do not edit.',
  ].join('\n');
}
