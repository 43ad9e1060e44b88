import { describe, expect, it } from 'vitest';
import { draftEscalation } from '@/lib/complaint/escalation-draft';
import { nextEscalation, trackComplaints } from '@/lib/complaint/escalation';
import { responseDeadline } from '@/lib/complaint/response-deadline';
import { caseWith, fullCase } from './fixture';

describe('responseDeadline', () => {
  it('platform: 48 hours by default, user-settable', () => {
    expect(responseDeadline('platform', '2026-11-19T10:00:00+08:00').due).toBe(
      '2026-11-21T10:00:00+08:00',
    );
    expect(
      responseDeadline('platform', '2026-11-19T10:00:00+08:00', { platformHours: 24 }).due,
    ).toBe('2026-11-20T10:00:00+08:00');
    expect(
      responseDeadline('platform', '2026-11-19T10:00:00+08:00', { userDeadline: '2026-11-30' }).due,
    ).toBe('2026-11-30T23:59:59+08:00');
  });

  it('12315: 7 working days by the holiday calendar, statutory', () => {
    const d = responseDeadline('12315', '2026-09-30T09:00:00+08:00');
    expect(d).toMatchObject({
      due: '2026-10-15T23:59:59+08:00',
      basis: 'statutory',
      legalRef: 'samr-15',
    });
  });

  it('channels without a known deadline get a user-adjustable reminder, not a legal period', () => {
    const d = responseDeadline('consumer-association', '2026-11-19');
    expect(d.basis).toBe('user');
    expect(d.explanation).toContain('可自行调整');
    expect(responseDeadline('court', '2026-11-19').due).toBeUndefined();
  });
});

describe('nextEscalation', () => {
  it('starts with the platform when nothing was sent', () => {
    const input = caseWith((c) => {
      c.complaints = [];
    });
    expect(nextEscalation(input, '2026-11-22T12:00:00+08:00')).toEqual({
      kind: 'start',
      channel: 'platform',
    });
  });

  it('waits while the platform still has time', () => {
    const step = nextEscalation(fullCase(), '2026-11-20T12:00:00+08:00');
    expect(step).toMatchObject({ kind: 'wait', until: '2026-11-21T10:00:00+08:00' });
  });

  it('escalates to the payment channel once the 48 hours pass unanswered', () => {
    const step = nextEscalation(fullCase(), '2026-11-21T10:00:01+08:00');
    expect(step.kind).toBe('escalate');
    if (step.kind !== 'escalate') return;
    expect(step.channel).toBe('wechat-pay');
    expect(step.unanswered.map((t) => t.complaint.ticketNo)).toEqual(['GD20261119001']);
  });

  it('respects a longer deadline the user chose', () => {
    const input = caseWith((c) => {
      if (c.complaints[0]) c.complaints[0].deadline = '2026-11-25';
    });
    expect(nextEscalation(input, '2026-11-22T12:00:00+08:00').kind).toBe('wait');
  });

  it('does not escalate an answered complaint', () => {
    const input = caseWith((c) => {
      if (c.complaints[0]) c.complaints[0].answered = true;
    });
    expect(nextEscalation(input, '2026-11-30T12:00:00+08:00')).toEqual({ kind: 'answered' });
  });

  it('after the payment channel too stays silent, goes to 12315, and the draft states both', () => {
    const input = caseWith((c) => {
      c.complaints.push({
        channel: 'wechat-pay',
        sentAt: '2026-11-21T12:00:00+08:00',
        ticketNo: 'WX001',
        answered: false,
      });
    });
    const now = '2026-11-26T09:00:00+08:00';
    expect(trackComplaints(input.complaints, now).map((t) => t.overdue)).toEqual([true, true]);
    const { step, draft } = draftEscalation(input, now);
    expect(step).toMatchObject({ kind: 'escalate', channel: '12315' });
    expect(draft?.text).toContain(
      '于2026年11月19日向平台客服投诉（编号GD20261119001），至今未获处理',
    );
    expect(draft?.text).toContain('于2026年11月21日向微信支付投诉（编号WX001），至今未获处理');
  });

  it('for resale skips 12315 and 消协 on the way to court', () => {
    const input = caseWith((c) => {
      c.case.purpose = 'resale';
      c.complaints.push(
        { channel: 'wechat-pay', sentAt: '2026-11-10', answered: false },
        { channel: 'heimao', sentAt: '2026-11-10', answered: false },
      );
    });
    const step = nextEscalation(input, '2026-11-30T09:00:00+08:00');
    expect(step).toMatchObject({ kind: 'escalate', channel: 'court' });
  });
});
