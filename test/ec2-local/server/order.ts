/**
 * Result order and page shape like EC2's: "The order of the elements in the response, including
 * those within nested structures, might vary" (contract §2.1, §4.3), and pages may be shorter than
 * MaxResults, even empty with a token (contract §4.2). Everything here is seeded, so a listing is
 * reproducible: the listing key comes from the order seed and the query binding (the same binding
 * the NextToken is HMAC-bound to), so every page of one listing walks the same permutation.
 */
import { createHash } from 'node:crypto';
import type { Image } from '@aws-sdk/client-ec2';

/** How the server orders results. */
export interface OrderOptions {
  /** Seed mixed with each query to pick its order (default 0: still a different order per query). */
  seed?: number | string;
  /** Serve catalogue order (oldest first within a family) and nested lists as stored. For tests that truly need it. */
  fixed?: boolean;
}

/** A listing's order: a permutation of its candidates plus the seeds of its nested lists and short pages. */
export interface ListingOrder {
  /** Position in catalogue order of the `i`th result in listing order, for `n` candidates. */
  permutation(n: number): (i: number) => number;
  /** `image` with its nested lists (block devices, tags, product codes, ...) in this listing's order. */
  nested<T extends Image>(image: T): T;
  /** A number in [0, 1) for `page` of this listing (short-page draws). */
  draw(page: number, salt: number): number;
  fixed: boolean;
}

/** murmur3's finaliser: a 32-bit mix. */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashString(text: string, key: number): number {
  let h = key >>> 0;
  for (let i = 0; i < text.length; i += 1) h = mix32(h ^ Math.imul(text.charCodeAt(i), 0x9e3779b1));
  return mix32(h ^ text.length);
}

const ROUNDS = 4;

/**
 * A bijection of [0, n) without materialising it: a balanced Feistel network on the smallest
 * even-bit domain >= n, cycle-walking back into range (at most 4x the domain, so ~4 steps at worst).
 */
function feistel(n: number, keys: Uint32Array): (i: number) => number {
  if (n <= 1) return (i) => i;
  let bits = Math.max(2, Math.ceil(Math.log2(n)));
  if (bits % 2 === 1) bits += 1;
  const half = bits / 2;
  const mask = 2 ** half - 1;
  const scale = 2 ** half;
  const encrypt = (x: number): number => {
    let left = Math.floor(x / scale);
    let right = x & mask;
    for (let r = 0; r < ROUNDS; r += 1) {
      const next = left ^ (mix32(right ^ keys[r]) & mask);
      left = right;
      right = next;
    }
    return left * scale + right;
  };
  return (i) => {
    let y = encrypt(i);
    while (y >= n) y = encrypt(y);
    return y;
  };
}

/** Fisher-Yates with a seeded 32-bit stream, on a copy. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = mix32(s + 0x6d2b79f5);
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const IDENTITY: ListingOrder = {
  permutation: () => (i) => i,
  nested: (image) => image,
  draw: () => 1,
  fixed: true,
};

/** The order of the listing bound to `binding` (query digest + caller + region). */
export function listingOrder(options: OrderOptions, binding: string): ListingOrder {
  const key = createHash('sha256').update(`${String(options.seed ?? 0)}|${binding}`).digest();
  const keys = new Uint32Array(ROUNDS + 2);
  for (let i = 0; i < keys.length; i += 1) keys[i] = key.readUInt32LE(i * 4);
  const drawKey = keys[ROUNDS];
  const nestedKey = keys[ROUNDS + 1];
  const draw = (page: number, salt: number) => mix32(mix32(drawKey ^ page) ^ Math.imul(salt + 1, 0x27d4eb2f)) / 4294967296;
  if (options.fixed === true) return { ...IDENTITY, draw };
  return {
    permutation: (n) => feistel(n, keys),
    nested: (image) => reorderNested(image, hashString(image.ImageId ?? '', nestedKey)),
    draw,
    fixed: false,
  };
}

/** `image` with every nested list shuffled by `seed` (a shallow copy; the catalogue is never changed). */
export function reorderNested<T extends Image>(image: T, seed: number): T {
  const many = (l: readonly unknown[] | undefined) => l !== undefined && l.length > 1;
  const spec = image.InstanceTypeSpecification;
  if (!many(image.BlockDeviceMappings) && !many(image.Tags) && !many(image.ProductCodes) && !many(image.ImageWatermarks)
    && !many(spec?.SupportedInstanceTypes) && !many(spec?.UnsupportedInstanceTypes)) return image;
  const out: T = { ...image };
  const apply = <K extends 'BlockDeviceMappings' | 'Tags' | 'ProductCodes' | 'ImageWatermarks'>(k: K, salt: number) => {
    const list = image[k];
    if (list !== undefined && list.length > 1) out[k] = shuffled(list as unknown[], mix32(seed ^ salt)) as T[K];
  };
  apply('BlockDeviceMappings', 1);
  apply('Tags', 2);
  apply('ProductCodes', 3);
  apply('ImageWatermarks', 4);
  if (spec !== undefined) {
    out.InstanceTypeSpecification = {
      SupportedInstanceTypes: spec.SupportedInstanceTypes === undefined ? undefined : shuffled(spec.SupportedInstanceTypes, mix32(seed ^ 5)),
      UnsupportedInstanceTypes: spec.UnsupportedInstanceTypes === undefined ? undefined : shuffled(spec.UnsupportedInstanceTypes, mix32(seed ^ 6)),
    };
  }
  return out;
}

/**
 * The item limit of `page` when the short-page policy makes it short, else undefined. A short page
 * holds fewer than `limit` items; a quarter of them hold none (empty with a token), but never two
 * empty ones in a row, so a listing always advances.
 */
export function shortPageLimit(order: ListingOrder, page: number, limit: number, rate: number, previousEmpty: boolean): number | undefined {
  if (!(rate > 0) || !Number.isFinite(limit) || order.draw(page, 0) >= rate) return undefined;
  const empty = order.draw(page, 1) < 0.25 || limit <= 1;
  if (empty && !previousEmpty) return 0;
  if (limit <= 1) return undefined;
  return 1 + Math.floor(order.draw(page, 2) * (limit - 1));
}
