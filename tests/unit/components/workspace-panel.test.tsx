// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseDetailsForm } from '@/components/workspace/CaseDetailsForm';
import { ImportFiles } from '@/components/workspace/ImportFiles';
import { ProfileForm } from '@/components/workspace/ProfileForm';
import { Timeline } from '@/components/workspace/Timeline';
import { App } from '@/entrypoints/sidepanel/App';
import { getDb } from '@/lib/db/database';
import { ensureActiveCase, listCustody, saveEvidence } from '@/lib/db/repo';
import type { EvidenceItem } from '@/lib/db/schema';
import { foldAnnotations, loadProfile } from '@/lib/workspace';
import { captureFiles, makeEvidence, testDb } from '../helpers';

// The fake browser has no i18n: show the key and its substitutions instead.
vi.mock('@/lib/i18n', () => ({
  t: (key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key}:${[subs].flat().join('|')}`,
}));

afterEach(() => cleanup());

const NOW = new Date('2026-11-21T04:00:00.000Z');

async function seedShared() {
  const db = getDb();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  const theCase = await ensureActiveCase(db, NOW, '未发货');
  const items: EvidenceItem[] = [];
  const specs = [
    { kind: 'order', at: '2026-11-20T02:00:00.000Z', local: '2026-11-20T10:00:00.000+08:00' },
    { kind: 'chat', at: '2026-11-21T02:00:00.000Z', local: '2026-11-21T10:00:00.000+08:00' },
    { kind: 'payment', at: '2026-11-21T03:00:00.000Z', local: '2026-11-21T11:00:00.000+08:00' },
  ] as const;
  for (const s of specs) {
    const { item, blobs } = await makeEvidence(theCase.id, {
      kind: s.kind,
      capturedAt: s.at,
      title: `${s.kind} 页面`,
    });
    item.capturedAtLocal = s.local;
    if (s.kind === 'order') {
      item.facts.order = { orderId: 'KM20261120001', amount: 100 };
      item.facts.sources = {
        'order.orderId': { selector: 'td#oid', text: '订单号：KM20261120001' },
      };
    }
    await saveEvidence(db, item, blobs);
    items.push(item);
  }
  return { db, theCase, items };
}

describe('side panel workspace', () => {
  beforeEach(async () => {
    await seedShared();
  });

  it('shows the timeline by day, newest first, with key facts and the checklist', async () => {
    render(<App />);
    await waitFor(() => expect(screen.getAllByTestId('evidence-item')).toHaveLength(3));
    const days = screen
      .getAllByTestId('day-heading')
      .map((h) => h.querySelector('time')?.textContent);
    expect(days).toEqual(['2026-11-21', '2026-11-20']);
    expect(screen.getAllByTestId('evidence-item')[0]?.textContent).toContain('payment 页面');
    expect(screen.getByTestId('key-facts').textContent).toContain('KM20261120001');
    const missing = (await screen.findAllByTestId('missing')).map((m) =>
      m.getAttribute('data-missing'),
    );
    expect(missing).toContain('promise');
    expect(missing).not.toContain('order');

    fireEvent.change(screen.getByTestId('sort-order'), { target: { value: 'oldest' } });
    await waitFor(() =>
      expect(screen.getAllByTestId('evidence-item')[0]?.textContent).toContain('order 页面'),
    );
    fireEvent.change(screen.getByTestId('kind-filter'), { target: { value: 'chat' } });
    await waitFor(() => expect(screen.getAllByTestId('evidence-item')).toHaveLength(1));
    fireEvent.change(screen.getByTestId('kind-filter'), { target: { value: 'all' } });
    fireEvent.change(screen.getByTestId('search'), { target: { value: 'km2026' } });
    await waitFor(() => expect(screen.getAllByTestId('evidence-item')).toHaveLength(1));
  });

  it('saves 证明目的 as a custody entry on blur', async () => {
    render(<App />);
    const [first] = await screen.findAllByTestId('purpose-input');
    if (!first) throw new Error('no purpose field');
    fireEvent.change(first, { target: { value: '证明已付款' } });
    fireEvent.blur(first);
    const db = getDb();
    const caseId = (await db.cases.toArray())[0]?.id ?? '';
    await waitFor(async () =>
      expect((await listCustody(db, caseId)).at(-1)?.details).toEqual({
        field: 'purpose',
        value: '证明已付款',
      }),
    );
  });

  it('deletes only after confirmation, and the log keeps the record', async () => {
    render(<App />);
    const db = getDb();
    await waitFor(() => expect(screen.getAllByTestId('evidence-item')).toHaveLength(3));
    const first = screen.getAllByTestId('evidence-item')[0];
    if (!first) throw new Error('no item');
    const id = first.getAttribute('data-evidence-id') ?? '';
    fireEvent.click(within(first).getByTestId('delete-item'));
    const dialog = await screen.findByTestId('delete-dialog');
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    fireEvent.click(screen.getByTestId('delete-cancel'));
    expect(await db.evidence.get(id)).toBeDefined();

    fireEvent.click(within(first).getByTestId('delete-item'));
    fireEvent.click(await screen.findByTestId('delete-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('evidence-item')).toHaveLength(2));
    expect(await db.evidence.get(id)).toBeUndefined();
    const caseId = (await db.cases.toArray())[0]?.id ?? '';
    const chain = await listCustody(db, caseId);
    expect(foldAnnotations(chain).deleted.map((d) => d.evidenceId)).toEqual([id]);
  });

  it('opens an item: metadata, artifacts with hashes, facts with sources, corrections, custody', async () => {
    render(<App />);
    await waitFor(() => expect(screen.getAllByTestId('evidence-item')).toHaveLength(3));
    const order = screen
      .getAllByTestId('evidence-item')
      .find((el) => el.textContent?.includes('order 页面'));
    if (!order) throw new Error('no order item');
    fireEvent.click(within(order).getByTestId('open-detail'));
    const detail = await screen.findByTestId('evidence-detail');
    expect(within(detail).getAllByTestId('artifact')).toHaveLength(6);
    expect(within(detail).getAllByTestId('artifact-sha256')[0]?.textContent).toMatch(
      /[0-9a-f]{64}/,
    );
    // MHTML and HTML are offered as downloads or a sandboxed frame, never rendered here.
    expect(detail.querySelectorAll('iframe:not([sandbox=""])')).toHaveLength(0);
    expect(detail.textContent).toContain('td#oid');
    const amount = within(detail)
      .getAllByTestId('fact')
      .find((f) => f.getAttribute('data-path') === 'order.amount');
    if (!amount) throw new Error('no amount fact');
    fireEvent.click(within(amount).getByTestId('correct-fact'));
    fireEvent.change(within(amount).getByTestId('correct-input'), { target: { value: '¥95.00' } });
    fireEvent.click(within(amount).getByTestId('correct-save'));
    await waitFor(() => expect(within(amount).getByTestId('fact-value').textContent).toBe('95'));
    expect(within(amount).getByTestId('corrected-from').textContent).toBe('correctedFrom:100');
    const actions = within(detail)
      .getAllByTestId('custody-entry')
      .map((r) => r.getAttribute('data-action'));
    expect(actions).toEqual(['capture', 'correct-fact']);
  });

  it('creates and switches cases from the case bar, and mounts the complaints tab', async () => {
    render(<App />);
    fireEvent.click(await screen.findByTestId('new-case'));
    fireEvent.change(screen.getByTestId('case-title-input'), { target: { value: '账号被找回' } });
    fireEvent.click(screen.getByTestId('case-form-save'));
    await waitFor(() =>
      expect(screen.getByTestId('case-title').textContent).toContain('账号被找回'),
    );
    await waitFor(() => expect(screen.queryAllByTestId('evidence-item')).toHaveLength(0));
    fireEvent.click(screen.getByTestId('tab-complaints'));
    const workspace = await screen.findByTestId('complaint-workspace');
    const active = (await getDb().cases.toArray()).find((c) => c.title === '账号被找回');
    expect(workspace.getAttribute('data-case-id')).toBe(active?.id);
    const select = screen.getByTestId('case-select') as HTMLSelectElement;
    const other = (await getDb().cases.toArray()).find((c) => c.title === '未发货');
    fireEvent.change(select, { target: { value: other?.id } });
    await waitFor(() => expect(screen.getByTestId('case-title').textContent).toContain('未发货'));
  });
});

describe('importing files', () => {
  it('stores a dropped file as an imported item of the case', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, NOW, '案件');
    render(<ImportFiles db={db} caseId={theCase.id} />);
    const file = new File(['chat export'], '微信聊天记录.txt', { type: 'text/plain' });
    fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files: [file] } });
    await waitFor(() =>
      expect(screen.getByTestId('import-files-status').getAttribute('data-state')).toBe('done'),
    );
    const [item] = await db.evidence.toArray();
    expect(item).toMatchObject({ source: 'import', kind: 'chat', title: '微信聊天记录.txt' });
    expect(item?.artifacts.map((a) => a.role)).toEqual(['imported', 'meta']);
    expect(item?.artifacts[0]?.method).toContain('drag-and-drop');
  });
});

describe('case details and profile forms', () => {
  it('saves dispute type, purpose, amount and a platform prefilled from facts', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, NOW, '案件');
    render(
      <CaseDetailsForm
        db={db}
        theCase={theCase}
        suggestedPlatform={{ name: '星辰卡盟', company: '某公司', contacts: [], payeeAccounts: [] }}
      />,
    );
    fireEvent.change(screen.getByTestId('dispute-type'), { target: { value: 'not-delivered' } });
    fireEvent.click(screen.getByTestId('purpose-own-use'));
    fireEvent.change(screen.getByTestId('amount'), { target: { value: '1,299.00' } });
    fireEvent.click(screen.getByTestId('prefill-platform'));
    expect((screen.getByTestId('platform-name') as HTMLInputElement).value).toBe('星辰卡盟');
    fireEvent.change(screen.getByTestId('platform-name'), { target: { value: '星辰卡盟网' } });
    fireEvent.click(screen.getByTestId('save-case'));
    await waitFor(() =>
      expect(screen.getByTestId('case-details-status').getAttribute('data-state')).toBe('saved'),
    );
    expect(await db.cases.get(theCase.id)).toMatchObject({
      disputeType: 'not-delivered',
      purpose: 'own-use',
      amountInDispute: 1299,
      platform: { name: '星辰卡盟网', company: '某公司' },
    });
  });

  it('keeps the profile in local settings', async () => {
    const db = testDb();
    render(<ProfileForm db={db} />);
    await waitFor(() => expect(screen.getByTestId('profile-name')).toBeDefined());
    fireEvent.change(screen.getByTestId('profile-name'), { target: { value: '李四' } });
    fireEvent.change(screen.getByTestId('profile-phone'), { target: { value: '13800000000' } });
    fireEvent.click(screen.getByTestId('save-profile'));
    await waitFor(async () =>
      expect(await loadProfile(db)).toEqual({ name: '李四', phone: '13800000000' }),
    );
  });

  it('renders only a window of a 1,000-item timeline', async () => {
    const db = testDb();
    const items: EvidenceItem[] = [];
    const few = captureFiles('x').slice(0, 1);
    for (let i = 0; i < 1000; i++) {
      const { item } = await makeEvidence('c', {
        files: few,
        capturedAt: new Date(NOW.getTime() - i * 60_000).toISOString(),
      });
      items.push(item);
    }
    render(
      <Timeline
        db={db}
        items={items}
        annotations={undefined}
        onOpen={() => {}}
        onDelete={() => {}}
      />,
    );
    const shown = screen.getAllByTestId('evidence-item').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(30);
    expect(screen.getByTestId('shown-count').textContent).toBe('shownCount:1000|1000');
  });
});
