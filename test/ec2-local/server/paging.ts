/**
 * Opaque NextTokens: a position in the listing's order (./order.ts: one permutation per query and
 * caller), HMAC-bound to the query and the caller so that forged, edited or foreign tokens are
 * rejected (contract §4.2).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Params } from './form.js';

/** What a token carries. */
export interface TokenState {
  /** Position in the listing's order where the next page starts scanning. */
  position: number;
  /** Injected empty pages already served for this listing. */
  emptyServed: number;
  /** Pages served so far in this listing. */
  page: number;
  /** 1 when the previous page was made empty by the short-page policy (the next one then is not). */
  shortEmpty?: number;
}

/** Parameters that may change between the pages of one listing (not part of the binding). */
const UNBOUND = new Set(['NextToken', 'MaxResults', 'DryRun']);

/** A digest of the request's query parameters, independent of their order on the wire. */
export function queryDigest(params: Params): string {
  const entries = [...params.entries()].filter(([k]) => !UNBOUND.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('base64url');
}

/** Issues and verifies tokens with one secret. */
export class TokenCodec {
  constructor(private readonly secret: string) {}

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest().subarray(0, 18);
  }

  /** A token for `state`, bound to `binding` (query digest + caller). */
  issue(state: TokenState, binding: string): string {
    const payload = Buffer.from(JSON.stringify([state.position, state.emptyServed, state.page, state.shortEmpty ?? 0])).toString('base64url');
    return `${payload}.${this.mac(`${payload}|${binding}`).toString('base64url')}`;
  }

  /** The state of a token issued with the same `binding`, or undefined when it is invalid. */
  verify(token: string, binding: string): TokenState | undefined {
    const m = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{24})$/.exec(token);
    if (m === null) return undefined;
    const expected = this.mac(`${m[1]}|${binding}`);
    const given = Buffer.from(m[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const [position, emptyServed, page, shortEmpty] = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as unknown[];
      if (![position, emptyServed, page, shortEmpty].every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) return undefined;
      return { position: position as number, emptyServed: emptyServed as number, page: page as number, shortEmpty: shortEmpty as number };
    } catch {
      return undefined;
    }
  }
}
