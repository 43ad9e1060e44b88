/**
 * Plain calendar dates (`YYYY-MM-DD`, China time) and the arithmetic on them.
 *
 * Everything is done on UTC midnights so the host's time zone never shifts a date.
 */

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

function parts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function toUtc(date: string): number {
  const [y, mo, d] = parts(date);
  return Date.UTC(y, mo - 1, d);
}

/** The China-time calendar date of a date or an ISO date-time (`Z` or any offset). */
export function chinaDate(dateOrDateTime: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateOrDateTime)) return dateOrDateTime;
  const ms = Date.parse(dateOrDateTime);
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${dateOrDateTime}`);
  return fromUtc(ms + CHINA_OFFSET_MS);
}

/** `HH:mm` in China time, or undefined for a bare date. */
export function chinaTime(dateOrDateTime: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateOrDateTime)) return undefined;
  const ms = Date.parse(dateOrDateTime);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(11, 16);
}

/** The date `n` calendar days later (negative for earlier). */
export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** The same day `n` years later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, n: number): string {
  const [y, mo, d] = parts(date);
  const lastDay = new Date(Date.UTC(y + n, mo, 0)).getUTCDate();
  return fromUtc(Date.UTC(y + n, mo - 1, Math.min(d, lastDay)));
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function yearOf(date: string): number {
  return parts(date)[0];
}

/** `2026年11月21日`. */
export function formatCnDate(dateOrDateTime: string): string {
  const [y, mo, d] = parts(chinaDate(dateOrDateTime));
  return `${y}年${mo}月${d}日`;
}

/** `2026年11月21日 12:00` (China time), or just the date when no time is known. */
export function formatCnDateTime(dateOrDateTime: string): string {
  const time = chinaTime(dateOrDateTime);
  return time ? `${formatCnDate(dateOrDateTime)} ${time}` : formatCnDate(dateOrDateTime);
}

/** The ISO date-time `hours` after an instant, written in China time (`+08:00`). */
export function addHoursChina(dateOrDateTime: string, hours: number): string {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(dateOrDateTime)
    ? Date.parse(`${dateOrDateTime}T00:00:00+08:00`)
    : Date.parse(dateOrDateTime);
  return toChinaIso(start + hours * 3_600_000);
}

/** An instant as `YYYY-MM-DDTHH:mm:ss+08:00`. */
export function toChinaIso(ms: number): string {
  return `${new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The last second of a China-time date, as an instant string. */
export function endOfChinaDay(date: string): string {
  return `${date}T23:59:59+08:00`;
}
