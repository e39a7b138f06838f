/**
 * Python's `json.dumps` of a string (`ensure_ascii=True`), which botocore tokens need byte for byte:
 * JSON.stringify keeps non-ASCII and DEL unescaped. Source: CPython Lib/json/encoder.py.
 */

const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Python `json.dumps(s)` for a str: double-quoted, every code unit outside ' '..'~' escaped. */
export function pythonJsonString(s: string): string {
  // JS strings are UTF-16 code units, which is exactly what Python emits as \uXXXX pairs.
  const body = s.replace(/[\\"]|[^ -~]/g, (ch) => {
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) return short;
    return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
  });
  return `"${body}"`;
}
