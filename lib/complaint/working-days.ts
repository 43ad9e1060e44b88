/**
 * Working days (工作日) by the official holiday calendar, including 调休 make-up days.
 *
 * The calendar is the data published by the `chinese-days` package. We read its data
 * file rather than call `isWorkday()`: the package turns date strings into keys through
 * the host's local time, so in a time zone west of UTC it shifts every holiday by a day.
 * Reading the plain `YYYY-MM-DD` keys gives the same answers everywhere; a unit test checks
 * them against `isWorkday()` day by day.
 *
 * For a year the package does not cover yet (the State Council announces each year's
 * arrangement late in the year before), days are counted Monday to Friday and marked as
 * an estimate, which the drafts say in words.
 */
import calendar from 'chinese-days/dist/chinese-days.json';
import { addDays, weekday, yearOf } from './calendar-date';

const holidays: Record<string, string> = calendar.holidays;
const makeUpDays: Record<string, string> = calendar.workdays;

const coveredYears = new Set(Object.keys(holidays).map((d) => Number(d.slice(0, 4))));

/** Whether the holiday calendar has the official arrangement for `year`. */
export function calendarCovers(year: number): boolean {
  return coveredYears.has(year);
}

/** The last year the installed calendar covers. */
export function lastCoveredYear(): number {
  return Math.max(...coveredYears);
}

export interface WorkdayInfo {
  date: string;
  working: boolean;
  /** True when the year is not in the calendar and Monday–Friday was assumed. */
  estimated: boolean;
  /** `国庆节` for a holiday or a make-up working day of it. */
  holiday?: string;
  makeUpDay: boolean;
}

function holidayName(entry: string | undefined): string | undefined {
  // Entries look like "National Day,国庆节,3".
  return entry?.split(',')[1];
}

/** Whether `date` (YYYY-MM-DD) is a working day in mainland China. */
export function workdayInfo(date: string): WorkdayInfo {
  const day = weekday(date);
  const weekend = day === 0 || day === 6;
  if (!calendarCovers(yearOf(date))) {
    return { date, working: !weekend, estimated: true, makeUpDay: false };
  }
  const makeUp = makeUpDays[date];
  if (makeUp)
    return { date, working: true, estimated: false, holiday: holidayName(makeUp), makeUpDay: true };
  const off = holidays[date];
  if (off)
    return { date, working: false, estimated: false, holiday: holidayName(off), makeUpDay: false };
  return { date, working: !weekend, estimated: false, makeUpDay: false };
}

export interface WorkingDayDeadline {
  /** The last day of the period. */
  date: string;
  /** True when any day counted fell in a year the calendar does not cover. */
  estimated: boolean;
}

/**
 * The `n`th working day after `start`. The day of receipt itself is not counted, so a
 * complaint received on a Friday before a normal weekend has its first working day on Monday.
 */
export function addWorkingDays(start: string, n: number): WorkingDayDeadline {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`working days must be a positive integer: ${n}`);
  let date = start;
  let counted = 0;
  let estimated = false;
  while (counted < n) {
    date = addDays(date, 1);
    const info = workdayInfo(date);
    if (info.estimated) estimated = true;
    if (info.working) counted++;
  }
  return { date, estimated };
}
