/**
 * Version-aware ordering of image names: digit runs compare as numbers, everything else as text.
 * So `...-20250115` > `...-20241201`, `sles-15-sp7` > `sles-15-sp6` (even when SP6 was rebuilt later,
 * packer-plugin-amazon#650), `2023.10.x` > `2023.6.x` and `9.10` > `9.4`: dotted parts are versions,
 * not decimal fractions. Pre-release words (`-rc1`, `-BETA`) get no special meaning.
 */

const RUNS = /\d+|\D+/g;

/** Compare two names version-aware; ascending (negative when a sorts first). 0 only for equal strings. */
export function compareVersionedNames(a: string, b: string): number {
  const ra = a.match(RUNS) ?? [];
  const rb = b.match(RUNS) ?? [];
  const n = Math.min(ra.length, rb.length);
  for (let i = 0; i < n; i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    if (x === y) continue;
    const c = isDigits(x) && isDigits(y) ? compareNumeric(x, y) : compareText(x, y);
    if (c !== 0) return c;
  }
  if (ra.length !== rb.length) return ra.length - rb.length;
  return compareText(a, b);
}

function isDigits(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Numbers of any length: strip leading zeros, longer is bigger, then digit by digit; `01` after `1`. */
function compareNumeric(x: string, y: string): number {
  const sx = x.replace(/^0+/, '');
  const sy = y.replace(/^0+/, '');
  if (sx.length !== sy.length) return sx.length - sy.length;
  if (sx !== sy) return sx < sy ? -1 : 1;
  return x.length - y.length;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
