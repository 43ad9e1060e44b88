import { describe, expect, it } from 'vitest';
import { isAmountOnly, parseAmount } from '@/lib/extract/amounts';
import { creditCodeCheckChar, findCreditCodes, isValidCreditCode } from '@/lib/extract/credit-code';
import { isTimeStamp, parseDateTime } from '@/lib/extract/dates';

describe('parseAmount', () => {
  it.each([
    ['¥100.00', 100],
    ['￥ 1,299.00', 1299],
    ['100元', 100],
    ['RMB 58.8', 58.8],
    ['CNY 198.00', 198],
    ['-98.50', -98.5],
    ['-¥6.50(双11特惠)', -6.5],
    ['¥98.50 (已优惠¥6.50)', 98.5],
    ['合计 2 件 ¥196.00', 196],
    ['人民币 12,345.678', 12345.68],
    ['１００元', 100],
  ])('%s -> %d', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });

  it.each(['', '免费', '2 件', 'KM2026'])('%s has no amount', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it('tells a headline amount from other numbers', () => {
    expect(isAmountOnly('-98.50')).toBe(true);
    expect(isAmountOnly('-¥100.00')).toBe(true);
    expect(isAmountOnly('12865')).toBe(false);
    expect(isAmountOnly('已售 12865 件')).toBe(false);
  });
});

describe('parseDateTime', () => {
  // 2026-11-04 14:10 in Shanghai.
  const at = '2026-11-04T06:10:00.000Z';
  it.each([
    ['2026-11-02 14:03:05', '2026-11-02T14:03:05+08:00'],
    ['2026/11/02 14:03', '2026-11-02T14:03:00+08:00'],
    ['2026年11月2日 14:03', '2026-11-02T14:03:00+08:00'],
    ['2026.11.02 14:03', '2026-11-02T14:03:00+08:00'],
    ['2026-11-02T14:03:05', '2026-11-02T14:03:05+08:00'],
    ['11-02 14:03', '2026-11-02T14:03:00+08:00'],
    ['11月2日 14:03', '2026-11-02T14:03:00+08:00'],
    ['今天 14:03', '2026-11-04T14:03:00+08:00'],
    ['昨天 09:12', '2026-11-03T09:12:00+08:00'],
    ['前天 23:59', '2026-11-02T23:59:00+08:00'],
    ['14:03', '2026-11-04T14:03:00+08:00'],
    ['下午 2:03', '2026-11-04T14:03:00+08:00'],
    ['周一 10:00', '2026-11-02T10:00:00+08:00'],
    ['5分钟前', '2026-11-04T14:05:00+08:00'],
    ['2026年11月2日', '2026-11-02'],
    ['2026-11-02 14:03 (UTC+9)', '2026-11-02T14:03:00+09:00'],
  ])('%s -> %s', (text, iso) => {
    expect(parseDateTime(text, at)).toBe(iso);
  });

  it.each(['', '2026-13-02 10:00', '2026-02-30 10:00', '25:00', '订单号 KM1', '0571-88886666'])(
    '%s is not a date',
    (text) => {
      expect(parseDateTime(text, at)).toBeUndefined();
    },
  );

  it.each([
    // Captured 00:20 on 5 Nov in Shanghai (16:20 UTC on the 4th).
    ['23:58', '2026-11-04T16:20:00.000Z', '2026-11-04T23:58:00+08:00'],
    ['00:05', '2026-11-04T16:20:00.000Z', '2026-11-05T00:05:00+08:00'],
    ['今天 00:05', '2026-11-04T16:20:00.000Z', '2026-11-05T00:05:00+08:00'],
    ['昨天 23:58', '2026-11-04T16:20:00.000Z', '2026-11-04T23:58:00+08:00'],
    // New Year: 昨天 and a month-day form without a year cross into the old year.
    ['昨天 22:00', '2026-12-31T16:30:00.000Z', '2026-12-31T22:00:00+08:00'],
    ['12-31 22:00', '2027-01-01T01:00:00.000Z', '2026-12-31T22:00:00+08:00'],
  ])('relative %s captured at %s -> %s', (text, capturedAt, iso) => {
    expect(parseDateTime(text, capturedAt)).toBe(iso);
  });

  it('knows a time stamp from other short texts', () => {
    expect(isTimeStamp('昨天 15:35')).toBe(true);
    expect(isTimeStamp('14:05')).toBe(true);
    expect(isTimeStamp('客服 小美')).toBe(false);
    expect(isTimeStamp('工作时间 9:00-23:00')).toBe(false);
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('computes the check character of the demo shop', () => {
    // Weighted sum 2617, mod 31 = 13, 31 - 13 = 18 -> J.
    expect(creditCodeCheckChar('91330106MA2KXD7Q1')).toBe('J');
  });

  it.each([
    ['91330106MA2KXD7Q1J', true],
    ['91440300MA5G8K2P3D', true],
    ['92310115MA1H7Y6L0G', true],
    ['91330106MA2KXD7Q1K', false],
    ['91330106MA2KXD7Q1', false],
    ['91330106MA2KXD7QIJ', false],
  ])('%s valid: %s', (code, valid) => {
    expect(isValidCreditCode(code)).toBe(valid);
  });

  it('finds only valid codes in text, full-width or not', () => {
    expect(
      findCreditCodes('代码：９１３３０１０６ＭＡ２ＫＸＤ７Ｑ１Ｊ，假的 91510104MA6C9XQ77A'),
    ).toEqual(['91330106MA2KXD7Q1J']);
  });
});
