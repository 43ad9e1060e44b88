// The case fields the workspace edits reach the drafts (issue #5 × #6): what happened,
// the deceit that alone allows 消费者权益保护法 第55条, when the harm was known, negotiation.
import { describe, expect, it } from 'vitest';
import { draftComplaint } from '@/lib/complaint';
import { buildDraftInput } from '@/lib/complaint/from-case';
import { updateCase } from '@/lib/workspace';
import { testDb } from '../helpers';
import { CASE_ID, seedCase } from './case-db';

const NOW = new Date('2026-11-22T02:00:00Z');

async function drafted(deceived: boolean | undefined) {
  const db = testDb();
  await seedCase(db);
  await updateCase(
    db,
    CASE_ID,
    {
      description: '  购买的点券卡密提示已被使用。 ',
      merchantDeceived: deceived,
      deceitDetails: deceived ? '商家明知卡密已售出仍再次出售' : undefined,
      harmKnownAt: '2026-11-02',
      negotiation: '11月2日联系客服，客服称核实中后不再回复。',
    },
    NOW,
  );
  const input = await buildDraftInput(db, CASE_ID, '2026-11-22');
  return { db, input };
}

const refs = (draft: ReturnType<typeof draftComplaint>) => draft.legalRefs.map((r) => r.id);

describe('case story fields', () => {
  it('are read by buildDraftInput, trimmed', async () => {
    const { input } = await drafted(true);
    expect(input.case).toMatchObject({
      description: '购买的点券卡密提示已被使用。',
      merchantDeceived: true,
      deceitDetails: '商家明知卡密已售出仍再次出售',
      harmKnownAt: '2026-11-02',
      negotiation: '11月2日联系客服，客服称核实中后不再回复。',
    });
  });

  it('with "the merchant deceived me" the court and 12315 drafts claim 第55条', async () => {
    const { input } = await drafted(true);
    expect(refs(draftComplaint(input, 'court'))).toContain('cpl-55');
    for (const channel of ['court', '12315'] as const) {
      const draft = draftComplaint(input, channel);
      expect(draft.text, channel).toContain('第55条');
      expect(
        draft.claims.claims.map((c) => c.kind),
        channel,
      ).toContain('fraud-compensation');
    }
  });

  it.each([false, undefined])('without it (%s) no draft claims 第55条', async (deceived) => {
    const { input } = await drafted(deceived);
    expect(input.case.merchantDeceived).toBe(false);
    for (const channel of ['court', '12315'] as const) {
      const draft = draftComplaint(input, channel);
      expect(refs(draft), channel).not.toContain('cpl-55');
      expect(draft.text, channel).not.toContain('第55条');
      expect(
        draft.claims.claims.map((c) => c.kind),
        channel,
      ).not.toContain('fraud-compensation');
    }
  });

  it('logs the edit in the custody chain and refuses a harm date that is not a date', async () => {
    const { db } = await drafted(true);
    const entries = await db.custody.where('caseId').equals(CASE_ID).toArray();
    expect(entries.at(-1)?.details).toMatchObject({
      field: 'case',
      changes: { merchantDeceived: true, harmKnownAt: '2026-11-02' },
    });
    await expect(updateCase(db, CASE_ID, { harmKnownAt: '去年' }, NOW)).rejects.toThrow(
      'not a date',
    );
  });
});
