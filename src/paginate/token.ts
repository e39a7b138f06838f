/**
 * botocore resume tokens, byte-compatible with boto3's PaginationConfig and the AWS CLI's
 * `--starting-token` / `--max-items`. Source: boto/botocore `botocore/paginate.py`.
 */
import { AmiFindError, EXIT } from '../errors.js';
import { pythonJsonString } from './python-json.js';

/** A position in a listing as botocore records it. */
export interface ResumeToken {
  /** The EC2 NextToken that fetches the page to resume in; null for the first page. */
  nextToken: string | null;
  /** Items of that page already returned; absent when the position is on a page boundary. */
  truncateAmount?: number;
}

const TOKEN_KEY = 'NextToken';
const TRUNCATE_KEY = 'boto_truncate_amount';
const ENCODED_KEYS_KEY = 'boto_encoded_keys';
/** botocore's separator in pre-2016 tokens: `<NextToken>___<truncate amount>`. */
const DEPRECATED_SEPARATOR = '___';

/** Encode a position as botocore does: base64 of Python `json.dumps({"NextToken": ..., "boto_truncate_amount": n})`. */
export function encodeResumeToken({ nextToken, truncateAmount }: ResumeToken): string {
  let json = `{"${TOKEN_KEY}": ${nextToken === null ? 'null' : pythonJsonString(nextToken)}`;
  if (truncateAmount !== undefined) json += `, "${TRUNCATE_KEY}": ${truncateAmount}`;
  json += '}';
  return Buffer.from(json, 'utf8').toString('base64');
}

/**
 * Decode a `--starting-token`: a botocore token, a pre-2016 botocore `token___n` string, or a raw
 * EC2 NextToken (anything that does not decode to a botocore dict). Throws E_BAD_TOKEN (exit 2)
 * for input that can be neither.
 */
export function decodeStartingToken(input: string): ResumeToken {
  const s = input.trim();
  if (s === '') throw badToken(input, 'the token is empty');
  // EC2 and botocore tokens are printable ASCII without spaces; anything else is a copy-paste accident.
  if (/[^!-~]/.test(s)) throw badToken(input, 'the token contains spaces or characters no token has');
  const decoded = decodeBotocoreJson(s);
  if (decoded !== undefined) return fromBotocoreDict(decoded, input);
  return fromDeprecatedOrRaw(s, input);
}

/** base64 -> UTF-8 -> JSON object, or undefined when any step fails (botocore then falls back). */
function decodeBotocoreJson(s: string): Record<string, unknown> | undefined {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(s, 'base64'));
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return value as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function fromBotocoreDict(dict: Record<string, unknown>, input: string): ResumeToken {
  const keys = Object.keys(dict);
  const botocoreKeys = [TOKEN_KEY, TRUNCATE_KEY, ENCODED_KEYS_KEY];
  // A dict without any botocore key is EC2's own token (EC2 tokens are often base64 JSON too).
  if (!keys.some((k) => botocoreKeys.includes(k))) return fromDeprecatedOrRaw(input.trim(), input);
  const extra = keys.filter((k) => k !== TOKEN_KEY && k !== TRUNCATE_KEY);
  if (extra.length > 0) throw badToken(input, `unexpected key(s) ${extra.join(', ')} (not a DescribeImages token)`);
  if (!(TOKEN_KEY in dict)) throw badToken(input, `it has no ${TOKEN_KEY}`);
  const nextToken = dict[TOKEN_KEY];
  if (nextToken !== null && typeof nextToken !== 'string') throw badToken(input, `its ${TOKEN_KEY} is not a string`);
  if (!(TRUNCATE_KEY in dict)) return { nextToken };
  const n = dict[TRUNCATE_KEY];
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw badToken(input, `its ${TRUNCATE_KEY} is not a whole number >= 0`);
  }
  return { nextToken, truncateAmount: n };
}

/** botocore `_parse_starting_token_deprecated`: `token___n`, `None___n`, or an opaque service token. */
function fromDeprecatedOrRaw(s: string, input: string): ResumeToken {
  let parts = s.split(DEPRECATED_SEPARATOR);
  let truncateAmount: number | undefined;
  if (parts.length === 2) {
    if (/^\d+$/.test(parts[1]!)) {
      truncateAmount = Number(parts[1]);
      parts = [parts[0]!];
    } else {
      parts = [s];
    }
  }
  // EC2 has one input token; botocore raises "Bad starting token" for more parts than that.
  if (parts.length > 1) throw badToken(input, `it has ${parts.length} parts separated by ${DEPRECATED_SEPARATOR}`);
  const nextToken = parts[0] === 'None' ? null : parts[0]!;
  return truncateAmount === undefined ? { nextToken } : { nextToken, truncateAmount };
}

function badToken(input: string, why: string): AmiFindError {
  const shown = input.length > 60 ? `${input.slice(0, 57)}...` : input;
  return new AmiFindError(
    'E_BAD_TOKEN',
    EXIT.USAGE,
    `bad starting token ${JSON.stringify(shown)}: ${why}`,
    'pass a token printed by ami-find, boto3 or the AWS CLI (--max-items), or a raw EC2 NextToken',
  );
}
