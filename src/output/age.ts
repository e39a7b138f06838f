/** Relative times for people: "3d ago", "in 1y". */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** `then` relative to `now`, coarse and short: "just now", "45m ago", "5h ago", "12d ago", "3mo ago", "2y ago", "in 20d". */
export function relativeAge(then: number, now: number): string {
  const diff = now - then;
  const abs = Math.abs(diff);
  let text: string;
  if (abs < MIN) return 'just now';
  if (abs < HOUR) text = `${Math.floor(abs / MIN)}m`;
  else if (abs < 48 * HOUR) text = `${Math.floor(abs / HOUR)}h`;
  else if (abs < 60 * DAY) text = `${Math.floor(abs / DAY)}d`;
  else if (abs < 730 * DAY) text = `${Math.floor(abs / (30.4375 * DAY))}mo`;
  else text = `${Math.floor(abs / (365.25 * DAY))}y`;
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

const UNITS: [string, number][] = [['year', 365 * DAY], ['month', 30 * DAY], ['day', DAY], ['hour', HOUR], ['minute', MIN]];

/** Spelled out for the details view: "3 days ago", "in 2 months", "just now". */
export function relativeAgeLong(then: Date, now: Date): string {
  const diff = now.getTime() - then.getTime();
  const abs = Math.abs(diff);
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const text = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return diff >= 0 ? `${text} ago` : `in ${text}`;
    }
  }
  return 'just now';
}
