/** `--latest n`: the newest n images by the rule of newest.ts, in a bounded min-heap (O(log n) per image, O(n) memory). */
import type { Image, ImageField } from '../types.js';
import { compareAge, dated, NEWEST_READS, newestFirst, type Dated } from './newest.js';

/** The Image members --latest compares. */
export const LATEST_READS: readonly ImageField[] = NEWEST_READS;

/** Keeps the newest `n` images pushed into it. */
export class LatestKeeper {
  /** Min-heap on newness: heap[0] is the oldest image kept. */
  private readonly heap: Dated[] = [];

  constructor(readonly n: number) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`LatestKeeper needs n >= 1, got ${n}`);
  }

  /** Offer one image; it is kept only if it is among the newest n seen so far. */
  push(image: Image): void {
    const h = this.heap;
    const e = dated(image);
    if (h.length < this.n) {
      h.push(e);
      this.up(h.length - 1);
    } else if (compareAge(e, h[0]!) > 0) {
      h[0] = e;
      this.down(0);
    }
  }

  /** How many images are kept (at most n). */
  get size(): number {
    return this.heap.length;
  }

  /** The kept images, newest first. */
  result(): Image[] {
    return [...this.heap].sort(newestFirst).map((e) => e.image);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compareAge(h[i]!, h[p]!) >= 0) return;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && compareAge(h[l]!, h[m]!) < 0) m = l;
      if (r < h.length && compareAge(h[r]!, h[m]!) < 0) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
