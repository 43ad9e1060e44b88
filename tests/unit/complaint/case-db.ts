// A captured case in a fresh database, for the tests of buildDraftInput, the store,
// the reminders and the workspace (not a test file itself).
import type { EvidenceDB } from '@/lib/db/database';
import { type CaseRecord, type EvidenceItem, PROFILE_SETTING } from '@/lib/db/schema';
import type { PageFacts } from '@/lib/extract/facts';
import { makeEvidence } from '../helpers';

export const CASE_ID = 'case-1';

const site = {
  name: '星点卡盟',
  icp: '浙ICP备2026012345号-1',
  company: '杭州星点网络科技有限公司',
  creditCode: '91330106MA2KXD7Q1J',
  contacts: ['客服QQ 800012345'],
};

const FACTS: Array<[EvidenceItem['kind'], string, Partial<PageFacts>]> = [
  [
    'promise',
    '2026-11-02T05:00:00.000Z',
    {
      promises: [
        { text: '假一赔十', category: 'compensation' },
        { text: '24小时自动发货', category: 'delivery' },
      ],
      site,
    },
  ],
  [
    'order',
    '2026-11-02T06:10:00.000Z',
    {
      order: {
        orderId: 'KM20261102140305881',
        amount: 98.5,
        placedAt: '2026-11-02T14:03:05+08:00',
        product: '王者荣耀点券卡密',
        quantity: 1,
        paymentMethod: '支付宝',
        cardKeys: ['K7QM-3XPA-9ZRT-W4HN'],
      },
      promises: [{ text: '假一赔十', category: 'compensation' }],
      site,
    },
  ],
  [
    'payment',
    '2026-11-02T06:20:00.000Z',
    {
      payment: {
        provider: '支付宝',
        tradeNo: '2026110222001412345678901234',
        merchantOrderNo: 'KM20261102140305881',
        merchant: '杭州星点网络科技有限公司',
        amount: 98.5,
      },
      site: { contacts: [] },
    },
  ],
  [
    'chat',
    '2026-11-03T02:00:00.000Z',
    {
      chat: {
        messages: [
          { from: 'customer', at: '2026-11-02T14:20:00+08:00', text: '卡密提示已被使用' },
          { from: 'merchant', name: '客服小星', at: '2026-11-02T14:25:00+08:00', text: '核实中' },
        ],
      },
      site: { contacts: [] },
    },
  ],
];

/** The case with four captures (promise, order, payment, chat) and a profile; items in time order. */
export async function seedCase(
  db: EvidenceDB,
  changes: Partial<CaseRecord> = {},
): Promise<EvidenceItem[]> {
  await db.cases.add({
    id: CASE_ID,
    title: '点券卡密无效',
    createdAt: '2026-11-02T05:00:00.000Z',
    updatedAt: '2026-11-02T05:00:00.000Z',
    status: 'open',
    disputeType: 'invalid-card-key',
    purpose: 'own-use',
    ...changes,
  });
  await db.settings.put({
    key: PROFILE_SETTING,
    value: { name: '张三', phone: '13812345678', city: '南京市', province: '江苏省' },
  });
  const items: EvidenceItem[] = [];
  // Added newest first, to show that numbering follows capture time, not insertion.
  for (const [kind, capturedAt, facts] of [...FACTS].reverse()) {
    const { item } = await makeEvidence(CASE_ID, {
      kind,
      capturedAt,
      url: `https://shop.example.cn/${kind}.html`,
      title: `${kind} 页面`,
    });
    item.capturedAtLocal = capturedAt.replace('Z', '+00:00');
    item.facts = { kind, promises: [], site: { contacts: [] }, ...facts };
    await db.evidence.add(item);
    items.unshift(item);
  }
  return items;
}
