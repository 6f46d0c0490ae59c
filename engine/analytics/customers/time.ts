/**
 * UTC calendar arithmetic shared by the customer models. Every model takes time as
 * epoch milliseconds and cuts at UTC midnights, so the same data gives the same
 * answer on any machine, whatever its time zone.
 */

export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC day number (days since 1970-01-01) that `ts` falls in. */
export function utcDay(ts: number): number {
  return Math.floor(ts / DAY_MS);
}

/** `YYYY-MM-DD` -> epoch ms of that day's 00:00 UTC. Throws RangeError naming `name` otherwise. */
export function parseUtcDate(text: string, name = 'date'): number {
  const m = DATE_RE.exec(text);
  if (m === null) throw new RangeError(`${name} must be YYYY-MM-DD, got ${JSON.stringify(text)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ts = Date.UTC(y, mo - 1, d);
  const back = new Date(ts);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`${name} is not a calendar date: ${text}`);
  }
  return ts;
}

/** Epoch ms -> `YYYY-MM-DD` (UTC). */
export function formatUtcDate(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}

/** Throws RangeError unless `ts` is a finite UTC midnight (the models' cut points). */
export function assertMidnight(ts: number, name: string): void {
  if (!Number.isFinite(ts) || ts % DAY_MS !== 0) {
    throw new RangeError(`${name} must be a UTC midnight in epoch ms, got ${ts}`);
  }
}

/** Months since year 0 (year * 12 + month-of-year), UTC: consecutive months differ by 1. */
export function utcMonthIndex(ts: number): number {
  const d = new Date(ts);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Epoch ms of the first instant of a month index. */
export function monthStart(index: number): number {
  return Date.UTC(Math.floor(index / 12), index % 12, 1);
}

/** A month index as `YYYY-MM`. */
export function monthKey(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
