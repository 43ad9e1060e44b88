import { describe, expect, it } from 'vitest';
import { limitationStatus } from '@/lib/complaint/deadlines';
import { draftComplaint } from '@/lib/complaint/draft';
import { refusals12315 } from '@/lib/complaint/eligibility';
import { caseWith, fullCase } from './fixture';

describe('12315 refusals (121号令 第16条)', () => {
  it('none for the full case', () => {
    expect(refusals12315(fullCase())).toEqual([]);
  });

  it('refuses a purchase for resale', () => {
    const input = caseWith((c) => {
      c.case.purpose = 'resale';
    });
    expect(refusals12315(input).map((r) => r.reason)).toEqual(['resale']);
    const draft = draftComplaint(input, '12315');
    expect(draft.refusals.map((r) => r.reason)).toEqual(['resale']);
    const complaint = draft.sections.find((s) => s.heading === '投诉请求');
    expect(complaint?.body).toContain('不宜提交投诉');
    // The 举报 section stays: resellers may still report violations.
    expect(draft.sections.find((s) => s.heading === '举报线索')?.body).toContain('营业执照');
  });

  it('accepts on the last day of the three years and refuses the day after', () => {
    const on = caseWith((c) => {
      c.case.harmKnownAt = '2023-11-22';
    });
    expect(limitationStatus(on)).toMatchObject({
      lastDay: '2026-11-22',
      expired: false,
      daysLeft: 0,
    });
    expect(refusals12315(on)).toEqual([]);
    const after = caseWith((c) => {
      c.case.harmKnownAt = '2023-11-21';
    });
    expect(refusals12315(after).map((r) => r.reason)).toEqual(['over-three-years']);
    expect(draftComplaint(after, '12315').text).toContain('已超过三年');
  });

  it('falls back to the earliest order date when no harm date is given', () => {
    const input = caseWith((c) => {
      if (c.orders[0]) c.orders[0].placedAt = '2023-06-01T10:00:00+08:00';
    });
    expect(refusals12315(input).map((r) => r.reason)).toEqual(['over-three-years']);
  });

  it('counts a 29 February to 28 February three years later', () => {
    const input = caseWith((c) => {
      c.case.harmKnownAt = '2024-02-29';
      c.today = '2027-02-28';
    });
    expect(limitationStatus(input)).toMatchObject({ lastDay: '2027-02-28', expired: false });
  });

  it('warns when the same dispute went to 消协 or a court', () => {
    const input = caseWith((c) => {
      c.complaints.push({ channel: 'consumer-association', sentAt: '2026-11-20', answered: false });
    });
    expect(refusals12315(input).map((r) => r.reason)).toEqual(['handled-elsewhere']);
  });

  it('asks for own use or resale when unknown', () => {
    const draft = draftComplaint(
      caseWith((c) => {
        c.case.purpose = 'unknown';
      }),
      '12315',
    );
    expect(draft.missing).toContain('购买用途（自用还是转售）');
  });
});
