/** Date helpers for the catalogue (all UTC). */
import { flat } from './rng.js';

export const DAY_MS = 86_400_000;

const YMD_CACHE = new Map<number, string>();

/** `YYYYMMDD` of a date (cached per day: the generator asks for it per build). */
export function ymd(d: Date): string {
  const day = Math.floor(d.getTime() / DAY_MS);
  let s = YMD_CACHE.get(day);
  if (s === undefined) {
    s = d.toISOString().slice(0, 10).replace(/-/g, '');
    if (YMD_CACHE.size < 100_000) YMD_CACHE.set(day, s);
  }
  return s;
}

const PAD2: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const DAY_PREFIX = new Map<number, string>();

/** `YYYY-MM-DDTHH:MM:SS.000Z` (whole seconds), much faster than Date#toISOString on Node 20. */
export function isoSeconds(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = DAY_PREFIX.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    if (DAY_PREFIX.size < 100_000) DAY_PREFIX.set(day, prefix);
  }
  const sec = Math.floor((ms - day * DAY_MS) / 1000);
  return flat(`${prefix}${PAD2[Math.floor(sec / 3600)]}:${PAD2[Math.floor(sec / 60) % 60]}:${PAD2[sec % 60]}.000Z`);
}

/** The version in effect at `d`: the last row whose start date is not after `d` (else the first). */
export function versionAt<T>(d: Date, table: readonly (readonly [string, T])[]): T {
  let v = table[0]![1];
  const iso = d.toISOString();
  for (const [start, value] of table) if (start <= iso) v = value;
  return v;
}

/** Today at 00:00 UTC: the default "now" that keeps catalogue dates realistic. */
export function todayUtc(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
