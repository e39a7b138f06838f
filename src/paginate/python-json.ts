/**
 * The one piece of Python's `json.dumps` that botocore resume tokens need: a string literal with
 * the default `ensure_ascii=True` escaping. JSON.stringify differs (it keeps non-ASCII and DEL
 * unescaped), so tokens carrying such characters would not match the AWS CLI's byte for byte.
 * Source: CPython Lib/json/encoder.py (`py_encode_basestring_ascii`, ESCAPE_ASCII = `([\\"]|[^\ -~])`).
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
