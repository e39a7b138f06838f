/** Version-aware ordering of names: digit runs compare as numbers (`9.10` > `9.4`, `sp7` > `sp6`), the rest as text. */

/** Compare two names version-aware; ascending (negative when a sorts first). 0 only for equal strings. */
export function compareVersionedNames(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  // Walk both strings run by run without allocating: most names share long prefixes.
  while (i < a.length && j < b.length) {
    const da = isDigit(a.charCodeAt(i));
    const db = isDigit(b.charCodeAt(j));
    if (da && db) {
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      const c = compareNumeric(a, i, ei, b, j, ej);
      if (c !== 0) return c;
      i = ei;
      j = ej;
    } else {
      const ca = a.charCodeAt(i);
      const cb = b.charCodeAt(j);
      // A digit run sorts before text at the same place, as '0'-'9' sort before letters.
      if (ca !== cb) return da ? -1 : db ? 1 : ca - cb;
      i++;
      j++;
    }
  }
  if (i < a.length || j < b.length) return i < a.length ? 1 : -1;
  return a < b ? -1 : 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Numbers of any length, compared as digit strings: leading zeros aside, longer is bigger; `01` after `1`. */
function compareNumeric(a: string, i: number, ei: number, b: string, j: number, ej: number): number {
  let si = i;
  let sj = j;
  while (si < ei - 1 && a.charCodeAt(si) === 48) si++;
  while (sj < ej - 1 && b.charCodeAt(sj) === 48) sj++;
  const la = ei - si;
  const lb = ej - sj;
  if (la !== lb) return la - lb;
  for (let k = 0; k < la; k++) {
    const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
    if (d !== 0) return d;
  }
  return 0;
}
