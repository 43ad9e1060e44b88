import { describe, expect, it } from 'vitest';
import { draftComplaint } from '@/lib/complaint';
import { buildDraftInput, citedHash } from '@/lib/complaint/from-case';
import { markSent, saveDraft } from '@/lib/complaint/store';
import { correctFact } from '@/lib/workspace/annotations';
import { testDb } from '../helpers';
import { CASE_ID, seedCase } from './case-db';

const NOW = new Date('2026-11-21T04:00:00.000Z');

describe('buildDraftInput', () => {
  it('numbers the evidence oldest first, as the pack does, citing the screenshot hash', async () => {
    const db = testDb();
    const items = await seedCase(db);
    const input = await buildDraftInput(db, CASE_ID, '2026-11-22');
    expect(input.evidence.map((e) => [e.number, e.kind])).toEqual([
      [1, 'promise'],
      [2, 'order'],
      [3, 'payment'],
      [4, 'chat'],
    ]);
    const screenshot = items[0]?.artifacts.find((a) => a.role === 'screenshot-viewport');
    expect(input.evidence[0]?.sha256).toBe(screenshot?.sha256);
    expect(citedHash(items[0] as (typeof items)[0])).toBe(screenshot?.sha256);
  });

  it('fills the case, the profile and the platform identity from the captured site', async () => {
    const db = testDb();
    await seedCase(db);
    const input = await buildDraftInput(db, CASE_ID, '2026-11-22');
    expect(input.case).toMatchObject({
      title: '点券卡密无效',
      disputeType: 'invalid-card-key',
      purpose: 'own-use',
      merchantDeceived: false,
    });
    expect(input.profile).toMatchObject({ name: '张三', phone: '13812345678' });
    expect(input.platform).toMatchObject({
      name: '星点卡盟',
      company: '杭州星点网络科技有限公司',
      creditCode: '91330106MA2KXD7Q1J',
      icp: '浙ICP备2026012345号-1',
      url: 'https://shop.example.cn/',
      contacts: ['客服QQ 800012345'],
    });
  });

  it('prefers what the user entered on the case over the captured site facts', async () => {
    const db = testDb();
    await seedCase(db, { platform: { name: '真名卡盟', contacts: [], payeeAccounts: [] } });
    const input = await buildDraftInput(db, CASE_ID, '2026-11-22');
    expect(input.platform.name).toBe('真名卡盟');
    expect(input.platform.company).toBe('杭州星点网络科技有限公司');
  });

  it('joins the payment bill to its order by the merchant order number', async () => {
    const db = testDb();
    await seedCase(db);
    const input = await buildDraftInput(db, CASE_ID, '2026-11-22');
    expect(input.orders).toEqual([
      expect.objectContaining({
        orderId: 'KM20261102140305881',
        amount: 98.5,
        placedAt: '2026-11-02T14:03:05+08:00',
        tradeNo: '2026110222001412345678901234',
        merchantOrderNo: 'KM20261102140305881',
        cardKeys: ['K7QM-3XPA-9ZRT-W4HN'],
        evidence: [2, 3],
      }),
    ]);
  });

  it("drafts from the user's corrections, not the facts as read", async () => {
    const db = testDb();
    const items = await seedCase(db);
    const order = items[1] as (typeof items)[1];
    const chatItem = items[3] as (typeof items)[3];
    await correctFact(db, order.id, { path: 'order.amount', value: 89.5, original: 98.5 }, NOW);
    await correctFact(
      db,
      chatItem.id,
      { path: 'chat.messages.0.text', value: '改正后的消息', original: undefined },
      NOW,
    );
    const input = await buildDraftInput(db, CASE_ID, '2026-11-22');
    expect(input.orders[0]?.amount).toBe(89.5);
    expect(input.chat[0]?.text).toBe('改正后的消息');
    expect(draftComplaint(input, 'platform').text).toContain('89.5');
    // The reading itself stays as it was.
    expect((await db.evidence.get(order.id))?.facts.order?.amount).toBe(98.5);
  });

  it('quotes each promise once with the oldest item showing it, and chat with times', async () => {
    const db = testDb();
    const items = await seedCase(db);
    const input = await buildDraftInput(db, CASE_ID, '2026-11-22');
    expect(input.promises.map((p) => [p.text, p.evidence.number])).toEqual([
      ['假一赔十', 1],
      ['24小时自动发货', 1],
    ]);
    expect(input.promises[0]?.evidence.sha256).toBe(citedHash(items[0] as (typeof items)[0]));
    expect(input.chat).toEqual([
      expect.objectContaining({
        from: 'customer',
        at: '2026-11-02T14:20:00+08:00',
        evidenceNumber: 4,
      }),
      expect.objectContaining({ from: 'merchant', name: '客服小星', text: '核实中' }),
    ]);
  });

  it('uses cautious defaults when the case does not say (purpose unknown, no deceit)', async () => {
    const db = testDb();
    await seedCase(db, { disputeType: undefined, purpose: undefined });
    const input = await buildDraftInput(db, CASE_ID, '2026-11-22');
    expect(input.case.disputeType).toBe('other');
    expect(input.case.purpose).toBe('unknown');
  });

  it('lists sent complaints, not drafts, and a draft cites them as unanswered', async () => {
    const db = testDb();
    await seedCase(db);
    const now = new Date('2026-11-05T02:00:00Z');
    await saveDraft(db, { caseId: CASE_ID, channel: '12315', text: 'x', fields: {} }, now);
    const sent = await saveDraft(
      db,
      { caseId: CASE_ID, channel: 'platform', text: 'y', fields: {} },
      now,
    );
    await markSent(db, sent.id, { sentAt: '2026-11-03T10:00:00+08:00', ticketNo: 'T-1' }, now);
    const input = await buildDraftInput(db, CASE_ID, '2026-11-22');
    expect(input.complaints).toEqual([
      expect.objectContaining({ channel: 'platform', ticketNo: 'T-1', answered: false }),
    ]);
    const text = draftComplaint(input, 'alipay').text;
    expect(text).toContain('于2026年11月3日向平台客服投诉（编号T-1），至今未获处理');
  });

  it('refuses a case that does not exist', async () => {
    await expect(buildDraftInput(testDb(), 'nope', '2026-11-22')).rejects.toThrow('nope');
  });

  it('drafts every channel from a captured case without throwing', async () => {
    const db = testDb();
    await seedCase(db);
    const input = await buildDraftInput(db, CASE_ID, '2026-11-22');
    const draft = draftComplaint(input, 'platform');
    expect(draft.text).toContain('KM20261102140305881');
    expect(draft.text).toContain('假一赔十');
    expect(draft.text).toMatch(/证据1/);
  });
});
