/** HCL text for Terraform and Packer: quoted strings that round-trip any value, identifiers, comments, aligned attributes. */
import { safeText } from '../safe-text.js';

/** Characters an HCL quoted string cannot hold literally, or that would hide what the text says (controls, bidi). */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * `s` as an HCL quoted template that evaluates to `s` exactly: `\` and `"` escaped, `${` and `%{` doubled
 * (`$${`, `%%{`) so they stay text, controls and format characters as `\n`, `\t`, `\uNNNN` or `\UNNNNNNNN`.
 */
export function hclString(s: string): string {
  const body = s
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\$\{/g, () => '$${') // a function: in a replacement string $$ means one $
    .replace(/%\{/g, '%%{')
    .replace(UNSAFE, (c) => {
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      const cp = c.codePointAt(0)!;
      return cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
    });
  return `"${body}"`;
}

/** A list of strings as an HCL tuple on one line. */
export function hclList(values: readonly string[]): string {
  return `[${values.map(hclString).join(', ')}]`;
}

/** A block or local name: lower-case letters, digits and underscores, starting with a letter. */
export function hclIdentifier(text: string): string {
  const id = text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60).replace(/_+$/, '');
  return /^[a-z]/.test(id) ? id : `ami_${id}`.replace(/_+$/, '');
}

/** `# ` comment lines; each text is one line with its controls escaped, so no value can end the comment. */
export function comments(lines: readonly string[], prefix = '# '): string {
  return lines.map((l) => `${prefix}${safeText(l)}`.trimEnd()).join('\n') + (lines.length ? '\n' : '');
}

/** `key = value` lines at `indent`, the equals signs aligned as `terraform fmt` aligns them. */
export function attributes(pairs: readonly (readonly [string, string])[], indent: string): string {
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}\n`).join('');
}
