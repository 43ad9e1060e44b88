import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/complaint/calendar-date';
import { acceptanceDeadline } from '@/lib/complaint/deadlines';
import { responseDeadline } from '@/lib/complaint/response-deadline';
import {
  addWorkingDays,
  calendarCovers,
  lastCoveredYear,
  workdayInfo,
} from '@/lib/complaint/working-days';

describe('the holiday calendar', () => {
  it.each([
    ['2026-09-20', true, 'Sunday, make-up working day for 国庆节'],
    ['2026-10-10', true, 'Saturday, make-up working day for 国庆节'],
    ['2026-10-01', false, '国庆节'],
    ['2026-10-07', false, '国庆节 (a Wednesday)'],
    ['2026-10-08', true, 'first working day after the holiday'],
    ['2026-09-25', false, '中秋 (a Friday)'],
    ['2026-09-19', false, 'an ordinary Saturday'],
    ['2026-12-31', true, 'an ordinary Thursday'],
  ])('%s is working=%s (%s)', (date, working) => {
    const info = workdayInfo(date);
    expect(info.working).toBe(working);
    expect(info.estimated).toBe(false);
  });

  it('marks the make-up days as such', () => {
    expect(workdayInfo('2026-09-20')).toMatchObject({ makeUpDay: true, holiday: '国庆节' });
    expect(workdayInfo('2026-10-10')).toMatchObject({ makeUpDay: true, holiday: '国庆节' });
  });

  it('covers 2026 but not 2027 in the installed chinese-days', () => {
    expect(calendarCovers(2026)).toBe(true);
    expect(calendarCovers(2027)).toBe(false);
    expect(lastCoveredYear()).toBe(2026);
  });

  // The adapter reads chinese-days' data; check it agrees with the package's own isWorkday()
  // (which is only reliable in time zones at or east of UTC, as this test process is).
  it.skipIf(new Date(2026, 0, 1).getTimezoneOffset() > 0)(
    'agrees with chinese-days isWorkday() every day of 2025–2026',
    () => {
      for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
        expect(workdayInfo(d).working, d).toBe(isWorkday(d));
      }
    },
  );
});

describe('counting working days', () => {
  it('skips the National Day holiday: received 2026-09-30, 7 working days end 2026-10-15', () => {
    // 10-01..10-07 off; 10-08 Thu 1, 10-09 Fri 2, 10-10 Sat (make-up) 3, 10-11 Sun off, 10-12 4, 10-13 5, 10-14 6, 10-15 7.
    expect(addWorkingDays('2026-09-30', 7)).toEqual({ date: '2026-10-15', estimated: false });
  });

  it('counts the Sunday make-up day 2026-09-20', () => {
    // Received Sat 09-19: Sun 09-20 is a working day, so it is day 1.
    expect(addWorkingDays('2026-09-19', 1)).toEqual({ date: '2026-09-20', estimated: false });
    // A Monday–Friday count would have given Monday 09-21.
  });

  it('counts the Saturday make-up day 2026-10-10', () => {
    expect(addWorkingDays('2026-10-09', 1)).toEqual({ date: '2026-10-10', estimated: false });
  });

  it('12315 acceptance deadline across the holiday', () => {
    // Received Fri 09-25 (中秋, a holiday itself): 09-28 1, 09-29 2, 09-30 3, 10-08 4, 10-09 5, 10-10 6, 10-12 7.
    expect(acceptanceDeadline('2026-09-25T10:00:00+08:00')).toEqual({
      date: '2026-10-12',
      estimated: false,
    });
  });

  it('uses the China date of an instant, not UTC', () => {
    // 2026-09-29T17:00Z is 09-30 01:00 in Beijing.
    expect(acceptanceDeadline('2026-09-29T17:00:00Z').date).toBe(
      addWorkingDays('2026-09-30', 7).date,
    );
  });

  it('marks a period crossing into an uncovered year as an estimate', () => {
    // 2026-12-28 Mon: 29 (1), 30 (2), 31 (3), 2027-01-01 Fri (4, Mon–Fri estimate), 01-04 (5).
    expect(addWorkingDays('2026-12-28', 5)).toEqual({ date: '2027-01-04', estimated: true });
    // Staying inside 2026 is not an estimate.
    expect(addWorkingDays('2026-12-28', 3)).toEqual({ date: '2026-12-31', estimated: false });
  });

  it('estimates a 2027 period Monday to Friday and the draft deadline says so', () => {
    expect(addWorkingDays('2027-03-05', 5)).toEqual({ date: '2027-03-12', estimated: true });
    const d = responseDeadline('12315', '2027-03-05T09:00:00+08:00');
    expect(d.estimated).toBe(true);
    expect(d.due).toBe('2027-03-16T23:59:59+08:00');
    expect(d.explanation).toContain('估算');
  });

  it('rejects a non-positive count', () => {
    expect(() => addWorkingDays('2026-10-01', 0)).toThrow();
  });
});
