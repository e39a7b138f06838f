/** `--created-after` / `--created-before`: a date, an ISO timestamp (UTC without a zone), or an age back from now. */
import { usageError } from '../errors.js';
import { AGE_EXAMPLES, AGE_UNITS } from './age-units.js';

const AGE = new RegExp(`^(\\d+)\\s*(${AGE_UNITS.map((u) => u.unit).join('|')})$`, 'i');
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const FIXED_MS: Record<string, number> = { min: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const FORMS = `use a date (2025-01-31), an ISO timestamp (2025-01-31T12:00:00Z) or an age (${AGE_EXAMPLES})`;

/** Parse a date or an age relative to `now`; throws E_BAD_DATE (exit 2) for anything else. */
export function parseDateOrAge(s: string, now: Date): Date {
  const text = s.trim();
  const age = AGE.exec(text);
  if (age) return inRange(s, ageBefore(now, Number(age[1]), age[2]!.toLowerCase()));
  const date = DATE.exec(text);
  if (date) return checked(s, Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!), date.slice(1, 4));
  const iso = ISO.exec(text);
  if (iso) {
    const zone = iso[7] ?? 'Z';
    const ms = Date.parse(`${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${zone.toUpperCase()}`);
    if (!Number.isNaN(ms)) return checked(s, ms, iso.slice(1, 4));
  }
  // A bare `m` could be minutes or months.
  if (/^\d+\s*m$/i.test(text)) throw usageError(`ambiguous age '${s}'`, `write ${parseInt(text, 10)}min for minutes or ${parseInt(text, 10)}mo for months`, 'E_BAD_DATE');
  if (/^\d+$/.test(text)) throw usageError(`age '${s}' has no unit`, `did you mean ${text}d? ${FORMS}`, 'E_BAD_DATE');
  throw usageError(`invalid date or age '${s}'`, FORMS, 'E_BAD_DATE');
}

/** `date`, unless it is an Invalid Date (past ±270,000 years), which would quietly match nothing. */
function inRange(s: string, date: Date): Date {
  if (!Number.isNaN(date.getTime())) return date;
  throw usageError(`date or age '${s}' is out of range`, 'an age reaches back at most about 270,000 years (99000000d)', 'E_BAD_DATE');
}

function ageBefore(now: Date, n: number, unit: string): Date {
  if (unit === 'mo' || unit === 'y') {
    const d = new Date(now.getTime());
    // Calendar arithmetic in UTC; like `date -d '-1 month'`, Mar 31 minus 1mo overflows to Mar 3 (or 2).
    if (unit === 'mo') d.setUTCMonth(d.getUTCMonth() - n);
    else d.setUTCFullYear(d.getUTCFullYear() - n);
    return d;
  }
  return new Date(now.getTime() - n * FIXED_MS[unit]!);
}

/** Reject dates that JS would roll over (2025-02-30 -> Mar 2). */
function checked(s: string, ms: number, [y, m, d]: string[]): Date {
  const date = new Date(ms);
  const local = Number.isNaN(ms) ? undefined : new Date(Date.UTC(+y!, +m! - 1, +d!));
  if (local === undefined || local.getUTCFullYear() !== +y! || local.getUTCMonth() !== +m! - 1 || local.getUTCDate() !== +d!) {
    throw usageError(`invalid date '${s}': no such day`, FORMS, 'E_BAD_DATE');
  }
  return date;
}
