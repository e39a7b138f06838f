/** Splits a record budget across lines: minimums first, the rest by weight, rounding to the filler. */
import type { Line } from './line.js';
import { KIND_SHARE } from './lines.js';
import { FILLER_KEY } from './naming/third-party.js';
import { DAY_MS } from './dates.js';

/** A line with its resolved window and build count. */
export interface Plan {
  line: Line;
  startMs: number;
  endMs: number;
  builds: number;
  /** Records one build produces (architectures x regions). */
  perBuild: number;
  /**
   * IDs to skip after the line's records: on the filler, the records `fromFiller` lines took, so
   * every later line's images keep the IDs (and the hashed rare members) they had without those lines.
   */
  skipIds?: number;
}

const YEARS_3 = 1095 * DAY_MS;

function at(spec: string | number, now: number): number {
  return typeof spec === 'number' ? now - spec * DAY_MS : Date.parse(`${spec}T00:00:00Z`);
}

/** Resolves windows (clipped to three years) and records per build; closed windows get 0 builds. */
function windows(lines: readonly Line[], now: number, regionCount: number): Plan[] {
  return lines.map((line) => {
    const startMs = Math.max(at(line.window[0], now), line.old ? -Infinity : now - YEARS_3);
    // Keep the newest build at least an hour in the past so copies never land after "now".
    const endMs = Math.min(at(line.window[1], now), now - 3_600_000);
    const open = startMs < endMs;
    const perBuild = line.arches.length * (line.scope === 'all' ? regionCount : 1);
    return { line, startMs, endMs, builds: open ? line.min : 0, perBuild };
  });
}

/** The least number of records a catalogue over `regionCount` regions can have at `now`. */
export function minimumRecords(lines: readonly Line[], now: Date, regionCount: number): number {
  return windows(lines, now.getTime(), regionCount).reduce((s, p) => s + p.builds * p.perBuild, 0);
}

/** Plans exactly `total` records; throws RangeError below the minimum. */
export function allocate(lines: readonly Line[], total: number, now: Date, regionCount: number): Plan[] {
  const plans = windows(lines, now.getTime(), regionCount);
  const base = plans.reduce((s, p) => s + p.builds * p.perBuild, 0);
  if (total < base) {
    throw new RangeError(`a catalogue over ${regionCount} region(s) needs at least ${base} images (asked for ${total})`);
  }
  const kindWeight = new Map<string, number>();
  for (const p of plans) if (p.builds > 0) kindWeight.set(p.line.kind, (kindWeight.get(p.line.kind) ?? 0) + p.line.weight);
  // Records of `fromFiller` lines come out of the filler's share (when it is big enough), not out of the spare.
  const fromFiller = plans.reduce((s, p) => s + (p.line.fromFiller ? p.builds * p.perBuild : 0), 0);
  const extras = (spare: number): number[] => plans.map((p) => {
    if (p.builds === 0 || p.line.weight === 0) return 0;
    const share = (KIND_SHARE[p.line.kind] * p.line.weight) / kindWeight.get(p.line.kind)!;
    const extra = Math.floor((spare * share) / p.perBuild);
    return p.line.cap === undefined ? extra : Math.min(extra, Math.max(0, p.line.cap - p.builds));
  });
  const records = (e: number[]) => e.reduce((s, x, i) => s + x * plans[i]!.perBuild, 0);
  let added = extras(total - base + fromFiller);
  let taken = fromFiller;
  if (base + records(added) > total) { added = extras(total - base); taken = 0; }
  plans.forEach((p, i) => { p.builds += added[i]!; });
  const used = base + records(added);
  const filler = plans.find((p) => p.line.key === FILLER_KEY)!;
  filler.builds += total - used;
  if (taken > 0) filler.skipIds = taken;
  return plans;
}
