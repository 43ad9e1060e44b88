import { describe, expect, it } from 'vitest';
import { CHINA_TIME_ZONE, toChinaIso } from '@/lib/capture/time';

describe('toChinaIso', () => {
  it.each([
    ['date rollover', '2026-11-21T16:30:00.000Z', '2026-11-22T00:30:00.000+08:00'],
    ['same day', '2026-11-22T04:15:52.123Z', '2026-11-22T12:15:52.123+08:00'],
    ['leap day', '2028-02-28T16:00:00.000Z', '2028-02-29T00:00:00.000+08:00'],
    ['after a leap day', '2028-02-29T16:00:00.001Z', '2028-03-01T00:00:00.001+08:00'],
    ['non-leap February', '2027-02-28T16:00:00.000Z', '2027-03-01T00:00:00.000+08:00'],
    ['year boundary', '2026-12-31T16:00:00.000Z', '2027-01-01T00:00:00.000+08:00'],
    ['last millisecond of the year', '2026-12-31T15:59:59.999Z', '2026-12-31T23:59:59.999+08:00'],
    ['midnight UTC (no hour 24)', '2026-06-01T16:00:00.000Z', '2026-06-02T00:00:00.000+08:00'],
  ])('%s: %s -> %s', (_name, utc, local) => {
    const date = new Date(utc);
    const iso = toChinaIso(date);
    expect(iso).toBe(local);
    expect(Date.parse(iso)).toBe(date.getTime());
  });

  it('uses Asia/Shanghai', () => {
    expect(CHINA_TIME_ZONE).toBe('Asia/Shanghai');
  });
});
