import { describe, expect, it } from 'vitest';
import { ensureActiveCase, saveEvidence } from '@/lib/db/repo';
import type { EvidenceItem } from '@/lib/db/schema';
import type { PageFacts } from '@/lib/extract/facts';
import { correctFact, gatherCaseFacts, loadAnnotations } from '@/lib/workspace';
import { FactValueError, factChoices, factRows, parseFactValue } from '@/lib/workspace/facts';
import { makeEvidence, testDb } from '../helpers';

// Issue #4 leftovers: promises, chat messages and listed orders (`orders[]`) are
// corrected like any other fact, and the case's gathered facts use the corrections.

const NOW = new Date('2026-11-21T04:00:00.000Z');

async function caseWith(...specs: { capturedAt: string; facts: Partial<PageFacts> }[]) {
  const db = testDb();
  const theCase = await ensureActiveCase(db, NOW, '案件');
  const items: EvidenceItem[] = [];
  for (const spec of specs) {
    const { item, blobs } = await makeEvidence(theCase.id, { capturedAt: spec.capturedAt });
    item.facts = { ...item.facts, ...spec.facts };
    await saveEvidence(db, item, blobs);
    items.push(item);
  }
  const gather = async () => gatherCaseFacts(items, await loadAnnotations(db, theCase.id));
  return { db, items, gather };
}

const problemOf = (path: string, text: string, original?: unknown) => {
  try {
    parseFactValue(path, text, original);
  } catch (err) {
    return err instanceof FactValueError ? err.problem : `other: ${String(err)}`;
  }
  return 'accepted';
};

describe('parseFactValue checks a value against the fact’s schema', () => {
  it.each([
    ['promises.2.category', ' refund ', 'refund'],
    ['promises.0.category', 'after-sales', 'after-sales'],
    ['chat.messages.5.from', 'customer', 'customer'],
    ['chat.messages.5.text', '  卡密已被使用 ', '卡密已被使用'],
    ['chat.messages.0.name', '客服小美', '客服小美'],
    ['orders.1.amount', '¥1,299.00', 1299],
    ['orders.0.status', '已退款', '已退款'],
    ['order.cardKeys', 'A、B, C', ['A', 'B', 'C']],
  ])('%s: %j → %j', (path, text, value) => {
    expect(parseFactValue(path, text)).toEqual(value);
  });

  it.each([
    ['promises.2.category', 'refunds', 'choice'],
    ['chat.messages.5.from', 'buyer', 'choice'],
    ['chat.messages.5.text', '   ', 'empty'],
    ['promises.0.text', '', 'empty'],
    ['orders.1.amount', '九十八', 'number'],
    ['order.amount', '', 'empty'],
    ['chat.messages.1.at', '昨天下午', 'time'],
    ['chat.messages.1.at', '2026-13-01 10:00', 'time'],
    ['orders.0.placedAt', '2026-11-02 25:00', 'time'],
    ['chat.nothing', 'x', 'invalid'],
    ['promises.0.__proto__', 'x', 'invalid'],
  ])('refuses %s = %j (%s)', (path, text, problem) => {
    expect(problemOf(path, text)).toBe(problem);
  });

  it('writes a typed time as ISO 8601, in the zone of the reading it replaces', () => {
    const read = '2026-11-21T10:00:00+09:00';
    expect(parseFactValue('chat.messages.1.at', '2026-11-21 10:05', read)).toBe(
      '2026-11-21T10:05:00+09:00',
    );
    // No reading with a zone: Beijing time, as a card shop's page shows it.
    expect(parseFactValue('orders.0.placedAt', '2026/11/2 9:03:07')).toBe(
      '2026-11-02T09:03:07+08:00',
    );
    expect(parseFactValue('chat.messages.1.at', '2026-11-21T02:05:00.000Z', read)).toBe(
      '2026-11-21T02:05:00.000Z',
    );
    expect(parseFactValue('chat.messages.1.at', '2026-11-21')).toBe('2026-11-21');
  });

  it('offers the schema’s values as choices for a category or a side, none for text', () => {
    expect(factChoices('promises.3.category')).toEqual([
      'delivery',
      'compensation',
      'refund',
      'authenticity',
      'after-sales',
      'other',
    ]);
    expect(factChoices('chat.messages.0.from')).toEqual(['customer', 'merchant', 'system']);
    expect(factChoices('chat.messages.0.text')).toBeUndefined();
    expect(factChoices('orders.0.status')).toBeUndefined();
  });

  it('lists each promise’s text and category as rows', () => {
    const rows = factRows({
      kind: 'promise',
      promises: [
        { text: '假一赔十', category: 'compensation' },
        { text: '24小时到账', category: 'delivery' },
      ],
      site: { contacts: [] },
    });
    expect(rows).toEqual([
      { path: 'promises.0.text', value: '假一赔十' },
      { path: 'promises.0.category', value: 'compensation' },
      { path: 'promises.1.text', value: '24小时到账' },
      { path: 'promises.1.category', value: 'delivery' },
    ]);
  });
});

