// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseFactsView } from '@/components/workspace/CaseOverview';
import { FactsView } from '@/components/workspace/FactsView';
import type { EvidenceDB } from '@/lib/db/database';
import { ensureActiveCase, listCustody, saveEvidence } from '@/lib/db/repo';
import type { EvidenceItem } from '@/lib/db/schema';
import type { PageFacts } from '@/lib/extract/facts';
import { foldAnnotations, gatherCaseFacts } from '@/lib/workspace';
import { makeEvidence, testDb } from '../helpers';

// The fake browser has no i18n: show the key and its substitutions instead.
vi.mock('@/lib/i18n', () => ({
  t: (key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key}:${[subs].flat().join('|')}`,
}));

afterEach(() => cleanup());

/** FactsView fed the way the panel feeds it: annotations folded from the live custody log. */
function LiveFacts({ db, item }: { db: EvidenceDB; item: EvidenceItem }) {
  const chain = useLiveQuery(() => listCustody(db, item.caseId), [db, item.caseId]);
  if (!chain) return null;
  return <FactsView db={db} item={item} annotations={foldAnnotations(chain).byItem.get(item.id)} />;
}

async function show(facts: Partial<PageFacts>, onOuterKeyDown?: (key: string) => void) {
  const db = testDb();
  const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00Z'), '案件');
  const { item, blobs } = await makeEvidence(theCase.id, { kind: facts.kind ?? 'chat' });
  item.facts = { ...item.facts, ...facts };
  await saveEvidence(db, item, blobs);
  // The evidence detail around the facts closes on Escape (EvidenceDetail.tsx).
  render(
    <section aria-label="detail" onKeyDown={(e) => onOuterKeyDown?.(e.key)}>
      <LiveFacts db={db} item={item} />
    </section>,
  );
  const corrections = async () =>
    (await listCustody(db, theCase.id))
      .filter((c) => c.action === 'correct-fact')
      .map((c) => c.details);
  return { db, item, corrections };
}

const CHAT: Partial<PageFacts> = {
  chat: {
    messages: [
      { from: 'customer', at: '2026-11-21T10:00:00+08:00', text: '卡密提示已被使用' },
      { from: 'customer', name: '客服小美', at: '2026-11-21T10:02:00+08:00', text: '请稍等' },
    ],
  },
};

const inputOf = (scope: HTMLElement, path: string) => {
  const found = within(scope)
    .getAllByTestId('correct-input')
    .find((el) => el.getAttribute('data-path') === path);
  if (!found) throw new Error(`no field for ${path}`);
  return found as HTMLInputElement | HTMLSelectElement;
};

describe('correcting a promise', () => {
  it('offers the category as a choice of labels and saves the choice as a correction', async () => {
    const { corrections } = await show({
      kind: 'promise',
      promises: [{ text: '假一赔十', category: 'other' }],
    });
    const row = await waitFor(() => {
      const found = screen
        .getAllByTestId('fact')
        .find((r) => r.getAttribute('data-path') === 'promises.0.category');
      if (!found) throw new Error('no category row');
      return found;
    });
    expect(within(row).getByTestId('fact-value').textContent).toBe('promiseCategory_other');
    fireEvent.click(within(row).getByTestId('correct-fact'));
    const select = inputOf(row, 'promises.0.category');
    expect(select.tagName).toBe('SELECT');
    // The form takes the keyboard at once.
    expect(document.activeElement).toBe(select);
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toContain(
      'promiseCategory_after_sales',
    );
    fireEvent.change(select, { target: { value: 'compensation' } });
    fireEvent.click(within(row).getByTestId('correct-save'));
    await waitFor(() =>
      expect(within(row).getByTestId('fact-value').textContent).toBe(
        'promiseCategory_compensation',
      ),
    );
    expect(within(row).getByTestId('fact-value').getAttribute('title')).toBe(
      'correctedFrom:promiseCategory_other',
    );
    expect(within(row).getByTestId('corrected-from').textContent).toBe(
      'correctedFrom:promiseCategory_other',
    );
    expect(await corrections()).toEqual([
      { path: 'promises.0.category', value: 'compensation', original: 'other' },
    ]);
  });
});

describe('correcting a chat message', () => {
  it('changes the side only, marked, with the reading in the title; focus returns to its button', async () => {
    const { corrections } = await show(CHAT);
    const message = (await screen.findAllByTestId('message'))[1] as HTMLElement;
    expect(message.className).toContain('from-customer');
    const button = within(message).getByTestId('correct-message');
    expect(button.getAttribute('aria-label')).toBe('correctMessage:2');
    fireEvent.click(button);
    expect(
      within(message)
        .getAllByTestId('correct-input')
        .map((f) => f.getAttribute('data-path')),
    ).toEqual([
      'chat.messages.1.from',
      'chat.messages.1.name',
      'chat.messages.1.at',
      'chat.messages.1.text',
    ]);
    expect(inputOf(message, 'chat.messages.1.at').value).toBe('2026-11-21T10:02:00+08:00');
    fireEvent.change(inputOf(message, 'chat.messages.1.from'), { target: { value: 'merchant' } });
    fireEvent.click(within(message).getByTestId('correct-save'));

    await waitFor(() => expect(message.className).toContain('from-merchant'));
    // Only the changed field is a correction; name, time and text stay as read.
    expect(await corrections()).toEqual([
      { path: 'chat.messages.1.from', value: 'merchant', original: 'customer' },
    ]);
    const marked = within(message).getByTestId('corrected-value');
    expect(marked.getAttribute('data-path')).toBe('chat.messages.1.from');
    expect(marked.textContent).toBe('from_merchant');
    expect(marked.getAttribute('title')).toBe('correctedFrom:from_customer');
    expect(message.textContent).toContain('✎');
    expect(within(message).queryByTestId('correct-form')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(within(message).getByTestId('correct-message')),
    );
    // The other message is untouched.
    const first = screen.getAllByTestId('message')[0] as HTMLElement;
    expect(within(first).queryByTestId('corrected-value')).toBeNull();
  });

  it('refuses a time it cannot read and saves nothing, not even the valid fields', async () => {
    const { corrections } = await show(CHAT);
    const message = (await screen.findAllByTestId('message'))[0] as HTMLElement;
    fireEvent.click(within(message).getByTestId('correct-message'));
    // The name comes before the time in the form: it must not be saved alone.
    fireEvent.change(inputOf(message, 'chat.messages.0.name'), { target: { value: '小王' } });
    fireEvent.change(inputOf(message, 'chat.messages.0.at'), { target: { value: '昨天' } });
    fireEvent.click(within(message).getByTestId('correct-save'));
    const alert = await within(message).findByRole('alert');
    expect(alert.textContent).toBe('fact_chat_at: correctError_time');
    expect(inputOf(message, 'chat.messages.0.at').getAttribute('aria-invalid')).toBe('true');
    expect(await corrections()).toEqual([]);
  });

  it('writes a typed time as ISO 8601 in the zone of the reading', async () => {
    const { corrections } = await show(CHAT);
    const message = (await screen.findAllByTestId('message'))[0] as HTMLElement;
    fireEvent.click(within(message).getByTestId('correct-message'));
    fireEvent.change(inputOf(message, 'chat.messages.0.at'), {
      target: { value: '2026-11-21 09:58' },
    });
    fireEvent.click(within(message).getByTestId('correct-save'));
    await waitFor(async () =>
      expect(await corrections()).toEqual([
        {
          path: 'chat.messages.0.at',
          value: '2026-11-21T09:58:00+08:00',
          original: '2026-11-21T10:00:00+08:00',
        },
      ]),
    );
  });

  it('closes on Escape without saving, and without closing the detail around it', async () => {
    const outer = vi.fn();
    const { corrections } = await show(CHAT, outer);
    const message = (await screen.findAllByTestId('message'))[0] as HTMLElement;
    fireEvent.click(within(message).getByTestId('correct-message'));
    fireEvent.change(inputOf(message, 'chat.messages.0.text'), { target: { value: '改了' } });
    // The side is a <select>, the field the form opens on.
    fireEvent.keyDown(inputOf(message, 'chat.messages.0.from'), { key: 'Escape' });
    expect(outer).not.toHaveBeenCalledWith('Escape');
    expect(within(message).queryByTestId('correct-form')).toBeNull();
    expect(document.activeElement).toBe(within(message).getByTestId('correct-message'));
    expect(await corrections()).toEqual([]);
  });
});

describe('an order list (orders[]) in the evidence detail', () => {
  const ORDERS = {
    kind: 'order' as const,
    orders: [
      {
        orderId: 'KM1',
        amount: 98.5,
        placedAt: '2026-11-02T14:03:05+08:00',
        product: '点卡',
        status: '已发货',
      },
      { orderId: 'KM2', amount: 30, status: '待发货' },
      { orderId: 'KM3', amount: 10, product: '月卡' },
    ],
  };

  it('shows one row per order: id, amount, time, product, status', async () => {
    await show(ORDERS);
    const table = await screen.findByTestId('order-list');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'fact_order_orderId',
      'fact_order_amount',
      'fact_order_placedAt',
      'fact_order_product',
      'fact_order_status',
      'correctFact',
    ]);
    const rows = within(table).getAllByTestId('listed-order');
    expect(
      rows.map((r) => [...r.querySelectorAll('td[data-path]')].map((c) => c.textContent)),
    ).toEqual([
      ['KM1', '¥98.50', '2026-11-02 14:03', '点卡', '已发货'],
      ['KM2', '¥30.00', '', '', '待发货'],
      ['KM3', '¥10.00', '', '月卡', ''],
    ]);
  });

  it('corrects a row’s cells as orders.N.field, marked in the table', async () => {
    const { corrections } = await show(ORDERS);
    const row = (await screen.findAllByTestId('listed-order'))[1] as HTMLElement;
    const button = within(row).getByTestId('correct-listed-order');
    expect(button.getAttribute('aria-label')).toBe('correctListedOrder:2');
    fireEvent.click(button);
    const form = screen.getByTestId('correct-form');
    fireEvent.change(inputOf(form, 'orders.1.amount'), { target: { value: '¥35' } });
    fireEvent.change(inputOf(form, 'orders.1.status'), { target: { value: '已退款' } });
    fireEvent.click(within(form).getByTestId('correct-save'));
    await waitFor(() =>
      expect(row.querySelector('td[data-path="orders.1.status"]')?.textContent).toContain('已退款'),
    );
    expect(await corrections()).toEqual([
      { path: 'orders.1.amount', value: 35, original: 30 },
      { path: 'orders.1.status', value: '已退款', original: '待发货' },
    ]);
    const amount = row.querySelector('td[data-path="orders.1.amount"]') as HTMLElement;
    expect(within(amount).getByTestId('corrected-value').textContent).toBe('¥35.00');
    expect(within(amount).getByTestId('corrected-value').getAttribute('title')).toBe(
      'correctedFrom:¥30.00',
    );
    // Row 1 and 3 are as read.
    expect(screen.getAllByTestId('corrected-value')).toHaveLength(2);
  });

  it('refuses an amount that is not a number', async () => {
    const { corrections } = await show(ORDERS);
    const row = (await screen.findAllByTestId('listed-order'))[0] as HTMLElement;
    fireEvent.click(within(row).getByTestId('correct-listed-order'));
    const form = screen.getByTestId('correct-form');
    fireEvent.change(inputOf(form, 'orders.0.amount'), { target: { value: '九十八' } });
    fireEvent.click(within(form).getByTestId('correct-save'));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'fact_order_amount: correctError_number',
    );
    expect(await corrections()).toEqual([]);
  });
});

describe('other orders seen on order lists, in the case overview', () => {
  it('are listed once each, apart from the disputed order, in a closed section', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00Z'), '案件');
    const items: EvidenceItem[] = [];
    const lists = [
      ['KM1', 'KM2', 'KM3'],
      ['KM2', 'KM4', 'KM1'],
    ];
    for (const [i, ids] of lists.entries()) {
      const { item } = await makeEvidence(theCase.id, {
        capturedAt: `2026-11-2${i}T02:00:00.000Z`,
      });
      item.facts.order = { orderId: ids[0] };
      item.facts.orders = ids.map((orderId) => ({ orderId, amount: 1 }));
      items.push(item);
    }
    render(<CaseFactsView facts={gatherCaseFacts(items, { byItem: new Map(), deleted: [] })} />);
    expect(screen.getAllByTestId('case-order').map((o) => o.textContent)).toEqual(['KM1', 'KM2']);
    const section = screen.getByTestId('listed-orders') as HTMLDetailsElement;
    expect(section.tagName).toBe('DETAILS');
    expect(section.open).toBe(false);
    expect(section.querySelector('summary')?.textContent).toBe('listedOrdersHeading:2');
    expect(
      within(section)
        .getAllByTestId('case-listed-order')
        .map((o) => o.textContent),
    ).toEqual(['KM3 · ¥1.00', 'KM4 · ¥1.00']);
  });
});
