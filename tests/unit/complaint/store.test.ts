import { describe, expect, it } from 'vitest';
import {
  awaitingAnswer,
  chinaToday,
  isPastDeadline,
  listComplaints,
  markSent,
  recordAnswer,
  saveDraft,
} from '@/lib/complaint/store';
import { testDb } from '../helpers';
import { CASE_ID, seedCase } from './case-db';

const NOW = new Date('2026-11-05T02:00:00Z');

describe('complaint store', () => {
  it('saves a draft and updates it in place while it is a draft', async () => {
    const db = testDb();
    await seedCase(db);
    const first = await saveDraft(
      db,
      { caseId: CASE_ID, channel: 'platform', text: 'a', fields: { 订单号: '1' } },
      NOW,
    );
    const again = await saveDraft(
      db,
      { caseId: CASE_ID, channel: 'platform', text: 'b', fields: {}, id: first.id },
      NOW,
    );
    expect(again.id).toBe(first.id);
    expect(await listComplaints(db, CASE_ID)).toEqual([
      expect.objectContaining({ id: first.id, text: 'b', status: 'draft' }),
    ]);
  });

  it('keeps a sent complaint as sent: editing it saves a new draft', async () => {
    const db = testDb();
    await seedCase(db);
    const d = await saveDraft(
      db,
      { caseId: CASE_ID, channel: 'platform', text: 'a', fields: {} },
      NOW,
    );
    await markSent(db, d.id, { sentAt: '2026-11-05' }, NOW);
    const next = await saveDraft(
      db,
      { caseId: CASE_ID, channel: 'platform', text: 'b', fields: {}, id: d.id },
      NOW,
    );
    expect(next.id).not.toBe(d.id);
    expect((await db.complaints.get(d.id))?.text).toBe('a');
  });

  it('gives the platform 48 hours by default, or the hours the user chose', async () => {
    const db = testDb();
    await seedCase(db);
    const d = await saveDraft(
      db,
      { caseId: CASE_ID, channel: 'platform', text: 'a', fields: {} },
      NOW,
    );
    const sent = await markSent(
      db,
      d.id,
      { sentAt: '2026-11-05T10:00:00+08:00', ticketNo: ' T-9 ' },
      NOW,
    );
    expect(sent).toMatchObject({
      status: 'sent',
      ticketNo: 'T-9',
      deadline: '2026-11-07T10:00:00+08:00',
    });
    const custom = await markSent(
      db,
      d.id,
      { sentAt: '2026-11-05T10:00:00+08:00', platformHours: 24 },
      NOW,
    );
    expect(custom.deadline).toBe('2026-11-06T10:00:00+08:00');
  });

  it('gives 12315 its 7 working days across the National Day holiday', async () => {
    const db = testDb();
    await seedCase(db);
    const d = await saveDraft(
      db,
      { caseId: CASE_ID, channel: '12315', text: 'a', fields: {} },
      NOW,
    );
    const sent = await markSent(db, d.id, { sentAt: '2026-09-30' }, NOW);
    // 10-01..10-07 are holidays, 10-10 (Saturday) a make-up working day.
    expect(sent.deadline).toMatch(/^2026-10-1\d/);
  });

  it('is overdue after the deadline until an answer is recorded', async () => {
    const db = testDb();
    await seedCase(db);
    const d = await saveDraft(
      db,
      { caseId: CASE_ID, channel: 'platform', text: 'a', fields: {} },
      NOW,
    );
    const sent = await markSent(db, d.id, { sentAt: '2026-11-01T10:00:00+08:00' }, NOW);
    expect(isPastDeadline(sent, NOW)).toBe(true);
    expect(await awaitingAnswer(db)).toHaveLength(1);
    const answered = await recordAnswer(db, d.id, { summary: '已退款' }, NOW);
    expect(answered).toMatchObject({ status: 'answered', answerSummary: '已退款' });
    expect(isPastDeadline(answered, NOW)).toBe(false);
    expect(await awaitingAnswer(db)).toEqual([]);
  });

  it('rejects a sent date that is not a date', async () => {
    const db = testDb();
    await seedCase(db);
    const d = await saveDraft(
      db,
      { caseId: CASE_ID, channel: 'platform', text: 'a', fields: {} },
      NOW,
    );
    await expect(markSent(db, d.id, { sentAt: 'yesterday' }, NOW)).rejects.toThrow('not a date');
  });

  it('takes today in China time', () => {
    expect(chinaToday(new Date('2026-11-04T16:30:00Z'))).toBe('2026-11-05');
  });
});