describe('the case’s gathered facts use corrected promises and chat', () => {
  it('takes a promise’s corrected category and text, and a message’s corrected side', async () => {
    const { db, items, gather } = await caseWith(
      {
        capturedAt: '2026-11-20T02:00:00.000Z',
        facts: { promises: [{ text: '假一赔十', category: 'other' }] },
      },
      {
        capturedAt: '2026-11-20T03:00:00.000Z',
        facts: {
          chat: {
            messages: [
              { from: 'customer', at: '2026-11-20T10:00:00+08:00', text: '卡密用不了' },
              { from: 'customer', at: '2026-11-20T10:01:00+08:00', text: '我们核实一下' },
            ],
          },
        },
      },
    );
    const [promisePage, chatPage] = items as [EvidenceItem, EvidenceItem];
    const before = await gather();
    expect(before.promises[0]?.category).toBe('other');
    expect(before.transcript.map((m) => m.from)).toEqual(['customer', 'customer']);

    await correctFact(
      db,
      promisePage.id,
      { path: 'promises.0.category', value: 'compensation', original: 'other' },
      NOW,
    );
    await correctFact(
      db,
      promisePage.id,
      { path: 'promises.0.text', value: '假一赔十（官方承诺）', original: '假一赔十' },
      NOW,
    );
    await correctFact(
      db,
      chatPage.id,
      { path: 'chat.messages.1.from', value: 'merchant', original: 'customer' },
      NOW,
    );
    const after = await gather();
    expect(after.promises).toEqual([
      { evidenceId: promisePage.id, text: '假一赔十（官方承诺）', category: 'compensation' },
    ]);
    expect(after.transcript.map((m) => [m.from, m.text])).toEqual([
      ['customer', '卡密用不了'],
      ['merchant', '我们核实一下'],
    ]);
    // The reading itself stays as it was.
    expect(chatPage.facts.chat?.messages[1]?.from).toBe('customer');
  });
});

describe('orders seen on order lists', () => {
  const list = (...orders: [string, number, string?][]): NonNullable<PageFacts['orders']> =>
    orders.map(([orderId, amount, status]) => ({
      orderId,
      amount,
      ...(status ? { status } : {}),
    }));

  it('are gathered apart from the disputed orders, one per order id, latest capture winning', async () => {
    const { db, items, gather } = await caseWith(
      {
        capturedAt: '2026-11-20T02:00:00.000Z',
        facts: {
          kind: 'order',
          order: { orderId: 'KM1', amount: 98.5 },
          orders: list(['KM1', 98.5], ['KM2', 30, '待发货'], ['KM3', 10]),
        },
      },
      {
        capturedAt: '2026-11-21T02:00:00.000Z',
        facts: {
          kind: 'order',
          order: { orderId: 'KM4', amount: 50 },
          orders: list(['KM4', 50], ['KM2', 30, '已发货'], ['KM5', 5], ['KM1', 98.5]),
        },
      },
    );
    const facts = await gather();
    // `orders` stays what the pages name as the order (from `order`).
    expect(facts.orders.map((o) => o.order.orderId)).toEqual(['KM1', 'KM4']);
    expect(facts.listedOrders.map((o) => [o.order.orderId, o.order.status])).toEqual([
      ['KM2', '已发货'],
      ['KM3', undefined],
      ['KM5', undefined],
    ]);
    const second = (items[1] as EvidenceItem).id;
    expect(facts.listedOrders[0]?.evidenceId).toBe(second);

    // A corrected listed order is gathered corrected; a corrected id dedupes by the new id.
    await correctFact(
      db,
      second,
      { path: 'orders.2.status', value: '已退款', original: undefined },
      NOW,
    );
    await correctFact(db, second, { path: 'orders.1.orderId', value: 'KM3', original: 'KM2' }, NOW);
    const corrected = await gather();
    expect(corrected.listedOrders.map((o) => [o.order.orderId, o.order.status])).toEqual([
      ['KM2', '待发货'],
      ['KM3', '已发货'],
      ['KM5', '已退款'],
    ]);
  });
});
